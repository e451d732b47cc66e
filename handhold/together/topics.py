"""Choosing a topic together: writes and reads.

Either partner may suggest another topic from the installed packs; it becomes the couple's
topic only when the other says yes (core.consent, rule 7). A suggestion is an invitation like
any other: three equal answers, "Not now" and "Not for me" read the same to the one who
suggested, and each brings the pack's cool-off before they may suggest that topic again.

Each topic keeps its own answers, finished marks, reveal, invitations, talk and sessions: they
are all kept by pack id, so switching never mixes them, and switching back finds everything as
it was. The couple's journey row summarises the current topic, so a switch rebuilds it from
the facts (handhold/together/state.py), in the same transaction.

Lives in the last stage because a switch rebuilds the journey row, which reads every stage.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from handhold.accounts.models import User
from handhold.content.registry import all_packs, pack_for
from handhold.core import consent
from handhold.core import conversation as clocks
from handhold.core.packs import Pack
from handhold.couples import services as couples
from handhold.couples.models import TopicSuggestion
from handhold.together import state

YES = TopicSuggestion.Answer.YES

# Every refusal, named, in one place. None counts down, and none says how a suggestion was
# answered: "resting" is the same after "Not now" and after "Not for me".
MESSAGES = {
    "not_paired": _("You can choose a topic together once you are paired."),
    "paused": _("Everything is paused. Nothing new is suggested while you take a break."),
    "already_chosen": _("This is the topic you are exploring together now."),
    "one_at_a_time": _("One suggestion at a time: there is one waiting for an answer."),
    "session_open": _(
        "A session plan is open. Finish or cancel it first; then a new topic can wait for you."
    ),
    "resting": _("This topic is resting for now. Your partner can suggest it whenever they like."),
}


class CannotChangeTopic(Exception):
    """Why a suggestion (or a yes) cannot go now: one of MESSAGES, by name."""

    def __init__(self, name: str):
        super().__init__(MESSAGES[name])
        self.name = name


def _suggestions(user: User):
    return TopicSuggestion.objects.filter(couple_id=user.couple_id, withdrawn=False)


def waiting_for_me(user: User) -> TopicSuggestion | None:
    """The partner's suggestion waiting for this person's answer, if any."""
    if user.couple_id is None:
        return None
    return _suggestions(user).filter(answer="").exclude(suggested_by=user).first()


def my_waiting(user: User) -> TopicSuggestion | None:
    """This person's own suggestion, still waiting for the partner's answer."""
    if user.couple_id is None:
        return None
    return _suggestions(user).filter(answer="", suggested_by=user).first()


def resting_until(user: User, pack: Pack):
    """When this person may suggest `pack` again after a "Not now" or "Not for me" to their
    own latest suggestion of it (None: now). Only their own suggestions count: the partner who
    said no may suggest the topic themselves whenever they like."""
    latest = _suggestions(user).filter(suggested_by=user, pack_id=pack.id).first()
    if latest is None or latest.answer in ("", YES):
        return None
    return clocks.cool_off_until(
        latest.answer,
        latest.answered_at,
        not_now_days=pack.manifest.cool_off_not_now_days,
        not_for_me_days=pack.manifest.cool_off_not_for_me_days,
    )


def _topic_state(user: User, pack: Pack, journey) -> consent.TopicState:
    return consent.TopicState(
        paired=journey is not None,
        paused=bool(journey and journey.is_paused),
        session_open=bool(journey and journey.open_plan_status),
        suggestion_waiting=bool(journey and journey.topic_suggested_by_id),
        current_topic=journey.topic if journey else "",
        resting_until=resting_until(user, pack) if journey else None,
    )


def why_not_suggest(user: User, pack: Pack, journey) -> str | None:
    """None when this person may suggest `pack` now; else a MESSAGES key."""
    return consent.why_no_topic_suggestion(
        _topic_state(user, pack, journey), pack.id, now=timezone.now()
    )


@dataclass(frozen=True)
class TopicChoice:
    """One installed topic as the topic page lists it."""

    pack: Pack
    current: bool
    reason: str | None  # why it cannot be suggested now (a MESSAGES key), or None

    @property
    def message(self) -> str:
        return MESSAGES[self.reason] if self.reason else ""


def topic_choices(user: User, *, language: str | None) -> list[TopicChoice]:
    """Every installed topic, in the reader's language where it has one, the couple's own
    first."""
    side = state.journey_side(user)
    journey = side.journey if side is not None else None
    current = journey.topic if journey else None
    choices = []
    for pack_id in all_packs():
        pack = pack_for(language, pack_id)
        reason = why_not_suggest(user, pack, journey)
        choices.append(TopicChoice(pack=pack, current=pack_id == current, reason=reason))
    return sorted(choices, key=lambda c: not c.current)


def last_answered_no(user: User) -> TopicSuggestion | None:
    """This person's latest suggestion, when it is the couple's latest and was turned down:
    the page says, neutrally, that the partner answered, and nothing of how."""
    if user.couple_id is None:
        return None
    latest = _suggestions(user).first()
    if latest is None or latest.suggested_by_id != user.pk or latest.answer in ("", YES):
        return None
    return latest


# Writes ---------------------------------------------------------------------------------------


@transaction.atomic
def suggest_topic(*, user: User, pack: Pack) -> TopicSuggestion:
    """Suggest `pack` as the couple's topic. The couple's row is locked first, so that two
    suggestions at once cannot both wait."""
    journey = couples.lock_journey(user.couple_id) if user.couple_id else None
    reason = why_not_suggest(user, pack, journey)
    if reason:
        raise CannotChangeTopic(reason)
    suggestion = TopicSuggestion.objects.create(
        couple_id=user.couple_id, suggested_by=user, pack_id=pack.id
    )
    journey.topic_suggested_by_id = user.pk
    journey.save(update_fields=["topic_suggested_by"])
    return suggestion


@transaction.atomic
def answer_suggestion(*, user: User, public_id: UUID, answer: str) -> TopicSuggestion:
    """Record this person's answer to their partner's suggestion. Raises
    TopicSuggestion.DoesNotExist for anyone else, or once answered or withdrawn.

    A no is always taken. A yes changes the topic for both at once, and is refused only for
    what would refuse a suggestion: a pause, or a session plan still open."""
    journey = couples.lock_journey(user.couple_id) if user.couple_id else None
    suggestion = (
        TopicSuggestion.objects.select_for_update()
        .filter(couple_id=user.couple_id, answer="", withdrawn=False)
        .exclude(suggested_by=user)
        .get(public_id=public_id)
    )
    if answer == YES and journey is not None:
        if journey.is_paused:
            raise CannotChangeTopic("paused")
        if journey.open_plan_status:
            raise CannotChangeTopic("session_open")
    suggestion.answer, suggestion.answered_at = answer, timezone.now()
    suggestion.full_clean()
    suggestion.save(update_fields=["answer", "answered_at"])
    # A yes changes what the row summarises (the topic's talk, pace and levels): read it all
    # again. A no only ends the wait.
    state.rebuild_journey(suggestion.couple_id)
    couples.forget_topic(user)
    return suggestion


@transaction.atomic
def withdraw_suggestion(*, user: User, public_id: UUID) -> None:
    """Take back this person's own suggestion before it is answered. Raises
    TopicSuggestion.DoesNotExist for anyone else, or once answered."""
    couples.lock_journey(user.couple_id)
    suggestion = (
        TopicSuggestion.objects.select_for_update()
        .filter(couple_id=user.couple_id, answer="", withdrawn=False, suggested_by=user)
        .get(public_id=public_id)
    )
    suggestion.withdrawn = True
    suggestion.save(update_fields=["withdrawn"])
    state.rebuild_journey(suggestion.couple_id)


def export_for(user: User) -> dict:
    """The topics this person suggested (without the partner's answer, which the page never
    showed them either), and their own answers to the partner's suggestions."""
    suggested = TopicSuggestion.objects.filter(suggested_by=user).order_by("suggested_at")
    answered = (
        TopicSuggestion.objects.filter(couple_id=user.couple_id)
        .exclude(suggested_by=user)
        .exclude(answer="")
        .order_by("answered_at")
        if user.couple_id
        else TopicSuggestion.objects.none()
    )
    return {
        "topics_suggested": [
            {"pack": s.pack_id, "suggested_at": s.suggested_at.isoformat()} for s in suggested
        ],
        "topic_answers_given": [
            {"pack": s.pack_id, "answer": s.answer, "answered_at": s.answered_at.isoformat()}
            for s in answered
        ],
    }


def installed(pack_id: str, *, language: str | None) -> Pack | None:
    """The installed pack `pack_id` in the reader's language, or None (a forged form)."""
    return pack_for(language, pack_id) if pack_id in all_packs() else None
