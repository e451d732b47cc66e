"""Notice: the one rule of the private log of how a partner responds to appreciation.

Before anything is asked, a person shows their partner a little appreciation and notes how
they took it: comfortable, into it, not sure, or uneasy. The rule:

- **Uneasy means leave it for now.** While the latest entry says "uneasy", Handhold kindly
  says to leave it, and suggests nothing more: no ideas at all. A later entry that says
  anything else (comfortable, into it, not sure) lifts it.

"Not sure" lifts it on purpose: it is the person's own honest, later reading of their
partner, and a log that could never move on from one uneasy moment would only teach people
to stop writing in it. Nothing here imports Django (tests: handhold/core/tests/test_notice.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

COMFORTABLE, INTO_IT, NOT_SURE, UNEASY = "comfortable", "into_it", "not_sure", "uneasy"
REACTIONS = (COMFORTABLE, INTO_IT, NOT_SURE, UNEASY)

Idea = TypeVar("Idea")


def leave_it_for_now(reactions_newest_first: Sequence[str]) -> bool:
    """True while the latest reaction logged is "uneasy". An empty log suggests freely."""
    for reaction in reactions_newest_first:
        if reaction not in REACTIONS:
            raise ValueError(f"unknown reaction {reaction!r}")
    return bool(reactions_newest_first) and reactions_newest_first[0] == UNEASY


def ideas_to_show(ideas: Sequence[Idea], reactions_newest_first: Sequence[str]) -> tuple[Idea, ...]:
    """The ideas to suggest now: all of them, or none while it is left for now."""
    if leave_it_for_now(reactions_newest_first):
        return ()
    return tuple(ideas)
