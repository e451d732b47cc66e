"""save_draft: the asker's latest words, one row per topic, encrypted, in one statement."""

from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from handhold.content.registry import default_pack
from handhold.conversation import services
from handhold.conversation.models import ConversationDraft


def save(author, text, style="text"):
    services.save_draft(author=author, pack=default_pack(), style=style, text=text)


def stored_text() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT text FROM conversation_conversationdraft")
        return [row[0] for row in cursor.fetchall()]


def test_the_first_save_and_every_later_one_keep_one_row(asker):
    save(asker, "first words", style="casual")
    save(asker, "second words")
    draft = ConversationDraft.objects.get(author=asker)
    assert (draft.style, draft.text) == ("text", "second words")


def test_the_saved_text_is_encrypted(asker):
    save(asker, "my own private words")
    save(asker, "my own private words, again")
    [stored] = stored_text()
    assert "private" not in stored
    assert ConversationDraft.objects.get(author=asker).text == "my own private words, again"


def test_each_persons_draft_is_their_own(asker, partner):
    save(asker, "the asker's words")
    save(partner, "the partner's words")
    save(asker, "the asker's words, again")
    assert ConversationDraft.objects.get(author=partner).text == "the partner's words"
    assert ConversationDraft.objects.get(author=asker).text == "the asker's words, again"


def test_a_save_is_one_statement_first_time_and_after(asker):
    for text in ("first words", "second words"):
        with CaptureQueriesContext(connection) as captured:
            save(asker, text)
        assert len(captured) == 1, [q["sql"] for q in captured]


def test_without_an_upsert_it_updates_or_inserts(asker, monkeypatch):
    features = connections[ConversationDraft.objects.db].features
    monkeypatch.setattr(features, "supports_update_conflicts_with_target", False)
    save(asker, "first words")
    save(asker, "second words")
    assert ConversationDraft.objects.get(author=asker).text == "second words"
