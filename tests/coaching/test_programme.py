"""Sessions A and B, substitution, blocks and duration."""

from datetime import date

import pytest

from coaching import (
    BLOCKS,
    EXERCISES,
    Equipment,
    Kit,
    LiftStatus,
    SessionName,
    Unit,
    build_session,
    session_for,
    session_plan,
    should_offer_next_block,
)
from coaching.programme import next_block


def _keys(plan):
    return [e.key for e in plan.exercises]


def test_the_articles_sessions_in_a_gym():
    a = session_plan(SessionName.A, Equipment.GYM)
    b = session_plan(SessionName.B, Equipment.GYM)
    assert _keys(a) == ["overhead_press", "back_squat", "deadlift"]
    assert _keys(b) == ["one_arm_db_press", "goblet_squat", "deadlift"]
    assert (a.block.sets, a.block.reps) == (2, 8)
    assert EXERCISES["one_arm_db_press"].per_arm


def test_sessions_alternate_by_sessions_done_not_weekday():
    assert [session_for(n) for n in range(4)] == [SessionName.A, SessionName.B] * 2


def test_dumbbells_only_substitutes_within_pattern():
    plan = session_plan(SessionName.A, Equipment.DUMBBELLS)
    assert _keys(plan) == ["db_overhead_press", "db_squat", "db_romanian_deadlift"]
    for equipment in Equipment:
        for name in SessionName:
            original = session_plan(name, Equipment.GYM)
            swapped = session_plan(name, equipment)
            for before, after in zip(original.exercises, swapped.exercises, strict=True):
                assert before.pattern is after.pattern
                assert after.available_with(equipment)


def test_blocks_stay_inside_five_to_eight_reps():
    assert [(b.sets, b.reps) for b in BLOCKS] == [(2, 8), (3, 6), (3, 5)]
    assert all(5 <= b.reps <= 8 for b in BLOCKS)
    # reps + reserve: 10-12RM, ~8RM, ~7RM
    assert [b.reps + b.target_rir for b in BLOCKS] == [11, 8, 7]


def test_next_block_is_offered_after_steady_progress_only():
    first = BLOCKS[0]
    assert not should_offer_next_block(first, sessions_in_block=11, sessions_since_deload=11)
    assert not should_offer_next_block(first, sessions_in_block=20, sessions_since_deload=2)
    assert should_offer_next_block(first, sessions_in_block=12, sessions_since_deload=4)
    assert next_block(BLOCKS[-1]) is None
    assert not should_offer_next_block(BLOCKS[-1], 50, 50)


WORKING = {  # a typical recreational runner, kg
    "overhead_press": 35, "back_squat": 60, "deadlift": 80, "one_arm_db_press": 14,
    "goblet_squat": 24, "push_press": 40, "front_squat": 50, "db_overhead_press": 14,
    "db_squat": 18, "db_romanian_deadlift": 22,
}  # fmt: skip


@pytest.mark.parametrize("equipment", list(Equipment))
@pytest.mark.parametrize("name", list(SessionName))
@pytest.mark.parametrize("block", BLOCKS)
def test_every_session_takes_45_to_60_minutes(equipment, name, block):
    plan = session_plan(name, equipment, block)
    statuses = {key: LiftStatus(weight) for key, weight in WORKING.items()}
    session = build_session(plan, statuses, Kit.default(Unit.KG), date(2026, 11, 24))
    assert 45 <= session.minutes <= 60
