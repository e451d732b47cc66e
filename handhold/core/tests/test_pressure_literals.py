"""A rule is skipped on a message that holds none of the literals it needs: the literals must
be ones every match contains, or the checker would miss pressure it used to find."""

import copy

import pytest

from handhold.core.pressure.literals import needed
from handhold.core.pressure.rules import RULES, rule_findings
from handhold.core.tests.test_pressure_rules import labelled


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bsilent treatment\b", {"silent treatment"}),
        (r"\bwhy not\?+|\bcome on\b", {"why not?", "come on"}),
        (r"\b(?:you|u|ya) always say no\b", {" always say no"}),
        (r"\bugh+\b|\bwhatever\b", {"ugh", "whatever"}),
        (r"(?:just )?keep asking", {"keep asking"}),
        (r"(?<!have to )\bgive me a yes\b", {"give me a yes"}),
        (r"\bor else(?! (?:later|tomorrow))", {"or else"}),
    ],
)
def test_the_literals_are_ones_every_match_contains(pattern, literals):
    assert needed(pattern) == literals


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:a|b)\b",  # too short to be worth a test
        r"(?:no pressure)?\w+",  # only an optional part has words
        r"[a-z]+ pressure|\w+",  # one branch needs nothing
        r"(?i:no pressure)",  # matched without case: a lower-case test would miss NO PRESSURE
        r"(?i)no pressure",
    ],
)
def test_a_pattern_that_needs_no_literal_is_always_searched(pattern):
    assert needed(pattern) is None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"{RULES.index(r)}-{r.category}")
def test_every_match_of_a_rule_holds_one_of_its_literals(rule):
    """On every labelled message, shouted or not: wherever the rule matches, the message holds
    a literal the rule is skipped without."""
    if rule.needs is None:
        return
    texts = [row["text"].lower() for row in labelled().values()]
    matched = 0
    for text in texts:
        for match in rule.lowered_regex.finditer(text):
            matched += 1
            assert any(literal in match.group() for literal in rule.needs), (text, rule.needs)
    assert matched  # every rule fires somewhere in the labelled data


def _never_skipped(rule):
    rule = copy.copy(rule)
    object.__setattr__(rule, "needs", None)
    return rule


def test_skipping_rules_changes_no_finding():
    texts = [row["text"] for row in labelled().values()]
    always = tuple(map(_never_skipped, RULES))
    skipped = [[(f.category, f.start, f.end) for f in rule_findings(t)] for t in texts]
    searched = [[(f.category, f.start, f.end) for f in rule_findings(t, always)] for t in texts]
    assert searched == skipped
    assert sum(map(bool, skipped)) > 900  # the rules find something in 993 of them
