"""Reads and writes of what a couple shares: the partner, the pause, "we talked".

Each stage asks here rather than asking another stage, so that no stage imports a later one.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser as User
from django.db import IntegrityError, transaction

from handhold.core import consent
from handhold.couples.models import CoupleJourney, Pause, PersonJourney, TalkConfirmation
from handhold.rows import Rows


def partner_of(user: User) -> User | None:
    """The person `user` is paired with, or None."""
    if user.couple_id is None:
        return None
    # Without an ORDER BY: there is only one other member, and `.first()`'s ordering by id
    # let PostgreSQL walk the whole user table in id order (3 times slower at 100,000
    # couples in `handhold bench`). Home asks on every visit: one statement written once
    # (handhold.rows), as `.filter(couple_id=...).exclude(pk=...)[:1]` would read it.
    return _others_in_couple().first([user.couple_id, user.pk])


@cache
def _others_in_couple() -> Rows:
    return Rows(get_user_model(), where="m.couple_id = %s AND m.id <> %s")


# Pause ---------------------------------------------------------------------------------------


def pause_of(user: User) -> Pause | None:
    if user.couple_id is None:
        return None
    return Pause.objects.filter(couple_id=user.couple_id).first()


def is_paused(user: User) -> bool:
    return user.couple_id is not None and Pause.objects.filter(couple_id=user.couple_id).exists()


@transaction.atomic
def pause_everything(*, user: User) -> None:
    if user.couple_id is not None:
        pause, _ = Pause.objects.get_or_create(
            couple_id=user.couple_id, defaults={"paused_by": user}
        )
        CoupleJourney.objects.filter(couple_id=user.couple_id).update(
            paused_by_id=pause.paused_by_id, paused_at=pause.paused_at
        )


@transaction.atomic
def resume(*, user: User) -> bool:
    """Only the one who paused can resume. Returns whether anything was resumed."""
    deleted, _ = Pause.objects.filter(couple_id=user.couple_id, paused_by=user).delete()
    if deleted:
        CoupleJourney.objects.filter(couple_id=user.couple_id).update(
            paused_by_id=None, paused_at=None
        )
    return bool(deleted)


# "We talked" ---------------------------------------------------------------------------------


def talk_confirmations(user: User, pack_id: str) -> dict[int, datetime]:
    """Who in the couple has confirmed "we talked" about this topic, and when."""
    if user.couple_id is None:
        return {}
    rows = TalkConfirmation.objects.filter(couple_id=user.couple_id, pack_id=pack_id)
    return dict(rows.values_list("person_id", "confirmed_at"))


def talk_confirmed_at(user: User, pack_id: str) -> datetime | None:
    """When the couple's talk about this topic counts as had: the second confirmation."""
    return consent.talk_confirmed_at(talk_confirmations(user, pack_id))


def record_talk_confirmation(*, user: User, pack_id: str) -> None:
    """Record this person's "we talked" about a topic once; a second click changes nothing.
    Whether they may say it now is the Talk stage's to decide
    (conversation.services.confirm_we_talked)."""
    if user.couple_id is None:
        return
    try:
        with transaction.atomic():
            TalkConfirmation.objects.get_or_create(
                couple_id=user.couple_id, person=user, pack_id=pack_id
            )
    except IntegrityError:
        pass  # the same person, twice at once: one confirmation is kept
    with transaction.atomic():
        note_talk_confirmations(couple_id=user.couple_id)


# Where the couple stands (CoupleJourney) -----------------------------------------------------
#
# The row is kept by the services that change a fact it summarises, in their transaction. The
# few helpers below are the ones every stage may call: this app builds on no stage, so each
# takes plain values. Rebuilding the whole row from the facts is the last stage's to do
# (handhold.together.state), which can read every stage.


def journey_begin(*, couple_id: int, paired_since: datetime, people: list[int], topic: str) -> None:
    """The rows of a couple that has just paired: nothing has happened yet, and the topic is
    the installation's default."""
    journey = CoupleJourney.objects.create(
        couple_id=couple_id, paired_since=paired_since, topic=topic
    )
    PersonJourney.objects.bulk_create(PersonJourney(journey=journey, person_id=p) for p in people)


def lock_journey(couple_id: int) -> CoupleJourney | None:
    """Lock the couple's row before reading a fact that two people may change at once (the
    second "we talked", the second finished mark): the later one waits, then reads both."""
    return CoupleJourney.objects.select_for_update().filter(couple_id=couple_id).first()


# Read on every page (the navigation's dot): one statement written once (handhold.rows), the
# same as PersonJourney.objects.select_related("journey").filter(journey_id=.., person_id=..).
_JOURNEY_SIDE = Rows(
    PersonJourney, related="journey", where="m.journey_id = %s AND m.person_id = %s"
)


def journey_of(user: User) -> PersonJourney | None:
    """This person's side of the couple's journey, with the shared row, in one query; None
    when they are not paired (or, only before the rows were filled, when there is none)."""
    if user.couple_id is None:
        return None
    side = _JOURNEY_SIDE.first([user.couple_id, user.pk])
    if side is not None:
        keep_topic(user, side.journey)
    return side


def keep_topic(user: User, journey: CoupleJourney) -> None:
    """The couple's row was read for this request (by `journey_of`, or both sides at once):
    `topic_of` answers from it for the rest of the request."""
    user.__dict__[_TOPIC] = journey.topic or None


# Kept on the user object for the rest of the request, so that the pages that read the
# journey row learn the topic with it, and the others ask once.
_TOPIC = "_handhold_topic"


def topic_of(user: User) -> str | None:
    """The pack the couple of `user` explores now, by id; None for someone unpaired (they
    see the installation's default). Read at most once per request: a page asks often."""
    if user.couple_id is None:
        return None
    if _TOPIC not in user.__dict__:
        topic = CoupleJourney.objects.filter(couple_id=user.couple_id).values_list(
            "topic", flat=True
        )
        user.__dict__[_TOPIC] = next(iter(topic), "") or None
    return user.__dict__[_TOPIC]


def forget_topic(user: User) -> None:
    """After the topic changed in this request: the next `topic_of` reads it again."""
    user.__dict__.pop(_TOPIC, None)


def journey_of_request(request) -> PersonJourney | None:
    """`journey_of(request.user)`, read once per request: the page and the navigation's quiet
    dot (together.waiting.context) share the one query. For drawing a page: every view that
    changes a fact the row summarises redirects before drawing, so nothing drawn reads a row
    older than the request's own writes."""
    try:
        return request._journey_side
    except AttributeError:
        request._journey_side = journey_of(request.user)
        return request._journey_side


def note_private_matching(*, couple_id: int, on: bool) -> None:
    """Whether private matching is on for the couple (both have ticked it)."""
    CoupleJourney.objects.filter(couple_id=couple_id).update(private_matching=on)


def note_talk_confirmations(*, couple_id: int) -> None:
    """Copy "we talked" about the couple's topic into their row: who said it first, and when
    it counted."""
    row = lock_journey(couple_id)
    if row is None:
        return
    moments = dict(
        TalkConfirmation.objects.filter(couple_id=couple_id, pack_id=row.topic).values_list(
            "person_id", "confirmed_at"
        )
    )
    talked_at = consent.talk_confirmed_at(moments)
    first = None if talked_at is not None or not moments else next(iter(moments))
    CoupleJourney.objects.filter(couple_id=couple_id).update(
        first_said_we_talked_by_id=first, talked_at=talked_at
    )


def note_pack_mark(*, couple_id: int, person_id: int | None, field: str, pack_id: str, on: bool):
    """Add or take away `pack_id` in one of the journey rows' lists of packs (the couple's,
    or, with `person_id`, that person's side). Locks the row: two marks at once both count."""
    if person_id is None:
        rows = CoupleJourney.objects.filter(couple_id=couple_id)
    else:
        rows = PersonJourney.objects.filter(journey_id=couple_id, person_id=person_id)
    row = rows.select_for_update().first()
    if row is None:
        return
    packs = set(getattr(row, field))
    packs = packs | {pack_id} if on else packs - {pack_id}
    if packs != set(getattr(row, field)):
        setattr(row, field, sorted(packs))
        row.save(update_fields=[field])


def note_invitation(*, couple_id: int, pack_id: str, sender_id: int, waiting: bool) -> None:
    """Whether an invitation to talk from `sender_id` waits for an answer in `pack_id`. Each
    sender has at most one waiting at a time (conversation.services.may_invite)."""
    row = lock_journey(couple_id)
    if row is None:
        return
    senders = set(row.invitations_from.get(pack_id, []))
    senders = senders | {sender_id} if waiting else senders - {sender_id}
    after = {k: v for k, v in row.invitations_from.items() if k != pack_id}
    if senders:
        after[pack_id] = sorted(senders)
    if after != row.invitations_from:
        row.invitations_from = after
        row.save(update_fields=["invitations_from"])
