"""Finding starting loads for a runner who knows none: climb until 8 reps leave 2-4 in reserve."""

from __future__ import annotations

from dataclasses import dataclass

from coaching.catalogue import Exercise, Implement
from coaching.kit import Kit
from coaching.reasons import Reason, ReasonCode

TARGET_REPS = 8
MAX_STEPS = 6
_BIG_STEP = 1.2  # 5+ in reserve: about 20 % heavier


@dataclass(frozen=True)
class CalibrationStep:
    done: bool
    weight: float  # the next set's weight, or the working weight once done
    reason: Reason


def calibration_start(exercise: Exercise, kit: Kit) -> float:
    """The first calibration set: the empty bar, or the second-lightest dumbbell."""
    options = kit.loadable(exercise)
    if exercise.implement is Implement.DUMBBELL:
        return options[min(1, len(options) - 1)]
    return options[0]


def calibration_next(
    exercise: Exercise, kit: Kit, weight: float, reps: int, rir: int, step: int
) -> CalibrationStep:
    """After a set of `reps` at `weight` leaving `rir` in reserve: the next set, or the answer.

    8 reps with 2-4 in reserve is the 10-12RM working weight the article asks for. Fewer than
    8 reps, or 0-1 in reserve, means the last step overshot: go back one increment.
    """
    if reps < TARGET_REPS or rir <= 1:
        lighter = [w for w in kit.loadable(exercise) if w < weight - 1e-9]
        working = lighter[-1] if lighter else weight
        return CalibrationStep(True, working, Reason(ReasonCode.CAL_TOO_HEAVY))
    if rir <= 4:
        return CalibrationStep(True, weight, Reason(ReasonCode.CAL_IN_RANGE, {"rir": rir}))
    if step + 1 >= MAX_STEPS:
        return CalibrationStep(True, weight, Reason(ReasonCode.CAL_ENOUGH))
    heavier = max(kit.round(exercise, weight * _BIG_STEP), kit.step_up(exercise, weight))
    return CalibrationStep(False, heavier, Reason(ReasonCode.CAL_STILL_EASY))
