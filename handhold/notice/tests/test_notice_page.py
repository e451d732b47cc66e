"""The Notice page: ideas from the pack, the private log, and "uneasy" means leave it."""

from django.urls import reverse

from handhold.content.registry import default_pack
from handhold.notice.models import NoticeEntry

URL = reverse("notice:notice")
PACK = default_pack()


def html_of(response) -> str:
    return response.content.decode().replace("&#39;", "'").replace("&quot;", '"')


def test_every_idea_of_the_pack_is_shown_in_our_words(client_for, asker):
    html = html_of(client_for(asker).get(URL))
    assert PACK.notice
    for idea in PACK.notice:
        assert idea.text in html, idea.id
    assert "Anything more than a look or a word starts as a question, never a surprise." in html


def test_ideas_beyond_a_look_or_a_word_are_questions(client_for, asker):
    html = html_of(client_for(asker).get(URL))
    asks = html.split("<h3>Asked first</h3>")[1].split("</ul>")[0]
    ask_ideas = [idea for idea in PACK.notice if idea.kind == "ask"]
    assert ask_ideas
    for idea in ask_ideas:
        assert idea.text in asks and idea.text.endswith("?")


def test_logging_a_reaction_keeps_it_with_its_idea_and_note(client_for, asker):
    client = client_for(asker)
    response = client.post(
        URL, {"idea": "hold-their-eye", "reaction": "into_it", "note": "They winked back, 4c1e."}
    )
    assert response.status_code == 302
    entry = NoticeEntry.objects.get(author=asker)
    assert (entry.idea_id, entry.reaction, entry.note) == (
        "hold-their-eye",
        "into_it",
        "They winked back, 4c1e.",
    )
    html = html_of(client.get(URL))
    assert "They winked back, 4c1e." in html and "Into it" in html


def test_something_of_ones_own_can_be_logged_without_an_idea(client_for, stranger):
    response = client_for(stranger).post(URL, {"reaction": "comfortable"})
    assert response.status_code == 302
    entry = NoticeEntry.objects.get()
    assert (entry.idea_id, entry.note, entry.pack_id) == ("", "", "anal-play")


def test_the_log_is_newest_first(client_for, asker, log):
    log(asker, "comfortable", note="first, a1")
    log(asker, "not_sure", note="second, b2")
    log(asker, "into_it", note="third, c3")
    html = html_of(client_for(asker).get(URL))
    assert html.index("third, c3") < html.index("second, b2") < html.index("first, a1")


def test_uneasy_means_leave_it_for_now_and_no_ideas(client_for, asker, log):
    log(asker, "into_it")
    log(asker, "uneasy", idea_id="a-first-squeeze")
    response = client_for(asker).get(URL)
    html = html_of(response)
    assert response.status_code == 200
    assert "Leave it for now" in html
    page = html.split('id="mine-heading"')[0]  # everything but the person's own log
    for idea in PACK.notice:
        assert idea.text not in page, idea.id
    assert 'name="idea"' not in html
    assert "?idea=" not in html


def test_a_later_entry_that_says_otherwise_brings_the_ideas_back(client_for, asker, log):
    log(asker, "uneasy")
    client = client_for(asker)
    assert client.post(URL, {"reaction": "not_sure"}).status_code == 302
    html = html_of(client.get(URL))
    assert "Leave it for now" not in html
    assert PACK.notice[0].text in html


def test_while_left_an_idea_cannot_be_logged_by_a_replayed_post(client_for, asker, log):
    log(asker, "uneasy")
    response = client_for(asker).post(URL, {"idea": "a-first-squeeze", "reaction": "into_it"})
    assert response.status_code == 400
    assert NoticeEntry.objects.count() == 1


def test_saying_uneasy_is_thanked_not_scolded(client_for, asker):
    client = client_for(asker)
    response = client.post(URL, {"reaction": "uneasy"}, follow=True)
    assert "Thank you for noticing" in html_of(response)


def test_a_missing_reaction_is_a_400_and_keeps_the_note(client_for, asker):
    response = client_for(asker).post(URL, {"idea": "a-note-to-find", "note": "my words, 88ab"})
    assert response.status_code == 400
    html = html_of(response)
    assert "my words, 88ab" in html
    assert "Choose how they seemed." in html
    assert not NoticeEntry.objects.exists()


def test_an_unknown_idea_or_reaction_is_a_400(client_for, asker):
    client = client_for(asker)
    assert client.post(URL, {"idea": "no-such-idea", "reaction": "into_it"}).status_code == 400
    assert client.post(URL, {"reaction": "thrilled"}).status_code == 400
    assert not NoticeEntry.objects.exists()


def test_a_very_long_note_is_refused_and_not_lost(client_for, asker):
    note = "n" * 2_001
    response = client_for(asker).post(URL, {"reaction": "comfortable", "note": note})
    assert response.status_code == 400
    assert note in response.content.decode()


def test_note_how_it_went_chooses_that_idea(client_for, asker):
    html = client_for(asker).get(URL, {"idea": "a-back-rub"}).content.decode()
    assert '<option value="a-back-rub" selected>' in html
    html = client_for(asker).get(URL, {"idea": "<script>"}).content.decode()
    assert '<option value="" selected>Something of my own</option>' in html
    assert "<script>" not in html.split('<main id="main">')[1]


def test_nothing_is_chosen_for_the_reaction(client_for, asker):
    html = client_for(asker).get(URL).content.decode()
    assert 'name="reaction"' in html
    assert "checked" not in html


def test_the_page_needs_no_script(client_for, asker):
    html = client_for(asker).get(URL).content.decode()
    content = html.split('<main id="main">')[1]
    assert "<script" not in content and "style=" not in content


def test_queries_do_not_grow_with_the_log(client_for, asker, log):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(asker)
    log(asker, "comfortable", idea_id="hold-their-eye")
    client.get(URL)
    with CaptureQueriesContext(connection) as few:
        client.get(URL)
    for n in range(30):
        log(asker, "into_it", idea_id="a-back-rub", note=f"entry {n}")
    with CaptureQueriesContext(connection) as many:
        client.get(URL)
    assert len(many) == len(few) <= 4
