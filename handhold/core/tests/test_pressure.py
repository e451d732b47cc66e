"""The pressure checker: what it must find, and what it must leave alone."""

from dataclasses import replace

import pytest

from handhold.core.pressure import CATEGORIES, check
from handhold.core.pressure.model import default_model

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
    # "It's my turn to choose." alone asks nothing, and the checker leaves it alone; nor, since
    # release 9, "...what we try" after the dishes with nothing of the topic (dinner, maybe).
    "bargaining": (
        "I did the dishes all week, so it's my turn to choose what we try in bed.",
        "my turn",
    ),
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


def test_the_model_finds_pressure_no_rule_knows_and_flags_only_its_clause():
    """No rule names sunk cost in these words; the model, trained on labelled messages, does,
    and the finding spans the clause that pressures, not the friendly one before it."""
    text = "Hope your day went ok! I already paid for the toy so it would be such a waste."
    assert not check(text, use_model=False).pressuring
    result = check(text)
    assert result.pressuring and not result.says_no_is_fine
    (finding,) = result.findings
    assert text[finding.start : finding.end] == text[text.index("I already") :]
    assert finding.why == CATEGORIES[finding.category].why
    assert finding.words and all(
        w in text[finding.start : finding.end].lower() for w in finding.words
    )


def test_no_pressure_followed_by_a_cost_is_pressure_and_never_reassures():
    result = check("No pressure at all, but I'll be honestly pretty hurt if you say no")
    assert result.pressuring
    assert not result.says_no_is_fine


def test_a_wish_then_a_free_no_is_not_pressure_and_says_no_is_fine():
    """The outline's own example: wanting something and meaning that a no is fine."""
    result = check("I think it'd be fun, but if you're not as into it, that's cool")
    assert not result.pressuring
    assert result.says_no_is_fine


def test_near_the_threshold_the_checker_is_unsure_and_gives_no_verdict():
    doubtful = replace(default_model(), threshold=1.01, unsure_below=0.0)
    result = check(
        "Would you like to talk about it? No is a completely fine answer.", model=doubtful
    )
    assert result.unsure
    assert not result.pressuring and not result.says_no_is_fine
    assert not check("Would you like to talk about it?", model=doubtful, use_model=False).unsure


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


def test_words_after_a_negator_or_a_contrast_are_marked_apart():
    """The model reads "I won't be upset" apart from "I'll be upset", and what follows a
    "but" apart from what comes before it; a condition ("if you don't") negates nothing."""
    from handhold.core.pressure.model import _marks, features

    assert {"n:be", "n:upset"} <= _marks("I won't be upset. Love you")
    assert "n:love" not in _marks("I won't be upset. Love you")  # the sentence ended
    assert {"a:hurt", "a:i'll"} <= _marks("No pressure, but I'll be hurt if you say no")
    assert not any(m.startswith("n:") for m in _marks("If you don't want to, fine"))
    assert _marks("I won't be upset") <= features("I won't be upset")


def test_a_message_names_its_everyday_things_by_kind_whole_words_only():
    """One feature for many nouns, so a noun no training message used still counts; a class
    matches whole words only, and names the topic apart."""
    from handhold.core.pressure.model import _kinds, features

    assert _kinds("don't make me beg. share your fries") == {
        "k:food",
        "k:things",
        "k:only_things",
    }
    assert _kinds("I did the dishes, now the toy?") == {"k:home", "k:things", "k:intimate"}
    assert _kinds("Could we talk about trying it?") == set()
    assert "k:travel" not in _kinds("a cartoon about a carrot")  # not "car"
    assert "k:family" in _kinds("my mum's birthday")  # a whole word before the apostrophe
    assert "k:family" in _kinds("dinner with the in-laws")
    assert "k:food" in _kinds("ICE CREAM after?")
    assert "k:intimate" in _kinds("you really turned me on. Turned on is good")
    assert _kinds("share your fries") <= features("share your fries")


def test_the_pressure_score_is_discounted_by_how_everyday_the_message_reads():
    model = default_model()
    known = model.known("Just try it once, you'll love it.")
    plain = model.pressuring.probability(known)
    assert model.pressure(known, everyday=0.0) == pytest.approx(plain)
    assert model.pressure(known, everyday=0.75) == pytest.approx(
        plain * 0.25**model.everyday_discount
    )
    assert model.pressure(known) <= plain


def test_the_model_reads_a_message_by_the_same_features_training_does():
    """`Model.known` builds a message's features from cached parts, as numbers: on every
    labelled message (and shouted), exactly the features `features` gives that the model
    has weights for, so the shipped weights mean at inference what they meant in training."""
    from handhold.core.pressure.model import features
    from handhold.core.tests.test_pressure_rules import labelled

    model = default_model()
    texts = [row["text"] for row in labelled().values()]
    for text in texts + [text.upper() for text in texts[:300]]:
        expected = {model.index[f] for f in features(text) if f in model.index}
        assert sorted(model.known(text)) == sorted(expected), text
