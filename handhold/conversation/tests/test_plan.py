import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from handhold.content.registry import default_pack
from handhold.conversation import services
from handhold.conversation.models import ConversationDraft
from handhold.conversation.tests.pages import seen
from handhold.core.pressure import Finding, Result

URL = reverse("conversation:plan")

WITH_A_FINDING = "I find you so attractive. Come on, just try it once."
CLEAN = (
    "I find you so attractive. Would you like to talk about something new? "
    "You'd be in control, and a no is completely fine."
)
# Words that would thank, praise or reassure the asker: never beside a finding, never when unsure.
REASSURANCE = ("Thank you", "kindly", "No pressuring words found", "✓ covered: That a no is")
NOT_SURE = "Handhold isn't sure about this draft"


def check_words(client, text, **extra):
    return client.post(URL, {"style": "text", "text": text}, **extra)


@pytest.fixture
def unsure(monkeypatch):
    """The checker, near its threshold for every draft: no finding, no verdict."""
    monkeypatch.setattr(services, "check", lambda text: Result(pressuring=False, unsure=True))


def test_the_planner_builds_an_outline_for_each_style(client_for, asker):
    client = client_for(asker)
    text = client.get(URL + "?style=text").content.decode()
    sit_down = client.get(URL + "?style=sit_down").content.decode()
    assert text.count("<li><strong>") < sit_down.count("<li><strong>")
    assert "again, at the end" in text and "again, at the end" in sit_down


def test_checking_saves_the_draft_highlights_findings_and_ticks_points(client_for, asker):
    draft = "I find you so attractive. Come on, just try it once."
    response = client_for(asker).post(URL, {"style": "casual", "text": draft})
    html = response.content.decode()
    assert response.status_code == 200
    assert ConversationDraft.objects.get(author=asker).text == draft
    assert "<mark" in html and "just try it once</mark>" in html.replace("Just", "just")
    assert "✓ covered:</span> Why you are attracted to them" in html
    assert "yet say that a no is completely fine" in html


def test_a_kind_draft_gets_no_findings_and_the_no_is_fine_tick(client_for, asker):
    html = (
        client_for(asker)
        .post(URL, {"style": "text", "text": "No pressure at all: a no is completely fine."})
        .content.decode()
    )
    assert "No pressuring words found." in html
    assert "✓ covered:</span> That a no is completely fine" in html


def test_the_draft_is_escaped_when_highlighted(client_for, asker):
    html = (
        client_for(asker)
        .post(URL, {"style": "text", "text": "<b>Just try it once</b>"})
        .content.decode()
    )
    assert "<b>Just" not in html
    assert "&lt;b&gt;" in html


def test_live_checking_gets_only_the_result_fragment(client_for, asker):
    response = client_for(asker).post(
        URL,
        {"style": "text", "text": "Just try it once."},
        headers={"X-Requested-With": "handhold-check"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "What Handhold noticed" in html


def test_a_bad_style_is_a_400_and_keeps_the_words(client_for, asker):
    response = client_for(asker).post(URL, {"style": "shout", "text": "my careful words"})
    assert response.status_code == 400
    assert b"my careful words" in response.content
    assert not ConversationDraft.objects.exists()


def test_is_it_you_saves_to_the_private_journal(client_for, asker):
    from handhold.discovery.models import JournalEntry

    response = client_for(asker).post(
        reverse("conversation:is_it_you"),
        {"selling-or-sharing__text": "Sharing, I hope.", "selling-or-sharing__marker": "unsure"},
    )
    assert response.status_code == 302
    assert JournalEntry.objects.get(author=asker).question_id == "selling-or-sharing"


def test_a_finding_is_never_thanked_or_reassured(client_for, asker):
    page = seen(check_words(client_for(asker), WITH_A_FINDING))
    assert "Try instead:" in page
    assert "○ not yet: That a no is completely fine" in page
    assert "doesn't yet say that a no is completely fine" in page
    for words in (*REASSURANCE, NOT_SURE):
        assert words not in page


def test_a_finding_in_a_draft_that_also_says_no_is_fine_gets_no_tick_for_it(client_for, asker):
    page = seen(check_words(client_for(asker), "Just try it once. A no is completely fine."))
    assert "Try instead:" in page
    assert "○ not yet: That a no is completely fine" in page
    for words in REASSURANCE:
        assert words not in page


def test_no_tick_for_no_is_fine_beside_a_finding_even_if_the_checker_says_so(
    client_for, asker, monkeypatch
):
    text = "A no is completely fine, but you owe me."
    finding = Finding("guilt", text.index("you owe"), len(text), "A reason.", "A rewording.")
    contradictory = Result(pressuring=True, findings=[finding], says_no_is_fine=True)
    monkeypatch.setattr(services, "check", lambda text: contradictory)
    page = seen(check_words(client_for(asker), text))
    assert "A reason. Try instead: A rewording." in page
    assert "○ not yet: That a no is completely fine" in page
    assert "doesn't yet say that a no is completely fine" in page
    for words in REASSURANCE:
        assert words not in page


def test_when_unsure_the_page_says_so_and_offers_the_checklist_instead_of_a_verdict(
    client_for, asker, unsure
):
    page = seen(check_words(client_for(asker), CLEAN))
    assert NOT_SURE in page
    assert "no verdict this time" in page
    assert "The conversation checklist" in page
    for point in default_pack().checklist:
        assert f"{point.title} {point.detail}" in page
    for words in (*REASSURANCE, "Try instead:", "covered", "not yet:", "doesn't yet say"):
        assert words not in page


def test_when_unsure_the_live_check_and_the_saved_draft_say_so_too(client_for, asker, unsure):
    client = client_for(asker)
    live = seen(check_words(client, CLEAN, headers={"X-Requested-With": "handhold-check"}))
    assert NOT_SURE in live and "The conversation checklist" in live
    later = seen(client.get(URL))
    assert NOT_SURE in later and "No pressuring words found" not in later


def test_a_finding_from_the_model_names_the_words_that_weighed_most(client_for, asker):
    text = "Hope your day went ok! I already paid for the toy so it would be such a waste."
    page = seen(check_words(client_for(asker), text))
    assert "The words that weighed most: “" in page
    assert "Try instead:" in page


def test_a_clean_draft_says_no_pressuring_words_were_found(client_for, asker):
    page = seen(check_words(client_for(asker), CLEAN))
    assert "No pressuring words found." in page
    assert "✓ covered: That a no is completely fine" in page
    for words in (NOT_SURE, "Try instead:", "Thank you", "kindly"):
        assert words not in page


# What one check costs: pinned, so that it cannot creep back up -------------------------------

# Statements per planner POST once the person's rate-limit counter and draft exist, as the
# server runs them (outside a test's own transaction, so that its BEGIN and COMMIT show): the
# user; the couple's topic, which the whole page reads with the journey row its navigation's
# quiet dot needs (and a live check alone); then one transaction that counts the try and saves
# the draft, each in one statement. Counting was a commit of its own until 2026-11-27 (two
# commits per check, each a flush of the database's log to disk); before that the try took two
# statements (add, then incr) and the draft save could take four.
# On PostgreSQL without Redis the session is read from its table too: one more than on SQLite.
PAGE_QUERIES = 7
LIVE_CHECK_QUERIES = 7


def writes(captured) -> list[str]:
    return [q["sql"].split()[0] for q in captured if not q["sql"].startswith("SELECT")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("headers", "budget"),
    [({}, PAGE_QUERIES), ({"X-Requested-With": "handhold-check"}, LIVE_CHECK_QUERIES)],
)
def test_a_check_counts_and_saves_in_one_commit(client_for, asker, partner, headers, budget):
    client = client_for(asker)
    check_words(client, "A first draft.", headers=headers)  # the counter and the draft exist
    for text in (CLEAN, WITH_A_FINDING):
        with CaptureQueriesContext(connection) as captured:
            assert check_words(client, text, headers=headers).status_code == 200
        statements = [q["sql"] for q in captured]
        assert writes(captured) == ["BEGIN", "INSERT", "INSERT", "COMMIT"], statements
        assert len(captured) <= budget, statements
    assert ConversationDraft.objects.get(author=asker).text == WITH_A_FINDING


@pytest.mark.django_db(transaction=True)
def test_a_check_encrypts_and_hashes_before_its_transaction(client_for, asker, monkeypatch):
    """The transaction of a check (on SQLite, the database's one write lock from its start)
    holds the two writes and the commit alone: the draft is encrypted and the rate-limit key
    hashed before it begins."""
    from handhold import encryption
    from handhold.pages import counters

    seen_inside = []
    keyring = encryption.keyring()
    real_encrypt, real_hmac = type(keyring).encrypt, counters.salted_hmac

    def encrypt(self, text):
        seen_inside.append(("encrypt", connection.in_atomic_block))
        return real_encrypt(self, text)

    def salted_hmac(*args, **kwargs):
        seen_inside.append(("hash", connection.in_atomic_block))
        return real_hmac(*args, **kwargs)

    monkeypatch.setattr(type(keyring), "encrypt", encrypt)
    monkeypatch.setattr(counters, "salted_hmac", salted_hmac)
    assert check_words(client_for(asker), CLEAN).status_code == 200
    assert {kind for kind, _ in seen_inside} == {"encrypt", "hash"}, seen_inside
    assert not any(inside for _, inside in seen_inside), seen_inside
    assert ConversationDraft.objects.get(author=asker).text == CLEAN


def test_a_check_is_done_once_and_drawn_once(client_for, asker, monkeypatch):
    calls = []
    real_check = services.check
    monkeypatch.setattr(services, "check", lambda text: calls.append(text) or real_check(text))
    client = client_for(asker)
    live = {"X-Requested-With": "handhold-check"}
    for ask in (
        lambda: check_words(client, WITH_A_FINDING),
        lambda: check_words(client, WITH_A_FINDING, headers=live),
        lambda: client.get(URL),  # the saved draft, checked again for the page
    ):
        html = ask().content.decode()
        assert calls == [WITH_A_FINDING], calls
        assert html.count('id="check-heading"') == 1
        assert html.count('id="finding-1"') == 1
        # The words: once highlighted, and once in the text box on the whole page.
        assert html.count('class="draft-preview"') == 1
        assert html.count(WITH_A_FINDING) == (1 if "<html" in html else 0)
        calls.clear()


@pytest.mark.parametrize("text", ["Hi <b>there</b> & you", "x" * 5_001])
def test_the_text_box_is_drawn_as_every_other_field_is(client_for, asker, text):
    """The planner draws its text box itself, for speed: the same markup as _field.html."""
    from django.template.loader import render_to_string

    from handhold.conversation.forms import DraftForm

    def squeezed(html: str) -> str:
        return " ".join(html.replace("><", "> <").split())

    page = check_words(client_for(asker), text).content.decode()
    drawn = re.search(r'<div class="field[ "].*?</div>', page, re.DOTALL).group(0)
    form = DraftForm({"style": "text", "text": text})
    form.is_valid()
    assert squeezed(drawn) == squeezed(render_to_string("_field.html", {"field": form["text"]}))


SPANISH_DRAFT = (
    "Me encantas. ¿Te gustaría que hablemos de algo nuevo? Venga, pruébalo una vez, por mí."
)
ENGLISH_ONLY = "Handhold's pressure checker reads English only"


def test_a_draft_in_another_language_gets_no_verdict_but_a_plain_word_why(client_for, asker):
    """The checker reads English only: on a Spanish draft it neither flags nor clears words it
    cannot read, and the page says so, in the interface's language, with the checklist."""
    html = check_words(client_for(asker), SPANISH_DRAFT).content.decode()
    assert ENGLISH_ONLY in html
    assert "<mark" not in html
    for words in REASSURANCE + (NOT_SURE,):
        assert words not in html
    assert "The conversation checklist" in html
    spanish = check_words(
        client_for(asker), SPANISH_DRAFT, HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert "El detector de presión de Handhold solo lee inglés" in spanish


def test_an_english_draft_on_a_spanish_page_is_still_checked(client_for, asker):
    html = check_words(client_for(asker), WITH_A_FINDING, HTTP_ACCEPT_LANGUAGE="es").content
    assert "<mark" in html.decode()
    assert ENGLISH_ONLY not in html.decode()


def test_the_outline_drawn_once_never_crosses_languages_or_styles(client_for, asker):
    """The outline is drawn once per pack, language and style (views._outline_html)."""
    client = client_for(asker)
    for language, heading in [("es", "Un esquema"), ("en", "An outline")] * 2:
        text = client.get(URL + "?style=text", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        sit_down = client.get(URL + "?style=sit_down", HTTP_ACCEPT_LANGUAGE=language)
        sit_down = sit_down.content.decode()
        assert heading in text and heading in sit_down
        assert text.count("<li><strong>") < sit_down.count("<li><strong>")


def test_the_draft_forms_fields_made_once_check_and_name_as_djangos():
    """DraftForm copies fields made once per language (pages.forms.FieldsMadeOnce), its
    styles' names translated there too: the same names in each language, alternating, and
    Django's own errors for what is sent."""
    from django import forms
    from django.utils import translation

    from handhold.conversation.forms import DraftForm

    class AsDjango(forms.Form):
        style = DraftForm.base_fields["style"]
        text = DraftForm.base_fields["text"]

    for _ in range(2):
        for language in ("es", "en"):
            with translation.override(language):
                ours, django = DraftForm(), AsDjango()
                for name in ("style", "text"):
                    made, theirs = ours.fields[name], django.fields[name]
                    assert made.label == str(theirs.label)
                    assert made.help_text == str(theirs.help_text)
                assert ours.fields["style"].choices == [
                    (value, str(label)) for value, label in django.fields["style"].choices
                ]
                for sent in [
                    {"style": "shout", "text": "x"},
                    {"style": "letter", "text": "x" * 5_001},
                    {"style": "letter", "text": " Hi "},
                ]:
                    ours, django = DraftForm(sent), AsDjango(sent)
                    assert ours.is_valid() == django.is_valid()
                    assert ours.errors == django.errors
                    assert ours.cleaned_data == django.cleaned_data
    with translation.override("es"):
        assert DraftForm().fields["text"].label != "Your own words"


def test_the_ticks_drawn_once_follow_each_draft_and_never_cross_languages(client_for, asker):
    """Each checklist point's two lines are drawn once per pack and language
    (views._ticks_html); which one a check shows follows that check's draft, in the page's
    language, on the whole page and the live check alike."""
    client = client_for(asker)
    kind = "Would you like to talk about it some evening? No is completely fine."
    for language, covered, not_yet in [("es", "✓ cubierto", "○ todavía no")] * 2 + [
        ("en", "✓ covered", "○ not yet")
    ] * 2:
        for headers in ({}, {"HTTP_X_REQUESTED_WITH": "handhold-check"}):
            pages = {
                text: client.post(
                    URL, {"style": "text", "text": text}, HTTP_ACCEPT_LANGUAGE=language, **headers
                ).content.decode()
                for text in (kind, "Hello.")
            }
            ticks = {text: html.split('<ul class="ticks">')[1] for text, html in pages.items()}
            assert ticks[kind].count(covered) > ticks["Hello."].count(covered)
            assert ticks["Hello."].count(not_yet) > ticks[kind].count(not_yet)
            for lines in ticks.values():
                points = lines.split("</ul>")[0].count("<li>")
                assert points == len(default_pack().checklist)
                assert lines.count(covered) + lines.count(not_yet) == points
