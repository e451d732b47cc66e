"""Notice: "uneasy" means leave it for now, until a later entry says otherwise."""

import pytest

from handhold.core.notice import (
    COMFORTABLE,
    INTO_IT,
    NOT_SURE,
    REACTIONS,
    UNEASY,
    ideas_to_show,
    leave_it_for_now,
)

IDEAS = ("a look", "a compliment", "a question about a hug")


def test_an_empty_log_suggests_every_idea():
    assert not leave_it_for_now([])
    assert ideas_to_show(IDEAS, []) == IDEAS


def test_uneasy_as_the_latest_entry_suggests_nothing():
    assert leave_it_for_now([UNEASY])
    assert ideas_to_show(IDEAS, [UNEASY]) == ()


def test_uneasy_after_good_reactions_still_means_leave_it():
    assert ideas_to_show(IDEAS, [UNEASY, INTO_IT, COMFORTABLE]) == ()


@pytest.mark.parametrize("later", [COMFORTABLE, INTO_IT, NOT_SURE])
def test_a_later_entry_that_says_otherwise_lifts_it(later):
    assert not leave_it_for_now([later, UNEASY])
    assert ideas_to_show(IDEAS, [later, UNEASY, UNEASY]) == IDEAS


@pytest.mark.parametrize("reaction", [COMFORTABLE, INTO_IT, NOT_SURE])
def test_only_uneasy_holds_ideas_back(reaction):
    assert ideas_to_show(IDEAS, [reaction]) == IDEAS


def test_two_uneasy_entries_in_a_row_keep_it_left():
    assert leave_it_for_now([UNEASY, UNEASY, COMFORTABLE])


def test_an_unknown_reaction_is_a_mistake_not_a_silent_yes():
    with pytest.raises(ValueError):
        leave_it_for_now(["fine-ish", UNEASY])


def test_the_four_reactions():
    assert set(REACTIONS) == {"comfortable", "into_it", "not_sure", "uneasy"}
