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


PRIVATE_BEFORE = [("accounts", "0005_no_last_login"), ("discovery", "0004_private_matching")]
PRIVATE_AFTER = [("accounts", "0006_public_ids"), ("discovery", "0005_private_matching_public_ids")]


@pytest.fixture
def before_people_have_public_ids(transactional_db):
    executor = _migrate(PRIVATE_BEFORE)
    try:
        yield executor.loader.project_state(PRIVATE_BEFORE).apps
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_people_and_couples_get_public_ids_and_private_matching_follows(
    before_people_have_public_ids,
):
    """accounts 0006 gives each person and couple an id of its own; discovery 0005 keeps each
    stored private match naming the same receivers in the new order, and stops a run that
    was going (it was hashed with the old ids)."""
    from django.utils import timezone

    old = before_people_have_public_ids
    people = [
        old.get_model("accounts", "User").objects.create(
            username=name, adult_confirmed_at=timezone.now(), password="!"
        )
        for name in ("p2", "p10", "p3", "p4")
    ]
    Couple = old.get_model("accounts", "Couple")
    couples = [Couple.objects.create(), Couple.objects.create()]
    for person, couple in zip(
        people, [couples[0], couples[0], couples[1], couples[1]], strict=True
    ):
        person.couple_id = couple.pk
        person.save()
    old_first = {
        c.pk: min((p for p in people if p.couple_id == c.pk), key=lambda p: str(p.pk))
        for c in couples
    }
    matches = {
        c.pk: old.get_model("discovery", "PrivateMatch").objects.create(
            couple_id=c.pk, pack_id="anal-play", tokens=["buttock-massage|a|2", "bathe|both|1"]
        )
        for c in couples
    }
    Run = old.get_model("discovery", "PrivateRun")
    going = Run.objects.create(
        couple_id=couples[0].pk, pack_id="anal-play", number=1, first_round_one=["00" * 32]
    )
    done = Run.objects.create(couple_id=couples[1].pk, pack_id="anal-play", number=1, status="done")

    _migrate(PRIVATE_AFTER)

    from handhold.accounts.models import Couple as NewCouple
    from handhold.accounts.models import User
    from handhold.discovery.models import PrivateMatch, PrivateRun

    for model in (User, NewCouple):
        ids = list(model.objects.values_list("public_id", flat=True))
        assert None not in ids and len(set(ids)) == len(ids), model
    for couple in couples:
        members = User.objects.filter(couple_id=couple.pk)
        new_first = min(members, key=lambda p: p.public_id.hex)
        receiver = "a" if new_first.pk == old_first[couple.pk].pk else "b"
        tokens = PrivateMatch.objects.get(pk=matches[couple.pk].pk).tokens
        assert sorted(tokens) == sorted([f"buttock-massage|{receiver}|2", "bathe|both|1"])
    going = PrivateRun.objects.get(pk=going.pk)
    assert going.status == "cancelled" and going.first_round_one is None and going.finished_at
    assert PrivateRun.objects.get(pk=done.pk).status == "done"
