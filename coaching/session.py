"""A whole session, ready to show: warm-up, each lift's ramp and working sets, duration."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from coaching.catalogue import Exercise
from coaching.kit import Kit
from coaching.programme import SessionPlan, estimate_minutes
from coaching.taper import RaceAdvice
from coaching.warmup import GENERAL_WARMUP, RampSet, ramp_sets


@dataclass(frozen=True)
class LiftPrescription:
    exercise: Exercise
    weight: float
    sets: int
    reps: int
    ramp: tuple[RampSet, ...]
    reason: str


@dataclass(frozen=True)
class Session:
    plan: SessionPlan
    general_warmup: tuple[str, ...]
    lifts: tuple[LiftPrescription, ...]
    minutes: int
    note: str  # why the session differs from the usual one (taper, race week), or ""


def build_session(
    plan: SessionPlan,
    working_weights: Mapping[str, float],
    kit: Kit,
    reasons: Mapping[str, str] | None = None,
    advice: RaceAdvice | None = None,
) -> Session:
    """Prescribe every lift of `plan`; ramp sets only for the first lift of each pattern."""
    seen_patterns = set()
    lifts = []
    for exercise in plan.exercises:
        if advice is not None and not advice.lower_body and exercise.lower_body:
            continue
        weight = working_weights[exercise.key]
        if advice is not None and advice.load_factor != 1.0:
            weight = kit.round(exercise, weight * advice.load_factor, down=True)
        first_of_pattern = exercise.pattern not in seen_patterns
        seen_patterns.add(exercise.pattern)
        sets = plan.block.sets
        if advice is not None and advice.sets_per_lift is not None:
            sets = min(sets, advice.sets_per_lift)
        ramp = ramp_sets(exercise, weight, kit) if first_of_pattern else ()
        reason = (reasons or {}).get(exercise.key, "")
        lifts.append(LiftPrescription(exercise, weight, sets, plan.block.reps, ramp, reason))
    minutes = estimate_minutes((x.exercise, x.sets, x.reps, len(x.ramp)) for x in lifts)
    note = advice.reason if advice is not None else ""
    return Session(plan, GENERAL_WARMUP, tuple(lifts), minutes if lifts else 0, note)
