"""The rules around a private-matching run: steps wait for both, releases only when both are
in, one run at a time, and a limit on runs that nobody can quietly get round."""

from datetime import datetime, timedelta

from handhold.core import private_runs as rules

NOW = datetime(2026, 11, 27, 12, 0)


def test_the_mode_is_on_only_with_both_ticks():
    assert [rules.mode_is_on(n) for n in (0, 1, 2)] == [False, False, True]


def test_each_step_waits_for_both():
    assert rules.step_of({}) == rules.ROUND_ONE
    assert rules.step_of({rules.ROUND_ONE: 1}) == rules.ROUND_ONE
    assert rules.step_of({rules.ROUND_ONE: 2}) == rules.ROUND_TWO
    assert rules.step_of({rules.ROUND_ONE: 2, rules.ROUND_TWO: 2, rules.MUTUAL: 1}) == rules.MUTUAL


def test_a_set_is_released_only_when_both_are_in():
    assert not rules.released(rules.ROUND_ONE, {rules.ROUND_ONE: 1})
    assert rules.released(rules.ROUND_ONE, {rules.ROUND_ONE: 2})


def test_a_person_posts_once_and_only_at_the_current_step():
    assert rules.may_post(status=rules.ROUND_ONE, step=rules.ROUND_ONE, already_posted=False)
    assert not rules.may_post(status=rules.ROUND_ONE, step=rules.ROUND_ONE, already_posted=True)
    assert not rules.may_post(status=rules.ROUND_ONE, step=rules.ROUND_TWO, already_posted=False)
    assert not rules.may_post(status=rules.DONE, step=rules.MUTUAL, already_posted=False)


def test_runs_are_one_at_a_time_and_limited_per_day():
    assert rules.may_start_run(started=[], now=NOW, one_in_progress=True) == "run_in_progress"
    recent = [NOW - timedelta(hours=h) for h in (1, 2, 3)]
    assert rules.may_start_run(started=recent, now=NOW, one_in_progress=False) == "run_limit"
    older = [NOW - timedelta(hours=h) for h in (1, 2, 25)]
    assert rules.may_start_run(started=older, now=NOW, one_in_progress=False) is None
