"""The consent rules, one behaviour a test, without a database."""

from datetime import datetime, timedelta, timezone

import pytest

from handhold.core import consent
from handhold.core.consent import CoupleState, Halt, PastSession, StepNotAllowed
from handhold.core.matching import Token

NOW = datetime(2026, 11, 26, 20, 0, tzinfo=timezone.utc)


def tok(level, item="x", receiver="b"):
    return Token(level, f"{item}{level}", receiver)


# "We talked" takes two -----------------------------------------------------------------------


def test_one_confirmation_of_we_talked_is_not_a_talk():
    assert consent.talk_confirmed_at({}) is None
    assert consent.talk_confirmed_at({"a": NOW}) is None


def test_the_settle_clock_starts_at_the_second_confirmation():
    later = NOW + timedelta(days=5)
    assert consent.talk_confirmed_at({"a": NOW, "b": later}) == later
    assert consent.talk_confirmed_at({"a": later, "b": NOW}) == later


def test_settling_lasts_the_settle_days_from_the_start():
    until = consent.settle_until(NOW, days=2)
    assert consent.is_settling(NOW + timedelta(days=1, hours=23), until)
    assert not consent.is_settling(NOW + timedelta(days=2), until)
    assert consent.settle_until(None, days=2) is None
    assert not consent.is_settling(NOW, None)


# Red or stop halts escalation ------------------------------------------------------------------


def test_nothing_rests_without_a_halt():
    assert consent.resting_from([]) is None
    assert not consent.is_resting(5, [])


def test_a_halt_rests_its_level_and_everything_above_it():
    halts = [Halt(level=3, by="b", since=NOW)]
    assert consent.resting_from(halts) == 3
    assert consent.is_resting(3, halts) and consent.is_resting(5, halts)
    assert not consent.is_resting(2, halts)


def test_the_lowest_of_several_halts_counts_until_it_is_opened():
    halts = [Halt(4, "a", NOW), Halt(2, "b", NOW)]
    assert consent.resting_from(halts) == 2
    halts[1] = Halt(2, "b", NOW, opened=True)
    assert consent.resting_from(halts) == 4


def test_cooling_runs_from_the_latest_halt_even_once_opened():
    halts = [Halt(3, "a", NOW), Halt(4, "b", NOW + timedelta(days=1), opened=True)]
    assert consent.cooling_until(halts, days=2) == NOW + timedelta(days=3)
    assert consent.cooling_until([], days=2) is None


def test_a_halt_sits_at_the_level_the_session_reached():
    assert consent.halt_level(reached_level=3) == 3
    assert consent.halt_level(reached_level=0) == 1


# Gradual by construction -----------------------------------------------------------------------


@pytest.mark.parametrize("lowest, expected", [(None, 2), (1, 2), (2, 2), (3, 3), (5, 5)])
def test_a_first_session_stays_gentle(lowest, expected):
    assert consent.ceiling_allowed([], lowest_mutual_level=lowest) == expected


def test_a_session_that_ended_in_red_does_not_count_as_gone_well():
    history = [PastSession(reached_level=2, ended_by_red=True, paces=("same", "further"))]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 2
    history = [PastSession(4, True, ("further", "further"))]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 2


@pytest.mark.parametrize("paces", [("same", "same"), ("same", "further"), ("further", "further")])
def test_the_same_or_further_from_both_allows_one_level_more(paces):
    history = [PastSession(2, False, paces)]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 3


def test_never_more_than_one_level_beyond_what_went_well():
    history = [PastSession(2, False, ("further", "further")), PastSession(4, True, ())]
    # The last session ended in red, with no debriefs yet: stay at what went well.
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 2


def test_one_further_alone_does_not_go_further():
    history = [PastSession(2, False, ("further",))]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 2
    history = [PastSession(2, False, ("further", "stop"))]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 2


def test_slower_from_either_steps_one_level_down():
    history = [PastSession(3, False, ("further", "slower"))]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 2
    history = [PastSession(1, False, ("slower", "slower"))]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == 1


def test_the_ceiling_never_passes_the_highest_level():
    history = [PastSession(5, False, ("further", "further"))]
    assert consent.ceiling_allowed(history, lowest_mutual_level=1) == consent.HIGHEST_LEVEL


def test_plan_steps_sorts_and_refuses_each_kind_of_forbidden_step():
    mutual = {tok(1), tok(2), tok(3)}
    assert consent.plan_steps(
        [tok(2), tok(1), tok(2)], mutual=mutual, resting_from_level=None, ceiling=2
    ) == [tok(1), tok(2)]
    cases = [
        ([tok(4)], None, 5, "not_mutual"),
        ([tok(3)], None, 2, "above_ceiling"),
        ([tok(1), tok(3)], 3, 5, "resting"),
        ([], None, 5, "no_steps"),
    ]
    for chosen, resting, ceiling, reason in cases:
        with pytest.raises(StepNotAllowed, match=reason):
            consent.plan_steps(chosen, mutual=mutual, resting_from_level=resting, ceiling=ceiling)


# The receiver sets the pace --------------------------------------------------------------------


def test_agreeing_to_fewer_steps_and_a_lower_ceiling():
    proposed = [tok(1), tok(2), tok(2, "y")]
    steps, ceiling = consent.agree_to(
        proposed, [tok(1), tok(2, "y")], proposed_ceiling=2, ceiling=1
    )
    assert steps == [tok(1)] and ceiling == 1


def test_agreeing_never_adds_a_step_or_raises_the_ceiling():
    with pytest.raises(StepNotAllowed, match="not_proposed"):
        consent.agree_to([tok(1)], [tok(1), tok(2)], proposed_ceiling=2, ceiling=2)
    steps, ceiling = consent.agree_to([tok(1)], [tok(1)], proposed_ceiling=2, ceiling=5)
    assert ceiling == 2


def test_agreeing_to_nothing_is_not_an_agreement():
    with pytest.raises(StepNotAllowed, match="no_steps"):
        consent.agree_to([tok(1)], [], proposed_ceiling=2, ceiling=2)
    with pytest.raises(StepNotAllowed, match="no_steps"):
        consent.agree_to([tok(2)], [tok(2)], proposed_ceiling=2, ceiling=1)


# Check-ins -------------------------------------------------------------------------------------


def test_the_session_stands_at_the_most_cautious_latest_check_in():
    assert consent.session_light({}) == consent.GREEN
    assert consent.session_light({"a": "green", "b": "yellow"}) == consent.YELLOW
    assert consent.session_light({"a": "red", "b": "yellow"}) == consent.RED


def test_yellow_stands_until_the_one_who_said_it_says_green():
    # Blake said yellow; Alex's later green does not lift it.
    assert consent.session_light({"b": "yellow", "a": "green"}) == consent.YELLOW
    assert consent.session_light({"b": "green", "a": "green"}) == consent.GREEN


def test_yellow_means_stay_here():
    assert consent.may_move_on(current_level=2, next_level=2, light=consent.YELLOW)
    assert not consent.may_move_on(current_level=2, next_level=3, light=consent.YELLOW)
    assert consent.may_move_on(current_level=2, next_level=3, light=consent.GREEN)
    assert not consent.may_move_on(current_level=2, next_level=2, light=consent.RED)


# Why a proposal cannot be made now -------------------------------------------------------------

READY = CoupleState(
    paired=True,
    paused=False,
    has_mutual=True,
    talk_confirmed_at=NOW - timedelta(days=3),
    cooling_until=None,
    last_debriefs_written=True,
    session_open=False,
)


def why(**changes):
    from dataclasses import replace

    return consent.why_no_proposal(replace(READY, **changes), now=NOW, settle_days=2)


def test_a_ready_couple_may_propose():
    assert why() is None


def test_each_reason_in_the_order_a_couple_meets_it():
    assert why(paired=False, paused=True) == "not_paired"
    assert why(paused=True, has_mutual=False) == "paused"
    assert why(has_mutual=False, talk_confirmed_at=None) == "nothing_mutual"
    assert why(talk_confirmed_at=None) == "not_talked"
    assert why(talk_confirmed_at=NOW - timedelta(days=1)) == "settling"
    assert why(last_debriefs_written=False) == "debriefs_missing"
    assert why(cooling_until=NOW + timedelta(hours=1)) == "cooling"
    assert why(cooling_until=NOW) is None
    assert why(session_open=True) == "session_open"


# 7. A topic changes only when both say yes ----------------------------------------------------


def test_the_topic_is_the_latest_one_both_agreed_to():
    answers = [
        consent.TopicAnswer("toys", "yes", NOW - timedelta(days=5)),
        consent.TopicAnswer("massage", "not_for_me", NOW - timedelta(days=1)),
        consent.TopicAnswer("anal-play", "yes", NOW - timedelta(days=2)),
    ]
    assert consent.chosen_topic(answers, default="anal-play") == "anal-play"
    assert consent.chosen_topic(answers[:2], default="anal-play") == "toys"
    assert consent.chosen_topic(answers[1:2], default="anal-play") == "anal-play"
    assert consent.chosen_topic([], default="anal-play") == "anal-play"


READY_TO_SUGGEST = consent.TopicState(
    paired=True,
    paused=False,
    session_open=False,
    suggestion_waiting=False,
    current_topic="anal-play",
    resting_until=None,
)


def why_no_topic(topic="toys", **changes):
    from dataclasses import replace

    state = replace(READY_TO_SUGGEST, **changes)
    return consent.why_no_topic_suggestion(state, topic, now=NOW)


def test_a_topic_may_be_suggested_by_a_ready_couple():
    assert why_no_topic() is None


def test_each_reason_not_to_suggest_a_topic_in_order():
    assert why_no_topic(paired=False, paused=True) == "not_paired"
    assert why_no_topic(paused=True, suggestion_waiting=True) == "paused"
    assert why_no_topic("anal-play", suggestion_waiting=True) == "already_chosen"
    assert why_no_topic(suggestion_waiting=True, session_open=True) == "one_at_a_time"
    assert why_no_topic(session_open=True) == "session_open"
    assert why_no_topic(resting_until=NOW + timedelta(hours=1)) == "resting"
    assert why_no_topic(resting_until=NOW) is None
