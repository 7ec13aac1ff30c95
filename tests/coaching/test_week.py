"""The running-week planner, exhaustively over every one of the 5^7 weeks."""

from itertools import combinations, product

import pytest

from coaching import RunType, plan_lift_days
from coaching.week import RELAX_ORDER, Rule, day_broken_rules, gap

R, E, Q, L, X = RunType.REST, RunType.EASY, RunType.QUALITY, RunType.LONG, RunType.RACE
NEVER_RELAXED = {Rule.RACE_DAY, Rule.BEFORE_RACE}


def _week(*days):
    return dict(enumerate(days))


def _legal_pair_exists(week):
    return any(
        gap(a, b) >= 2 and not day_broken_rules(week, a) and not day_broken_rules(week, b)
        for a, b in combinations(range(7), 2)
    )


def test_a_typical_week():
    # Tue intervals, Thu easy, Sat long run, the rest rest.
    plan = plan_lift_days(_week(R, Q, R, E, R, L, R))
    assert plan.days == (1, 3)
    assert plan.relaxed == ()


def test_never_the_day_before_the_long_run_nor_on_it():
    plan = plan_lift_days(_week(E, E, E, E, E, L, R))
    assert 4 not in plan.days and 5 not in plan.days and plan.relaxed == ()


def test_sunday_is_the_day_before_monday():
    plan = plan_lift_days(_week(Q, R, R, R, R, R, R))
    assert 6 not in plan.days  # Sunday is the eve of Monday's quality session
    assert 0 in plan.days  # lift after the quality run


def test_missing_days_are_rest():
    assert plan_lift_days({}).days == plan_lift_days(_week(R, R, R, R, R, R, R)).days


def test_long_run_days_are_relaxed_first():
    # Long runs Mon/Wed/Fri/Sun: the other days are all long-run eves.
    plan = plan_lift_days(_week(L, E, L, E, L, E, L))
    assert plan.relaxed == (Rule.LONG_DAY,)
    assert len(plan.days) == 2 and all(d in (0, 2, 4, 6) for d in plan.days)


def test_quality_eve_is_relaxed_before_long_run_eve():
    plan = plan_lift_days(_week(Q, Q, Q, Q, Q, Q, Q))
    assert plan.relaxed == (Rule.BEFORE_QUALITY,)
    assert len(plan.days) == 2


def test_only_one_session_when_no_two_days_fit():
    plan = plan_lift_days(_week(X, R, X, R, X, R, X))
    assert len(plan.days) <= 1
    assert Rule.TWO_SESSIONS in plan.relaxed


def test_same_week_same_answer():
    week = _week(R, Q, E, Q, R, L, E)
    assert plan_lift_days(week) == plan_lift_days(dict(reversed(list(week.items()))))


@pytest.mark.slow
def test_every_possible_week():
    types = list(RunType)
    relax_values = {*RELAX_ORDER, Rule.TWO_SESSIONS}
    for combo in product(types, repeat=7):
        week = dict(enumerate(combo))
        plan = plan_lift_days(week)
        assert plan.days == tuple(sorted(plan.days))
        assert len(plan.days) in (0, 1, 2)
        for day in plan.days:
            assert not (day_broken_rules(week, day) & NEVER_RELAXED), (combo, plan)
        if len(plan.days) == 2:
            assert gap(*plan.days) >= 2, (combo, plan)
        if _legal_pair_exists(week):
            assert plan.relaxed == () and len(plan.days) == 2, (combo, plan)
            assert not any(day_broken_rules(week, d) for d in plan.days)
        else:
            assert plan.relaxed, (combo, plan)
            assert set(plan.relaxed) <= relax_values
            broken = set().union(*(day_broken_rules(week, d) for d in plan.days))
            assert set(broken) <= set(plan.relaxed), (combo, plan)


def test_a_weekly_race_blocks_the_day_before_and_the_day_after():
    # A parkrun on Saturday: Friday (its eve), Saturday and Sunday (the day after) are out.
    week = _week(R, Q, R, E, R, X, R)
    assert Rule.AFTER_RACE in day_broken_rules(week, 6)
    plan = plan_lift_days(week)
    assert not {4, 5, 6} & set(plan.days) and plan.relaxed == ()


def test_a_sunday_race_blocks_monday():
    assert Rule.AFTER_RACE in day_broken_rules(_week(R, R, R, R, R, R, X), 0)


def test_the_day_after_a_race_is_relaxed_first_and_named():
    # Races on Monday and Thursday leave only Saturday fully free; the day after a race gives
    # way first (Tuesday), never the race days or their eves.
    plan = plan_lift_days(_week(X, R, R, X, R, R, R))
    assert plan.days == (1, 5) and plan.relaxed == (Rule.AFTER_RACE,)
