"""The message generator in eval/pressure/generate.py keeps its promises: the same seed gives
the same messages, every line is in the README's format, every tactic has its templates and
shows up, pressure never says a no is fine, and a split by template keeps templates apart."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.test_pressure_messages import TACTICS

PATH = Path(__file__).resolve().parents[1] / "eval" / "pressure" / "generate.py"
SPEC = importlib.util.spec_from_file_location("pressure_generate", PATH)
generate = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(generate)

KEYS = {"text", "pressuring", "categories", "says_no_is_fine", "template", "writer"}
COUNT = 3000


@pytest.fixture(scope="module")
def messages():
    return generate.generate(seed=7, count=COUNT)


def test_the_same_seed_gives_the_same_messages(messages):
    assert generate.generate(seed=7, count=COUNT) == messages
    assert generate.generate(seed=8, count=COUNT) != messages


def test_the_generator_knows_the_readme_tactics():
    assert set(generate.TACTICS) == TACTICS == set(generate.PRESSURING)


def test_every_line_is_a_labelled_message(messages):
    assert len(messages) == COUNT
    for message in messages:
        assert set(message) == KEYS, message
        text = message["text"]
        assert text.strip() and "{" not in text and "}" not in text, text
        assert len(text.split()) >= 4 and len(text) <= 300, text
        assert message["writer"] == "generator"
        assert set(message["categories"]) <= TACTICS, message
        assert message["template"].count("/") == 1, message
        if message["pressuring"]:
            assert 1 <= len(message["categories"]) <= 2, message
            assert len(set(message["categories"])) == len(message["categories"]), message
            assert message["template"].startswith(message["categories"][0] + "/"), message
        else:
            assert message["categories"] == [], message
            assert message["template"].split("/")[0] in generate.NEGATIVE, message


def test_says_no_is_fine_is_never_true_on_pressure(messages):
    assert not [m for m in messages if m["pressuring"] and m["says_no_is_fine"]]
    assert any(m["says_no_is_fine"] for m in messages)


def test_no_is_fine_is_said_in_many_ways():
    assert len(set(generate.NO_IS_FINE)) >= 30


def test_no_message_appears_twice(messages):
    texts = [message["text"] for message in messages]
    assert len(texts) == len(set(texts))


def test_every_tactic_has_enough_templates_and_appears_evenly(messages):
    for tactic, templates in generate.PRESSURING.items():
        assert 15 <= len(templates) <= 30, tactic
    main = Counter(m["categories"][0] for m in messages if m["pressuring"])
    assert set(main) == TACTICS
    assert max(main.values()) - min(main.values()) <= 1, main


def test_about_55_percent_pressure(messages):
    share = sum(m["pressuring"] for m in messages) / len(messages)
    assert 0.5 <= share <= 0.6


def test_pressuring_templates_never_carry_the_no_is_fine_slot():
    for templates in generate.PRESSURING.values():
        for entry in templates:
            template = entry if isinstance(entry, str) else entry[0]
            assert "{nofine}" not in template, template


def test_a_split_by_template_puts_no_template_on_both_sides(messages):
    train, held = generate.split_by_template(messages, fraction=0.2, seed=3)
    assert len(train) + len(held) == len(messages)
    assert {m["template"] for m in train}.isdisjoint({m["template"] for m in held})
    assert 0.1 <= len(held) / len(messages) <= 0.3
    for side in (train, held):  # every tactic is on both sides
        assert {m["categories"][0] for m in side if m["pressuring"]} == TACTICS
    assert generate.split_by_template(messages, 0.2, seed=3) == (train, held)


def test_the_command_writes_json_lines(tmp_path):
    out = tmp_path / "generated.jsonl"
    generate.main(["--seed", "2", "--count", "200", "--out", str(out)])
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == generate.generate(seed=2, count=200)
