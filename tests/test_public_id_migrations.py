"""The migrations that gave session plans, halts, invitations to talk and Notice entries a
random public id keep every existing row as it was, and give each row an id of its own (a
default on the new column would have given them all the same one).

Runs the real migrations, backwards and forwards, on the test database: rows are written
with the models as they were before, and read back with the models as they are now."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from conftest import _pair

BEFORE = [
    ("together", "0003_consent_rules"),
    ("conversation", "0002_alter_conversationdraft_text_and_more"),
    ("notice", "0001_initial"),
]
AFTER = [
    ("together", "0004_public_ids"),
    ("conversation", "0003_talkinvitation_public_id"),
    ("notice", "0002_noticeentry_public_id"),
]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)  # a fresh graph: what is applied now


@pytest.fixture
def before_public_ids(transactional_db):
    """The database as it was before the public ids; back to the latest afterwards, whatever
    the test did."""
    executor = _migrate(BEFORE)
    try:
        yield executor.loader.project_state(BEFORE).apps
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_existing_rows_survive_and_each_gets_its_own_public_id(before_public_ids):
    from handhold.accounts.models import User

    old = before_public_ids
    alex, blake = User.objects.create_user("alex"), User.objects.create_user("blake")
    _pair(alex, blake)
    couple = alex.couple_id
    plans = [
        old.get_model("together", "SessionPlan").objects.create(
            couple_id=couple, proposer_id=alex.pk, pack_id="anal-play", ceiling=n, status="ended"
        )
        for n in (1, 2, 3)
    ]
    halts = [
        old.get_model("together", "Halt").objects.create(
            couple_id=couple, plan_id=plan.pk, why="stop", level=plan.ceiling, held_by_id=blake.pk
        )
        for plan in plans[:2]
    ]
    invitations = [
        old.get_model("conversation", "TalkInvitation").objects.create(
            couple_id=couple, sender_id=alex.pk, pack_id="anal-play", message=f"Talk, {n}?"
        )
        for n in (1, 2)
    ]
    entries = [
        old.get_model("notice", "NoticeEntry").objects.create(
            author_id=alex.pk, pack_id="anal-play", reaction="comfortable", note=f"Note {n}."
        )
        for n in (1, 2, 3)
    ]

    _migrate(AFTER)

    from handhold.conversation.models import TalkInvitation
    from handhold.notice.models import NoticeEntry
    from handhold.together.models import Halt, SessionPlan

    for model, rows in (
        (SessionPlan, plans),
        (Halt, halts),
        (TalkInvitation, invitations),
        (NoticeEntry, entries),
    ):
        now = list(model.objects.order_by("pk"))
        assert [row.pk for row in now] == [row.pk for row in rows], model
        ids = [row.public_id for row in now]
        assert None not in ids and len(set(ids)) == len(ids), model
    assert [p.ceiling for p in SessionPlan.objects.order_by("pk")] == [1, 2, 3]
    assert [h.level for h in Halt.objects.order_by("pk")] == [1, 2]
    assert [i.message for i in TalkInvitation.objects.order_by("pk")] == ["Talk, 1?", "Talk, 2?"]
    assert [e.note for e in NoticeEntry.objects.order_by("pk")] == ["Note 1.", "Note 2.", "Note 3."]
    # And a row made afterwards gets a new one of its own.
    made = SessionPlan.objects.create(
        couple_id=couple, proposer=alex, pack_id="anal-play", ceiling=1, status="proposed"
    )
    assert made.public_id not in {p.public_id for p in SessionPlan.objects.exclude(pk=made.pk)}
