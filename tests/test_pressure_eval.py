"""The pressure checker's honest evaluation (eval/pressure/evaluate.py) keeps its promises:
the frozen set is in the format its README describes and is never read by training, and
every flag the checker raises on it has a category, a span, a why and a rewording.

The targets themselves (F1, false-positive rates, false reassurance) are reported in the
README, not asserted here: a test that failed on them would invite tuning on the frozen set.
"""

import json
import sys
from pathlib import Path

import pytest

from tests.test_pressure_messages import TACTICS

EVAL = Path(__file__).resolve().parents[1] / "eval" / "pressure"
sys.path.insert(0, str(EVAL))

import evaluate  # noqa: E402

FROZEN = sorted((EVAL / "frozen").glob("*.jsonl"))
KEYS = {"text", "pressuring", "categories", "says_no_is_fine", "everyday", "writer"}


@pytest.mark.parametrize("path", FROZEN, ids=lambda p: p.name)
def test_every_frozen_line_is_a_labelled_message(path):
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        where = f"{path.name}:{number}"
        message = json.loads(line)
        assert set(message) == KEYS, where
        assert set(message["categories"]) <= TACTICS, where
        if message["pressuring"]:
            assert 1 <= len(message["categories"]) <= 2, where
            assert not message["says_no_is_fine"] and not message["everyday"], where
        else:
            assert message["categories"] == [], where


def test_the_frozen_set_is_big_enough_and_covers_every_tactic():
    rows = evaluate.frozen()
    assert len(rows) >= 300
    assert len({row["text"] for row in rows}) == len(rows)
    main_tactics = {row["categories"][0] for row in rows if row["pressuring"]}
    assert main_tactics == TACTICS
    assert sum(row["everyday"] for row in rows) >= 50


def test_nothing_that_trains_reads_the_frozen_set():
    for name in ("train.py", "labelled.py", "generate.py", "rule_precision.py"):
        source = (EVAL / name).read_text()
        assert "import evaluate" not in source and '"frozen"' not in source, name


def test_every_flag_on_the_frozen_set_is_complete_and_the_report_adds_up():
    report = evaluate.score(evaluate.frozen())
    assert report["incomplete_flags"] == 0
    assert report["messages"] == len(evaluate.frozen())
    assert set(report["tactics"]) >= TACTICS
    for value in ("precision", "recall", "f1", "false_positive_rate", "says_no_is_fine_right"):
        assert 0.0 <= report[value] <= 1.0, value
