"""The rules of a private-matching run: which step it is at, who may post what, how often a
couple may run it, and when the mode is on.

`private_matching.py` is the protocol (what the points are); this module is the run around it
(when the server accepts and releases them). A run goes through three steps, each of which
waits for both browsers, and the server releases what was posted in a step only once both have
posted it:

    round_one -> round_two -> mutual -> done            (both posted the same mutual set)
                                     -> run_again       (they did not: nothing is shown)
    any unfinished step -> cancelled                     (either of the two stops it)

The step is derived from what has been posted (`step_of`), never stored apart from it, so a
run cannot say it is further along than its posts are.

Re-runs are limited (`may_start_run`) and every run is shown to both: someone who answers
"yes" to everything learns the other's yes list from one run, as in the ordinary mode; what
must not happen is quietly running the match again and again to watch it change. Answers are
locked while a run is in progress (the browsers refuse to change them, and the server refuses
to hear that they changed), so a run is a picture of one moment.

Pure Python, no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

ROUND_ONE, ROUND_TWO, MUTUAL = "round_one", "round_two", "mutual"
DONE, RUN_AGAIN, CANCELLED = "done", "run_again", "cancelled"
STEPS = (ROUND_ONE, ROUND_TWO, MUTUAL)
FINISHED = frozenset({DONE, RUN_AGAIN, CANCELLED})

# How many runs a couple may start in any `RUN_WINDOW`, whatever became of them.
RUNS_PER_WINDOW = 3
RUN_WINDOW = timedelta(hours=24)


def mode_is_on(ticks: int) -> bool:
    """Private matching is on only when both of the two have ticked it; either can untick."""
    return ticks >= 2


def step_of(posted: dict[str, int]) -> str:
    """The step a run waits at, from how many of the two have posted at each step
    (`posted[step]`, 0 to 2): the first step not yet posted by both."""
    for step in STEPS:
        if posted.get(step, 0) < 2:
            return step
    return MUTUAL  # both posted the mutual set: `settle` decides between done and run again


def released(step: str, posted: dict[str, int]) -> bool:
    """Whether what was posted at `step` may be handed to the partner: only once both are in,
    so neither browser can see the other's set before committing its own."""
    return posted.get(step, 0) >= 2


def may_post(*, status: str, step: str, already_posted: bool) -> bool:
    """A person posts once per step, and only at the step the run waits at."""
    return status == step and not already_posted


def is_in_progress(status: str) -> bool:
    return status not in FINISHED


def may_start_run(
    *, started: Iterable[datetime], now: datetime, one_in_progress: bool
) -> str | None:
    """None when the couple may start a run now; otherwise the name of the reason: a run is
    already in progress, or `RUNS_PER_WINDOW` runs were started in the last `RUN_WINDOW`."""
    if one_in_progress:
        return "run_in_progress"
    recent = [when for when in started if now - when < RUN_WINDOW]
    if len(recent) >= RUNS_PER_WINDOW:
        return "run_limit"
    return None
