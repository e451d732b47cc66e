"""The checker's categories: each explains itself, offers a kinder wording and names its
sources, and the guide for educators (docs/pressure-checker.md) lists exactly these."""

import re
from pathlib import Path

from handhold.core.pressure.categories import CATEGORIES, SOURCES

GUIDE = Path(__file__).resolve().parents[3] / "docs" / "pressure-checker.md"

# Fixed: the labelled messages in eval/pressure use these names.
NAMES = {
    "persistence", "guilt", "relationship_threat", "insult", "anger", "comparison",
    "bargaining", "arousal_pressure", "minimising", "intoxication", "surprise",
    "explicit_threat",
    "obligation", "resource_manipulation", "deception", "jealousy", "emotional_blackmail",
    "sulking", "deadline", "sunk_cost", "dismissing_reasons", "respect_then_cost",
}  # fmt: skip


def _table(heading: str) -> list[list[str]]:
    """The rows of the first table after `heading` in the guide, split into cells."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split(" | ")] for row in rows[2:]]


def test_the_categories_are_the_22_the_labelled_messages_use():
    assert set(CATEGORIES) == NAMES
    assert all(name == category.name for name, category in CATEGORIES.items())


def test_every_category_has_a_reason_a_kinder_wording_and_a_source():
    for category in CATEGORIES.values():
        assert category.why.endswith(".") and ". " not in category.why, category.name
        assert category.suggestion.strip() and category.suggestion != category.why
        assert category.sources, category.name
        assert set(category.sources) <= set(SOURCES), category.name


def test_the_guide_lists_exactly_the_categories_as_the_asker_sees_them():
    rows = _table("The categories")
    assert [re.fullmatch(r"`(\w+)`", row[0]).group(1) for row in rows] == list(CATEGORIES)
    for name, looks_like, why, suggestion, sources in rows:
        category = CATEGORIES[name.strip("`")]
        assert looks_like, name
        assert why == category.why, name
        assert suggestion == category.suggestion, name
        assert sources == ", ".join(category.sources), name


def test_the_guide_explains_every_source_key():
    assert [row[0] for row in _table("The sources")] == list(SOURCES)
