"""Benchmark: the matching rule of the reveal, in answered items per second on one core.

    python eval/bench_matching.py [--rounds 20]

Two people answer every item and role of the default pack at random; the reveal is computed
again and again. A baseline in the same run intersects two plain Python sets of the same size,
so the figure reads as a ratio on a noisy machine.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timing import round_seconds  # noqa: E402

from handhold.core.matching import Answer, CatalogItem, reveal_mutual_interest  # noqa: E402
from handhold.core.packs import load_pack  # noqa: E402

PACK = Path(__file__).resolve().parents[1] / "handhold/content/packs/anal-play"


def median_rate(func, items: int, repeat: int, rounds: int) -> float:
    taken = round_seconds(func, repeat=repeat, rounds=rounds)
    return statistics.median(items * repeat / seconds for seconds in taken)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    pack = load_pack(PACK)
    catalog = {a.id: CatalogItem(a.level, frozenset(a.roles)) for a in pack.activities}
    rng = random.Random(7)  # noqa: S311 - reproducible test data, not secrets
    keys = [(a.id, r) for a in pack.activities for r in a.roles]
    first = [Answer(i, r, rng.choice(["yes", "curious", "no"])) for i, r in keys]
    second = [Answer(i, r, rng.choice(["yes", "curious", "no"])) for i, r in keys]
    items = len(first) + len(second)
    matching = median_rate(
        lambda: reveal_mutual_interest(
            first, second, first="1", second="2", catalog=catalog, first_opened=5, second_opened=5
        ),
        items,
        200,
        args.rounds,
    )
    a, b = {(x.item_id, x.role) for x in first}, {(x.item_id, x.role) for x in second}
    baseline = median_rate(lambda: a & b, items, 200, args.rounds)
    print(f"answered items per reveal: {items}  rounds: {args.rounds}  one core")
    print(f"matching: {matching:,.0f} answered items/s")
    print(f"baseline (plain set intersection): {baseline:,.0f} items/s")
    print(f"ratio matching/baseline: {matching / baseline:.3f}")


if __name__ == "__main__":
    main()
