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
# The weights are stored to 5 decimals. Retraining is not quite the same on every machine: on
# 2026-11-27's, the weights shipped the day before came out within 2.3e-4, except one weight
# of about 0.1 in each of five small category heads, present on one side and not the other
# (cause not yet found); the weights were retrained there and shipped again. The largest
# difference is printed with `-s`.
TOLERANCE = 2e-4


def shipped() -> dict:
    with gzip.open(WEIGHTS, "rt", encoding="utf-8") as file:
        return json.load(file)


def dense(head: dict) -> dict[int, float]:
    return dict(zip(head["index"], head["weights"], strict=True))


def differences(made: dict, kept: dict, name: str) -> list[tuple[float, str]]:
    """How far each weight and the bias moved, a weight left out counting as 0. A head stores
    only the weights that do not round to 0, so one of a few millionths may be kept on one side
    and not the other."""
    ours, theirs = dense(made), dense(kept)
    moved = [
        (abs(ours.get(f, 0.0) - theirs.get(f, 0.0)), f"{name} weight {f}")
        for f in ours.keys() | theirs.keys()
    ]
    moved.append((abs(made["bias"] - kept["bias"]), f"{name} bias"))
    platt = zip(made.get("platt") or [], kept.get("platt") or [], strict=True)
    moved += [(abs(a - b), f"{name} platt") for a, b in platt]
    return moved


def test_training_again_makes_the_shipped_weights():
    made, kept = train.build(), shipped()
    assert made["vocabulary"] == kept["vocabulary"]
    assert sorted(made["categories"]) == sorted(kept["categories"])
    moved = differences(made["pressuring"], kept["pressuring"], "pressuring")
    moved += differences(made["says_no_is_fine"], kept["says_no_is_fine"], "says_no_is_fine")
    moved += differences(made["everyday"], kept["everyday"], "everyday")
    for name in made["categories"]:
        moved += differences(made["categories"][name], kept["categories"][name], name)
    for key in ("threshold", "unsure_below", "no_is_fine_threshold", "everyday_threshold"):
        moved.append((abs(made[key] - kept[key]), key))
    largest = max(moved)
    print(f"largest difference from the shipped weights: {largest[0]:.6f} ({largest[1]})")
    assert largest[0] <= TOLERANCE, largest
