"""Reads and writes of what a couple shares: the partner, the pause, "we talked".

Each stage asks here rather than asking another stage, so that no stage imports a later one.
"""

from __future__ import annotations

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser as User
from django.db import IntegrityError, transaction

from handhold.core import consent
from handhold.couples.models import Pause, TalkConfirmation


def partner_of(user: User) -> User | None:
    """The person `user` is paired with, or None."""
    if user.couple_id is None:
        return None
    # Without an ORDER BY: there is only one other member, and `.first()`'s ordering by id
    # let PostgreSQL walk the whole user table in id order (3 times slower at 100,000
    # couples in `handhold bench`).
    others = get_user_model().objects.filter(couple_id=user.couple_id).exclude(pk=user.pk)
    return next(iter(others[:1]), None)


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
        Pause.objects.get_or_create(couple_id=user.couple_id, defaults={"paused_by": user})


@transaction.atomic
def resume(*, user: User) -> bool:
    """Only the one who paused can resume. Returns whether anything was resumed."""
    deleted, _ = Pause.objects.filter(couple_id=user.couple_id, paused_by=user).delete()
    return bool(deleted)


# "We talked" ---------------------------------------------------------------------------------


def talk_confirmations(user: User) -> dict[int, datetime]:
    """Who in the couple has confirmed "we talked", and when: person id -> moment."""
    if user.couple_id is None:
        return {}
    rows = TalkConfirmation.objects.filter(couple_id=user.couple_id)
    return dict(rows.values_list("person_id", "confirmed_at"))


def talk_confirmed_at(user: User) -> datetime | None:
    """When the couple's talk counts as had: the second confirmation, or None."""
    return consent.talk_confirmed_at(talk_confirmations(user))


def record_talk_confirmation(*, user: User) -> None:
    """Record this person's "we talked" once; a second click changes nothing. Whether they may
    say it now is the Talk stage's to decide (conversation.services.confirm_we_talked)."""
    if user.couple_id is None:
        return
    try:
        with transaction.atomic():
            TalkConfirmation.objects.get_or_create(couple_id=user.couple_id, person=user)
    except IntegrityError:
        pass  # the same person, twice at once: one confirmation is kept
