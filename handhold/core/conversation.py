"""Planning a conversation, and the clocks that keep an invitation to talk from pestering.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from handhold.core.packs import ChecklistPoint

Style = Literal["casual", "text", "sit_down"]
STYLES: tuple[Style, ...] = ("casual", "text", "sit_down")
NO_IS_FINE = "no-is-fine"

Answer = Literal["like_to_talk", "not_now", "not_for_me"]


@dataclass(frozen=True)
class OutlineLine:
    point: ChecklistPoint
    example: str
    repeated: bool = False  # the second time a bookend point is said, at the end


def build_outline(points: Iterable[ChecklistPoint], style: Style) -> list[OutlineLine]:
    """The outline for one style: the points that have an example for it, in the pack's order,
    with bookend points said at the start and again at the end.

    The reassurance that the partner is in control is always said twice. PRODUCT.md asks for it
    when the partner seems unsure but game (mostly "curious"); saying it every time means the
    outline can never hint at how the partner answered, which the reveal must not do either.
    """
    lines = [OutlineLine(p, p.examples[style]) for p in points if style in p.examples]
    bookends = [line for line in lines if line.point.bookend]
    middle = [line for line in lines if not line.point.bookend]
    closing = [OutlineLine(line.point, line.example, repeated=True) for line in bookends]
    return bookends + middle + closing


def covered_points(
    text: str, points: Iterable[ChecklistPoint], *, says_no_is_fine: bool
) -> set[str]:
    """Which checklist points a draft already covers, from the checker's analysis: the
    no-is-fine point from the checker itself, the others from each point's cues."""
    covered = set()
    for point in points:
        if point.id == NO_IS_FINE:
            if says_no_is_fine:
                covered.add(point.id)
        elif any(re.search(cue, text, re.IGNORECASE) for cue in point.cues):
            covered.add(point.id)
    return covered


def cool_off_until(
    answer: str | None,
    answered_at: datetime | None,
    *,
    not_now_days: int,
    not_for_me_days: int,
) -> datetime | None:
    """When the asker may invite again after this answer, or None if they may now."""
    if answered_at is None or answer not in ("not_now", "not_for_me"):
        return None
    days = not_now_days if answer == "not_now" else not_for_me_days
    return answered_at + timedelta(days=days)


def may_invite_again(now: datetime, until: datetime | None) -> bool:
    return until is None or now >= until
