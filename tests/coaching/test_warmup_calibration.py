"""Ramp sets and calibration."""

from coaching import (
    EXERCISES,
    Kit,
    ReasonCode,
    Unit,
    calibration_next,
    calibration_start,
    ramp_sets,
)
from coaching.calibration import starting_load

SQUAT = EXERCISES["back_squat"]
GOBLET = EXERCISES["goblet_squat"]
DEADLIFT = EXERCISES["deadlift"]
PRESS = EXERCISES["overhead_press"]
KIT = Kit.default(Unit.KG)


def test_ramp_is_bar_then_half_then_seventy_percent():
    ramp = [(s.weight, s.reps) for s in ramp_sets(SQUAT, 80, KIT)]
    assert ramp == [(20, 8), (40, 5), (55, 3)]


def test_ramp_steps_at_or_below_the_bar_are_skipped():
    assert [(s.weight, s.reps) for s in ramp_sets(SQUAT, 35, KIT)] == [(20, 8), (25, 3)]
    assert ramp_sets(SQUAT, 20, KIT) == ()


def test_ramp_weights_are_loadable_and_below_the_working_weight():
    for working in KIT.loadable(SQUAT)[:120]:
        for step in ramp_sets(SQUAT, working, KIT):
            assert step.weight in KIT.loadable(SQUAT) and step.weight < working


def test_dumbbell_ramp_uses_owned_dumbbells():
    ramp = ramp_sets(GOBLET, 24, KIT)
    assert [(s.weight, s.reps) for s in ramp] == [(12, 5), (16, 3)]


def test_calibration_climbs_until_eight_reps_leave_two_to_four():
    step = calibration_next(SQUAT, KIT, 20, 8, 8, 0)
    assert not step.done and step.weight == 25
    step = calibration_next(SQUAT, KIT, 50, 8, 3, 3)
    assert step.done and step.weight == 50


def test_calibration_steps_back_after_an_overshoot():
    step = calibration_next(SQUAT, KIT, 60, 6, 0, 4)
    assert step.done and step.weight == 55  # about 10 % lighter: 54, nearest loadable


def test_calibration_stops_after_enough_sets():
    step = calibration_next(SQUAT, KIT, 40, 8, 6, 5)
    assert step.done and step.weight == 40


def test_a_failed_calibration_set_drops_about_ten_percent_to_the_kit():
    step = calibration_next(SQUAT, KIT, 80, 8, 0, 3)
    assert step.done and step.weight == 72.5  # 80 x 0.9 = 72, nearest loadable
    step = calibration_next(SQUAT, KIT, 100, 5, 0, 3)
    assert step.done and step.weight == 90


def test_a_failed_set_where_ten_percent_rounds_back_up_still_goes_one_step_lighter():
    step = calibration_next(SQUAT, KIT, 22.5, 7, 0, 1)
    assert step.done and step.weight == 20


def test_a_failed_set_at_the_lightest_weight_stays_there_and_says_so():
    step = calibration_next(SQUAT, KIT, 20, 7, 0, 1)
    assert step.done and step.weight == 20 and step.reason.values.get("lightest") == 1


def test_calibration_starts_from_a_fraction_of_bodyweight():
    assert calibration_start(DEADLIFT, KIT, 70) == 30  # 0.45 x 70 = 31.5, rounded down
    assert calibration_start(SQUAT, KIT, 70) == 22.5  # 0.35 x 70 = 24.5
    assert calibration_start(PRESS, KIT, 70) == 20  # 0.2 x 70 = 14: the empty bar
    assert calibration_start(GOBLET, KIT, 70) == 10  # 0.15 x 70 = 10.5


def test_without_bodyweight_the_deadlift_does_not_start_from_the_empty_bar():
    assert calibration_start(DEADLIFT, KIT) > KIT.bar
    assert calibration_start(PRESS, KIT) == KIT.bar


def test_every_lift_has_a_start_fraction_and_it_is_loadable():
    for exercise in EXERCISES.values():
        for bodyweight in (None, 45, 60, 95):
            assert calibration_start(exercise, KIT, bodyweight) in KIT.loadable(exercise)
        pounds = Kit.default(Unit.LB)
        assert calibration_start(exercise, pounds, 70) in pounds.loadable(exercise)


def test_a_starting_load_below_the_empty_bar_is_the_bar_and_says_so():
    start = starting_load(PRESS, KIT, 15, 8, 0)
    assert start.weight == 20 and start.reason.code is ReasonCode.FROM_SET_LIGHTEST
    assert start.reason.values["computed_kg"] < 20


def test_a_starting_load_on_the_kit_is_rounded_down_and_says_where_it_came_from():
    start = starting_load(SQUAT, KIT, 60, 12, 3)
    assert start.weight == 60 and start.reason.code is ReasonCode.FROM_SET
    assert starting_load(GOBLET, KIT, 1, 8, 0).weight == 2  # the lightest dumbbell
