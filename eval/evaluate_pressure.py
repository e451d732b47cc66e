"""Evaluate the pressure checker on the labelled messages in pressure_messages.jsonl.

    python eval/evaluate_pressure.py [--split dev|holdout|all] [--show-errors]

Message level: a message counts as flagged when `check(text).pressuring` is true. Per category:
a message counts for a category when a finding of that category is reported; a respectful
message that gets one is a false positive for it. The rules were tuned on the `dev` split only;
`holdout` (every third message, set aside when the set was written) shows how they generalise.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handhold.core.pressure import CATEGORIES, check  # noqa: E402

DATA = Path(__file__).with_name("pressure_messages.jsonl")
TARGET_F1, TARGET_FPR = 0.95, 0.05


def load(split: str) -> list[dict]:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    return [r for r in rows if split == "all" or r["split"] == split]


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def scores(tp: int, fp: int, fn: int, negatives: int) -> dict:
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "fpr": ratio(fp, negatives)}


def evaluate(rows: list[dict]) -> dict:
    tp = fp = fn = 0
    negatives = sum(not r["pressuring"] for r in rows)
    per = {name: Counter() for name in CATEGORIES}
    errors = []
    for row in rows:
        result = check(row["text"])
        predicted = {f.category for f in result.findings}
        if result.pressuring and row["pressuring"]:
            tp += 1
        elif result.pressuring:
            fp += 1
            errors.append(("false positive", row["text"], sorted(predicted)))
        elif row["pressuring"]:
            fn += 1
            errors.append(("missed", row["text"], row["categories"]))
        for name, counter in per.items():
            labelled, found = name in row["categories"], name in predicted
            counter["tp"] += labelled and found
            counter["fp"] += found and not labelled and not row["pressuring"]
            counter["fn"] += labelled and not found
            counter["support"] += labelled
    return {
        "overall": scores(tp, fp, fn, negatives),
        "messages": len(rows),
        "pressuring": sum(r["pressuring"] for r in rows),
        "categories": {
            name: {**scores(c["tp"], c["fp"], c["fn"], negatives), "support": c["support"]}
            for name, c in per.items()
        },
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "holdout", "fresh", "fresh2", "fresh3", "all"], default="all")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(load(args.split))
    o = report["overall"]
    print(f"split: {args.split}  messages: {report['messages']}  pressuring: {report['pressuring']}")
    print(
        f"overall   precision {o['precision']:.3f}  recall {o['recall']:.3f}  "
        f"F1 {o['f1']:.3f}  false-positive rate {o['fpr']:.3f}"
    )
    print(f"{'category':20} {'support':>7} {'precision':>9} {'recall':>7} {'F1':>6} {'FPR':>6}")
    for name, c in report["categories"].items():
        print(
            f"{name:20} {c['support']:7d} {c['precision']:9.3f} {c['recall']:7.3f} "
            f"{c['f1']:6.3f} {c['fpr']:6.3f}"
        )
    if args.show_errors:
        for kind, text, cats in report["errors"]:
            print(f"{kind}: {text!r} {cats}")
    met = o["f1"] >= TARGET_F1 and o["fpr"] <= TARGET_FPR
    print(f"targets (F1 >= {TARGET_F1}, FPR <= {TARGET_FPR}): {'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
