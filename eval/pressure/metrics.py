"""Precision, recall, F1 and the false-positive rate, computed one way for every script here."""

from __future__ import annotations

from collections.abc import Iterable


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def scores(pairs: Iterable[tuple[bool, bool]]) -> dict[str, float]:
    """`pairs`: (truly pressuring, flagged) for each message."""
    tp = fp = fn = tn = 0
    for truth, flagged in pairs:
        tp += truth and flagged
        fn += truth and not flagged
        fp += flagged and not truth
        tn += not truth and not flagged
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return {
        "pressuring": tp + fn,
        "precision": precision,
        "recall": recall,
        "f1": ratio(2 * precision * recall, precision + recall),
        "false_positive_rate": ratio(fp, fp + tn),
    }
