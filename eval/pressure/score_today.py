"""Score the shipped checker, as it is, on the hand-written messages in eval/pressure.

    python eval/pressure/score_today.py

The baseline for issue #14: none of these messages was seen when the checker was built. Message
level only (flagged or not), plus says_no_is_fine, since 10 of the 22 tactics here are ones the
checker has no category for yet.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from handhold.core.pressure import check  # noqa: E402

HERE = Path(__file__).resolve().parent


def main() -> None:
    counts, by_writer, missed = Counter(), Counter(), Counter()
    for path in sorted((HERE / "handwritten").glob("writer-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            message = json.loads(line)
            result = check(message["text"])
            flagged, truth = result.pressuring, message["pressuring"]
            counts[(truth, flagged)] += 1
            by_writer[(message["writer"], truth == flagged)] += 1
            if truth and not flagged:
                missed[message["categories"][0]] += 1
            counts["no_is_fine_right"] += result.says_no_is_fine == message["says_no_is_fine"]
            counts["false_reassurance"] += truth and result.says_no_is_fine
            counts["all"] += 1
    tp, fn = counts[(True, True)], counts[(True, False)]
    fp, tn = counts[(False, True)], counts[(False, False)]
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    f1 = 2 * precision * recall / max(precision + recall, 1e-9)
    print(f"messages {counts['all']}  pressuring {tp + fn}  not {fp + tn}")
    print(f"precision {precision:.2f}  recall {recall:.2f}  F1 {f1:.2f}  FPR {fp / (fp + tn):.2f}")
    print(f"says_no_is_fine right {counts['no_is_fine_right'] / counts['all']:.2f}")
    print(f"false reassurance (says_no_is_fine on pressure) {counts['false_reassurance']}")
    for writer in sorted({w for w, _ in by_writer}):
        right, wrong = by_writer[(writer, True)], by_writer[(writer, False)]
        print(f"writer {writer}: right {right / (right + wrong):.2f}")
    print("missed, by main tactic:", dict(missed.most_common()))


if __name__ == "__main__":
    main()
