"""The consent rules: what keeps Handhold slow, and the slower partner in charge.

Every pacing and consent rule of the journey lives here, as plain functions over plain data,
so that a newcomer can read them top to bottom and the services only ask. The rules, as
../shared/PRODUCT.md states them:

1. **Red or stop halts escalation.** After red at a check-in, or a debrief saying "stop",
   nothing at or above the level where it happened comes back until the person who said it
   opens that level again (`resting_from`), and no new session is proposed for a cooling
   period (`cooling_until`).
2. **Gradual by construction.** A first session stays at the gentlest mutual levels; each
   later one goes at most one level beyond what went well, and only when both last debriefs
   said "the same" or "further"; "slower" steps down (`ceiling_allowed`).
3. **The receiver sets the pace.** Nothing is pre-ticked; the one answering a proposal can
   take steps away or lower the ceiling, never add (`agree_to`).
4. **The stop word is agreed by both; yellow means "stay here"** for both (`session_light`,
   `may_move_on`).
5. **"We talked" takes two.** The settle clock starts at the second confirmation
   (`talk_confirmed_at`, `settle_until`).
6. **Why a proposal cannot be made now**, in one order, as a named reason
   (`why_no_proposal`).
7. **A topic changes only when both say yes.** A suggestion of another topic is an invitation
   like any other: three equal answers, the same cool-offs, one waiting at a time, none while
   paused or while a session plan is open (`why_no_topic_suggestion`, `chosen_topic`). Each
   topic keeps its own answers, talk, sessions and pace; a red's cooling period holds across
   them all, so that changing topic is never a way round it.

Levels run from 1 (a compliment) to 5 (the most intense). Nothing here imports Django: these
are tested in milliseconds, without a database (handhold/core/tests/test_consent.py).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from handhold.core.matching import Token

HIGHEST_LEVEL = 5
# A first session never goes beyond this level, unless nothing mutual is that gentle.
FIRST_TIME_LEVEL = 2

GREEN, YELLOW, RED = "green", "yellow", "red"
SLOWER, SAME, FURTHER, STOP = "slower", "same", "further", "stop"
# The paces that let the next session go one level further than what went well.
PACES_THAT_MAY_GO_ON = frozenset({SAME, FURTHER})


# 5. "We talked" takes two, then the settle clock ---------------------------------------------


def talk_confirmed_at(confirmations: Mapping[str, datetime]) -> datetime | None:
    """When the talk counts as had: the moment the *second* partner confirmed it, or None
    while only one (or neither) has. `confirmations` maps each person to their moment."""
    if len(confirmations) < 2:
        return None
    return max(confirmations.values())


def settle_until(started: datetime | None, *, days: int) -> datetime | None:
    """When the settle period after the conversation ends, or None if it has not begun."""
    return None if started is None else started + timedelta(days=days)


def is_settling(now: datetime, until: datetime | None) -> bool:
    return until is not None and now < until


# 1. Red or stop halts escalation ---------------------------------------------------------------


@dataclass(frozen=True)
class Halt:
    """A red check-in or a "stop" debrief: `level` and above rest until `by` opens them."""

    level: int
    by: str
    since: datetime
    opened: bool = False


def resting_from(halts: Iterable[Halt]) -> int | None:
    """The lowest level that rests: no session may include a step at or above it. None when
    nothing rests."""
    return min((halt.level for halt in halts if not halt.opened), default=None)


def is_resting(level: int, halts: Iterable[Halt]) -> bool:
    lowest = resting_from(halts)
    return lowest is not None and level >= lowest


def cooling_until(halts: Iterable[Halt], *, days: int) -> datetime | None:
    """After red or stop, no new session is proposed until this moment. Opening a level again
    does not shorten it: the cooling period is for both, the opening is one person's."""
    return cooling_after(max((halt.since for halt in halts), default=None), days=days)


def cooling_after(latest_halt: datetime | None, *, days: int) -> datetime | None:
    """The same, from the moment of the latest red or stop alone (None: there was none)."""
    return None if latest_halt is None else latest_halt + timedelta(days=days)


def halt_level(*, reached_level: int) -> int:
    """A red or a stop halts at the level the session had reached when it happened."""
    return max(1, reached_level)


# 2. Gradual by construction -------------------------------------------------------------------


@dataclass(frozen=True)
class PastSession:
    """What the pacing rules need of one session that has ended (oldest first in a history).

    `reached_level` is the level of the furthest step the two got to; `paces` are both
    debriefs' paces once both are written (empty before: one debrief alone counts for
    nothing, so that nothing of it shows through)."""

    reached_level: int
    ended_by_red: bool
    paces: tuple[str, ...] = ()


def first_time_ceiling(lowest_mutual_level: int | None) -> int:
    """A first time is always gentle: level 2 at most, or the lowest level where the two have
    anything mutual, if that is higher."""
    return max(FIRST_TIME_LEVEL, lowest_mutual_level or 1)


def ceiling_allowed(history: Sequence[PastSession], *, lowest_mutual_level: int | None) -> int:
    """The highest ceiling the next session may have.

    - No session went well yet (none, or each ended in red): the first-time ceiling.
    - Otherwise, after the last session: "slower" from either steps one level below where it
      got to; both "the same" or "further" allow one level beyond the highest level that went
      well (completed without red); anything else (a "stop", or debriefs not yet both written)
      stays at what went well."""
    after = ceiling_after_history(history)
    return first_time_ceiling(lowest_mutual_level) if after is None else after


def ceiling_after_history(history: Sequence[PastSession]) -> int | None:
    """The part of `ceiling_allowed` that the history alone decides, kept in the couple's
    journey row: None while no session went well (the first-time ceiling then follows from
    the mutual set, which can change with any answer)."""
    went_well = [s.reached_level for s in history if not s.ended_by_red]
    if not went_well:
        return None
    best = max(went_well)
    paces = set(history[-1].paces)
    if SLOWER in paces:
        ceiling = min(best, history[-1].reached_level - 1)
    elif len(history[-1].paces) == 2 and paces <= PACES_THAT_MAY_GO_ON:
        ceiling = best + 1
    else:
        ceiling = best
    return max(1, min(HIGHEST_LEVEL, ceiling))


class StepNotAllowed(ValueError):
    """A step that is not mutual, rests after a red or a stop, or is above the ceiling. The
    argument is a reason's name: 'not_mutual', 'resting', 'above_ceiling' or 'no_steps'."""


def plan_steps(
    chosen: Iterable[Token],
    *,
    mutual: Collection[Token],
    resting_from_level: int | None,
    ceiling: int,
) -> list[Token]:
    """The steps of a proposal, lowest level first. Refuses, rather than silently drops, any
    step that is not allowed: the server must not take a forged request quietly."""
    steps = set()
    for token in chosen:
        if token not in mutual:
            raise StepNotAllowed("not_mutual")
        if token.level > ceiling:
            raise StepNotAllowed("above_ceiling")
        if resting_from_level is not None and token.level >= resting_from_level:
            raise StepNotAllowed("resting")
        steps.add(token)
    if not steps:
        raise StepNotAllowed("no_steps")
    return sorted(steps)


# 3. The receiver sets the pace ----------------------------------------------------------------


def agree_to(
    proposed: Collection[Token], kept: Collection[Token], *, proposed_ceiling: int, ceiling: int
) -> tuple[list[Token], int]:
    """What the one answering a proposal agrees to: some or all of its steps, at the same or a
    lower ceiling; never a step that was not proposed, never a higher ceiling. Steps above the
    lowered ceiling fall away. Refuses an agreement to nothing: that is a decline."""
    if not set(kept) <= set(proposed):
        raise StepNotAllowed("not_proposed")
    ceiling = max(1, min(ceiling, proposed_ceiling))
    steps = sorted(t for t in set(kept) if t.level <= ceiling)
    if not steps:
        raise StepNotAllowed("no_steps")
    return steps, ceiling


# 4. Check-ins: yellow means "stay here" -------------------------------------------------------

_CAUTION = {GREEN: 0, YELLOW: 1, RED: 2}


def session_light(latest_by_person: Mapping[str, str]) -> str:
    """The colour a session stands at: the most cautious of each person's latest check-in. So
    a yellow stands until the person who said it checks in green; the other's green does not
    lift it."""
    return max(latest_by_person.values(), key=_CAUTION.__getitem__, default=GREEN)


def may_move_on(*, current_level: int, next_level: int, light: str) -> bool:
    """Whether the two may go on to the next step: never after red, and while yellow stands
    only to a step no higher than where they are."""
    if light == RED:
        return False
    return light != YELLOW or next_level <= current_level


# 6. Why a proposal cannot be made now ---------------------------------------------------------


@dataclass(frozen=True)
class CoupleState:
    """What the couple shares that decides whether a session may be proposed. Built by the
    services from the database; nothing in it is one partner's private answer."""

    paired: bool
    paused: bool
    has_mutual: bool
    talk_confirmed_at: datetime | None
    cooling_until: datetime | None
    last_debriefs_written: bool
    session_open: bool


def why_no_proposal(state: CoupleState, *, now: datetime, settle_days: int) -> str | None:
    """None when a session may be proposed now; otherwise the name of the first reason, in
    the order a couple meets them. The names are keys of a table of kind messages, none of
    which counts down."""
    if not state.paired:
        return "not_paired"
    if state.paused:
        return "paused"
    if not state.has_mutual:
        return "nothing_mutual"
    if state.talk_confirmed_at is None:
        return "not_talked"
    if is_settling(now, settle_until(state.talk_confirmed_at, days=settle_days)):
        return "settling"
    if not state.last_debriefs_written:
        return "debriefs_missing"
    if state.cooling_until is not None and now < state.cooling_until:
        return "cooling"
    if state.session_open:
        return "session_open"
    return None


# 7. A topic changes only when both say yes ------------------------------------------------------


@dataclass(frozen=True)
class TopicAnswer:
    """One answered suggestion of a topic, as the rules need it."""

    topic: str
    answer: str  # "yes", "not_now" or "not_for_me"
    answered_at: datetime


def chosen_topic(answers: Iterable[TopicAnswer], *, default: str) -> str:
    """The couple's topic: the one of the latest suggestion both agreed to, else the default."""
    agreed = [a for a in answers if a.answer == "yes"]
    return max(agreed, key=lambda a: a.answered_at).topic if agreed else default


@dataclass(frozen=True)
class TopicState:
    """What decides whether one partner may suggest a topic now. Nothing in it is the other
    partner's private answer: how a suggestion was turned down reaches the rules only as the
    moment the suggester may ask again."""

    paired: bool
    paused: bool
    session_open: bool
    suggestion_waiting: bool
    current_topic: str
    resting_until: datetime | None  # this suggester's cool-off for the topic, if any


def why_no_topic_suggestion(state: TopicState, topic: str, *, now: datetime) -> str | None:
    """None when `topic` may be suggested now; otherwise the first reason's name. None of the
    reasons counts down, and "Not now" and "Not for me" read the same ("resting")."""
    if not state.paired:
        return "not_paired"
    if state.paused:
        return "paused"
    if topic == state.current_topic:
        return "already_chosen"
    if state.suggestion_waiting:
        return "one_at_a_time"
    if state.session_open:
        return "session_open"
    if state.resting_until is not None and now < state.resting_until:
        return "resting"
    return None
