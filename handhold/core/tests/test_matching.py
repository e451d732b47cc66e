"""The rule of the reveal, as a pure function."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handhold.core.matching import (
    BOTH,
    FIRST_OPEN_LEVEL,
    Answer,
    CatalogItem,
    Token,
    keyed,
    next_level_to_open,
    reveal_mutual_interest,
    role_for,
)

CATALOG = {
    "massage": CatalogItem(level=2, roles=frozenset({"give", "receive"})),
    "plug": CatalogItem(level=4, roles=frozenset({"give", "receive"})),
    "talk": CatalogItem(level=1, roles=frozenset({"together"})),
}


def reveal(a, b, opened=(5, 5)):
    """The reveal between A and B; by default both have opened every level."""
    return reveal_mutual_interest(
        a,
        b,
        first="A",
        second="B",
        catalog=CATALOG,
        first_opened=opened[0],
        second_opened=opened[1],
    )


def test_giving_matches_receiving():
    a = [Answer("massage", "give", "yes")]
    b = [Answer("massage", "receive", "curious")]
    assert reveal(a, b) == {Token(2, "massage", "B")}


def test_giving_does_not_match_giving():
    a = [Answer("massage", "give", "yes")]
    b = [Answer("massage", "give", "yes")]
    assert reveal(a, b) == frozenset()


def test_together_items_match_symmetrically():
    a = [Answer("talk", "together", "curious")]
    b = [Answer("talk", "together", "yes")]
    assert reveal(a, b) == {Token(1, "talk", BOTH)}


def test_a_no_never_matches():
    a = [Answer("plug", "receive", "no")]
    b = [Answer("plug", "give", "yes")]
    assert reveal(a, b) == frozenset()


def test_yes_and_curious_reveal_the_same_thing():
    yes = reveal([Answer("plug", "give", "yes")], [Answer("plug", "receive", "yes")])
    curious = reveal([Answer("plug", "give", "curious")], [Answer("plug", "receive", "yes")])
    assert yes == curious


def test_both_directions_can_match_at_once():
    a = [Answer("massage", "give", "yes"), Answer("massage", "receive", "yes")]
    b = [Answer("massage", "give", "curious"), Answer("massage", "receive", "yes")]
    assert reveal(a, b) == {Token(2, "massage", "A"), Token(2, "massage", "B")}


def test_unknown_items_and_roles_count_for_nothing():
    a = [Answer("gone", "give", "yes"), Answer("talk", "give", "yes")]
    b = [Answer("gone", "receive", "yes"), Answer("talk", "receive", "yes")]
    assert reveal(a, b) == frozenset()


def test_the_role_reads_from_each_side():
    token = Token(2, "massage", "B")
    assert role_for(token, viewer="A") == "give"
    assert role_for(token, viewer="B") == "receive"
    assert role_for(Token(1, "talk", BOTH), viewer="A") == "together"


def test_the_two_labels_must_differ():
    with pytest.raises(ValueError):
        reveal_mutual_interest(
            [], [], first="A", second="A", catalog=CATALOG, first_opened=5, second_opened=5
        )


ITEM_ROLES = [(item, role) for item, info in CATALOG.items() for role in sorted(info.roles)]
answer_sets = st.dictionaries(
    st.sampled_from(ITEM_ROLES), st.sampled_from(["yes", "curious", "no"]), max_size=len(ITEM_ROLES)
)


def as_answers(choices):
    return [Answer(item, role, choice) for (item, role), choice in choices.items()]


COMPLEMENT = {"give": "receive", "receive": "give", "together": "together"}


@given(answer_sets, answer_sets)
def test_reveal_is_exactly_the_role_matched_items_both_are_open_to(a, b):
    """An independent statement of the rule, checked on random answer pairs."""
    expected = set()
    for (item, role), choice in a.items():
        other = b.get((item, COMPLEMENT[role]))
        if choice in ("yes", "curious") and other in ("yes", "curious"):
            receiver = {"give": "B", "receive": "A", "together": BOTH}[role]
            expected.add((item, receiver))
    got = reveal(as_answers(a), as_answers(b))
    assert {(t.item_id, t.receiver) for t in got} == expected
    assert all(t.level == CATALOG[t.item_id].level for t in got)


@given(answer_sets, answer_sets)
def test_the_reveal_is_the_same_whichever_side_computes_it(a, b):
    forward = reveal(as_answers(a), as_answers(b))
    backward = reveal_mutual_interest(
        as_answers(b),
        as_answers(a),
        first="B",
        second="A",
        catalog=CATALOG,
        first_opened=5,
        second_opened=5,
    )
    assert forward == backward


def test_a_token_key_says_who_receives_from_the_viewers_side():
    assert Token(2, "massage", "17").key(viewer="17") == "massage|me"
    assert Token(2, "massage", "17").key(viewer="23") == "massage|you"
    assert Token(1, "talk", BOTH).key(viewer="17") == "talk|both"


@given(answer_sets, answer_sets)
def test_a_form_value_names_nobody_and_reads_back_to_the_token_offered(a, b):
    """The same mutual set gives the same values whatever the two people's labels are, and
    each value reads back, through `keyed`, to exactly the token that was offered."""
    mutual = reveal(as_answers(a), as_answers(b))
    relabelled = reveal_mutual_interest(
        as_answers(a),
        as_answers(b),
        first="1048576",
        second="7",
        catalog=CATALOG,
        first_opened=5,
        second_opened=5,
    )
    for viewer, partner in (("A", "B"), ("B", "A")):
        by_key = keyed(sorted(mutual), viewer=viewer)
        assert list(by_key.values()) == sorted(mutual)
        for key in by_key:
            assert viewer not in key.split("|") and partner not in key.split("|")
    assert set(keyed(mutual, viewer="A")) == set(keyed(relabelled, viewer="1048576"))
    assert set(keyed(mutual, viewer="B")) == set(keyed(relabelled, viewer="7"))


def test_keyed_refuses_the_tokens_of_more_than_two_people():
    with pytest.raises(ValueError):
        keyed([Token(2, "massage", "17"), Token(2, "massage", "23")], viewer="5")


# Each person opens the ladder at their own pace -------------------------------------------

levels_opened = st.integers(min_value=1, max_value=5)


def test_everyone_starts_with_the_gentle_levels_open():
    assert FIRST_OPEN_LEVEL == 2


def test_the_next_level_is_one_step_up_and_none_at_the_top():
    assert next_level_to_open(2, [1, 2, 3, 4, 5]) == 3
    assert next_level_to_open(4, [1, 2, 3, 4, 5]) == 5
    assert next_level_to_open(5, [1, 2, 3, 4, 5]) is None


def test_a_level_the_pack_does_not_have_is_stepped_over():
    assert next_level_to_open(2, [1, 2, 2, 4]) == 4
    assert next_level_to_open(2, [1, 2]) is None


def test_an_answer_above_the_level_its_person_opened_counts_for_nothing():
    a = [Answer("plug", "give", "yes")]
    b = [Answer("plug", "receive", "yes")]
    assert reveal(a, b, opened=(5, 5)) == {Token(4, "plug", "B")}
    assert reveal(a, b, opened=(3, 5)) == frozenset()
    assert reveal(a, b, opened=(5, 3)) == frozenset()
    assert reveal(a, b, opened=(4, 4)) == {Token(4, "plug", "B")}


@given(answer_sets, answer_sets, levels_opened, levels_opened)
def test_the_reveal_covers_only_levels_both_opened(a, b, first_opened, second_opened):
    """The mutual set with levels opened is the whole mutual set cut at the lower of the two."""
    everything = reveal(as_answers(a), as_answers(b))
    got = reveal(as_answers(a), as_answers(b), opened=(first_opened, second_opened))
    ceiling = min(first_opened, second_opened)
    assert got == {t for t in everything if t.level <= ceiling}


@given(answer_sets, answer_sets, levels_opened, levels_opened)
def test_opening_further_than_the_other_shows_nothing_more(a, b, mine, further):
    """However far B opened beyond A, and whatever B answered up there, A's reveal is the one
    it would be had B opened only as far as A."""
    further = max(mine, further)
    assert reveal(as_answers(a), as_answers(b), opened=(mine, further)) == reveal(
        as_answers(a), as_answers(b), opened=(mine, mine)
    )
