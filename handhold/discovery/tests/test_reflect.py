import json

from django.urls import reverse

from handhold.content.registry import default_pack
from handhold.discovery.models import JournalEntry

URL = reverse("discovery:reflect")


def _reflect(audience):
    return [
        q
        for q in default_pack().reflection
        if q.stage == "reflect" and q.audience in ("anyone", audience)
    ]


def test_the_journal_shows_the_ten_questions_with_why_and_card_links(client_for, stranger):
    html = client_for(stranger).get(URL).content.decode()
    questions = _reflect("asker")
    assert len(questions) == 10
    for question in questions:
        assert question.question.replace("'", "&#39;") in html
        if question.card:
            assert reverse("discovery:card", args=[question.card]) in html
    for question in _reflect("invited"):
        if question.audience == "invited":
            assert question.question.replace("'", "&#39;") not in html


def test_the_invited_partner_reflects_from_their_own_side(client_for, asker, partner):
    """Blake joined Alex's code: no "why do I want this?" or "does my partner know I find them
    attractive?", but questions written for the one who was asked."""
    mine = client_for(partner).get(URL).content.decode()
    theirs = client_for(asker).get(URL).content.decode()
    assert "How do I feel about my partner bringing this up?" in mine
    assert "Why do I want to explore this?" not in mine
    assert "Does my partner know how attractive I find them?" not in mine
    assert "Why do I want to explore this?" in theirs
    assert "How do I feel about my partner bringing this up?" not in theirs
    for question in _reflect("invited"):
        assert question.question.replace("'", "&#39;") in mine


def test_saving_the_journal_keeps_text_and_marker(client_for, stranger):
    client = client_for(stranger)
    data = {
        "why-do-i-want-this__text": "Because I trust us.",
        "why-do-i-want-this__marker": "ready",
    }
    response = client.post(URL, data)
    assert response.status_code == 302
    entry = JournalEntry.objects.get(author=stranger)
    assert (entry.text, entry.marker) == ("Because I trust us.", "ready")
    html = client.get(URL).content.decode()
    assert "Because I trust us." in html


def test_a_journal_entry_can_be_changed_and_emptied(client_for, stranger):
    client = client_for(stranger)
    client.post(URL, {"what-do-i-know__text": "Not much", "what-do-i-know__marker": "unsure"})
    client.post(URL, {"what-do-i-know__text": "More now", "what-do-i-know__marker": "ready"})
    assert JournalEntry.objects.get().text == "More now"
    client.post(URL, {"what-do-i-know__text": "", "what-do-i-know__marker": ""})
    assert not JournalEntry.objects.exists()


def test_still_open_lists_questions_not_marked_ready_and_never_a_score(client_for, stranger):
    client = client_for(stranger)
    client.post(URL, {"why-do-i-want-this__text": "x", "why-do-i-want-this__marker": "ready"})
    html = client.get(URL).content.decode()
    summary = html.split('id="open-heading"')[1].split("</section>")[0]
    assert "Why do I want to explore this?" not in summary
    assert "What do I already know" in summary
    assert "%" not in summary and "9" not in summary and "of 10" not in summary


def test_autosave_gets_a_small_json_answer(client_for, stranger):
    response = client_for(stranger).post(
        URL,
        {"why-do-i-want-this__text": "typed"},
        headers={"X-Requested-With": "handhold-autosave"},
    )
    assert response.status_code == 200
    assert json.loads(response.content) == {"saved": True}
    assert JournalEntry.objects.get().text == "typed"


def test_a_bad_marker_is_a_400_and_keeps_what_was_typed(client_for, stranger):
    response = client_for(stranger).post(
        URL, {"why-do-i-want-this__text": "my words", "why-do-i-want-this__marker": "maybe"}
    )
    assert response.status_code == 400
    assert b"my words" in response.content
    assert not JournalEntry.objects.exists()


def test_a_bad_autosave_is_a_400_in_json(client_for, stranger):
    response = client_for(stranger).post(
        URL,
        {"why-do-i-want-this__marker": "maybe"},
        headers={"X-Requested-With": "handhold-autosave"},
    )
    assert response.status_code == 400
    assert json.loads(response.content)["saved"] is False


def test_very_long_text_is_refused_with_a_message_not_lost(client_for, stranger):
    text = "a" * 10_001
    response = client_for(stranger).post(URL, {"why-do-i-want-this__text": text})
    assert response.status_code == 400
    assert text.encode() in response.content


def test_unknown_questions_are_ignored(client_for, stranger):
    response = client_for(stranger).post(URL, {"not-a-question__text": "hello"})
    assert response.status_code == 302
    assert not JournalEntry.objects.exists()
