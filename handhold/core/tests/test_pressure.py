"""The pressure checker: what it must find, and what it must leave alone."""

import pytest

from handhold.core.pressure import CATEGORIES, check

RESPECTFUL_WITH_TRICKY_WORDS = [
    "only if we're both sober",
    "no pressure, everyone has different tastes",
    "we don't owe each other anything",
    "my ex never asked what I liked and I want to do better",
    "if we try anything, you're in control the whole time",
    "I'd never leave you over this.",
    "I won't keep asking.",
    "You're not a prude for saying no.",
    "It's no big deal if the answer is no.",
]


@pytest.mark.parametrize("text", RESPECTFUL_WITH_TRICKY_WORDS)
def test_respectful_messages_with_the_same_words_are_not_flagged(text):
    result = check(text)
    assert not result.pressuring, result.findings
    assert result.findings == []


ONE_PER_CATEGORY = {
    "persistence": ("You said no before, but I'm going to keep asking.", "keep asking"),
    "guilt": ("If you really loved me you'd do it.", "If you really loved me you'd"),
    "relationship_threat": ("I might have to find someone who will.", "find someone who"),
    "insult": ("Don't be such a prude.", "such a prude"),
    "anger": ("I'm so sick of you always saying no.", "sick of you"),
    "comparison": ("My ex loved it.", "My ex loved"),
    "bargaining": ("It's my turn to choose.", "my turn"),
    "arousal_pressure": ("You can't leave me like this.", "can't leave me like this"),
    "minimising": ("Relax, it's no big deal.", "no big deal"),
    "intoxication": ("Let's get drunk and see.", "get drunk"),
    "surprise": ("Just try it once.", "Just try it once"),
    "explicit_threat": ("Do it or else.", "or else"),
}


@pytest.mark.parametrize("category", sorted(ONE_PER_CATEGORY))
def test_each_category_is_found_with_offsets_and_a_kind_rewording(category):
    text, words = ONE_PER_CATEGORY[category]
    result = check(text)
    assert result.pressuring
    found = [f for f in result.findings if f.category == category]
    assert found, result.findings
    assert any(words.lower() in text[f.start : f.end].lower() for f in found), found
    for finding in found:
        assert finding.why == CATEGORIES[category].why
        assert finding.suggestion and finding.suggestion != finding.why


def test_every_category_explains_itself_in_one_sentence():
    assert len(CATEGORIES) >= 12
    for category in CATEGORIES.values():
        assert category.why.count(". ") == 0 and category.why.endswith(".")
        assert category.suggestion


def test_says_no_is_fine():
    assert check("It's completely fine if you say no.").says_no_is_fine
    assert check("No is a full answer, and I'll happily just cuddle.").says_no_is_fine
    assert not check("Would you like to talk about something new?").says_no_is_fine


def test_framing_notes_are_separate_from_findings():
    result = check("I want to get you to try anal sex, but only if you'd like to.")
    assert not result.pressuring
    assert len(result.framing_notes) == 3  # "get you to", "try", "anal sex"


def test_a_new_phrasing_can_be_caught_by_the_learned_model():
    """No rule names these words; the model, learned from our labelled set, still does."""
    from handhold.core.pressure.naive_bayes import NaiveBayes, load_examples

    text = "Honestly you reject everything I suggest, every single time"
    model = NaiveBayes(load_examples())
    assert not check(text, use_model=False).pressuring
    result = check(text, model=model)
    assert result.pressuring
    (finding,) = result.findings
    assert text[finding.start : finding.end] == text.strip()


def test_offsets_point_into_the_original_text_across_sentences():
    text = "Hi love.\nI was thinking.  Don't be such a prude about it!"
    findings = [f for f in check(text).findings if f.category == "insult"]
    assert findings
    assert all("prude" in text[f.start : f.end].lower() for f in findings)
    assert all(f.start > text.index("thinking") for f in findings)


def test_empty_and_odd_input_is_handled():
    for text in ["", "   ", "?!", "😊" * 50, "a" * 20_000]:
        result = check(text)
        assert result.pressuring == bool(result.findings)
    assert not check("").pressuring
    assert not check("   ").pressuring
