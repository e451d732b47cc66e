"""The timing loop the eval benchmarks share: on a noisy machine, time several rounds and let
each script take the median of what it reports (a rate, or milliseconds per call)."""

from __future__ import annotations

import time


def round_seconds(func, *, repeat: int, rounds: int) -> list[float]:
    """Seconds taken by each of `rounds` rounds of `repeat` calls of `func`."""
    taken = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repeat):
            func()
        taken.append(time.perf_counter() - start)
    return taken
