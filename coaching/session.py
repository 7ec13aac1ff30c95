"""A whole session: the one place that decides what a runner lifts on a day.

`build_session` is used for `/today`, `/plan`, reminders and groups alike. It applies, in order:
the programme (A/B, block, equipment, swaps), each lift's working weight (or calibration), a
break from a lift, and the races around the day. `Prescription` is the same
session as stored (weights in kg, reasons as data); `Session` adds what is derived for display
(ramp sets, minutes) and is rebuilt from a stored prescription by `Prescription.session`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from coaching.catalogue import EXERCISES, Exercise
from coaching.kit import Kit
from coaching.programme import (
    BLOCKS,
    BLOCKS_BY_KEY,
    Block,
    SessionName,
    SessionPlan,
    estimate_minutes,
)
from coaching.progression import after_break
from coaching.readiness import Readiness
from coaching.reasons import Reason, ReasonCode
from coaching.taper import Distance, Phase, RaceAdvice, days_off, lifting_resumes, race_advice
from coaching.units import to_kg
from coaching.warmup import RampSet, ramp_sets


@dataclass(frozen=True)
class LiftStatus:
    """Where a runner stands on one lift: working weight in the kit's units (None: calibrate),
    why it is that weight, and when the lift was last done."""

    working_weight: float | None
    reason: Reason | None = None
    last_done: date | None = None
    reps: int | None = None  # below the block's reps while building them up; None: the block's


@dataclass(frozen=True)
class PlannedLift:
    exercise: Exercise
    weight: float | None  # the kit's units; None: calibrate today
    sets: int
    reps: int
    reason: Reason | None
    ramp: tuple[RampSet, ...] = ()
    working: float | None = None  # the working weight when `weight` is a temporary cut
    may_add: bool = True  # False around a race: the weight does not go up from this session


@dataclass(frozen=True)
class Session:
    name: SessionName
    block: Block
    lifts: tuple[PlannedLift, ...]
    minutes: int
    note: Reason | None  # why the session differs from the usual one (race, check-in)

    @property
    def no_lifting(self) -> bool:
        """Race week: nothing to lift, only the note saying why."""
        return not self.lifts


def build_session(
    plan: SessionPlan,
    statuses: Mapping[str, LiftStatus],
    kit: Kit,
    day: date,
    races: Collection[tuple[date, Distance]] = (),
    lift_weekdays: Collection[int] = (),
) -> Session:
    """Prescribe every lift of `plan` for `day` (the check-in trims the stored session later:
    `Prescription.after_checkin`). `lift_weekdays` tell a race week when lifting resumes."""
    advice = race_advice(day, races)
    if advice.phase is Phase.NO_LIFTING:
        return Session(plan.name, plan.block, (), 0, _resuming(advice, day, races, lift_weekdays))
    lifts = []
    for exercise in plan.exercises:
        if not advice.gives(exercise):
            continue
        status = statuses.get(exercise.key)
        lift = _prescribe_lift(exercise, status, kit, day, plan.block, races)
        lifts.append(_adjust(lift, kit, advice))
    return assemble(plan.name, plan.block, lifts, kit, advice.reason)


def _resuming(
    advice: RaceAdvice,
    day: date,
    races: Collection[tuple[date, Distance]],
    weekdays: Collection[int],
) -> Reason | None:
    """Race week's note, with the day lifting starts again when the lift days are known."""
    resumes = lifting_resumes(day, races, weekdays)
    if advice.reason is None or resumes is None:
        return advice.reason
    return Reason(advice.reason.code, {**advice.reason.values, "resumes": resumes.isoformat()})


def _prescribe_lift(
    exercise: Exercise,
    status: LiftStatus | None,
    kit: Kit,
    day: date,
    block: Block,
    races: Collection[tuple[date, Distance]],
) -> PlannedLift:
    if status is None or status.working_weight is None:
        return PlannedLift(exercise, None, block.sets, block.reps, Reason(ReasonCode.CALIBRATE))
    weight, reason = status.working_weight, status.reason
    reps = block.reps_for(status.reps)
    if status.last_done is not None:
        off = days_off(status.last_done, day, races, exercise)
        cut = after_break(kit, exercise, weight, off)
        if cut is not None:
            weight, reason = cut
    return PlannedLift(exercise, weight, block.sets, reps, reason)


def _adjust(lift: PlannedLift, kit: Kit, advice: RaceAdvice) -> PlannedLift:
    """Taper: fewer sets; the week after a race: lighter for now (the working weight is kept)."""
    lift = replace(lift, may_add=advice.may_add)
    if advice.sets_per_lift is not None:
        lift = replace(lift, sets=min(lift.sets, advice.sets_per_lift))
    if lift.weight is not None and advice.load_factor != 1.0:
        lighter = kit.round(lift.exercise, lift.weight * advice.load_factor, down=True)
        lift = replace(lift, weight=lighter, working=lift.weight)
    return lift


def assemble(
    name: SessionName, block: Block, lifts: Iterable[PlannedLift], kit: Kit, note: Reason | None
) -> Session:
    """Ramp sets for the first lift of each movement pattern, and the session's duration."""
    seen = set()
    ramped = []
    for lift in lifts:
        first_of_pattern = lift.exercise.pattern not in seen
        seen.add(lift.exercise.pattern)
        ramp = ()
        if lift.weight is not None and first_of_pattern:
            ramp = ramp_sets(lift.exercise, lift.weight, kit)
        ramped.append(replace(lift, ramp=ramp))
    minutes = estimate_minutes((x.exercise, x.sets, x.reps, len(x.ramp)) for x in ramped)
    return Session(name, block, tuple(ramped), minutes if ramped else 0, note)


# --- the stored form -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PrescribedLift:
    exercise: str  # catalogue key
    weight_kg: float | None
    sets: int
    reps: int
    reason: Reason | None
    working_kg: float | None = None  # the working weight behind a temporary cut
    may_add: bool = True


@dataclass(frozen=True)
class Prescription:
    """A session as given to the runner, kept as it was (kg; read and written only as this)."""

    name: SessionName
    block: str
    lifts: tuple[PrescribedLift, ...]
    note: Reason | None = None
    checkin: str | None = None  # "done" or "skipped" once the check-in was answered
    day_swaps: tuple[tuple[str, str], ...] = ()  # (programme lift, lift) swapped this day only

    @classmethod
    def of(cls, session: Session, kit: Kit) -> Prescription:
        lifts = tuple(
            PrescribedLift(
                x.exercise.key,
                None if x.weight is None else to_kg(x.weight, kit.unit),
                x.sets,
                x.reps,
                x.reason,
                None if x.working is None else to_kg(x.working, kit.unit),
                x.may_add,
            )
            for x in session.lifts
        )
        return cls(session.name, session.block.key, lifts, session.note)

    def session(self, kit: Kit) -> Session:
        """The stored session in the kit's units, with ramps and duration."""
        lifts = [
            PlannedLift(
                EXERCISES[x.exercise],
                None if x.weight_kg is None else kit.from_kg(EXERCISES[x.exercise], x.weight_kg),
                x.sets,
                x.reps,
                x.reason,
                working=None
                if x.working_kg is None
                else kit.from_kg(EXERCISES[x.exercise], x.working_kg),
                may_add=x.may_add,
            )
            for x in self.lifts
        ]
        block = BLOCKS_BY_KEY.get(self.block, BLOCKS[0])
        return assemble(self.name, block, lifts, kit, self.note)

    def lift(self, exercise: str) -> PrescribedLift | None:
        return next((x for x in self.lifts if x.exercise == exercise), None)

    def after_checkin(self, readiness: Readiness | None) -> Prescription:
        """The check-in answered (None: skipped); a trim keeps the weights, cuts the sets, and
        upper body only leaves the lower-body lifts out (so logging no longer expects them)."""
        if readiness is None:
            return replace(self, checkin="skipped")
        if readiness.as_planned:
            return replace(self, checkin="done")
        most = readiness.sets_per_lift
        lifts = tuple(
            replace(x, sets=x.sets if most is None else min(x.sets, most))
            for x in self.lifts
            if readiness.lower_body or not EXERCISES[x.exercise].lower_body
        )
        return replace(self, lifts=lifts, note=readiness.reason, checkin="done")

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name.value,
            "block": self.block,
            "lifts": [
                {
                    "exercise": x.exercise,
                    "weight_kg": x.weight_kg,
                    "sets": x.sets,
                    "reps": x.reps,
                    "reason": x.reason.to_json() if x.reason else None,
                    "working_kg": x.working_kg,
                    "may_add": x.may_add,
                }
                for x in self.lifts
            ],
            "note": self.note.to_json() if self.note else None,
            "checkin": self.checkin,
            "day_swaps": dict(self.day_swaps),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Prescription:
        """Also reads the first release's shape (reasons as text are dropped, not shown)."""
        lifts = tuple(
            PrescribedLift(
                x["exercise"], x.get("weight_kg"), x["sets"], x["reps"],
                Reason.from_json(x.get("reason")), x.get("working_kg"), x.get("may_add", True),
            )
            for x in data.get("lifts", [])
            if x.get("exercise") in EXERCISES
        )  # fmt: skip
        return cls(
            SessionName(data.get("name", "A")),
            data.get("block", BLOCKS[0].key),
            lifts,
            Reason.from_json(data.get("note")),
            data.get("checkin"),
            tuple((data.get("day_swaps") or {}).items()),
        )
