"""The pressure rules: each justified by labelled messages, none firing on a kind one, and
negation and contrast decided within the clause."""

import re
import sys
from functools import cache
from pathlib import Path

import pytest

from handhold.core.pressure import check
from handhold.core.pressure.clauses import clauses, negated
from handhold.core.pressure.model import default_model
from handhold.core.pressure.rules import RULES, rule_findings

EVAL = Path(__file__).resolve().parents[3] / "eval" / "pressure"


@cache
def labelled() -> dict[str, dict]:
    sys.path.insert(0, str(EVAL))
    try:
        from labelled import by_id
    finally:
        sys.path.remove(str(EVAL))
    return by_id()


def _name(rule) -> str:
    return f"{RULES.index(rule)}-{rule.category}"


@pytest.mark.parametrize("rule", RULES, ids=_name)
def test_every_rule_fires_on_the_labelled_messages_that_justify_it(rule):
    assert 1 <= len(rule.examples) <= 3
    for example in rule.examples:
        message = labelled()[example]
        assert message["pressuring"], example
        assert rule_findings(message["text"], (rule,)), (example, message["text"])


# Hand-written messages labelled not pressuring that a rule may still fire on, each with the
# reason it cannot be avoided.
HONEST_EXCEPTIONS: dict[str, str] = {
    # The comparison is disowned in the next clause ("I'm not holding her up as any kind of
    # standard"); a rule reads one clause, and narrowing it would lose real comparisons.
    "writer-i:146": "comparison, disowned in the next clause",
    "writer-o:222": "comparison, disowned in the next sentence ('That has zero bearing')",
    # "I'll return the favour" offers a free no in return for years of kindness, not a trade.
    "writer-s:257": "bargaining's words, returning kindness with a free no",
    # An apology quoting the writer's own earlier words.
    "writer-s:274": "minimising, quoted in an apology for having said it",
    # "please please" here begs to hear about discomfort, not for a yes.
    "writer-i:149": "please please tell me if anything made you uncomfortable",
}


def rules_as_applied(text: str) -> list:
    """The rules' findings as `check` applies them: not on a message that the model's everyday
    head waves through ("u owe me 20 bucks from brunch")."""
    model = default_model()
    return [] if model.asks_nothing(model.known(text)) else rule_findings(text)


def test_no_rule_fires_on_a_hand_written_message_labelled_not_pressuring():
    fired = {
        key: [f.category for f in rules_as_applied(message["text"])]
        for key, message in labelled().items()
        if not message["pressuring"] and key not in HONEST_EXCEPTIONS
    }
    assert {key: found for key, found in fired.items() if found} == {}


def test_an_everyday_message_is_not_judged_by_the_rules_either():
    text = "u owe me 20 bucks from brunch and i will be collecting in iced coffee form"
    assert rule_findings(text)  # the words alone would be guilt
    assert not check(text).pressuring
    assert check("You owe me a yes after everything I've done for you.").pressuring


def test_clauses_keep_offsets_into_the_original_text():
    text = "Hi love.\nI was thinking;  no pressure!"
    for offset, clause in clauses(text):
        assert text[offset : offset + len(clause)] == clause
    assert [c.strip() for _, c in clauses(text)] == ["Hi love.", "I was thinking;", "no pressure!"]


def test_a_negation_in_another_clause_does_not_cancel():
    assert not negated("You're such a prude.", 0)
    assert [f.category for f in rule_findings("I won't lie. I'll keep asking.")] == ["persistence"]
    assert rule_findings("I'm not sure, I'll keep asking.")


def test_a_negation_in_the_same_clause_cancels():
    clause = "I would never leave you over this."
    assert negated(clause, clause.index("leave"))
    assert not check("I'd never leave you over this.", use_model=False).pressuring


def test_a_contrast_word_spends_the_negation_before_it():
    clause = "I won't push but I'll keep asking"
    assert not negated(clause, clause.index("I'll keep"))
    assert rule_findings("I won't push, but I'll keep asking until you say yes.")


@pytest.mark.parametrize(
    "text",
    [
        "No pressure, but I'll keep asking.",
        "You can say no, but I'll keep asking until you give in.",
        "Totally your call, though I might have to find someone who will.",
        "No pressure at all. But you owe me after everything.",
    ],
)
def test_a_respect_phrase_before_a_contrast_never_cancels_what_follows(text):
    assert rule_findings(text), text


def test_respect_then_cost_is_found_with_a_span_on_the_cost():
    text = "No pressure at all, but I'll be honestly pretty hurt if you say no"
    found = [f for f in rule_findings(text) if f.category == "respect_then_cost"]
    assert found
    (finding,) = found
    assert "hurt" in text[finding.start : finding.end]
    assert finding.start > text.index("but")
    assert check(text, use_model=False).pressuring
    assert not check(text, use_model=False).says_no_is_fine


@pytest.mark.parametrize(
    "text",
    [
        "No pressure at all, and I won't be upset if you say no.",
        "Totally your call, I just want you to know you won't hurt me by saying no.",
        "You can say no, but I'd love to hear what you think.",
    ],
)
def test_respect_then_no_cost_is_not_flagged(text):
    assert not rule_findings(text), text


def test_matching_lowered_text_finds_exactly_what_matching_without_case_finds(monkeypatch):
    """rule_findings lowers the message to use faster case-sensitive patterns; on every
    labelled message, shouted or not, it finds the same words as the case-insensitive way."""
    from handhold.core.pressure import rules

    def found(texts):
        return [[(f.category, f.start, f.end) for f in rule_findings(t)] for t in texts]

    texts = [row["text"] for row in labelled().values()]
    texts += [text.upper() for text in texts[:300]]
    fast = found(texts)
    monkeypatch.setattr(rules, "_CASE_ODDITIES", re.compile(r"[\s\S]"))  # always the slow way
    assert found(texts) == fast
    assert any(fast)


def test_a_message_with_a_dotless_i_or_a_long_s_is_still_checked():
    assert rule_findings("Just say yes already, sweetheart ı")
    assert rule_findings("Juſt ſay yes already")  # the long s matches s, case-insensitively


@pytest.mark.parametrize(
    "text",
    [
        "asking again 🙂 same question as yesterday",
        "Ok, asking again: has the answer changed?",
        "Can I ask again? I know you answered last week.",
        "That wasn't a real no, it was a not yet.",
        "Your no didn't sound like a real no.",
    ],
)
def test_an_opening_re_ask_and_a_no_declared_unreal_are_pressure(text):
    assert rule_findings(text), text


@pytest.mark.parametrize(
    "text",
    [
        # The partner asked to be asked again: only an opening "asking again" is found.
        "You said to ask again after the holidays, so here I am, asking. No is still fine.",
        "I'm not asking again, I promise. Thank you for being honest.",
        "I'd honestly rather hear a real no than a yes you don't mean.",
    ],
)
def test_an_invited_re_ask_and_a_wish_for_a_real_no_are_not(text):
    assert not rule_findings(text), text


@pytest.mark.parametrize(
    "text, found",
    [
        # Release 9's narrowed rules: the pressure is still found...
        ("Please reconsider, you said no too fast.", True),
        ("You owe me a try after everything.", True),
        ("Like it or not, it's happening this weekend.", True),
        ("Relax, it's nothing.", True),
        ("After all these years you still won't do this one thing for me.", True),
        # ...and the everyday or kind use of the same words is not.
        ("I'm sorry. You don't need to reconsider anything.", False),
        ("You owe me a rematch at Mario Kart.", False),
        ("We're eating those courgettes, whether the children like it or not.", False),
        ("Is there anything you'd want? Even if it's nothing, I wanted to ask.", False),
        ("I'm just curious about you after all these years.", False),
        ("Spurs have let me down for the last time.", False),
    ],
)
def test_release_9s_narrowed_rules_keep_the_pressure_and_leave_the_rest(text, found):
    assert bool(rule_findings(text)) is found, text
