"""The hand-written messages in eval/pressure keep to their format (eval/pressure/README.md),
so that whatever trains or scores on them can trust every line."""

import json
from pathlib import Path

import pytest

HANDWRITTEN = Path(__file__).resolve().parents[1] / "eval" / "pressure" / "handwritten"
TACTICS = {
    # the checker's own categories
    "persistence", "guilt", "minimising", "intoxication", "relationship_threat", "insult",
    "comparison", "anger", "bargaining", "arousal_pressure", "surprise", "explicit_threat",
    # the tactics issue #14 adds from the research
    "obligation", "resource_manipulation", "deception", "jealousy", "emotional_blackmail",
    "sulking", "deadline", "sunk_cost", "dismissing_reasons", "respect_then_cost",
}  # fmt: skip
FILES = sorted(HANDWRITTEN.glob("writer-*.jsonl"))


def test_there_are_hand_written_messages():
    assert FILES


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_is_a_labelled_message(path):
    seen = set()
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        where = f"{path.name}:{number}"
        message = json.loads(line)
        keys = {"text", "pressuring", "categories", "says_no_is_fine", "writer"}
        # Writers from e on also mark messages that ask nothing at all (`everyday`).
        assert set(message) in (keys, keys | {"everyday"}), where
        if message.get("everyday"):
            assert not message["pressuring"] and not message["says_no_is_fine"], where
        assert message["text"].strip() and message["text"] not in seen, where
        seen.add(message["text"])
        assert set(message["categories"]) <= TACTICS, where
        if message["pressuring"]:
            assert 1 <= len(message["categories"]) <= 2, where
            assert message["says_no_is_fine"] is False, where  # never reassuring on pressure
        else:
            assert message["categories"] == [], where
