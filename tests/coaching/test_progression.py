"""Progression after each session, breaks and records."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coaching import (
    BLOCKS,
    EXERCISES,
    Change,
    Kit,
    LoggedSet,
    Reason,
    ReasonCode,
    Target,
    Unit,
    after_break,
    new_records,
    progress,
)

SQUAT = EXERCISES["back_squat"]
GOBLET = EXERCISES["goblet_squat"]
KIT = Kit.default(Unit.KG)
TWO_BY_EIGHT = Target(60, 2, 8)


def _sets(*pairs, rir=None, weight=60):
    sets = [LoggedSet(weight, reps) for reps in pairs]
    sets[-1] = LoggedSet(weight, pairs[-1], rir)
    return sets


def test_all_reps_with_three_in_reserve_adds_one_increment():
    decision = progress(SQUAT, TWO_BY_EIGHT, _sets(8, 8, rir=3), KIT)
    assert (decision.weight, decision.change) == (62.5, Change.UP)
    assert decision.reason == Reason(ReasonCode.UP, {"weight_kg": 62.5, "rir": 3})


def test_five_in_reserve_on_every_set_adds_two_increments():
    sets = [LoggedSet(60, 8, 5), LoggedSet(60, 8, 6)]
    decision = progress(SQUAT, TWO_BY_EIGHT, sets, KIT)
    assert (decision.weight, decision.change) == (65, Change.UP_TWO)


def test_five_in_reserve_only_on_the_last_set_is_one_increment():
    sets = [LoggedSet(60, 8, 3), LoggedSet(60, 8, 5)]
    assert progress(SQUAT, TWO_BY_EIGHT, sets, KIT).weight == 62.5


@pytest.mark.parametrize("rir", [0, 1, 2])
def test_a_hard_last_set_holds(rir):
    decision = progress(SQUAT, TWO_BY_EIGHT, _sets(8, 8, rir=rir), KIT)
    assert (decision.weight, decision.change) == (60, Change.HOLD)


def test_short_reps_hold_then_cut_ten_percent_the_second_time():
    first = progress(SQUAT, TWO_BY_EIGHT, _sets(8, 6, rir=0), KIT)
    assert (first.weight, first.short_sessions_in_a_row) == (60, 1)
    second = progress(SQUAT, TWO_BY_EIGHT, _sets(8, 6, rir=0), KIT, first.short_sessions_in_a_row)
    assert second.change is Change.DOWN
    assert second.weight == 52.5  # 54 rounded down to loadable
    assert second.short_sessions_in_a_row == 0


def test_a_set_under_five_reps_cuts_at_once():
    decision = progress(SQUAT, TWO_BY_EIGHT, _sets(8, 4, rir=0), KIT)
    assert decision.change is Change.DOWN and decision.weight < 60


def test_a_missing_set_or_lighter_weight_is_short_of_target():
    assert progress(SQUAT, TWO_BY_EIGHT, _sets(8, rir=4), KIT).change is Change.HOLD
    light = [LoggedSet(57.5, 8), LoggedSet(57.5, 8, 4)]
    assert progress(SQUAT, TWO_BY_EIGHT, light, KIT).change is Change.HOLD


def test_dumbbell_progression_moves_to_the_next_dumbbell():
    decision = progress(GOBLET, Target(16, 2, 8), _sets(8, 8, rir=3, weight=16), KIT)
    assert decision.weight == 18


@pytest.mark.parametrize(("days", "weight"), [(10, None), (14, 52.5), (28, 47.5), (60, 47.5)])
def test_breaks_cut_ten_then_twenty_percent(days, weight):
    decision = after_break(KIT, SQUAT, 60, days)
    assert (decision.weight if decision else None) == weight


@given(
    block=st.sampled_from(BLOCKS),
    weight=st.sampled_from(KIT.loadable(SQUAT)[:80]),
    reps=st.lists(st.integers(0, 12), min_size=1, max_size=4),
    rir=st.integers(0, 10),
    short_before=st.integers(0, 3),
)
def test_progression_keeps_loads_loadable_and_reps_in_range(block, weight, reps, rir, short_before):
    prescription = Target(weight, block.sets, block.reps)
    sets = [LoggedSet(weight, r) for r in reps[:-1]] + [LoggedSet(weight, reps[-1], rir)]
    decision = progress(SQUAT, prescription, sets, KIT, short_before)
    assert decision.weight in KIT.loadable(SQUAT)
    assert 5 <= prescription.reps <= 8  # the next session keeps the block's reps
    assert decision.weight <= KIT.step_up(SQUAT, weight, 2)
    assert decision.reason.code in set(ReasonCode)


def test_records_heaviest_for_reps_and_best_e1rm():
    history = [LoggedSet(60, 8, 2), LoggedSet(70, 5, 1)]
    records = new_records(history, [LoggedSet(65, 8, 2)])
    kinds = {(r.kind, r.reps) for r in records}
    assert ("weight", 8) in kinds and ("e1rm", 8) in kinds
    assert new_records(history, [LoggedSet(60, 8, 2)]) == []
    assert new_records([], [LoggedSet(60, 8, 2)]) == []
