"""The checker's categories: each explains itself, offers a kinder wording and names its
sources."""

from handhold.core.pressure.categories import CATEGORIES, SOURCES

# Fixed: the labelled messages in eval/pressure use these names.
NAMES = {
    "persistence", "guilt", "relationship_threat", "insult", "anger", "comparison",
    "bargaining", "arousal_pressure", "minimising", "intoxication", "surprise",
    "explicit_threat",
    "obligation", "resource_manipulation", "deception", "jealousy", "emotional_blackmail",
    "sulking", "deadline", "sunk_cost", "dismissing_reasons", "respect_then_cost",
}  # fmt: skip


def test_the_categories_are_the_22_the_labelled_messages_use():
    assert set(CATEGORIES) == NAMES
    assert all(name == category.name for name, category in CATEGORIES.items())


def test_every_category_has_a_reason_a_kinder_wording_and_a_source():
    for category in CATEGORIES.values():
        assert category.why.endswith(".") and ". " not in category.why, category.name
        assert category.suggestion.strip() and category.suggestion != category.why
        assert category.sources, category.name
        assert set(category.sources) <= set(SOURCES), category.name
