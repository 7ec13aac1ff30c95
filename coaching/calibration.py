"""Starting loads: from a recent set, or found in the first session by climbing until 8 reps
leave 2-4 in reserve (the article's 10-12RM load, done for 8)."""

from __future__ import annotations

from dataclasses import dataclass

from coaching.catalogue import Exercise
from coaching.kit import Kit
from coaching.loads import START_TARGET_REPS, start_load_from_set
from coaching.reasons import Reason, ReasonCode
from coaching.units import from_kg, to_kg

TARGET_REPS = START_TARGET_REPS
# Team judgement: six sets of 8 are as many as a first session can spend on one lift (with
# about 2 minutes of rest each, the article's session stays within its 45-60 minutes).
MAX_STEPS = 6
# Team judgement: with 5+ in reserve the set was at most about a 13RM against the 11RM target;
# +20 % a set reaches 2.5 x the first weight in five steps, so six sets cover the whole
# spread between a light and a strong runner's start, and a step overshoots by at most one set.
_BIG_STEP = 1.2
# A failed set (fewer than 8 reps, or 0-1 left) was at least an 8-9RM, i.e. 77-80 % of 1RM or
# more (NSCA %1RM-reps table). The 10-12RM target is 67-75 %: 75/80 = 0.94 down to 67/80 =
# 0.84 of the failed weight. About 10 % lighter lands in the middle of that band; the same
# size as the programme's deload (DESIGN: target missed twice running -> about -10 %).
FAILED_SET_FACTOR = 0.9

# The first calibration set, as a fraction of bodyweight (whole bar; per dumbbell for dumbbell
# lifts). Derived from the "untrained" column of the Kilgore-Rippetoe-Pendlay strength
# standards (Practical Programming for Strength Training; tabulated by ExRx), using the
# women's, lighter, ratios so that nearly every runner's first set is easy: 1RM about 0.65 x
# bodyweight for the deadlift, 0.5 for the squat, 0.45 for the bench press and 0.3 for the
# press. Times 0.7 (an 11RM is about 70 % of 1RM, NSCA table) that gives the fractions below,
# rounded; the climb then adds about 20 % a set.
_BARBELL_START = {
    "deadlift": 0.45,
    "trap_bar_deadlift": 0.45,  # the same hinge, an easier lever: start no lighter
    # Team judgement: a Romanian deadlift (from the hang, knees soft) is usually done with
    # about three quarters of the deadlift.
    "romanian_deadlift": 0.35,
    "back_squat": 0.35,
    "front_squat": 0.3,  # team judgement: about 85 % of the back squat (the bar in front)
    "bench_press": 0.3,
    "overhead_press": 0.2,
    "push_press": 0.2,  # team judgement: learn the dip-drive at the press's first weight
    # Team judgement: the power lifts are learned for speed and technique first, light.
    "power_clean": 0.25,
    "push_jerk": 0.2,
}
# Team judgement: a pair of dumbbells carries about 80 % of what a barbell does in the same
# movement (each one is balanced on its own), so one dumbbell of a pair is about 0.4 x the
# barbell fraction; a one-arm press uses one such dumbbell; a goblet squat holds one dumbbell
# with both hands at the chest, limited by the hold rather than the legs (about 0.4 x the back
# squat's whole bar).
_DUMBBELL_START = {
    "db_overhead_press": 0.08,
    "one_arm_db_press": 0.08,
    "db_bench_press": 0.12,
    "db_squat": 0.14,
    "goblet_squat": 0.15,
    "db_romanian_deadlift": 0.14,
}
START_FRACTION_OF_BODYWEIGHT: dict[str, float] = {**_BARBELL_START, **_DUMBBELL_START}
# Team judgement: without a bodyweight, assume a light adult runner's, so the first set errs
# light; calibration climbs from there.
REFERENCE_BODYWEIGHT_KG = 60.0


@dataclass(frozen=True)
class CalibrationStep:
    done: bool
    weight: float  # the next set's weight, or the working weight once done
    reason: Reason


@dataclass(frozen=True)
class StartingLoad:
    weight: float  # in the kit's units, loadable
    reason: Reason


def starting_load(exercise: Exercise, kit: Kit, weight: float, reps: int, rir: int) -> StartingLoad:
    """The starting load from a recent set (weight in the kit's units), rounded down to the kit.

    Below the lightest loadable weight (the empty bar, the lightest dumbbell) the start is that
    weight, and the reason says so. Raises ValueError for a set too long to estimate from.
    """
    computed = start_load_from_set(weight, reps, rir)
    lightest = kit.loadable(exercise)[0]
    values = {"weight_kg": to_kg(weight, kit.unit), "reps": reps, "rir": rir}
    if computed < lightest - 1e-9:
        values["computed_kg"] = round(to_kg(computed, kit.unit), 2)
        return StartingLoad(lightest, Reason(ReasonCode.FROM_SET_LIGHTEST, values))
    return StartingLoad(
        kit.round(exercise, computed, down=True), Reason(ReasonCode.FROM_SET, values)
    )


def calibration_start(exercise: Exercise, kit: Kit, bodyweight_kg: float | None = None) -> float:
    """The first calibration set: a lift-specific fraction of bodyweight, rounded down to the
    kit and never below its lightest weight (the empty bar, the lightest dumbbell)."""
    options = kit.loadable(exercise)
    fraction = START_FRACTION_OF_BODYWEIGHT[exercise.key]  # every catalogue lift has one
    bodyweight = bodyweight_kg if bodyweight_kg and bodyweight_kg > 0 else REFERENCE_BODYWEIGHT_KG
    start = from_kg(fraction * bodyweight, kit.unit)
    return max(options[0], kit.round(exercise, start, down=True))


def calibration_next(
    exercise: Exercise, kit: Kit, weight: float, reps: int, rir: int, step: int
) -> CalibrationStep:
    """After a set of `reps` at `weight` leaving `rir` in reserve: the next set, or the answer.

    8 reps with 2-4 in reserve is the 10-12RM working weight the article asks for. Fewer than
    8 reps, or 0-1 in reserve, means the last set was too heavy: about 10 % lighter.
    """
    if reps < TARGET_REPS or rir <= 1:
        return _after_failed_set(exercise, kit, weight)
    if rir <= 4:
        return CalibrationStep(True, weight, Reason(ReasonCode.CAL_IN_RANGE, {"rir": rir}))
    if step + 1 >= MAX_STEPS:
        return CalibrationStep(True, weight, Reason(ReasonCode.CAL_ENOUGH))
    heavier = max(kit.round(exercise, weight * _BIG_STEP), kit.step_up(exercise, weight))
    return CalibrationStep(False, heavier, Reason(ReasonCode.CAL_STILL_EASY))


def _after_failed_set(exercise: Exercise, kit: Kit, weight: float) -> CalibrationStep:
    """About 10 % lighter, rounded to the kit; at least one loadable step down; or, at the
    lightest weight the kit has, that weight (and the reason says so)."""
    lighter = kit.round(exercise, weight * FAILED_SET_FACTOR)
    if lighter >= weight - 1e-9:  # the kit's next weight down is more than 10 % away
        below = [w for w in kit.loadable(exercise) if w < weight - 1e-9]
        lighter = below[-1] if below else weight
    values = {"lightest": 1} if lighter >= weight - 1e-9 else {}
    return CalibrationStep(True, lighter, Reason(ReasonCode.CAL_TOO_HEAVY, values))
