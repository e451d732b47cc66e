"""The pressure checker meets its targets on our labelled set, with the learned part
cross-validated so that no message is checked by a model that learned from it."""

import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

import evaluate_pressure  # noqa: E402

from handhold.core.pressure import CATEGORIES  # noqa: E402

# The shipped set labels the checker's first twelve categories; the ten from the research
# (#14) are labelled, so far, only in the hand-written messages kept out of the package.
HANDWRITTEN = Path(__file__).resolve().parents[1] / "eval" / "pressure" / "handwritten"


def test_the_checker_meets_f1_and_false_positive_targets():
    report = evaluate_pressure.evaluate(
        evaluate_pressure.predictions(evaluate_pressure.load(), folds=5, rules_only=False)
    )
    overall = report["overall"]
    assert report["messages"] >= 300
    assert 0.4 <= report["pressuring"] / report["messages"] <= 0.6
    assert overall["f1"] >= 0.95, overall
    assert overall["fpr"] <= 0.05, overall


def test_every_category_has_labelled_examples():
    report = evaluate_pressure.evaluate(
        evaluate_pressure.predictions(evaluate_pressure.load(), folds=5, rules_only=True)
    )
    shipped = {name: stats["support"] for name, stats in report["categories"].items()}
    labelled = Counter(shipped)
    for path in sorted(HANDWRITTEN.glob("writer-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            labelled.update(json.loads(line)["categories"])
    for name in CATEGORIES:
        assert shipped.get(name, 0) == 0 or shipped[name] >= 10, name
        assert labelled[name] >= 10, name
