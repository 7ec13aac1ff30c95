"""Ramp sets and calibration."""

from coaching import EXERCISES, Kit, Unit, calibration_next, calibration_start, ramp_sets

SQUAT = EXERCISES["back_squat"]
GOBLET = EXERCISES["goblet_squat"]
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
    weight = calibration_start(SQUAT, KIT)
    assert weight == 20
    step = calibration_next(SQUAT, KIT, weight, 8, 8, 0)
    assert not step.done and step.weight == 25
    step = calibration_next(SQUAT, KIT, 50, 8, 3, 3)
    assert step.done and step.weight == 50


def test_calibration_steps_back_after_an_overshoot():
    step = calibration_next(SQUAT, KIT, 60, 6, 0, 4)
    assert step.done and step.weight == 57.5


def test_calibration_stops_after_enough_sets():
    step = calibration_next(SQUAT, KIT, 40, 8, 6, 5)
    assert step.done and step.weight == 40
