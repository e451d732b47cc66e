"""The pressure checker meets its targets on our labelled set, with the learned part
cross-validated so that no message is checked by a model that learned from it."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

import evaluate_pressure  # noqa: E402


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
    for name, stats in report["categories"].items():
        assert stats["support"] >= 10, name
