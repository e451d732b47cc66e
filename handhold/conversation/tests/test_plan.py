from django.urls import reverse

from handhold.conversation.models import ConversationDraft

URL = reverse("conversation:plan")


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
