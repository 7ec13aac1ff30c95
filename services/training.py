"""A runner's sessions: what today's session is, logging and undo, swaps and moves.

Every session comes from `coaching.build_session` (through `session_for_day`): /today, /plan,
reminders and groups read the same prescription.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from sqlalchemy import insert

from coaching import (
    EXERCISES,
    CalibrationStep,
    Change,
    Decision,
    Distance,
    Exercise,
    InputError,
    LogDraft,
    LoggedSet,
    Prescription,
    Reason,
    ReasonCode,
    Record,
    RunType,
    Session,
    SetEntry,
    Target,
    Unit,
    build_session,
    calibration_next,
    convert,
    progress,
    readiness,
    should_offer_next_block,
    swap_options,
    to_kg,
)
from coaching.parsing import parse_logged_sets
from coaching.programme import (
    BLOCKS,
    BLOCKS_BY_KEY,
    Block,
    block_load,
    next_block,
    ready_for_next_block,
)
from coaching.progression import implausible_jump
from coaching.readiness import is_key_run
from coaching.taper import Phase, legal_days_after, race_advice
from models import User
from models.progress import SetRow
from models.queries import lift_states, races_of
from models.training import ExerciseEntry, LiftState, WorkoutSession
from models.training import LoggedSet as LoggedSetRow
from models.training_queries import (
    IMPORT_KEY,
    DayRows,
    LiftRows,
    any_entry_from_source,
    day_rows,
    delete_entry,
    entries_since,
    entry_from_source,
    last_entry,
    lift_rows,
    logged_in,
    session_on,
    sets_of,
)
from services.base import Area
from services.progress import records_in

if TYPE_CHECKING:
    from services import Services
from services.runners import (
    equipment_of,
    is_lift_day,
    kit_for,
    knows_tomorrow,
    lift_dates_between,
    lift_days_of,
    next_lift_day,
    paused_on,
    plan_for,
    reslot_of,
    run_on,
    status_of,
    unit_of,
    week_of,
)


@dataclass(frozen=True)
class RestDay:
    """Not a lift day: today's run, and when the next session is."""

    run: RunType
    next_day: date | None
    next_session: str


@dataclass(frozen=True)
class DayView:
    """A lift day as it stands: what was prescribed, what is logged of it, and once finished,
    when the next session is."""

    session: Session
    logged: tuple[LoggedExercise, ...] = ()
    summary: SessionSummary | None = None  # once the session is finished
    next_day: date | None = None
    next_session: str = ""

    @property
    def finished(self) -> bool:
        return self.summary is not None


@dataclass(frozen=True)
class Tomorrow:
    """The run after a session's day, and whether the runner's week told it (else: ask)."""

    run: RunType
    known: bool


@dataclass(frozen=True)
class LoggedExercise:
    exercise: Exercise
    sets: tuple[SetEntry, ...]
    rir: int | None
    next_weight: float | None  # the kit's units
    reason: Reason | None
    entry_id: int | None = None  # the stored log, for /history's edit and delete


@dataclass(frozen=True)
class Logged:
    """One exercise stored (or found already stored) and what it changed."""

    done: LoggedExercise
    decision: Decision | None
    records: list[Record]
    duplicate: bool
    finished: bool


@dataclass(frozen=True)
class SessionSummary:
    name: str
    day: date
    done: list[LoggedExercise]
    left_out: tuple[Exercise, ...] = ()  # prescribed that day, not logged


@dataclass(frozen=True)
class Correction:
    """A logged exercise corrected or removed, and whether the lift's loads were worked out
    again (not when something other than a log moved the lift since)."""

    done: LoggedExercise
    recomputed: bool
    history_only: bool = False  # imported history: it never set a load, nothing to work out


@dataclass(frozen=True)
class Source:
    """Where a logged exercise came from; the same `key` (the same message or button press,
    whatever update delivered it) never stores twice."""

    chat_id: int
    message_id: int | None
    key: str


class Training(Area):
    def __init__(self, services: Services) -> None:
        super().__init__(services)
        # What this unit of work read of days, sessions and lifts, one statement each (cost
        # follows the statement count: issue 15). Kept current by storing a log; forgotten
        # after any other change to logs or sessions.
        self._days: dict[tuple[int, date], DayRows] = {}
        self._logged: dict[int, DayRows] = {}  # workout id -> its entries and their sets
        self._lifts: dict[tuple[int, str], LiftRows] = {}

    def _forget(self) -> None:
        self._days.clear()
        self._logged.clear()
        self._lifts.clear()

    async def _day_rows(self, user: User, day: date) -> DayRows:
        if (user.id, day) not in self._days:
            rows = self._days[user.id, day] = await day_rows(self.db, user.id, day)
            if rows.workout is not None:
                self._logged[rows.workout.id] = rows
        return self._days[user.id, day]

    async def _stored(self, user: User, day: date) -> WorkoutSession | None:
        return (await self._day_rows(user, day)).workout

    async def _completed(self, user: User, day: date) -> int:
        """Sessions the runner has finished (read with `day`'s rows, which are usually
        needed too)."""
        return (await self._day_rows(user, day)).completed

    async def _log_of(self, workout: WorkoutSession) -> DayRows:
        if workout.id not in self._logged:
            self._logged[workout.id] = await logged_in(self.db, workout.id)
        return self._logged[workout.id]

    async def _entries(self, workout: WorkoutSession) -> list[ExerciseEntry]:
        return list((await self._log_of(workout)).entries)

    async def _set_rows(self, entry: ExerciseEntry) -> list[LoggedSetRow]:
        for rows in self._logged.values():
            if entry.id in rows.sets:
                return rows.sets[entry.id]
        return await sets_of(self.db, entry.id)

    async def _lift(self, user: User, exercise: str) -> LiftRows:
        if (user.id, exercise) not in self._lifts:
            self._lifts[user.id, exercise] = await lift_rows(self.db, user.id, exercise)
        return self._lifts[user.id, exercise]

    def _count_finished(self, user: User, change: int) -> None:
        for (user_id, _), rows in self._days.items():
            if user_id == user.id:
                rows.completed += change

    # --- building sessions -------------------------------------------------------------------

    async def races(self, user: User | None = None) -> list[tuple[date, Distance]]:
        user = user or self.runner
        return [(r.race_date, Distance(r.distance)) for r in await races_of(self.db, user.id)]

    async def session_for_day(
        self,
        day: date,
        completed: int,
        user: User | None = None,
        swaps: dict[str, str] | None = None,
    ) -> Session:
        """The one path to a session: the programme and the runner's state, via coaching
        (`swaps`: instead of the runner's own, for a swap today only)."""
        user = user or self.runner
        states = await lift_states(self.db, user.id)
        return session_from(user, day, completed, states, await self.races(user), swaps)

    async def open_session(self, day: date, user: User | None = None) -> WorkoutSession:
        """The session of `day`, prescribed and stored on first use."""
        user = user or self.runner
        stored, session = await self._day(day, user)
        return stored or await self._store(day, session, user)

    async def _day(self, day: date, user: User) -> tuple[WorkoutSession | None, Session | None]:
        """The day's stored session, if any, and what there is to lift (None once done)."""
        stored = await self._stored(user, day)
        if stored is not None:
            return stored, given_session(stored, user)
        completed = await self._completed(user, day)
        return None, await self.session_for_day(day, completed, user)

    async def _store(self, day: date, session: Session, user: User) -> WorkoutSession:
        """Keep the session as given, so later changes (a new weight) do not rewrite it."""
        workout = WorkoutSession(
            user_id=user.id,
            session_name=session.name.value,
            block=session.block.key,
            local_date=day,
            status="open",
            prescription=Prescription.of(session, kit_for(user)),
        )
        self.db.add(workout)
        await self.db.flush()
        if (rows := self._days.get((user.id, day))) is not None:
            rows.workout = workout
            self._logged[workout.id] = rows
        return workout

    async def planned_session(self, day: date, user: User | None = None) -> Session | None:
        """What the runner is to lift on `day` (stored if already given); None once done."""
        return (await self._day(day, user or self.runner))[1]

    def view(self, workout: WorkoutSession) -> Session:
        return workout.prescription.session(kit_for(self.runner))

    # --- /today -------------------------------------------------------------------------------

    async def todays_session(self) -> DayView | RestDay:
        """Today as it stands: the session with what is logged of it (finished or not), or a
        rest day's facts. A rest day with something logged on it shows what was logged."""
        user, day = self.runner, self.today()
        stored = await self._stored(user, day)
        if stored is None and not is_lift_day(user, day):
            next_day, name = await self._next_session(user, day)
            return RestDay(week_of(user).get(day.weekday(), RunType.REST), next_day, name)
        if stored is None:
            session = (await self._day(day, user))[1]
            if not session.no_lifting:  # race week: nothing to store or log
                await self._store(day, session, user)
            return DayView(session)
        summary = await self.summary(stored)
        if stored.status != "done":
            return DayView(self.view(stored), tuple(summary.done))
        next_day, name = await self._next_session(user, day)
        return DayView(self.view(stored), tuple(summary.done), summary, next_day, name)

    async def _next_session(self, user: User, day: date) -> tuple[date | None, str]:
        """The next day with lifting after `day`, and which session it will be."""
        completed = await self._completed(user, day)
        return await self._next_lifting_day(user, day), plan_for(user, completed).name.value

    async def _next_lifting_day(self, user: User, day: date) -> date | None:
        """The next lift day with something to lift (race weeks are skipped)."""
        races = await self.races(user)
        while (day := next_lift_day(user, day)) is not None:
            if race_advice(day, races).phase is not Phase.NO_LIFTING:
                return day
        return None

    def todays_run(self) -> RunType:
        """Today's run in the runner's week (a quality day: lift at least 6 h after it)."""
        return run_on(self.runner, self.today())

    # --- blocks -------------------------------------------------------------------------------

    def block(self) -> Block:
        return BLOCKS_BY_KEY.get(self.runner.block, BLOCKS[0])

    def block_offer(self) -> Block | None:
        """The next block, offered after a session once steady progress has earned it (and
        every few sessions after, while the runner stays: never forced)."""
        user, block = self.runner, self.block()
        if not should_offer_next_block(block, user.sessions_in_block, user.sessions_since_deload):
            return None
        return next_block(block)

    def block_choices(self) -> list[Block]:
        """Blocks /block offers a button for: any lighter one, and the next once earned."""
        user, block = self.runner, self.block()
        choices = [b for b in BLOCKS if b.reps > block.reps]
        if ready_for_next_block(block, user.sessions_in_block, user.sessions_since_deload):
            choices.append(next_block(block))
        return choices

    async def session_under_way(self) -> bool:
        """Something is logged in today's session and it is not finished yet."""
        workout = await self._stored(self.runner, self.today())
        return (
            workout is not None and workout.status != "done" and bool(await self._entries(workout))
        )

    async def change_block(self, key: str) -> Block | None:
        """Move to block `key` (up or back): every working weight to the same estimated
        strength in the new reps. None for a block that does not exist."""
        user, new, kit = self.runner, BLOCKS_BY_KEY.get(key), kit_for(self.runner)
        if new is None or new == self.block():
            return new
        old = self.block()
        for state in (await lift_states(self.db, user.id)).values():
            if state.working_weight_kg is None:
                continue
            exercise = EXERCISES[state.exercise]
            working = kit.from_kg(exercise, state.working_weight_kg)
            moved = block_load(working, old.reps_for(state.reps), old, new)
            weight = kit.round(exercise, moved)  # nearest: a switch and back ends where it began
            state.working_weight_kg = to_kg(weight, kit.unit)
            values = {"block": new.key, "weight_kg": state.working_weight_kg}
            state.reason = Reason(ReasonCode.BLOCK_CHANGED, values)
            state.reps, state.short_sessions_in_a_row = None, 0
        user.block, user.sessions_in_block = new.key, 0
        await self.follow_changes_today()
        return new

    async def follow_changes_today(self) -> None:
        """Today's stored session follows a change (a swap, a block, a race) while nothing is
        logged; a race week leaves nothing stored (there is nothing to lift)."""
        user, day = self.runner, self.today()
        workout = await self._stored(user, day)
        if workout is None or workout.status == "done" or await self._entries(workout):
            return
        completed = await self._completed(user, day)
        day_swaps = workout.prescription.day_swaps  # a swap for today only stays today's
        swaps = {**(user.swaps or {}), **dict(day_swaps)}
        session = await self.session_for_day(day, completed, swaps=swaps)
        if session.no_lifting:
            await self.db.delete(workout)
            self._forget()
            return
        workout.block = session.block.key
        fresh = replace(Prescription.of(session, kit_for(user)), day_swaps=day_swaps)
        workout.prescription = self._checked_in(workout, fresh)

    def _checked_in(self, workout: WorkoutSession, fresh: Prescription) -> Prescription:
        """A session prescribed again keeps the day's check-in answers (its trim included)."""
        if workout.prescription.checkin is None:
            return fresh
        if workout.prescription.checkin == "skipped":
            return fresh.after_checkin(None)
        tomorrow = self.tomorrow(workout)
        known = tomorrow.run if tomorrow.known else None
        return fresh.after_checkin(readiness(workout.soreness, workout.key_run_tomorrow, known))

    async def swap_choices(self) -> list[Exercise]:
        """Today's lifts as given (a swap for today only included), else the programme's."""
        workout = await self._stored(self.runner, self.today())
        if workout is not None and workout.prescription.lifts:
            return [EXERCISES[x.exercise] for x in workout.prescription.lifts]
        completed = await self._completed(self.runner, self.today())
        return list(plan_for(self.runner, completed).exercises)

    def swap_targets(self, exercise: Exercise) -> list[Exercise]:
        return swap_options(exercise, equipment_of(self.runner))

    def _swapped(
        self, old: Exercise, new: Exercise, day_swaps: dict[str, str] | None = None
    ) -> dict[str, str]:
        """The runner's swaps (and the day's own) with `new` in the place of `old` (kept by
        programme lift)."""
        swaps = {**(self.runner.swaps or {}), **(day_swaps or {})}
        original = next((k for k, v in swaps.items() if v == old.key), old.key)
        swaps[original] = new.key
        return {k: v for k, v in swaps.items() if k != v}

    async def swap(self, old: Exercise, new: Exercise) -> bool:
        """From now on `new` instead of `old`, and today's session if nothing is logged yet."""
        if new not in self.swap_targets(old):
            return False
        self.runner.swaps = self._swapped(old, new)
        await self.follow_changes_today()
        return True

    async def swap_today(self, old: Exercise, new: Exercise) -> bool:
        """`new` instead of `old` in today's stored session only, prescribed as it would be in
        the programme; False when today's session has no `old` still to lift."""
        user, day = self.runner, self.today()
        if not is_lift_day(user, day) or new not in self.swap_targets(old):
            return False
        stored, session = await self._day(day, user)
        if session is None or session.no_lifting:
            return False
        workout = stored or await self._store(day, session, user)
        if workout.prescription.lift(old.key) is None or old.key in await self.logged_lifts(
            workout
        ):
            return False
        completed = await self._completed(user, day)
        swaps = self._swapped(old, new, dict(workout.prescription.day_swaps))
        lift = Prescription.of(await self.session_for_day(day, completed, swaps=swaps),
                               kit_for(user)).lift(new.key)  # fmt: skip
        if lift is None:
            return False
        lifts = tuple(lift if x.exercise == old.key else x for x in workout.prescription.lifts)
        day_swaps = {k: v for k, v in swaps.items() if (user.swaps or {}).get(k) != v}
        workout.prescription = replace(workout.prescription, lifts=lifts,
                                       day_swaps=tuple(day_swaps.items()))  # fmt: skip
        return True

    def move_days(self) -> list[date]:
        """Later days this week that today's session may move to."""
        today = self.today()
        days = legal_days_after(week_of(self.runner), lift_days_of(self.runner).days,
                                today.weekday())  # fmt: skip
        return [today + timedelta(days=d - today.weekday()) for d in days]

    async def move(self, target: date) -> bool:
        """Today's session happens on `target` instead (a legal later day this week)."""
        if target not in self.move_days():
            return False
        user, today = self.runner, self.today()
        user.moved_from, user.moved_to = today, target
        self.services.reminders.invalidate_plan(user)
        workout = await self._stored(user, today)
        if workout is not None and not await self._entries(workout):
            await self.db.delete(workout)  # prescribed for today, nothing logged: it moves
            self._forget()
        return True

    async def reslot(self, missed: date, target: date) -> tuple[date, date | None] | None:
        """The missed-session nudge's offer taken (`target`: the day the week gains): the day
        the missed session is done on and, if it takes the next lift day, that session's new
        day; None when the offer no longer holds."""
        user = self.runner
        _, day, moves_on = reslot_of(user, missed)
        if day is None or target != (moves_on or day) or day < self.today():
            return None
        user.moved_from, user.moved_to = missed, target  # the missed day goes, the target comes
        self.services.reminders.invalidate_plan(user)
        return day, moves_on

    # --- the check-in -------------------------------------------------------------------------

    def tomorrow(self, workout: WorkoutSession) -> Tomorrow:
        """The run after the session's day (`services.runners.knows_tomorrow` says when the
        week can be trusted for it)."""
        user, day = self.runner, workout.local_date
        return Tomorrow(run_on(user, day + timedelta(days=1)), knows_tomorrow(user, day))

    def skip_checkin(self, workout: WorkoutSession) -> Reason | None:
        """Skipped: as planned, unless the week says a key run is tomorrow (that is no question
        to skip); the reason, if the session changed."""
        tomorrow = self.tomorrow(workout)
        if tomorrow.known and is_key_run(tomorrow.run):
            return self.apply_known_run(workout, tomorrow)
        workout.prescription = workout.prescription.after_checkin(None)
        return None

    def record_soreness(self, workout: WorkoutSession, soreness: int) -> Tomorrow:
        """Store the soreness; return tomorrow's run (asked about next unless known)."""
        workout.soreness = soreness
        return self.tomorrow(workout)

    def record_key_run(self, workout: WorkoutSession, key_run: bool) -> Reason | None:
        """Store the answer and trim today's session if needed; the reason, if trimmed."""
        workout.key_run_tomorrow = key_run
        ready = readiness(workout.soreness, key_run)
        workout.prescription = workout.prescription.after_checkin(ready)
        return ready.reason

    def apply_known_run(self, workout: WorkoutSession, tomorrow: Tomorrow) -> Reason | None:
        """The week's answer instead of asking: a key run tomorrow means upper body only."""
        workout.key_run_tomorrow = is_key_run(tomorrow.run)
        ready = readiness(workout.soreness, workout.key_run_tomorrow, tomorrow.run)
        workout.prescription = workout.prescription.after_checkin(ready)
        return ready.reason

    # --- logging ------------------------------------------------------------------------------

    def draft(self) -> LogDraft:
        """What /log is in the middle of (a fresh draft for today when nothing is)."""
        return self.runner.log_draft or LogDraft(self.today())

    def logging(self) -> bool:
        """Whether /log is in the middle of something (a draft is stored)."""
        return self.runner.log_draft is not None

    def save_draft(self, draft: LogDraft) -> None:
        if self.runner.log_draft != draft:  # written only when it changed
            self.runner.log_draft = draft

    def end_log(self) -> None:
        """/log is over (finished, cancelled or timed out): nothing half-entered is kept."""
        if self.runner.log_draft is not None:
            self.runner.log_draft = None

    async def clash(self, workout: WorkoutSession) -> RunType | None:
        """A race or the long run on the session's day, said once: before its first log."""
        day = workout.local_date
        if workout.status == "done" or await self._entries(workout):
            return None
        if (await self._day_rows(self.runner, day)).race:
            return RunType.RACE
        run = run_on(self.runner, day)
        return run if run in (RunType.LONG, RunType.RACE) else None

    async def stored_from(self, source: Source) -> bool:
        """Whether this message (an edit of it, a redelivery) already stored something."""
        return await any_entry_from_source(self.db, self.runner.id, source.key) is not None

    async def logged_lifts(self, workout: WorkoutSession) -> set[str]:
        return {entry.exercise for entry in await self._entries(workout)}

    async def lifts_to_pick(self, workout: WorkoutSession) -> list[tuple[Exercise, bool]]:
        """The session's lifts, each with whether it is logged already."""
        logged = await self.logged_lifts(workout)
        return [(EXERCISES[x.exercise], x.exercise in logged) for x in workout.prescription.lifts]

    def needs_checkin(self, workout: WorkoutSession) -> bool:
        """The check-in is asked once a session."""
        return workout.prescription.checkin is None

    def prescribed_weight(self, workout: WorkoutSession, exercise: Exercise) -> float | None:
        """Today's prescribed weight for `exercise`, in the kit's units (None: none given)."""
        planned = workout.prescription.lift(exercise.key)
        if planned is None or planned.weight_kg is None:
            return None
        return kit_for(self.runner).from_kg(exercise, planned.weight_kg)

    async def needs_calibration(self, workout: WorkoutSession, exercise: Exercise) -> bool:
        state = await self.db.get(LiftState, (self.runner.id, exercise.key))
        no_weight = state is None or state.working_weight_kg is None
        return no_weight and self.prescribed_weight(workout, exercise) is None

    async def calibration_start(self, exercise: Exercise) -> float:
        return await self.services.profile.calibration_start(exercise)

    async def last_weight(self, exercise: Exercise) -> float | None:
        """The last weight logged for this lift, in the runner's units."""
        sets = (await self._lift(self.runner, exercise.key)).sets
        if not sets:
            return None
        last = sets[-1][1]
        return convert(last.weight, Unit(last.unit), unit_of(self.runner))

    async def implausible(
        self, workout: WorkoutSession, exercise: Exercise, sets: Sequence[SetEntry]
    ) -> tuple[float, float, bool] | None:
        """The heaviest set, the reference weight (both in the runner's units) and whether the
        reference was lifted (else it is today's prescription), when the heaviest is more than
        double it (likely a typo); judged after converting a weight typed in the other unit
        (135 lb by a kilogram runner is 61.2 kg)."""
        unit = unit_of(self.runner)
        last = await self.last_weight(exercise)
        reference = last or self.prescribed_weight(workout, exercise)
        weights = [convert(s.weight, s.unit, unit) for s in sets]
        jump = implausible_jump(weights, reference)
        return (max(weights), reference, bool(last)) if jump else None

    def lightest_load(self, exercise: Exercise) -> float:
        """The lightest weight the runner's kit can put on this lift (the empty bar, the
        lightest dumbbell), in their units: a number under it cannot be a load."""
        return kit_for(self.runner).loadable(exercise)[0]

    def calibration_set(
        self, exercise: Exercise, draft: LogDraft, reps: int, rir: int
    ) -> tuple[LogDraft, CalibrationStep]:
        """One calibration set reported: the draft with it, and the next set or the answer."""
        kit = kit_for(self.runner)
        weight, step = draft.calibration_weight, draft.calibration_step
        sets = (*draft.sets, SetEntry(weight, reps, kit.unit))
        result = calibration_next(exercise, kit, weight, reps, rir, step - 1)
        return draft.calibrating(exercise.key, sets, result.weight, step + 1), result

    def as_prescribed(self, workout: WorkoutSession, exercise: Exercise) -> list[SetEntry]:
        """Every prescribed set at the prescribed weight (empty when nothing was prescribed)."""
        planned = workout.prescription.lift(exercise.key)
        weight = self.prescribed_weight(workout, exercise)
        if planned is None or weight is None:
            return []
        return [SetEntry(weight, planned.reps, unit_of(self.runner))] * planned.sets

    async def record_exercise(
        self,
        workout: WorkoutSession,
        exercise: Exercise,
        sets: Sequence[SetEntry],
        rir: int | None,
        source: Source,
        calibrated: tuple[float, Reason] | None = None,
    ) -> Logged:
        """Store one exercise's sets and move its lift state on; the same update stores once."""
        user = self.runner
        lift = await self._lift(user, exercise.key)  # its state, history and where each came from
        if any(key == source.key for key, _ in lift.sets):
            duplicate = await entry_from_source(self.db, user.id, source.key, exercise.key)
            done = await self.logged_exercise(duplicate)
            return Logged(done, None, [], True, workout.status == "done")
        unit, kit = unit_of(user), kit_for(user)
        in_unit = _in_unit(sets, rir, unit)
        state = lift.state
        previous = _snapshot(state)
        if state is None:
            state = LiftState(user_id=user.id, exercise=exercise.key, short_sessions_in_a_row=0)
            self.db.add(state)
            lift.state = state
        decision, shown = None, None
        if calibrated is not None:
            _move_on(state, to_kg(calibrated[0], kit.unit), calibrated[1], workout)
            change = ""
        elif _behind(state, workout):  # the lift has moved on since that day: it stays
            change, shown = "", Reason(ReasonCode.LOGGED_EARLIER)
        else:
            decision = _decide(user, workout, exercise, state, in_unit)
            change = decision.change.value
            _apply(state, decision, workout, kit.unit)
        reason = state.reason
        entry = ExerciseEntry(
            session_id=workout.id, user_id=user.id, exercise=exercise.key, rir=rir,
            calibration=calibrated is not None, chat_id=source.chat_id,
            source_key=source.key, source_message_id=source.message_id,
            previous_state=previous, next_weight_kg=state.working_weight_kg, change=change,
        )  # fmt: skip
        entry.reason = reason
        self.db.add(entry)
        await self.db.flush()
        await self._add_sets(entry, workout, user, sets, rir, source)
        records = [] if calibrated is not None else await self._records_of(user, entry, workout)
        finished = await self._finish_if_complete(workout)
        weight = state.working_weight_kg
        next_weight = None if weight is None else kit.from_kg(exercise, weight)
        done = LoggedExercise(exercise, tuple(sets), rir, next_weight, shown or reason, entry.id)
        return Logged(done, decision, records, False, finished)

    async def _records_of(
        self, user: User, entry: ExerciseEntry, workout: WorkoutSession
    ) -> list[Record]:
        """The records this log set, judged against what came before its day by the one
        history (`services.progress.records_in`), from the lift's sets this update already
        read: no statement of its own."""
        lift, day = await self._lift(user, entry.exercise), workout.local_date
        rows = sorted(
            (
                SetRow(logged_day, "", row.entry_id, row.exercise, row.set_number, row.weight,
                       row.unit, row.reps, row.rir if row.rir is not None else entry_rir, row.rir)
                for _, row in lift.sets
                for logged_day, entry_rir in [lift.logs[row.entry_id]]
                if logged_day <= day
            ),
            key=lambda r: (r.day, r.entry_id, r.set_number),
        )  # fmt: skip
        _, found = records_in(rows, unit_of(user), since=day)
        return [new.record for new in found if new.entry_id == entry.id]

    async def _add_sets(
        self,
        entry: ExerciseEntry,
        workout: WorkoutSession,
        user: User,
        sets: Sequence[SetEntry],
        rir: int | None,
        source: Source,
    ) -> None:
        """The sets in one statement (an executemany), and in what this unit of work read."""
        rows = [
            dict(entry_id=entry.id, session_id=workout.id, user_id=user.id,
                 exercise=entry.exercise, set_number=number, weight=s.weight,
                 unit=s.unit.value, reps=s.reps, rir=rir if number == len(sets) else None,
                 chat_id=source.chat_id, source_message_id=source.message_id)
            for number, s in enumerate(sets, start=1)
        ]  # fmt: skip
        # The table, not the ORM class: the ORM splits rows whose None values differ.
        await self.db.execute(insert(LoggedSetRow.__table__), rows)
        written = [LoggedSetRow(**row) for row in rows]  # not in the session: read-only copies
        if (logged := self._logged.get(workout.id)) is not None:
            logged.entries.append(entry)
            logged.sets[entry.id] = written
        if (lift := self._lifts.get((user.id, entry.exercise))) is not None:
            lift.sets.extend((source.key, row) for row in written)
            lift.logs[entry.id] = (workout.local_date, rir)

    async def _finish_if_complete(self, workout: WorkoutSession) -> bool:
        planned = {lift.exercise for lift in workout.prescription.lifts}
        if workout.status == "done" or not planned:  # nothing prescribed: /done finishes it
            return workout.status == "done"
        if not planned <= await self.logged_lifts(workout):
            return workout.status == "done"
        await self.finish(workout)
        return True

    async def finish(self, workout: WorkoutSession) -> bool:
        """Mark the session done and move the programme on; False if nothing was logged."""
        user = self.runner
        entries = await self._entries(workout)
        if not entries:
            return False
        if workout.status == "done":
            return True
        workout.status = "done"
        workout.completed_at = self.now
        self._count_finished(user, +1)
        user.sessions_in_block += 1
        deloaded = any(entry.change == Change.DOWN.value for entry in entries)
        user.sessions_since_deload = 0 if deloaded else user.sessions_since_deload + 1
        if user.moved_to == workout.local_date:
            user.moved_from = user.moved_to = None
            self.services.reminders.invalidate_plan(user)  # re-plan without the move
        return True

    async def summary(self, workout: WorkoutSession) -> SessionSummary:
        entries = await self._entries(workout)
        done = [await self.logged_exercise(entry) for entry in entries]
        logged = {entry.exercise for entry in entries}
        left_out = tuple(
            EXERCISES[x.exercise] for x in workout.prescription.lifts if x.exercise not in logged
        )
        return SessionSummary(workout.session_name, workout.local_date, done, left_out)

    async def logged_exercise(self, entry: ExerciseEntry) -> LoggedExercise:
        exercise = EXERCISES[entry.exercise]
        sets = tuple(SetEntry(s.weight, s.reps, Unit(s.unit)) for s in await self._set_rows(entry))
        weight = None
        if entry.next_weight_kg is not None:
            weight = kit_for(self.runner).from_kg(exercise, entry.next_weight_kg)
        return LoggedExercise(exercise, sets, entry.rir, weight, entry.reason, entry.id)

    # --- corrections: /undo and /history's edit and delete -----------------------------------

    async def last_logged(self) -> tuple[ExerciseEntry, date] | None:
        """The runner's last logged exercise and its session's day (for /undo)."""
        entry = await last_entry(self.db, self.runner.id)
        return None if entry is None else (entry, await self.entry_day(entry))

    async def entry(self, entry_id: int) -> ExerciseEntry | None:
        """One of the runner's logged exercises (None: gone, or someone else's)."""
        entry = await self.db.get(ExerciseEntry, entry_id)
        return entry if entry is not None and entry.user_id == self.runner.id else None

    async def entry_day(self, entry: ExerciseEntry) -> date:
        return (await self.db.get(WorkoutSession, entry.session_id)).local_date

    async def correct_set(self, entry: ExerciseEntry, number: int, text: str) -> Correction | None:
        """Set `number` of a logged exercise was something else, as the runner typed it again
        (read by the one grammar: reps alone keep the set's weight): store it, and work the
        lift's loads out again from there on. None when the exercise has no such set; raises
        InputError unless the text is exactly one set."""
        rows = await sets_of(self.db, entry.id)
        if not 1 <= number <= len(rows):
            return None
        unit, row = unit_of(self.runner), rows[number - 1]
        kept = row.weight if row.unit == unit.value else None
        lightest = self.lightest_load(EXERCISES[entry.exercise])
        sets, rir = parse_logged_sets(text, unit, kept, lightest)
        if len(sets) != 1:
            raise InputError("one set")
        row.weight, row.unit, row.reps = sets[0].weight, sets[0].unit.value, sets[0].reps
        if rir is not None or number < len(rows):  # only the last set's reserve is judged
            row.rir = rir
        if number == len(rows):
            entry.rir = row.rir
        await self.db.flush()
        self._forget()
        if _imported(entry):
            return Correction(await self.logged_exercise(entry), False, history_only=True)
        recomputed = await self._replay(entry, keep_start=True)
        await self.follow_changes_today()
        return Correction(await self.logged_exercise(entry), recomputed)

    async def delete_logged(self, entry: ExerciseEntry, undo: bool = False) -> Correction:
        """Remove a logged exercise and work the lift's loads out again without it. Its
        session reopens when nothing is left in it, or for /undo when it is today's (the
        runner logs it again)."""
        removed = await self.logged_exercise(entry)
        if _imported(entry):  # history only: no lift state to work out, no session to reopen
            await delete_entry(self.db, entry)
            return Correction(removed, False, history_only=True)
        recomputed = await self._replay(entry, keep_start=False)
        workout = await self.db.get(WorkoutSession, entry.session_id)
        entries = await self._entries(workout)
        deloaded = any(e.change == Change.DOWN.value for e in entries)  # as `finish` saw it
        empty = all(e.id == entry.id for e in entries)  # nothing left once it goes
        await delete_entry(self.db, entry)
        self._forget()
        if workout.status == "done" and (empty or (undo and workout.local_date == self.today())):
            self._reopen(workout, deloaded)
        await self.follow_changes_today()
        return Correction(removed, recomputed)

    def _reopen(self, workout: WorkoutSession, deloaded: bool) -> None:
        """A finished session open again: the counts `finish` moved on go back (a deload's
        reset of sessions since the last deload cannot be undone: the count before it is not
        kept, so it stays at 0, which only delays the next block offer)."""
        user = self.runner
        workout.status, workout.completed_at = "open", None
        self._count_finished(user, -1)
        if workout.block == user.block:
            user.sessions_in_block = max(0, user.sessions_in_block - 1)
        if not deloaded:
            user.sessions_since_deload = max(0, user.sessions_since_deload - 1)

    async def _replay(self, start: ExerciseEntry, keep_start: bool) -> bool:
        """The lift's state as it was before `start`, then every later log of the lift (and
        `start` itself if kept) judged again, in the order they were logged, each against
        what its own day prescribed. Only when logs alone moved the lift since `start`: after
        a block switch or a new starting load, replaying would undo that change, so the state
        stays as it is (False)."""
        user, key = self.runner, start.exercise
        chain = await entries_since(self.db, user.id, key, start.id)
        state = await self.db.get(LiftState, (user.id, key))
        if not _moved_by_logs_alone(chain, state):
            return False
        entries = chain if keep_start else chain[1:]
        if start.previous_state is None and not entries:
            if state is not None:
                await self.db.delete(state)  # the lift was never logged before: no state
            return True
        if state is None:
            state = LiftState(user_id=user.id, exercise=key)
            self.db.add(state)
        _restore(state, start.previous_state or {})
        fresh = start.previous_state is None  # no state before the first log that is left
        for entry in entries:
            entry.previous_state = None if fresh else _snapshot(state)
            fresh = False
            workout = await self.db.get(WorkoutSession, entry.session_id)
            if entry.calibration:  # found set by set: its answer stands
                _move_on(state, entry.next_weight_kg, entry.reason, workout)
                continue
            await self._judge_again(entry, workout, state)
        return True

    async def _judge_again(
        self, entry: ExerciseEntry, workout: WorkoutSession, state: LiftState
    ) -> None:
        if _behind(state, workout):  # as when it was logged: the lift had moved on since
            entry.next_weight_kg, entry.change = state.working_weight_kg, ""
            entry.reason = state.reason
            return
        user, unit = self.runner, unit_of(self.runner)
        rows = await sets_of(self.db, entry.id)
        sets = [SetEntry(r.weight, r.reps, Unit(r.unit)) for r in rows]
        decision = _decide(user, workout, EXERCISES[entry.exercise], state,
                           _in_unit(sets, entry.rir, unit))  # fmt: skip
        _apply(state, decision, workout, kit_for(user).unit)
        entry.next_weight_kg, entry.change = state.working_weight_kg, decision.change.value
        entry.reason = decision.reason

    # --- who is due (groups), and the reserve a group button leaves to ask -----------------

    async def due_session(self, day: date, user: User) -> Session | None:
        """The session `user` still has to lift on `day` by their own plan, as their reminder
        and /today see it; None on a day off, while paused, in race week, or once done."""
        if paused_on(user, day) or not is_lift_day(user, day):
            return None
        session = await self.planned_session(day, user)
        return None if session is None or session.no_lifting else session

    async def lifting_days(self, user: User, start: date, end: date) -> list[date]:
        """The days from `start` to `end` on which the runner's plan asked for a session:
        their lift days, less race weeks (nothing to lift) and days paused."""
        races = await self.races(user)
        return [
            day
            for day in lift_dates_between(user, start, end)
            if not paused_on(user, day) and race_advice(day, races).phase is not Phase.NO_LIFTING
        ]

    async def reserve_unknown(self, day: date) -> list[ExerciseEntry]:
        """The runner's logs of `day` stored without reps in reserve (from a group's "done as
        prescribed" button): their loads hold until the reserve is known."""
        workout = await session_on(self.db, self.runner.id, day)
        if workout is None:
            return []
        entries = await self._entries(workout)
        return [e for e in entries if e.rir is None and not e.calibration]

    async def answer_reserve(self, day: date, rir: int) -> WorkoutSession | None:
        """The reserve of `day`'s logs that had none: stored on each last set, and each lift's
        loads worked out again from there (as a correction is). None: nothing was waiting."""
        entries = await self.reserve_unknown(day)
        for entry in entries:
            entry.rir = rir
            rows = await sets_of(self.db, entry.id)
            rows[-1].rir = rir
            await self.db.flush()
            await self._replay(entry, keep_start=True)
        if not entries:
            return None
        await self.follow_changes_today()
        return await self.db.get(WorkoutSession, entries[0].session_id)


def session_from(
    user: User,
    day: date,
    completed: int,
    states: dict[str, LiftState],
    races: list[tuple[date, Distance]],
    swaps: dict[str, str] | None = None,
) -> Session:
    """The session of `day` from the runner's state as read (one runner's, or a batch's for
    the reminder tick), via coaching."""
    statuses = {key: status_of(user, state) for key, state in states.items()}
    plan = plan_for(user, completed, swaps)
    return build_session(plan, statuses, kit_for(user), day, races, lift_days_of(user).days)


def given_session(stored: WorkoutSession, user: User) -> Session | None:
    """A stored session as it was given; None once done."""
    return None if stored.status == "done" else stored.prescription.session(kit_for(user))


def _moved_by_logs_alone(chain: Sequence[ExerciseEntry], state: LiftState | None) -> bool:
    """Whether each log of `chain` took the lift from where the one before left it, and the
    lift is where the last one left it (nothing else, such as a block switch, moved it)."""
    for before, after in pairwise(chain):
        was = after.previous_state or {}
        if (was.get("working_weight_kg"), was.get("reason_code")) != _left_at(before):
            return False
    now = (None, None) if state is None else (state.working_weight_kg, state.reason_code)
    return now == _left_at(chain[-1])


def _imported(entry: ExerciseEntry) -> bool:
    """An exercise brought in by /import (history only: it never moved a working weight)."""
    return entry.source_key.startswith(IMPORT_KEY)


def _left_at(entry: ExerciseEntry) -> tuple[float | None, str | None]:
    return entry.next_weight_kg, entry.reason_code


def _in_unit(sets: Sequence[SetEntry], rir: int | None, unit: Unit) -> list[LoggedSet]:
    """Sets in the runner's units, the last with its reps in reserve (as progression reads)."""
    converted = [LoggedSet(convert(s.weight, s.unit, unit), s.reps) for s in sets]
    converted[-1] = LoggedSet(converted[-1].weight, converted[-1].reps, rir)
    return converted


def _behind(state: LiftState, workout: WorkoutSession) -> bool:
    """A log for a day before the lift's last one (remembered late): the lift has moved on
    since, so that day's sets are kept but do not set the next load."""
    return state.last_done is not None and workout.local_date < state.last_done


def _apply(state: LiftState, decision: Decision, workout: WorkoutSession, unit: Unit) -> None:
    """The lift after a judged log (`decision` in the kit's `unit`): its next weight and reps,
    and the misses counted."""
    state.short_sessions_in_a_row = decision.short_sessions_in_a_row
    state.reps = decision.reps if decision.reps < _block_of(workout).reps else None
    _move_on(state, to_kg(decision.weight, unit), decision.reason, workout)


def _move_on(
    state: LiftState, weight_kg: float | None, reason: Reason | None, workout: WorkoutSession
) -> None:
    state.working_weight_kg, state.reason = weight_kg, reason
    state.last_done = workout.local_date


def _snapshot(state: LiftState | None) -> dict | None:
    """The lift state before a log, kept with the entry so /undo can put it back."""
    if state is None:
        return None
    return {
        "working_weight_kg": state.working_weight_kg,
        "reason_code": state.reason_code,
        "reason_values": state.reason_values,
        "short_sessions_in_a_row": state.short_sessions_in_a_row,
        "last_done": state.last_done.isoformat() if state.last_done else None,
        "reps": state.reps,
    }


def _restore(state: LiftState, snapshot: dict) -> None:
    """Put a snapshot back (one from the first release has a text reason: it is dropped)."""
    state.working_weight_kg = snapshot.get("working_weight_kg")
    state.reason_code = snapshot.get("reason_code")
    state.reason_values = snapshot.get("reason_values")
    state.short_sessions_in_a_row = snapshot.get("short_sessions_in_a_row") or 0
    last_done = snapshot.get("last_done")
    state.last_done = date.fromisoformat(last_done) if last_done else None
    state.reps = snapshot.get("reps")


def _block_of(workout: WorkoutSession) -> Block:
    return BLOCKS_BY_KEY.get(workout.block, BLOCKS[0])


def _decide(
    user: User, workout: WorkoutSession, exercise: Exercise, state: LiftState, sets: list
) -> Decision:
    """Judge the sets against what was prescribed that day (a trimmed day as trimmed)."""
    kit, block = kit_for(user), _block_of(workout)
    planned = workout.prescription.lift(exercise.key)
    if planned is not None and planned.weight_kg is not None:
        working = None if planned.working_kg is None else kit.from_kg(exercise, planned.working_kg)
        target = Target(kit.from_kg(exercise, planned.weight_kg), planned.sets, planned.reps,
                        block, working, planned.may_add)  # fmt: skip
    elif state.working_weight_kg is not None:
        # Nothing prescribed for it today (a race week, an extra lift): judged against the
        # working weight; a day with nothing prescribed at all never adds weight.
        reps, may_add = block.reps_for(state.reps), bool(workout.prescription.lifts)
        target = Target(kit.from_kg(exercise, state.working_weight_kg), block.sets, reps, block,
                        may_add=may_add)  # fmt: skip
    else:  # a lift with no history: what was done is the reference
        target = Target(kit.round(exercise, sets[-1].weight), len(sets), block.reps, block)
    return progress(exercise, target, sets, kit, state.short_sessions_in_a_row)


CALIBRATED = Reason(ReasonCode.CALIBRATED)
