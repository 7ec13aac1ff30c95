"""A runner's sessions: which day is a lift day, what today's session is, logging and undo.

The glue between the database and the coaching core; handlers call this and render.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from coaching import (
    BLOCKS,
    EXERCISES,
    Change,
    Decision,
    Distance,
    Equipment,
    Exercise,
    LoggedSet,
    Prescription,
    Record,
    SessionPlan,
    SetEntry,
    Unit,
    after_break,
    calibration_start,
    convert,
    estimate_minutes,
    format_weight,
    from_kg,
    new_records,
    progress,
    race_advice,
    ramp_sets,
    session_for,
    session_plan,
    to_kg,
)
from coaching.programme import BLOCKS_BY_KEY
from coaching.warmup import RampSet
from models.profile import kit_for, lift_days_of, unit_of
from models.queries import lift_states
from models.runner import Race, User
from models.training import ExerciseEntry, LiftState, WorkoutSession
from models.training import LoggedSet as LoggedSetRow
from models.training_queries import (
    completed_sessions,
    delete_entry,
    entries_of,
    entry_from_update,
    last_entry,
    past_sets,
    session_on,
    sets_of,
)


def local_today(user: User, now: datetime) -> date:
    return now.astimezone(ZoneInfo(user.timezone or "UTC")).date()


def lift_dates(user: User, day: date) -> list[date]:
    """The lift days of the Monday-to-Sunday week holding `day`, moves included."""
    monday = day - timedelta(days=day.weekday())
    dates = {monday + timedelta(days=d) for d in lift_days_of(user).days}
    if user.moved_from in dates and user.moved_to is not None:
        dates.discard(user.moved_from)
        if monday <= user.moved_to < monday + timedelta(days=7):
            dates.add(user.moved_to)
    return sorted(dates)


def is_lift_day(user: User, day: date) -> bool:
    return day in lift_dates(user, day)


def next_lift_day(user: User, after: date) -> date | None:
    """The first lift day strictly after `after`, within three weeks."""
    for offset in range(1, 22):
        day = after + timedelta(days=offset)
        if is_lift_day(user, day):
            return day
    return None


def plan_for(user: User, completed: int) -> SessionPlan:
    """Session A or B (by sessions completed) for the runner's equipment, block and swaps."""
    equipment = Equipment(user.equipment or Equipment.GYM)
    block = BLOCKS_BY_KEY.get(user.block, BLOCKS[0])
    return session_plan(session_for(completed), equipment, block, swaps=user.swaps)


@dataclass(frozen=True)
class PlannedLift:
    exercise: Exercise
    weight: float | None  # in the runner's units; None: calibrate
    sets: int
    reps: int
    reason: str
    ramp: tuple[RampSet, ...]


@dataclass(frozen=True)
class SessionView:
    name: str
    block: str
    day: date
    lifts: tuple[PlannedLift, ...]
    minutes: int
    note: str


async def races_of(db: AsyncSession, user_id: int) -> list[tuple[date, Distance]]:
    rows = await db.scalars(select(Race).where(Race.user_id == user_id))
    return [(row.race_date, Distance(row.distance)) for row in rows]


def _prescribe_lift(
    user: User, exercise: Exercise, state: LiftState | None, day: date, sets: int, reps: int
) -> dict:
    if state is None or state.working_weight_kg is None:
        return {
            "exercise": exercise.key,
            "weight_kg": None,
            "sets": sets,
            "reps": reps,
            "reason": "calibration: we find your working weight today",
        }
    kit = kit_for(user)
    weight = kit.from_kg(exercise, state.working_weight_kg)
    reason = state.reason
    if state.last_done is not None:
        cut = after_break(kit, exercise, weight, (day - state.last_done).days)
        if cut is not None:
            weight, reason = cut.weight, cut.reason
    return {
        "exercise": exercise.key,
        "weight_kg": to_kg(weight, kit.unit),
        "sets": sets,
        "reps": reps,
        "reason": reason,
    }


async def prescribe(db: AsyncSession, user: User, day: date, completed: int) -> dict:
    """The session for `day`: lifts, loads, sets and reps, with race adjustments applied."""
    plan = plan_for(user, completed)
    states = await lift_states(db, user.id)
    advice = race_advice(day, await races_of(db, user.id))
    kit = kit_for(user)
    lifts = []
    for exercise in plan.exercises:
        if not advice.lower_body and exercise.lower_body:
            continue
        sets = min(plan.block.sets, advice.sets_per_lift or plan.block.sets)
        lift = _prescribe_lift(user, exercise, states.get(exercise.key), day, sets, plan.block.reps)
        if lift["weight_kg"] is not None and advice.load_factor != 1.0:
            lighter = kit.round(
                exercise, from_kg(lift["weight_kg"], kit.unit) * advice.load_factor, down=True
            )
            lift["weight_kg"] = to_kg(lighter, kit.unit)
        lifts.append(lift)
    return {"name": plan.name.value, "block": plan.block.key, "lifts": lifts, "note": advice.reason}


async def open_session(db: AsyncSession, user: User, day: date) -> WorkoutSession:
    """The session of `day`, prescribed and stored on first use."""
    existing = await session_on(db, user.id, day)
    if existing is not None:
        return existing
    prescription = await prescribe(db, user, day, await completed_sessions(db, user.id))
    workout = WorkoutSession(
        user_id=user.id,
        session_name=prescription["name"],
        block=prescription["block"],
        local_date=day,
        status="open",
        prescription=prescription,
    )
    db.add(workout)
    await db.flush()
    return workout


def view(user: User, day: date, prescription: dict) -> SessionView:
    """A stored (or projected) prescription, in the runner's units, with ramps and duration."""
    kit = kit_for(user)
    seen_patterns = set()
    lifts = []
    for lift in prescription["lifts"]:
        exercise = EXERCISES[lift["exercise"]]
        weight = None
        ramp: tuple[RampSet, ...] = ()
        if lift["weight_kg"] is not None:
            weight = kit.from_kg(exercise, lift["weight_kg"])
            if exercise.pattern not in seen_patterns:
                ramp = ramp_sets(exercise, weight, kit)
        seen_patterns.add(exercise.pattern)
        lifts.append(
            PlannedLift(exercise, weight, lift["sets"], lift["reps"], lift["reason"], ramp)
        )
    minutes = estimate_minutes((x.exercise, x.sets, x.reps, len(x.ramp)) for x in lifts)
    return SessionView(
        prescription["name"],
        prescription["block"],
        day,
        tuple(lifts),
        minutes if lifts else 0,
        prescription.get("note", ""),
    )


def planned_lift(workout: WorkoutSession, exercise_key: str) -> dict | None:
    return next((x for x in workout.prescription["lifts"] if x["exercise"] == exercise_key), None)


def calibration_weight(user: User, exercise: Exercise) -> float:
    return calibration_start(exercise, kit_for(user))


@dataclass(frozen=True)
class Logged:
    entry: ExerciseEntry
    sets: list[SetEntry]
    decision: Decision | None
    records: list[Record]
    duplicate: bool
    finished: bool


def _state_snapshot(state: LiftState | None) -> dict | None:
    if state is None:
        return None
    return {
        "working_weight_kg": state.working_weight_kg,
        "reason": state.reason,
        "needs_calibration": state.needs_calibration,
        "short_sessions_in_a_row": state.short_sessions_in_a_row,
        "last_done": state.last_done.isoformat() if state.last_done else None,
    }


async def record_exercise(
    db: AsyncSession,
    user: User,
    workout: WorkoutSession,
    exercise: Exercise,
    sets: Sequence[SetEntry],
    rir: int | None,
    source: tuple[int, int, int | None],
    calibrated_weight: float | None = None,
) -> Logged:
    """Store one exercise's sets and move its lift state on; the same update stores once."""
    chat_id, update_id, message_id = source
    duplicate = await entry_from_update(db, user.id, update_id, exercise.key)
    if duplicate is not None:
        return Logged(duplicate, list(sets), None, [], True, workout.status == "done")
    unit = unit_of(user)
    history = [
        LoggedSet(convert(s.weight, Unit(s.unit), unit), s.reps, s.rir)
        for s in await past_sets(db, user.id, exercise.key)
    ]
    in_unit = [LoggedSet(convert(s.weight, s.unit, unit), s.reps) for s in sets]
    in_unit[-1] = LoggedSet(in_unit[-1].weight, in_unit[-1].reps, rir)
    state = await db.get(LiftState, (user.id, exercise.key))
    previous = _state_snapshot(state)
    if state is None:
        state = LiftState(user_id=user.id, exercise=exercise.key, short_sessions_in_a_row=0)
        db.add(state)
    decision = None
    if calibrated_weight is not None:
        next_kg, change, reason = to_kg(calibrated_weight, unit), "", "found in calibration"
    else:
        decision = _decide(user, workout, exercise, state, in_unit)
        next_kg, change, reason = (
            to_kg(decision.weight, unit),
            decision.change.value,
            decision.reason,
        )
        state.short_sessions_in_a_row = decision.short_sessions_in_a_row
    state.working_weight_kg, state.reason, state.needs_calibration = next_kg, reason, False
    state.last_done = workout.local_date
    entry = ExerciseEntry(
        session_id=workout.id,
        user_id=user.id,
        exercise=exercise.key,
        rir=rir,
        calibration=calibrated_weight is not None,
        chat_id=chat_id,
        source_update_id=update_id,
        source_message_id=message_id,
        previous_state=previous,
        next_weight_kg=next_kg,
        change=change,
        reason=reason,
    )
    db.add(entry)
    await db.flush()
    for number, s in enumerate(sets, start=1):
        db.add(
            LoggedSetRow(
                entry_id=entry.id,
                session_id=workout.id,
                user_id=user.id,
                exercise=exercise.key,
                set_number=number,
                weight=s.weight,
                unit=s.unit.value,
                reps=s.reps,
                rir=rir if number == len(sets) else None,
                chat_id=chat_id,
                source_update_id=update_id,
                source_message_id=message_id,
            )
        )
    await db.flush()
    records = new_records(history, in_unit) if calibrated_weight is None else []
    finished = await _finish_if_complete(db, user, workout)
    return Logged(entry, list(sets), decision, records, False, finished)


def _decide(
    user: User, workout: WorkoutSession, exercise: Exercise, state: LiftState, sets: list
) -> Decision:
    kit = kit_for(user)
    planned = planned_lift(workout, exercise.key)
    block = BLOCKS_BY_KEY.get(workout.block, BLOCKS[0])
    if planned is not None and planned["weight_kg"] is not None:
        target = Prescription(
            kit.from_kg(exercise, planned["weight_kg"]),
            planned["sets"],
            planned["reps"],
        )
    elif state.working_weight_kg is not None:
        target = Prescription(
            kit.from_kg(exercise, state.working_weight_kg), block.sets, block.reps
        )
    else:  # a lift with no history: what was done is the reference
        target = Prescription(kit.round(exercise, sets[-1].weight), len(sets), block.reps)
    return progress(exercise, target, sets, kit, state.short_sessions_in_a_row)


async def _finish_if_complete(db: AsyncSession, user: User, workout: WorkoutSession) -> bool:
    logged = {entry.exercise for entry in await entries_of(db, workout.id)}
    planned = {lift["exercise"] for lift in workout.prescription["lifts"]}
    if workout.status == "done" or not planned <= logged:
        return workout.status == "done"
    await finish_session(db, user, workout)
    return True


async def finish_session(db: AsyncSession, user: User, workout: WorkoutSession) -> None:
    """Mark the session done and move the programme on (A/B, block progress)."""
    if workout.status == "done":
        return
    workout.status = "done"
    workout.completed_at = datetime.now().astimezone()
    entries = await entries_of(db, workout.id)
    user.sessions_in_block += 1
    deloaded = any(entry.change == Change.DOWN.value for entry in entries)
    user.sessions_since_deload = 0 if deloaded else user.sessions_since_deload + 1
    if user.moved_to == workout.local_date:
        user.moved_from = user.moved_to = None
        user.reminders_planned_until = None  # re-plan reminders without the move


async def undo_last(db: AsyncSession, user: User) -> tuple[ExerciseEntry, list] | None:
    """Remove the last logged exercise and put its lift back as it was."""
    entry = await last_entry(db, user.id)
    if entry is None:
        return None
    sets = [(s.weight, s.reps, s.unit) for s in await sets_of(db, entry.id)]
    state = await db.get(LiftState, (user.id, entry.exercise))
    if entry.previous_state is None:
        if state is not None:
            await db.delete(state)
    elif state is not None:
        previous = dict(entry.previous_state)
        last_done = previous.pop("last_done")
        for column, value in previous.items():
            setattr(state, column, value)
        state.last_done = date.fromisoformat(last_done) if last_done else None
    workout = await db.get(WorkoutSession, entry.session_id)
    if workout is not None and workout.status == "done":
        workout.status, workout.completed_at = "open", None
        user.sessions_in_block = max(0, user.sessions_in_block - 1)
    await delete_entry(db, entry)
    return entry, sets


def sets_text(sets: Sequence[SetEntry]) -> str:
    """`60 kg × 8,8` when every set had the same weight, else `60 kg × 8 62.5 kg × 6`."""
    if len({(s.weight, s.unit) for s in sets}) == 1:
        reps = ",".join(str(s.reps) for s in sets)
        return f"{format_weight(sets[0].weight, sets[0].unit)} × {reps}"
    return " ".join(f"{format_weight(s.weight, s.unit)} × {s.reps}" for s in sets)
