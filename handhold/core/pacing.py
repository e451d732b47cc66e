"""The clocks and limits that keep things slow: the settle period, the ceiling after a
"slower" debrief, and which steps a session may hold.

Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from handhold.core.matching import Token

HIGHEST_LEVEL = 5


def settle_until(started: datetime | None, *, days: int) -> datetime | None:
    """When the settle period after the conversation ends, or None if it has not begun."""
    return None if started is None else started + timedelta(days=days)


def is_settling(now: datetime, until: datetime | None) -> bool:
    return until is not None and now < until


def highest_allowed_ceiling(previous_ceiling: int | None, previous_paces: Iterable[str]) -> int:
    """After a session where either said "slower", the next proposal stays below its ceiling."""
    if previous_ceiling is not None and "slower" in set(previous_paces):
        return max(1, previous_ceiling - 1)
    return HIGHEST_LEVEL


class StepNotAllowed(ValueError):
    """A step that is not mutual, is held back, or is above the ceiling."""


def plan_steps(
    chosen: Iterable[Token],
    *,
    mutual: frozenset[Token],
    held_back: frozenset[tuple[str, str]],
    ceiling: int,
) -> list[Token]:
    """The steps of a proposal, lowest level first. Refuses, rather than silently drops, any step
    that is not mutual or is held back: the server must not take a forged request quietly."""
    steps = []
    for token in chosen:
        if token not in mutual:
            raise StepNotAllowed("not mutual")
        if (token.item_id, token.receiver) in held_back:
            raise StepNotAllowed("held back")
        if token.level > ceiling:
            raise StepNotAllowed("above the ceiling")
        steps.append(token)
    if not steps:
        raise StepNotAllowed("no steps")
    return sorted(set(steps))
