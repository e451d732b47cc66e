"""Score the shipped pressure checker on a set of labelled messages.

    python eval/pressure/evaluate.py                    # the frozen set: once per release
    python eval/pressure/evaluate.py --set handwritten  # the training writers' messages
    python eval/pressure/evaluate.py --json             # the same numbers as JSON

The frozen set (`frozen/*.jsonl`) was written after the model was built, by writers who saw
neither the checker nor any message it learned from. It is scored once per release and never
used to train, tune or choose a threshold: if a number here disappoints, the fix goes into the
training data or the rules, and the frozen set stays as it is.

What is reported, message by message, as the planner shows it:
- precision, recall and F1 of "this message pressures", and the false-positive rate on
  messages that do not pressure, and on everyday messages alone (no request in them at all);
- for each tactic: how many of its messages were flagged (recall), and of the findings given
  that category, how many were on messages with that tactic (precision);
- says_no_is_fine right (against its label), and false reassurance: says_no_is_fine on a
  message that pressures, which must never happen;
- unsure: how often the checker gave no verdict;
- flags without a category, a span, a why or a rewording (must be none).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

import labelled  # noqa: E402
from metrics import ratio, scores  # noqa: E402

from handhold.core.pressure import CATEGORIES, check  # noqa: E402

FROZEN = HERE / "frozen"


def frozen() -> list[dict]:
    rows = []
    for path in sorted(FROZEN.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rows.append(json.loads(line))
    return rows


def score(rows: list[dict]) -> dict:
    counts: Counter = Counter()
    pairs = []
    flagged_by_tactic, total_by_tactic = Counter(), Counter()
    category_found, category_right = Counter(), Counter()
    for row in rows:
        result = check(row["text"])
        truth, flagged = row["pressuring"], result.pressuring
        pairs.append((truth, flagged))
        counts["unsure"] += result.unsure
        if not truth and row.get("everyday"):
            counts["everyday"] += 1
            counts["everyday_flagged"] += flagged
        for tactic in row["categories"]:
            total_by_tactic[tactic] += 1
            flagged_by_tactic[tactic] += flagged
        for name in {f.category for f in result.findings}:
            category_found[name] += 1
            category_right[name] += name in row["categories"]
        for finding in result.findings:
            complete = (
                finding.category in CATEGORIES
                and 0 <= finding.start < finding.end <= len(row["text"])
                and finding.why
                and finding.suggestion
            )
            counts["incomplete_flags"] += not complete
        if row.get("says_no_is_fine") is not None:
            counts["no_is_fine_labelled"] += 1
            counts["no_is_fine_right"] += result.says_no_is_fine == row["says_no_is_fine"]
        counts["false_reassurance"] += truth and result.says_no_is_fine
    return {
        "messages": len(rows),
        **scores(pairs),
        "everyday": counts["everyday"],
        "false_positive_rate_everyday": ratio(counts["everyday_flagged"], counts["everyday"]),
        "says_no_is_fine_right": ratio(counts["no_is_fine_right"], counts["no_is_fine_labelled"]),
        "false_reassurance": counts["false_reassurance"],
        "unsure": ratio(counts["unsure"], len(rows)),
        "incomplete_flags": counts["incomplete_flags"],
        "tactics": {
            name: {
                "messages": total_by_tactic[name],
                "recall": ratio(flagged_by_tactic[name], total_by_tactic[name]),
                "findings": category_found[name],
                "precision": ratio(category_right[name], category_found[name]),
            }
            for name in sorted(set(total_by_tactic) | set(category_found))
        },
    }


def print_markdown(report: dict) -> None:
    print(
        "| messages | pressuring | precision | recall | F1 | false-positive rate | "
        "on everyday messages | says_no_is_fine right | false reassurance | unsure |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    print(
        f"| {report['messages']} | {report['pressuring']} | {report['precision']:.2f} | "
        f"{report['recall']:.2f} | {report['f1']:.2f} | {report['false_positive_rate']:.3f} | "
        f"{report['false_positive_rate_everyday']:.3f} ({report['everyday']}) | "
        f"{report['says_no_is_fine_right']:.2f} | {report['false_reassurance']} | "
        f"{report['unsure']:.2f} |"
    )
    print()
    print("| tactic | messages | recall | findings | precision of the category |")
    print("| --- | --- | --- | --- | --- |")
    for name, stats in report["tactics"].items():
        print(
            f"| {name} | {stats['messages']} | {stats['recall']:.2f} | {stats['findings']} | "
            f"{stats['precision']:.2f} |"
        )
    print()
    print(f"flags missing a category, span, why or rewording: {report['incomplete_flags']}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", choices=("frozen", "handwritten"), default="frozen")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)
    rows = frozen() if args.set == "frozen" else labelled.handwritten()
    if not rows:
        sys.exit(f"no messages in {FROZEN}")
    report = score(rows)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_markdown(report)


if __name__ == "__main__":
    main()
