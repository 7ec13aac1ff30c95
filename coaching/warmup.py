"""Warm-ups: a general part (its steps are worded in `render/`), then ramp sets for the first
lift of each movement pattern."""

from __future__ import annotations

from dataclasses import dataclass

from coaching.catalogue import Exercise, Implement
from coaching.kit import Kit

# (fraction of the working weight, reps). The first step is the empty bar for barbell lifts.
# Team judgement, DESIGN's example ramp: two sets that rehearse the movement at about half and
# about two thirds of the load, with falling reps so the warm-up does not tire the working sets.
RAMP: tuple[tuple[float, int], ...] = ((0.5, 5), (0.7, 3))
BAR_RAMP_REPS = 8


@dataclass(frozen=True)
class RampSet:
    weight: float
    reps: int


def ramp_sets(exercise: Exercise, working_weight: float, kit: Kit) -> tuple[RampSet, ...]:
    """Bar x8, ~50 % x5, ~70 % x3, rounded to loadable; steps at or below the bar are skipped.

    For dumbbell lifts there is no bar: a step is skipped when it rounds to the lightest
    dumbbell or to the working weight.
    """
    if exercise.implement is Implement.DUMBBELL:
        floor = kit.loadable(exercise)[0]
        sets: list[RampSet] = []
    else:
        floor = kit.bar_for(exercise)
        sets = [RampSet(floor, BAR_RAMP_REPS)] if working_weight > floor else []
    for fraction, reps in RAMP:
        weight = kit.round(exercise, working_weight * fraction)
        heavier_than_last = not sets or weight > sets[-1].weight
        if floor < weight < working_weight and heavier_than_last:
            sets.append(RampSet(weight, reps))
    return tuple(sets)
