"""Benchmark: how many messages per second the pressure checker handles on one core.

    python eval/bench_pressure.py [--rounds 20]

Runs the checker over every labelled message, pinned to one CPU core, and reports messages
per second. In the same run it times a baseline, a single regular-expression pass that only
splits each message into words, so the figure can be read as a ratio on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import round_seconds  # noqa: E402

from handhold.core.pressure import check  # noqa: E402
from handhold.core.pressure.naive_bayes import default_model, load_examples  # noqa: E402

WORDS = re.compile(r"[a-z']+", re.IGNORECASE)


def rate(func, texts: list[str], rounds: int) -> float:
    """Median messages per second over `rounds` passes."""

    def one_pass():
        for text in texts:
            func(text)

    taken = round_seconds(one_pass, repeat=1, rounds=rounds)
    return statistics.median(len(texts) / seconds for seconds in taken)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = [example.text for example in load_examples()]
    default_model()  # trained once, before timing
    checker = rate(check, texts, args.rounds)
    baseline = rate(WORDS.findall, texts, args.rounds)
    print(f"messages: {len(texts)}  rounds: {args.rounds}  one core")
    print(f"pressure checker: {checker:,.0f} messages/s")
    print(f"baseline (split into words): {baseline:,.0f} messages/s")
    print(f"ratio checker/baseline: {checker / baseline:.4f}")


if __name__ == "__main__":
    main()
