"""Evaluate the pressure checker on the labelled messages.

    python eval/evaluate_pressure.py [--split NAME] [--folds 5] [--rules-only] [--show-errors]

The checker has two parts: hand-written rules, and a naive Bayes model learned from the same
labelled file (handhold/core/pressure_messages.jsonl). Scoring the model on messages it learned
from would flatter it, so the model is cross-validated: the messages are cut into --folds parts,
and each part is checked by a model trained on the others only.

The rules were written and tuned while looking at the messages, split by split, in the order
dev, holdout, fresh, fresh2, fresh3. Each later split was written before the rules were tuned on
it, and its first score was kept in the README: that is the honest figure for unseen messages.

Message level: a message counts as flagged when `pressuring` is true. Per category: a message
counts for a category when a finding of that category is reported; a respectful message that
gets one is a false positive for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from handhold.core.pressure import CATEGORIES, check  # noqa: E402
from handhold.core.pressure.naive_bayes import MESSAGES, Example, NaiveBayes  # noqa: E402

TARGET_F1, TARGET_FPR = 0.95, 0.05
SPLITS = ["dev", "holdout", "fresh", "fresh2", "fresh3"]


def load() -> list[dict]:
    return [json.loads(line) for line in MESSAGES.read_text(encoding="utf-8").splitlines() if line]


def ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def scores(tp: int, fp: int, fn: int, negatives: int) -> dict:
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    f1 = ratio(2 * precision * recall, precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1, "fpr": ratio(fp, negatives)}


def predictions(rows: list[dict], folds: int, rules_only: bool) -> list:
    """(row, result) for every row, each checked by a model that never saw it."""
    out = [None] * len(rows)
    for fold in range(folds):
        training = [
            Example(r["text"], r["pressuring"], tuple(r["categories"]))
            for i, r in enumerate(rows)
            if i % folds != fold
        ]
        model = NaiveBayes(training)
        for i, row in enumerate(rows):
            if i % folds == fold:
                out[i] = (row, check(row["text"], model=model, use_model=not rules_only))
    return out


def evaluate(checked: list) -> dict:
    tp = fp = fn = 0
    negatives = sum(not row["pressuring"] for row, _ in checked)
    per = {name: Counter() for name in CATEGORIES}
    errors = []
    for row, result in checked:
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
        "messages": len(checked),
        "pressuring": sum(row["pressuring"] for row, _ in checked),
        "categories": {
            name: {**scores(c["tp"], c["fp"], c["fn"], negatives), "support": c["support"]}
            for name, c in per.items()
        },
        "errors": errors,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rules-only", action="store_true", help="leave the learned model out")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args(argv)
    checked = [
        (row, result)
        for row, result in predictions(load(), args.folds, args.rules_only)
        if args.split == "all" or row["split"] == args.split
    ]
    report = evaluate(checked)
    o = report["overall"]
    mode = "rules only" if args.rules_only else f"rules + model ({args.folds}-fold cross-validated)"
    print(
        f"split: {args.split}  messages: {report['messages']}  pressuring: "
        f"{report['pressuring']}  checker: {mode}"
    )
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
