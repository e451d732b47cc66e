"""Notice's services: the log belongs to its author, is exported with their data and
deleted with their account."""

import pytest

from handhold import encryption
from handhold.accounts import services as accounts
from handhold.content.registry import default_pack
from handhold.notice import services
from handhold.notice.models import NoticeEntry

PACK = default_pack()


def test_the_note_is_encrypted_at_rest(asker, log):
    from django.db import connection

    log(asker, "comfortable", note="A note that never sits in plain text.")
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM notice_noticeentry")
        (stored,) = cursor.fetchone()
    assert "plain text" not in stored
    assert NoticeEntry.objects.get().note == "A note that never sits in plain text."
    assert ("NoticeEntry", "note") in {
        (model.__name__, name) for model, names in encryption.encrypted_fields() for name in names
    }


def test_an_unknown_idea_is_refused(asker):
    with pytest.raises(services.UnknownIdea):
        services.log_reaction(author=asker, pack=PACK, reaction="comfortable", idea_id="nope")
    assert not NoticeEntry.objects.exists()


def test_an_unknown_reaction_is_refused_by_full_clean(asker):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.log_reaction(author=asker, pack=PACK, reaction="thrilled")


def test_what_notice_suggests_follows_only_the_persons_own_latest_entry(asker, partner, log):
    log(partner, "uneasy")
    assert services.notice_for(person=asker, pack=PACK).ideas == PACK.notice
    log(asker, "uneasy")
    view = services.notice_for(person=asker, pack=PACK)
    assert view.leave_it_for_now and view.ideas == ()
    log(asker, "comfortable")
    assert not services.notice_for(person=asker, pack=PACK).leave_it_for_now


def test_deleting_another_persons_entry_deletes_nothing(asker, partner, log):
    entry = log(asker, "uneasy")
    assert services.delete_entry(author=partner, public_id=entry.public_id) is False
    assert NoticeEntry.objects.filter(pk=entry.pk).exists()


def test_the_export_holds_ones_own_log_and_never_the_partners(asker, partner, log):
    log(asker, "into_it", idea_id="hold-their-eye", note="mine, zq1a2bwk")
    log(partner, "uneasy", note="theirs, 9z8y")
    data = accounts.export_user_data(user=asker)
    assert [(e["idea"], e["reaction"], e["note"]) for e in data["notice"]] == [
        ("hold-their-eye", "into_it", "mine, zq1a2bwk")
    ]
    assert "9z8y" not in str(data)


def test_the_log_is_deleted_with_the_account(asker, partner, log):
    log(asker, "uneasy", note="bye")
    log(partner, "comfortable")
    accounts.delete_everything(user=asker)
    assert list(NoticeEntry.objects.values_list("author__username", flat=True)) == ["blake"]
