"""Benchmark: how many messages per second the pressure checker handles on one core.

    python eval/bench_pressure.py [--rounds 5]

Two measurements, both pinned to one CPU core, on every hand-written training message of 50 to
300 characters (eval/pressure/labelled.py), repeated to about 5,000 lines:

- end to end: `handhold check` run as a process, the messages piped in and the JSON read
  back, start-up (importing the checker and loading its weights) included;
- in process: `check()` alone, after the weights are loaded.

In the same run it times a baseline, a single regular-expression pass that only splits each
message into words, so the figures can also be read as ratios on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "pressure"))

import labelled  # noqa: E402
from timing import round_seconds  # noqa: E402

from handhold.core.pressure import check  # noqa: E402
from handhold.core.pressure.model import default_model  # noqa: E402

WORDS = re.compile(r"[a-z']+", re.IGNORECASE)
LINES = 5000


def messages() -> list[str]:
    texts = [
        " ".join(row["text"].split())
        for row in labelled.handwritten()
        if 50 <= len(row["text"]) <= 300
    ]
    return (texts * (LINES // len(texts) + 1))[:LINES]


def rate(func, texts: list[str], rounds: int) -> float:
    """Median messages per second over `rounds` passes."""

    def one_pass():
        for text in texts:
            func(text)

    taken = round_seconds(one_pass, repeat=1, rounds=rounds)
    return statistics.median(len(texts) / seconds for seconds in taken)


def end_to_end(texts: list[str], rounds: int) -> float:
    """Median messages per second of `handhold check` as a process, start-up included. The
    process inherits this one's CPU affinity, so it runs on the same single core."""
    stdin = "\n".join(texts) + "\n"
    command = [sys.executable, "-m", "handhold.cli", "check"]
    rates = []
    for _ in range(rounds):
        started = time.perf_counter()
        result = subprocess.run(
            command,
            input=stdin,
            capture_output=True,
            text=True,
            check=True,
            cwd=HERE.parent,
        )
        seconds = time.perf_counter() - started
        assert result.stdout.count("\n") == len(texts), result.stderr
        rates.append(len(texts) / seconds)
    return statistics.median(rates)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    texts = messages()
    default_model()  # loaded once, before timing
    whole = end_to_end(texts, args.rounds)
    checker = rate(check, texts, args.rounds)
    baseline = rate(WORDS.findall, texts, args.rounds)
    print(f"messages: {len(texts)} of 50-300 characters  rounds: {args.rounds}  one core")
    print(f"handhold check, end to end: {whole:,.0f} messages/s")
    print(f"check() in process: {checker:,.0f} messages/s")
    print(f"baseline (split into words): {baseline:,.0f} messages/s")
    print(f"ratio check()/baseline: {checker / baseline:.4f}")


if __name__ == "__main__":
    main()
