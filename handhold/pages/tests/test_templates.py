"""One template language: every template of ours is Jinja2, its strings reach the translation
catalogue, it translates into the language of the request, and a page makes its CSRF field
once."""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.template import engines
from django.urls import reverse
from django.utils import translation

from handhold.config import templating

HANDHOLD = Path(__file__).resolve().parents[2]
TEMPLATES = sorted(HANDHOLD.glob("*/jinja2/**/*.html"))
DJANGO_TAGS = re.compile(r"\{%-?\s*(load|translate|blocktranslate|csrf_token|url|static|comment)\b")


def test_every_template_is_jinja2():
    assert len(TEMPLATES) >= 47
    assert not list(HANDHOLD.glob("*/templates")), "Django template folders are back"
    for path in TEMPLATES:
        source = path.read_text()
        assert not DJANGO_TAGS.search(source), path
        engines["jinja2"].env.parse(source)  # raises on anything Jinja2 cannot read


# A template the catalogue must also read, for what ours have none of yet: a plural, a
# plural with a value, and a string with a context.
PLURAL = (
    "<p>{% trans count=n %}One step rests.{% pluralize %}{{ count }} steps rest.{% endtrans %}"
    "</p>\n<p>{% trans count=n, name=user.username %}{{ name }} has one note.{% pluralize %}"
    "{{ name }} has {{ count }} notes.{% endtrans %}</p>\n"
    '<p>{{ pgettext("a session\'s light", "Green") }}</p>\n'
)


def catalogue_entries(po: str) -> dict[str, str]:
    """msgid (or msgid|msgid_plural) -> the entry's comment and flag lines, from a .po file."""

    def unquote(block: str) -> str:
        return (
            "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
            .encode()
            .decode("unicode_escape")
            .encode("latin-1")
            .decode()
        )

    entries = {}
    for entry in po.split("\n\n"):
        msgid = re.search(r"^msgid (.*?)(?=^msg)", entry, re.M | re.S)
        if not msgid:
            continue
        key = unquote(msgid.group(1))
        plural = re.search(r"^msgid_plural (.*?)(?=^msgstr)", entry, re.M | re.S)
        if plural:
            key += "|" + unquote(plural.group(1))
        context = re.search(r"^msgctxt (.*?)(?=^msgid)", entry, re.M | re.S)
        if context:
            key = unquote(context.group(1)) + "\x04" + key
        entries[key] = "\n".join(line for line in entry.splitlines() if line.startswith("#"))
    return entries


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory) -> dict[str, str]:
    """`makemessages` run over a copy of every template folder, as an educator runs it
    (`handhold manage makemessages -l xx`), into a catalogue of its own."""
    root = tmp_path_factory.mktemp("makemessages")
    source = root / "handhold"
    from django.conf import settings

    for folder in HANDHOLD.glob("*/jinja2"):
        shutil.copytree(folder, source / folder.relative_to(HANDHOLD))
    (source / "pages" / "jinja2" / "_plural_example.html").write_text(PLURAL)

    old_cwd, old_paths = Path.cwd(), settings.LOCALE_PATHS
    settings.LOCALE_PATHS = [root / "locale"]
    try:
        os.chdir(source)
        call_command("makemessages", locale=["xx"], verbosity=0)
    finally:
        os.chdir(old_cwd)
        settings.LOCALE_PATHS = old_paths
    po = (root / "locale" / "xx" / "LC_MESSAGES" / "django.po").read_text()
    return catalogue_entries(po)


@pytest.mark.parametrize(
    ("msgid", "template"),
    [
        ("Skip to content", "pages/jinja2/_top.html"),
        ("Main", "pages/jinja2/_top.html"),  # in an attribute, in single quotes
        ("Delete everything now", "accounts/jinja2/accounts/delete.html"),
        ("Invitation code", "accounts/jinja2/accounts/pairing.html"),
        (
            "This browser is logged in as <strong>%(name)s</strong>. Going on here as someone"
            " else logs %(name)s out first.",
            "accounts/jinja2/accounts/_logged_in_here.html",
        ),
        (
            "Your invitation is open until %(when)s (UTC). Its code was shown once, when you"
            " made it.",
            "accounts/jinja2/accounts/pairing.html",
        ),
        ("Level %(level)s: %(name)s", "discovery/jinja2/discovery/_ladder.html"),
        ("Level %(level)s: %(name)s", "discovery/jinja2/discovery/reveal.html"),
        ("%(when)s: %(status)s", "together/jinja2/together/sessions.html"),
        ("From “Is it you?”", "conversation/jinja2/conversation/_check.html"),
        ("Not this time", "together/jinja2/together/_waiting.html"),
        ("Note how it went", "notice/jinja2/notice/notice.html"),
        ("One step rests.|%(count)s steps rest.", "pages/jinja2/_plural_example.html"),
        (
            "%(name)s has one note.|%(name)s has %(count)s notes.",
            "pages/jinja2/_plural_example.html",
        ),
        ("a session's light\x04Green", "pages/jinja2/_plural_example.html"),
    ],
)
def test_makemessages_finds_the_templates_strings(catalogue, msgid, template):
    assert msgid in catalogue, msgid
    assert f"{template}:" in catalogue[msgid]  # the reference points at the template itself
    if "%(" in msgid:
        assert "python-format" in catalogue[msgid]


def test_makemessages_finds_every_string_in_every_template(catalogue):
    """Read with a plain pattern, independent of the extractor: every `_("...")` and every
    `{% trans %}` block (its values written as %(name)s) is in the catalogue."""
    found = 0
    for path in TEMPLATES:
        source = path.read_text()
        for quoted in re.findall(r"""_\(("[^"]*"|'[^']*')\)""", source):
            assert quoted[1:-1] in catalogue, (path, quoted)
            found += 1
        for body in re.findall(r"\{% trans[^%]*%\}(.*?)\{% endtrans %\}", source, re.S):
            assert re.sub(r"\{\{ (\w+) \}\}", r"%(\1)s", body) in catalogue, (path, body)
            found += 1
    assert found > 350


def test_translations_follow_the_language_of_each_request():
    """The template's translations are cached by language: Django's own catalogue says "Yes"
    in German, and each language gets its own answer however they alternate."""
    page = engines["jinja2"].from_string('{{ _("Yes") }}')
    templating.clear_translation_cache()
    answers = {}
    for language in ("de", "en", "de", "fr", "en"):
        with translation.override(language):
            answers.setdefault(language, translation.gettext("Yes"))
            assert page.render() == answers[language], language
    assert answers["de"] != answers["en"] != answers["fr"]


def test_a_changed_catalogue_is_forgotten_by_everything_made_once_per_language():
    """The development server reloads a changed .mo file without restarting: the navigation,
    the ladder, the planner's outline and the sessions page's step labels, each kept per
    language for the process, are forgotten along with the template strings."""
    from markupsafe import Markup

    from handhold.conversation import views as conversation_views
    from handhold.discovery import ladder
    from handhold.pages.context_processors import _site_links
    from handhold.together.forms import _proposal_fields_in
    from handhold.together.views import _label_in

    with translation.override("en"):
        _site_links(False, "en", "/")
        _label_in("en", "A massage", "give", 2)
        _proposal_fields_in("en", 2)
        templating.date(templating.timezone.now(), "j F")
    conversation_views._outlines[("pack", "id", "en", "gentle")] = Markup("")
    conversation_views._ticks[("pack", "id", "en")] = {}
    ladder._built[("pack", "id", "en", 1)] = None
    templating._translation_file_changed(sender=None, file_path=Path("django.mo"))
    assert _site_links.cache_info().currsize == 0
    assert _label_in.cache_info().currsize == 0
    assert _proposal_fields_in.cache_info().currsize == 0
    assert templating._month_name.cache_info().currsize == 0
    assert conversation_views._outlines == {}
    assert conversation_views._ticks == {}
    assert ladder._built == {}


def test_a_value_in_a_translated_string_is_escaped():
    page = engines["jinja2"].from_string("{% trans name=who %}Hello, {{ name }}{% endtrans %}")
    assert page.render({"who": "<b>"}) == "Hello, &lt;b&gt;"


def test_a_page_makes_its_csrf_field_once(client_for, asker, partner):
    """Settings has three forms and the page frame one more: one field, the same in each
    (Django's Jinja2 backend would mask a new token for every form)."""
    html = client_for(asker).get(reverse("accounts:settings")).content.decode()
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert len(tokens) >= 3
    assert len(set(tokens)) == 1


def test_what_a_view_passes_wins_over_the_context_processors(rf, asker):
    """As in Django's templates; the journey passes its own reading of what waits."""
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = asker
    request.session = {}
    html = render_to_string(
        "base.html", {"waiting_for_you": True, "site_title": "Mine"}, request=request
    )
    assert "<title>Mine</title>" in html
    assert "waiting-dot" in html


@pytest.mark.parametrize("name", ["400.html", "403_csrf.html", "500.html"])
def test_the_pages_django_draws_without_a_request_still_draw(name):
    from django.template.loader import render_to_string

    html = render_to_string(name)
    assert "<main" in html and "</html>" in html


@pytest.mark.parametrize(
    "source",
    [
        '{{ _("Sessions") }}|{{ _("100%% sure") }}|{{ _("Hello, %(name)s", name="<b>") }}',
        '{% trans name="<i>" %}Hello, {{ name }}{% endtrans %}|{{ gettext("Menu") }}',
        '{% autoescape false %}{{ _("Hello, %(name)s", name="<b>") }}{% endautoescape %}',
    ],
)
@pytest.mark.parametrize("language", ["en", "es"])
def test_the_quick_gettext_draws_as_jinja2s_own(source, language):
    """templating.template_gettext, against the i18n extension's own newstyle gettext."""
    import jinja2

    ours = engines["jinja2"].env
    theirs = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    theirs.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=templating.gettext, ngettext=templating.ngettext, newstyle=True
    )
    with translation.override(language):
        expected = theirs.from_string(source).render()
        assert ours.from_string(source).render() == expected
        # Through Django's backend, which reads the language once for the page.
        assert engines["jinja2"].from_string(source).render() == expected


def test_the_quick_day_and_month_draw_as_djangos_date_filter():
    """`date("j F")` is written out (templating.date, the month's name once per language):
    the same words as Django's own filter, for every month, in both languages and across a
    day's boundary in another time zone; other formats and a missing value go to Django."""
    import datetime

    from django.template import defaultfilters
    from django.utils import timezone

    moments = [
        datetime.datetime(2026, month, day, hour, 30, tzinfo=datetime.UTC)
        for month in range(1, 13)
        for day, hour in [(1, 0), (9, 12), (28, 23)]
    ]
    for _ in range(2):
        for language in ("es", "en"):
            with translation.override(language):
                for zone in ("UTC", "America/Mexico_City", "Pacific/Auckland"):
                    with timezone.override(zone):
                        for moment in [*moments, moments[0].date()]:
                            expected = defaultfilters.date(
                                timezone.template_localtime(moment), "j F"
                            )
                            assert templating.date(moment, "j F") == expected
                        assert templating.date(moments[5], "j F, H:i") == defaultfilters.date(
                            timezone.template_localtime(moments[5]), "j F, H:i"
                        )
    with translation.override("es"):
        assert templating.date(moments[11], "j F") == "28 abril"
    assert templating.date(None, "j F") == "" and templating.date("", "j F") == ""


def test_static_urls_made_once_are_djangos_and_follow_the_settings(settings):
    """`static()` in templates is Django's, kept per file (templating.static); a changed
    STATIC_URL is followed, through Django's setting_changed signal."""
    from django.templatetags.static import static

    for path in ("handhold/live-check.js", "handhold/autosave.js", "kitchen/bowl.svg"):
        assert templating.static(path) == static(path)
    settings.STATIC_URL = "/assets/"
    assert templating.static("handhold/live-check.js") == "/assets/handhold/live-check.js"
    assert templating.static("handhold/live-check.js") == static("handhold/live-check.js")
