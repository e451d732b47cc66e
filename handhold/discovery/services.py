"""Writes and reads for reflect and discover.

The reveal is computed here, by `reveal_for`, which calls the pure matching rule in
handhold/core/matching.py. Nothing else computes matches.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Literal

from django.db import connection, transaction
from django.utils import timezone

from handhold.accounts.models import User
from handhold.accounts.services import was_invited
from handhold.core import matching
from handhold.core.packs import Activity, Pack
from handhold.couples import services as couples
from handhold.discovery import private
from handhold.discovery.models import Answer, FinishedAnswering, JournalEntry, OpenedLevel
from handhold.discovery.signals import answers_changed
from handhold.rows import Rows

SKIP = "skip"


# Reflect ---------------------------------------------------------------------------------


def journal_of(*, author: User, pack: Pack) -> dict[str, JournalEntry]:
    entries = JournalEntry.objects.filter(author=author, pack_id=pack.id)
    return {entry.question_id: entry for entry in entries}


@transaction.atomic
def save_journal(*, author: User, pack: Pack, entries: dict[str, tuple[str, str]]) -> None:
    """Save the journal: question id -> (text, marker). An entry with neither is removed."""
    known = {question.id for question in pack.reflection}
    existing = journal_of(author=author, pack=pack)
    now = timezone.now()
    for question_id, (text, marker) in entries.items():
        if question_id not in known:
            continue
        entry = existing.get(question_id)
        if not text.strip() and not marker:
            if entry is not None:
                entry.delete()
            continue
        if entry is None:
            entry = JournalEntry(author=author, pack_id=pack.id, question_id=question_id)
        elif entry.text == text and entry.marker == marker:
            continue
        entry.text, entry.marker, entry.updated_at = text, marker, now
        entry.full_clean()
        entry.save()


def reflect_questions(*, person: User, pack: Pack) -> list:
    """The reflect questions written for this person: the asker's own, or, for the partner who
    was invited, the same quiet look from their side; and those for anyone."""
    audience = "invited" if was_invited(person) else "asker"
    return [
        q for q in pack.reflection if q.stage == "reflect" and q.audience in ("anyone", audience)
    ]


def still_open_questions(*, author: User, pack: Pack, questions: list | None = None) -> list:
    """The questions not yet marked ready, in the pack's order. A list, never a score.
    `questions` saves asking again which questions are this person's."""
    ready = {
        question_id
        for question_id, entry in journal_of(author=author, pack=pack).items()
        if entry.marker == JournalEntry.Marker.READY
    }
    if questions is None:
        questions = reflect_questions(person=author, pack=pack)
    return [q for q in questions if q.id not in ready]


# Discover --------------------------------------------------------------------------------


# The ladder's and the reveal's reads, each one statement written once (handhold.rows): the
# ladder is drawn on every visit, and the ORM spent more building these than SQLite reading.
_OPENED = Rows(OpenedLevel, columns=("level",), where="m.person_id = %s AND m.pack_id = %s")
_ANSWERS = Rows(
    Answer, columns=("item_id", "role", "choice"), where="m.person_id = %s AND m.pack_id = %s"
)
_FINISHED_IN_COUPLE = Rows(
    FinishedAnswering, columns=("person_id",), where="m.couple_id = %s AND m.pack_id = %s"
)


def opened_level_of(*, person: User, pack: Pack) -> int:
    """The highest level this person has opened; the gentle levels until they open more."""
    row = _OPENED.first([person.pk, pack.id])
    return (row[0] if row else None) or matching.FIRST_OPEN_LEVEL


def next_level_for(*, opened: int, pack: Pack) -> int | None:
    """The level this person would open next, or None when the whole ladder is open."""
    return matching.next_level_to_open(opened, (a.level for a in pack.activities))


@transaction.atomic
def open_next_level(*, person: User, pack: Pack) -> int | None:
    """Open one more level of the ladder for this person alone; returns the level opened, or
    None when everything was open already. Nobody else is told: their partner's pages read the
    same whatever level this is (tests/test_privacy.py)."""
    row = OpenedLevel.objects.select_for_update().filter(person=person, pack_id=pack.id).first()
    opened = row.level if row else matching.FIRST_OPEN_LEVEL
    level = next_level_for(opened=opened, pack=pack)
    if level is None:
        return None
    if row is None:
        row = OpenedLevel(person=person, pack_id=pack.id)
    row.level, row.opened_at = level, timezone.now()
    row.full_clean()
    row.save()
    return level


def answers_of(*, person: User, pack: Pack) -> dict[tuple[str, str], str]:
    rows = _ANSWERS.all([person.pk, pack.id])
    return {(item_id, role): choice for item_id, role, choice in rows}


@transaction.atomic
def save_answers(*, person: User, pack: Pack, choices: dict[tuple[str, str], str]) -> None:
    """Save answers: (item id, role) -> yes, curious, no, or skip (which removes the answer).

    A change to no takes effect at once: the next reveal simply no longer has the item.
    Answers at a level this person has not opened are ignored: the ladder never offered them,
    so only a forged form can send them.
    """
    opened = opened_level_of(person=person, pack=pack)
    valid = {(a.id, role) for a in pack.activities for role in a.roles if a.level <= opened}
    existing = {
        (row.item_id, row.role): row
        for row in Answer.objects.select_for_update().filter(person=person, pack_id=pack.id)
    }
    now = timezone.now()
    changed = False
    for key, choice in choices.items():
        if key not in valid:
            continue
        row = existing.get(key)
        if choice == SKIP:
            if row is not None:
                row.delete()
                changed = True
            continue
        if row is None:
            row = Answer(person=person, pack_id=pack.id, item_id=key[0], role=key[1])
        elif row.choice == choice:
            continue
        row.choice, row.updated_at = choice, now
        row.full_clean()
        row.save()
        changed = True
    if changed:
        answers_changed.send(sender=Answer, person=person, pack=pack)


class NotPaired(Exception):
    """Marking answers finished needs a partner: it is about what the two of you share."""


@transaction.atomic
def mark_finished(*, person: User, pack: Pack) -> None:
    if person.couple_id is None:
        raise NotPaired
    couple = person.couple_id
    couples.lock_journey(couple)  # the second mark, at the same moment, waits and sees both
    FinishedAnswering.objects.get_or_create(couple_id=couple, person=person, pack_id=pack.id)
    couples.note_pack_mark(
        couple_id=couple, person_id=person.pk, field="finished_packs", pack_id=pack.id, on=True
    )
    both = FinishedAnswering.objects.filter(couple_id=couple, pack_id=pack.id).count() == 2
    couples.note_pack_mark(
        couple_id=couple, person_id=None, field="revealed_packs", pack_id=pack.id, on=both
    )


def has_finished(*, person: User, pack: Pack, side=None) -> bool:
    """Whether this person marked their answers finished. With `side`, their journey row
    already read for the page (couples.journey_of), no query: it lists their finished packs."""
    if person.couple_id is None:
        return False
    if side is not None:
        return pack.id in side.finished_packs
    return FinishedAnswering.objects.filter(
        couple_id=person.couple_id, person=person, pack_id=pack.id
    ).exists()


def catalog_of(pack: Pack) -> Mapping[str, matching.CatalogItem]:
    """What matching needs of `pack`'s activities, made once per pack and process (a loaded
    pack never changes; its content, nothing of anyone's), read-only."""
    kept = _catalogs.get(id(pack))
    if kept is None or kept[0] is not pack:
        catalog = {
            a.id: matching.CatalogItem(level=a.level, roles=frozenset(a.roles))
            for a in pack.activities
        }
        kept = _catalogs[id(pack)] = (pack, MappingProxyType(catalog))
    return kept[1]


# By the pack's id(), with the pack itself, so that a pack loaded later at a reused address
# is never given another pack's catalogue.
_catalogs: dict[int, tuple[Pack, Mapping[str, matching.CatalogItem]]] = {}


@dataclass(frozen=True)
class MutualItem:
    activity: Activity
    role: matching.Role  # how it reads for the viewer: give, receive or together


@dataclass(frozen=True)
class Reveal:
    state: Literal["not_paired", "waiting", "revealed"]
    items: tuple[MutualItem, ...] = ()
    i_have_finished: bool = False
    # The canonical tokens behind `items`, for code that plans with them (sessions).
    tokens: frozenset[matching.Token] = frozenset()
    # In private matching mode the reveal comes from a run (discovery/private.py).
    private_mode: bool = False

    @property
    def lowest_level(self) -> int | None:
        return min((item.activity.level for item in self.items), default=None)


def _finished_in_couple(viewer: User, pack: Pack) -> set[int]:
    """Who in the viewer's couple has marked their answers finished (one query). The marks
    belong to the couple, and a couple is only ever its two members, so two marks mean both."""
    return {person_id for (person_id,) in _FINISHED_IN_COUPLE.all([viewer.couple_id, pack.id])}


# Both answer sets at once, each row with how far its person opened the ladder: read once both
# have finished. Written out: building the ORM's Subquery cost more than running the query.
BOTH_ANSWERS_OPENED = (
    "SELECT a.person_id, a.item_id, a.role, a.choice, o.level FROM {answer} a"
    " LEFT JOIN {opened} o ON o.person_id = a.person_id AND o.pack_id = a.pack_id"
    " WHERE a.person_id IN (%s, %s) AND a.pack_id = %s"
)


@cache
def _both_answers_opened(vendor: str) -> str:
    quote = connection.ops.quote_name
    return BOTH_ANSWERS_OPENED.format(
        answer=quote(Answer._meta.db_table), opened=quote(OpenedLevel._meta.db_table)
    )


def reveal_state(
    *, viewer: User, pack: Pack, side=None
) -> Literal["not_paired", "waiting", "revealed"]:
    """The reveal's state alone, for pages that only say where the couple stands. `side`: as
    for `reveal_for`."""
    if not viewer.is_paired:
        return "not_paired"
    if private.is_on(viewer, side=side):
        return _private_reveal(viewer, pack).state
    return "revealed" if len(_finished_in_couple(viewer, pack)) == 2 else "waiting"


def reveal_for(
    *, viewer: User, pack: Pack, side=None, sides: dict | None = None, items: bool = True
) -> Reveal:
    """What `viewer` may see of the couple's mutual interest, and nothing more.

    Until both have marked their answers finished, the answer is 'waiting', computed without
    reading the partner's answers at all, so nothing about them can show through.
    `side`, the viewer's journey row when the page has read it, says whether private matching
    is on without asking again. `sides`, both rows of the couple when the page has read them
    (together.services.couple_sides), also say who has finished, so that the answers and how
    far each opened the ladder are one query, and none while one of them has not finished.
    With `items=False`, for code that plans with the tokens alone (sessions), the items shown
    on the reveal page are not made: `items` is empty.
    """
    if not viewer.is_paired:
        return Reveal(state="not_paired")
    # Read once: the viewer is usually request.user, a lazy object that costs five Python
    # calls for each attribute read, and every answer row is compared with it.
    viewer_pk = viewer.pk
    if sides:
        side = sides.get(viewer_pk, side)
    if private.is_on(viewer, side=side):
        return _private_reveal(viewer, pack, items=items)
    if sides:
        finished = {person for person, row in sides.items() if pack.id in row.finished_packs}
    else:
        finished = _finished_in_couple(viewer, pack)
    i_have_finished = viewer_pk in finished
    if len(finished) != 2:
        return Reveal(state="waiting", i_have_finished=i_have_finished)
    (partner_pk,) = finished - {viewer_pk}
    mine, theirs = [], []
    with connection.cursor() as cursor:
        cursor.execute(_both_answers_opened(connection.vendor), [viewer_pk, partner_pk, pack.id])
        rows = cursor.fetchall()
    opened = {viewer_pk: matching.FIRST_OPEN_LEVEL, partner_pk: matching.FIRST_OPEN_LEVEL}
    for person_id, item_id, role, choice, level in rows:
        answer = matching.Answer(item_id, role, choice)
        (mine if person_id == viewer_pk else theirs).append(answer)
        if level:
            opened[person_id] = level
    tokens = matching.reveal_mutual_interest(
        mine,
        theirs,
        first=str(viewer_pk),
        second=str(partner_pk),
        catalog=catalog_of(pack),
        first_opened=opened[viewer_pk],
        second_opened=opened[partner_pk],
    )
    return Reveal(
        state="revealed",
        items=_items(tokens, viewer, pack) if items else (),
        i_have_finished=True,
        tokens=tokens,
    )


def _items(tokens, viewer: User, pack: Pack) -> tuple[MutualItem, ...]:
    me = str(viewer.pk)
    return tuple(
        MutualItem(pack.activity(t.item_id), matching.role_for(t, viewer=me))
        for t in sorted(tokens)
    )


def _private_reveal(viewer: User, pack: Pack, *, items: bool = True) -> Reveal:
    """The reveal in private matching mode: the mutual tokens the couple's last good run
    stored, the same tokens the ordinary rule would find for the same answers. Everything that
    reads mutual items (this page, the journey, sessions) comes through `reveal_for`, so
    private mode feeds them all from here."""
    tokens = private.stored_mutual(viewer=viewer, pack=pack)
    if tokens is None:
        return Reveal(state="waiting", private_mode=True)
    return Reveal(
        state="revealed",
        items=_items(tokens, viewer, pack) if items else (),
        i_have_finished=True,
        tokens=tokens,
        private_mode=True,
    )


def export_for(user: User) -> dict:
    """This person's own journal, answers and how far they opened the ladder, for their
    export. Nothing of their partner's."""
    journal = JournalEntry.objects.filter(author=user).order_by("pack_id", "question_id")
    answers = Answer.objects.filter(person=user).order_by("pack_id", "item_id", "role")
    opened = OpenedLevel.objects.filter(person=user).order_by("pack_id")
    return {
        "journal": [
            {
                "pack": e.pack_id,
                "question": e.question_id,
                "text": e.text,
                "marker": e.marker,
                "updated_at": e.updated_at.isoformat(),
            }
            for e in journal
        ],
        "answers": [
            {
                "pack": a.pack_id,
                "item": a.item_id,
                "role": a.role,
                "answer": a.choice,
                "updated_at": a.updated_at.isoformat(),
            }
            for a in answers
        ],
        "opened_levels": [
            {"pack": o.pack_id, "level": o.level, "opened_at": o.opened_at.isoformat()}
            for o in opened
        ],
        # In private matching the answers live in the browser; a locked copy kept for another
        # device is exported as it is stored, sealed: only this person's phrase opens it.
        "private_answers_copy": _sealed_copy_of(user),
    }


def _sealed_copy_of(user: User) -> dict | None:
    copy = private.copy_of(user)
    if copy is None:
        return None
    return {
        "format": "Handhold answers copy v1: PBKDF2-SHA-256 over your phrase, AES-256-GCM",
        "salt": copy.salt,
        "iterations": copy.iterations,
        "iv": copy.iv,
        "ciphertext": copy.ciphertext,
        "updated_at": copy.updated_at.isoformat(),
    }
