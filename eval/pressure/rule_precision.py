"""How precise each pressure rule is, on the hand-written and the generated messages.

    python eval/pressure/rule_precision.py [--generated eval/pressure/generated.jsonl] [-v]

For each rule (by its index in `rules.RULES`): how many hand-written and generated messages
it fires on, and its precision (fires on pressuring / fires), twice: without the everyday head
that the checker puts in front of the rules, where everyday banter that borrows a rule's words
counts against it, and as the checker applies it, behind the head ("applied"). A rule under
0.95 as applied is marked "DROP OR NARROW" for a look; one under 0.95 only without the head is
marked "ok behind the head" (handhold/core/pressure/rules.py says why that is the test).
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

from handhold.core.pressure.model import default_model  # noqa: E402
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


def _judged(rows: list[dict]) -> list[dict]:
    """The messages the checker lets the rules judge: those its everyday head does not wave
    through as asking nothing (`check()`)."""
    model = default_model()
    return [row for row in rows if not model.asks_nothing(model.known(row["text"]))]


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

    judged = {id(row) for row in _judged(hand + generated)}
    print(
        " # category             hand +   -  prec   generated +    -  prec   "
        "applied: hand +   -  prec   generated +    -  prec  verdict"
    )
    for index, rule in enumerate(RULES):
        good, bad = _fires(rule, hand)
        g_good, g_bad = _fires(rule, generated)
        applied = [[r for r in rows if id(r) in judged] for rows in (good, bad, g_good, g_bad)]
        a_good, a_bad = len(applied[0]) + len(applied[2]), len(applied[1]) + len(applied[3])
        fires = len(good) + len(bad)
        verdict = "keep"
        if not fires:
            verdict = "DROP: fires on no labelled message"
        elif not a_good + a_bad or a_good / (a_good + a_bad) < KEEP_AT:
            verdict = f"DROP OR NARROW: precision as applied below {KEEP_AT}"
        elif (len(good) + len(g_good)) / (fires + len(g_good) + len(g_bad)) < KEEP_AT:
            verdict = "ok behind the head"
        print(
            f"{index:2d} {rule.category:20s} {len(good):4d} {len(bad):3d}  "
            f"{_precision(len(good), len(bad))}   {len(g_good):11d} {len(g_bad):4d}  "
            f"{_precision(len(g_good), len(g_bad))}   "
            f"{len(applied[0]):14d} {len(applied[1]):3d}  "
            f"{_precision(len(applied[0]), len(applied[1]))}   "
            f"{len(applied[2]):11d} {len(applied[3]):4d}  "
            f"{_precision(len(applied[2]), len(applied[3]))}  {verdict}"
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
