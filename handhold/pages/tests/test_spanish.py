"""Handhold in Spanish: the interface catalogue is complete and compiled, each request gets its
own language (from Accept-Language or the footer's switch) and nothing cached in one language
reaches a page in the other, and the pack comes in the request's language."""

from __future__ import annotations

import gettext
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from handhold.content import registry
from handhold.discovery import ladder
from handhold.discovery.services import save_answers
from handhold.pages.tests.po import read_po

HANDHOLD = Path(__file__).resolve().parents[2]
CATALOGUE = HANDHOLD / "locale" / "es" / "LC_MESSAGES"
SPANISH = {"HTTP_ACCEPT_LANGUAGE": "es-ES,es;q=0.9,en;q=0.5"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


# The catalogue ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> list:
    """`makemessages -l es` run over a copy of the code and templates, starting from the
    committed catalogue, as a developer runs it after changing a string: a new or changed
    string arrives untranslated (or fuzzy), and the test below names it."""
    from django.conf import settings

    root = tmp_path_factory.mktemp("makemessages-es")
    source = root / "handhold"
    shutil.copytree(
        HANDHOLD,
        source,
        ignore=shutil.ignore_patterns(
            "locale", "data", "packs", "static", "__pycache__", "*.gz", "migrations"
        ),
    )
    target = root / "locale" / "es" / "LC_MESSAGES"
    target.mkdir(parents=True)
    shutil.copy(CATALOGUE / "django.po", target / "django.po")
    old_cwd, old_paths = Path.cwd(), settings.LOCALE_PATHS
    settings.LOCALE_PATHS = [root / "locale"]
    try:
        os.chdir(source)
        call_command("makemessages", locale=["es"], verbosity=0)
    finally:
        os.chdir(old_cwd)
        settings.LOCALE_PATHS = old_paths
    return read_po((target / "django.po").read_text())


def test_every_interface_string_has_a_spanish_translation(fresh_catalogue):
    entries = [entry for entry in fresh_catalogue if entry.msgid]
    assert len(entries) > 500
    untranslated = [entry.msgid for entry in entries if not entry.translated]
    assert untranslated == [], (
        "Strings without a Spanish translation (or marked fuzzy): run `handhold manage "
        "makemessages -l es` in handhold/, translate them in handhold/locale/es/LC_MESSAGES/"
        "django.po, then `msgfmt -o django.mo django.po` beside it."
    )


def test_every_placeholder_and_tag_survives_translation():
    import re

    # Printf-style values, the {name} values our scripts fill in, and tags.
    marks = re.compile(r"%\(\w+\)s|\{\w+\}|<[^>]+>")
    for entry in read_po((CATALOGUE / "django.po").read_text()):
        if entry.msgid:
            for text in entry.msgstr.values():
                assert sorted(marks.findall(text)) == sorted(marks.findall(entry.msgid)), (
                    entry.msgid
                )


def test_the_committed_mo_is_compiled_from_the_po():
    """The .mo is committed, so a fresh clone needs no gettext tools; this says when it lags
    behind the .po."""
    with open(CATALOGUE / "django.mo", "rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    for entry in read_po((CATALOGUE / "django.po").read_text()):
        if entry.msgid and entry.translated:
            assert mo.gettext(entry.key) == entry.msgstr[0], entry.msgid


# The language of each request -------------------------------------------------------------


@pytest.mark.django_db
def test_the_browser_language_chooses_spanish(client):
    html = client.get(reverse("pages:home"), **SPANISH).content.decode()
    assert '<html lang="es">' in html
    assert "Saltar al contenido" in html
    assert "Skip to content" not in html


@pytest.mark.django_db
def test_without_a_spanish_preference_the_page_is_english(client):
    html = client.get(reverse("pages:home"), HTTP_ACCEPT_LANGUAGE="fr,de;q=0.8").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html


@pytest.mark.django_db
def test_cached_frame_and_strings_never_cross_languages(client_for, stranger):
    """The frame's links, the template strings and the ladder's markup are all cached per
    process; requests alternating between the two languages each get their own."""
    client = client_for(stranger)
    for headers, mine, other in [
        (SPANISH, "Reflexionar", ">Reflect<"),
        (ENGLISH, ">Reflect<", "Reflexionar"),
        (SPANISH, "Reflexionar", ">Reflect<"),
        (ENGLISH, ">Reflect<", "Reflexionar"),
    ]:
        for name in ("discovery:discover", "together:journey", "discovery:learn"):
            html = client.get(reverse(name), **headers).content.decode()
            assert mine in html, (name, headers)
            assert other not in html, (name, headers)
        ladder_html = client.get(reverse("discovery:discover"), **headers).content.decode()
        want, unwanted = (
            ("Me da curiosidad", ">Curious<") if headers is SPANISH else (">Curious<", "curiosidad")
        )
        assert want in ladder_html
        assert unwanted not in ladder_html


@pytest.mark.django_db
def test_the_footer_switch_keeps_the_person_on_the_same_page(client):
    page = reverse("discovery:learn")
    html = client.get(page, **ENGLISH).content.decode()
    assert f'action="{reverse("pages:language")}"' in html
    assert 'name="language" value="es" lang="es"' in html
    assert f'name="next" value="{page}"' in html
    response = client.post(reverse("pages:language"), {"language": "es", "next": page}, **ENGLISH)
    assert response.status_code == 302
    assert response["Location"] == page
    # The choice outweighs the browser's own preference from then on.
    html = client.get(page, **ENGLISH).content.decode()
    assert '<html lang="es">' in html
    assert 'name="language" value="en" lang="en"' in html


@pytest.mark.django_db
def test_the_switch_refuses_to_send_anyone_elsewhere(client):
    response = client.post(
        reverse("pages:language"), {"language": "es", "next": "https://example.com/"}
    )
    assert response.status_code == 302
    assert not response["Location"].startswith("https://example.com")


# The pack in the request's language --------------------------------------------------------


@pytest.fixture
def spanish_pack(tmp_path, settings):
    """The default pack and a tiny Spanish version of it beside it (`anal-play-es`): the same
    items, with a Spanish manifest and a few Spanish titles."""
    english = tmp_path / "anal-play"
    spanish = tmp_path / "anal-play-es"
    shutil.copytree(settings.HANDHOLD_DEFAULT_PACK, english)
    shutil.copytree(settings.HANDHOLD_DEFAULT_PACK, spanish)
    manifest = spanish / "manifest.yaml"
    manifest.write_text(
        manifest.read_text()
        .replace("language: en", "language: es")
        .replace("title: Anal play", "title: Juego anal")
    )
    cards = spanish / "cards.yaml"
    cards.write_text(cards.read_text().replace("title: Lube is not optional", "title: Lubricante"))
    activities = spanish / "activities.yaml"
    activities.write_text(
        activities.read_text().replace(
            "title: A compliment about their body", "title: Un piropo a su cuerpo"
        )
    )
    settings.HANDHOLD_DEFAULT_PACK = english
    settings.HANDHOLD_EXTRA_PACKS = []
    registry.clear()
    yield spanish
    registry.clear()


def test_the_registry_holds_each_language_of_a_pack(spanish_pack):
    assert set(registry.packs_by_language()) == {("anal-play", "en"), ("anal-play", "es")}
    assert set(registry.all_packs()) == {"anal-play"}
    assert registry.all_packs()["anal-play"].manifest.language == "en"
    assert registry.pack_for("es").manifest.title == "Juego anal"
    assert registry.pack_for("es-mx").manifest.title == "Juego anal"
    assert registry.pack_for("en").manifest.language == "en"
    assert registry.pack_for("fr").manifest.language == "en"  # no French: the pack as written
    assert registry.pack_for(None).manifest.language == "en"


def test_without_a_spanish_pack_spanish_pages_show_the_english_one(settings, tmp_path):
    alone = tmp_path / "anal-play"
    shutil.copytree(settings.HANDHOLD_DEFAULT_PACK, alone)
    settings.HANDHOLD_DEFAULT_PACK = alone
    settings.HANDHOLD_EXTRA_PACKS = []
    registry.clear()
    try:
        assert registry.pack_for("es").manifest.language == "en"
        assert registry.pack_for("es") is registry.pack_for("en")
    finally:
        registry.clear()


def test_a_translation_must_hold_the_same_items(spanish_pack):
    from handhold.content.apps import check_content_packs

    supplies = spanish_pack / "supplies.yaml"
    supplies.write_text(supplies.read_text().replace("- id: gloves", "- id: guantes"))
    activities = spanish_pack / "activities.yaml"
    activities.write_text(
        activities.read_text().replace("roles: [give, receive]", "roles: [give]", 1)
    )
    errors = [error.msg for error in check_content_packs()]
    assert errors[-3].startswith(f"{spanish_pack}/supplies.yaml: id 'gloves' is missing: ")
    assert errors[-2].startswith(f"{spanish_pack}/supplies.yaml: id 'guantes' is not in ")
    roles = "activities.yaml: 'compliment-body': roles ['give'], but ['give', 'receive'] in "
    assert roles in errors[-1]
    assert len(errors) == 3


def test_two_versions_of_one_language_are_refused(spanish_pack, settings, tmp_path):
    from handhold.content.apps import check_content_packs

    again = tmp_path / "another-es"
    shutil.copytree(spanish_pack, again)
    settings.HANDHOLD_EXTRA_PACKS = [again]
    (error,) = [error.msg for error in check_content_packs()]
    assert "pack id 'anal-play' in language 'es' is already used by" in error


@pytest.mark.django_db
def test_pages_read_the_pack_in_the_requests_language(spanish_pack, client):
    page = reverse("discovery:learn")
    assert "Lubricante" in client.get(page, **SPANISH).content.decode()
    english = client.get(page, **ENGLISH).content.decode()
    assert "Lube is not optional" in english
    assert "Lubricante" not in english


@pytest.mark.django_db
def test_switching_language_keeps_every_answer(spanish_pack, client_for, stranger):
    """Answers name items by id, the same in both languages: what was saved in English is
    checked on the Spanish ladder, and a change made in Spanish shows in English."""
    pack = registry.pack_for("en")
    save_answers(person=stranger, pack=pack, choices={("compliment-body", "give"): "yes"})
    client = client_for(stranger)
    ladder._built.clear()
    spanish = client.get(reverse("discovery:discover"), **SPANISH).content.decode()
    assert "Un piropo a su cuerpo" in spanish
    assert 'name="compliment-body__give" value="yes" checked' in spanish.replace("\n", " ")
    client.post(reverse("discovery:discover"), {"compliment-body__give": "curious"}, **SPANISH)
    english = client.get(reverse("discovery:discover"), **ENGLISH).content.decode()
    assert "A compliment about their body" in english
    assert 'name="compliment-body__give" value="curious" checked' in english.replace("\n", " ")
