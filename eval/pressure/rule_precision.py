"""How precise each pressure rule is, on the hand-written and the generated messages.

    python eval/pressure/rule_precision.py [--generated eval/pressure/generated.jsonl] [-v]

For each rule (by its index in `rules.RULES`): how many hand-written and generated messages
it fires on, and its precision (fires on pressuring / fires), without the everyday head that
the checker puts in front of the rules: everyday banter that borrows a rule's words counts
against it here. A rule under 0.95 is marked "DROP OR NARROW" for a look; whether it stays is
decided as the checker applies it (handhold/core/pressure/rules.py).
Then the rules together, as a message-level classifier: precision, recall and false-positive
rate. `-v` lists the messages labelled not pressuring that a rule fires on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from labelled import handwritten  # noqa: E402
from metrics import scores  # noqa: E402

from handhold.core.pressure.rules import RULES, rule_findings  # noqa: E402

KEEP_AT = 0.95


def _read_generated(path: Path) -> list[dict]:
    if not path.exists():
        print(f"({path} is missing: make it with generate.py; generated counts are 0)")
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _fires(rule, rows: list[dict]) -> tuple[list[dict], list[dict]]:
    hits = [row for row in rows if rule_findings(row["text"], (rule,))]
    return [r for r in hits if r["pressuring"]], [r for r in hits if not r["pressuring"]]


def _precision(good: int, bad: int) -> str:
    return f"{good / (good + bad):.2f}" if good + bad else "  - "


def _summary(name: str, rows: list[dict]) -> None:
    s = scores((row["pressuring"], bool(rule_findings(row["text"]))) for row in rows)
    print(
        f"{name:14s} messages {len(rows):6d}  precision {s['precision']:.3f}  "
        f"recall {s['recall']:.3f}  false-positive rate {s['false_positive_rate']:.3f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--generated", type=Path, default=HERE / "generated.jsonl")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    hand, generated = handwritten(), _read_generated(args.generated)

    print(" # category             hand +   -  prec   generated +    -  prec  verdict")
    for index, rule in enumerate(RULES):
        good, bad = _fires(rule, hand)
        g_good, g_bad = _fires(rule, generated)
        fires = len(good) + len(bad)
        verdict = "keep"
        if not fires:
            verdict = "DROP: fires on no labelled message"
        elif len(good) / fires < KEEP_AT:
            verdict = f"DROP OR NARROW: precision below {KEEP_AT}"
        print(
            f"{index:2d} {rule.category:20s} {len(good):4d} {len(bad):3d}  "
            f"{_precision(len(good), len(bad))}   {len(g_good):11d} {len(g_bad):4d}  "
            f"{_precision(len(g_good), len(g_bad))}  {verdict}"
        )
        if args.verbose:
            for row in bad:
                print(f"     not pressuring {row['id']}: {row['text'][:120]}")
            for row in g_bad[:3]:
                print(f"     generated {row['template']}: {row['text'][:120]}")

    print("\nThe rules together (rule_findings), message level:")
    _summary("hand-written", hand)
    _summary("  writers", [r for r in hand if r["id"].startswith("writer-")])
    _summary("  team", [r for r in hand if r["id"].startswith("team:")])
    if generated:
        _summary("generated", generated)


if __name__ == "__main__":
    main()
