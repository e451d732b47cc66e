"""The weights shipped in the package are exactly what the repository's data and training
script make: nobody can change the model's behaviour without changing its data or its code
where a reviewer can see it.

Training takes a few minutes, so this module carries the `training` mark and the Makefile runs
it once (with the SQLite suite), not once per database: it touches no database.
"""

import gzip
import json
import sys
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "eval" / "pressure"
sys.path.insert(0, str(EVAL))

import train  # noqa: E402

from handhold.core.pressure.model import WEIGHTS  # noqa: E402

pytestmark = pytest.mark.training
TOLERANCE = 2e-4  # the weights are stored to 5 decimals


def shipped() -> dict:
    with gzip.open(WEIGHTS, "rt", encoding="utf-8") as file:
        return json.load(file)


def dense(head: dict) -> dict[int, float]:
    return dict(zip(head["index"], head["weights"], strict=True))


def assert_same_head(made: dict, kept: dict, name: str) -> None:
    """Every weight within the tolerance, a weight left out counting as 0. A head stores only
    the weights that do not round to 0; liblinear stops within its own tolerance, so on
    another run a weight of a few millionths may round to 0 on one side and not the other.
    Any change of data or code moves hundreds of weights by far more."""
    ours, theirs = dense(made), dense(kept)
    for feature in sorted(ours.keys() | theirs.keys()):
        assert ours.get(feature, 0.0) == pytest.approx(theirs.get(feature, 0.0), abs=TOLERANCE), (
            name,
            feature,
        )
    assert made["bias"] == pytest.approx(kept["bias"], abs=TOLERANCE), name
    assert made.get("platt") == pytest.approx(kept.get("platt"), abs=TOLERANCE), name


def test_training_again_makes_the_shipped_weights():
    made, kept = train.build(), shipped()
    assert made["vocabulary"] == kept["vocabulary"]
    assert_same_head(made["pressuring"], kept["pressuring"], "pressuring")
    assert_same_head(made["says_no_is_fine"], kept["says_no_is_fine"], "says_no_is_fine")
    assert sorted(made["categories"]) == sorted(kept["categories"])
    for name in made["categories"]:
        assert_same_head(made["categories"][name], kept["categories"][name], name)
    for key in ("threshold", "unsure_below", "no_is_fine_threshold"):
        assert made[key] == pytest.approx(kept[key], abs=TOLERANCE), key
