"""A runner's profile: set-up answers, starting loads, pauses, races, and deleting it all."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from coaching import (
    EXERCISES,
    Distance,
    Equipment,
    Exercise,
    InputError,
    Kit,
    LiftDays,
    Reason,
    ReasonCode,
    RunType,
    Unit,
    calibration_start,
    convert,
    to_kg,
)
from coaching.calibration import starting_load
from coaching.parsing import parse_kit, parse_recent_set, parse_run_days, parse_time
from coaching.programme import Block
from coaching.timezones import resolve_timezone
from models import Race
from models.queries import (
    delete_user_data,
    latest_bodyweight_kg,
    lift_states,
    race_on,
    races_of,
    run_week,
    set_lift_state,
    set_run_week,
)
from services.base import Area
from services.runners import (
    kit_for,
    lift_days_of,
    missing_lifts,
    paused_on,
    programme_lifts,
    unit_of,
    week_of,
)


class Step(StrEnum):
    """The set-up steps, in order; also the /settings parts and the conversation's states."""

    UNITS = "units"
    TIMEZONE = "timezone"
    WEEK = "week"
    REMIND = "remind"
    EQUIPMENT = "equipment"
    LOADS = "loads"


class Problem(StrEnum):
    """What was wrong with an answer (render/ says what was expected)."""

    UNITS = "units"
    TIMEZONE = "timezone"
    WEEK = "week"
    TIME = "time"
    EQUIPMENT = "equipment"
    LOAD = "load"
    LONG_SET = "long_set"
    KIT = "kit"  # `typed` names the part whose values could not be read (or "kit")


@dataclass(frozen=True)
class Refusal:
    problem: Problem
    typed: str = ""  # the part that could not be read, echoed (escaped) in the reply
    suggestions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ProfileView:
    """Everything /settings shows."""

    unit: Unit
    timezone: str | None
    reminder_time: str | None
    equipment: str | None
    week: dict[int, RunType]
    lift_days: LiftDays
    loads: list[tuple[Exercise, float | None]]  # kit units; None: calibrate
    unset: list[Exercise]  # lifts of this equipment with neither a weight nor calibrate
    block: Block
    today: date
    paused: bool  # reminders paused (until `paused_until`, or until /resume when None)
    paused_until: date | None
    heads_up: bool
    races: list[RaceEntry]
    swaps: list[tuple[Exercise, Exercise]]  # (programme lift, the runner's choice) from now on


@dataclass(frozen=True)
class RaceEntry:
    id: int
    day: date
    distance: str


@dataclass(frozen=True)
class RaceAdded:
    day: date
    distance: str
    already: bool = False  # the same race was there: nothing changed
    was: str | None = None  # a race on that day had this distance: now the new one


UNIT_WORDS = {"kg": "kg", "kgs": "kg", "kilograms": "kg", "lb": "lb", "lbs": "lb", "pounds": "lb"}
EQUIPMENT_WORDS = {
    "gym": "gym", "full gym": "gym", "barbell": "barbell", "home": "barbell",
    "barbell at home": "barbell", "dumbbells": "dumbbells", "dumbbell": "dumbbells",
    "db": "dumbbells", "dumbbells only": "dumbbells",
}  # fmt: skip
_WEEK_CYCLE = (RunType.REST, RunType.EASY, RunType.QUALITY, RunType.LONG, RunType.RACE)
MAX_PAUSE_WEEKS = 52


class Profile(Area):
    # --- set-up answers -----------------------------------------------------------------------

    def answer(self, step: Step, text: str, only_days_typed: bool = False) -> Refusal | None:
        """Store the answer to `step`; or say what was wrong with it. `only_days_typed`: a week
        typed in the week editor changes the days typed and keeps the others (tapped ones
        too); otherwise (/rundays) it is the whole week, unlisted days rest."""
        refusal = self._apply(step, text, only_days_typed)
        if refusal is None and step in (Step.TIMEZONE, Step.WEEK, Step.REMIND):
            self.services.reminders.invalidate_plan(self.runner)
        return refusal

    def _apply(self, step: Step, text: str, only_days_typed: bool) -> Refusal | None:
        user, words = self.runner, " ".join(text.lower().split())
        if step is Step.UNITS:
            if words not in UNIT_WORDS:
                return Refusal(Problem.UNITS)
            if UNIT_WORDS[words] != unit_of(user) and self.has_own_kit():
                # Plates and dumbbells are made in one unit: 20 kg plates are not 44.09 lb
                # plates anyone sells. A runner who changes units has usually changed gym, so
                # the kit goes back to the new unit's defaults (and the reply says so).
                user.bar_weight, user.plates, user.dumbbells = None, None, None
                self.kit_was_reset = True
            user.units = UNIT_WORDS[words]
        elif step is Step.TIMEZONE:
            zone, suggestions = resolve_timezone(text)
            if zone is None:
                return Refusal(Problem.TIMEZONE, text, suggestions)
            user.timezone = zone
        elif step is Step.WEEK:
            try:
                typed = parse_run_days(text)
            except InputError as error:
                return Refusal(Problem.WEEK, str(error))
            set_run_week(user, {**run_week(user), **typed} if only_days_typed else typed)
            user.week_confirmed = True
        elif step is Step.REMIND:
            try:
                user.reminder_time = parse_time(text).strftime("%H:%M")
            except InputError:
                return Refusal(Problem.TIME)
        elif step is Step.EQUIPMENT:
            if words not in EQUIPMENT_WORDS:
                return Refusal(Problem.EQUIPMENT)
            user.equipment = EQUIPMENT_WORDS[words]
        return None

    def cycle_day(self, weekday: int) -> dict[int, str]:
        """A weekday tapped in the week editor: rest → easy → quality → long → race → rest."""
        week = run_week(self.runner)
        current = RunType(week.get(weekday, RunType.REST))
        position = _WEEK_CYCLE.index(current) if current in _WEEK_CYCLE else -1
        week[weekday] = _WEEK_CYCLE[(position + 1) % len(_WEEK_CYCLE)].value
        set_run_week(self.runner, week)
        return week

    def confirm_week(self) -> None:
        self.runner.week_confirmed = True
        self.services.reminders.invalidate_plan(self.runner)

    def first_unanswered(self, answered: Step | None = None) -> Step:
        """Where a runner who has not finished set-up carries on: the first step not answered."""
        user = self.runner
        done = {
            Step.UNITS: user.units is not None,
            Step.TIMEZONE: user.timezone is not None,
            Step.WEEK: user.week_confirmed,
            Step.REMIND: user.reminder_time is not None,
            Step.EQUIPMENT: user.equipment is not None,
        }
        return next((step for step, ok in done.items() if not ok and step != answered), Step.LOADS)

    def finish_setup(self) -> bool:
        """Mark the runner as set up; True the first time."""
        first = not self.runner.onboarded
        self.runner.onboarded = True
        self.services.reminders.invalidate_plan(self.runner)
        return first

    def week(self) -> dict[int, str]:
        return run_week(self.runner)

    def run_week(self) -> dict[int, RunType]:
        return week_of(self.runner)

    def lift_days(self) -> LiftDays:
        return lift_days_of(self.runner)

    def unit(self) -> Unit:
        return unit_of(self.runner)

    def kit(self) -> Kit:
        """The runner's bar, plates and dumbbells, in their units."""
        return kit_for(self.runner)

    # --- the runner's own kit ------------------------------------------------------------------

    kit_was_reset = False  # set when a change of units put the kit back to the defaults

    def has_own_kit(self) -> bool:
        user = self.runner
        return bool(user.bar_weight or user.plates or user.dumbbells)

    def own_kit_parts(self) -> frozenset[str]:
        """Which parts of the kit the runner set (the rest are the defaults for their units)."""
        user = self.runner
        given = {"bar": user.bar_weight, "plates": user.plates, "dumbbells": user.dumbbells}
        return frozenset(part for part, value in given.items() if value)

    def change_kit(self, text: str) -> Refusal | None:
        """`bar 15`, `plates 20 10 5 2.5`, `dumbbells 2-24 step 2` or `reset`, in the runner's
        units. Stored weights stay in kg, so every prescription is rounded to the new kit when
        shown (/today, reminders, the log buttons)."""
        user = self.runner
        try:
            change = parse_kit(text, unit_of(user))
        except InputError as error:
            return Refusal(Problem.KIT, str(error))
        if change.part == "reset":
            user.bar_weight, user.plates, user.dumbbells = None, None, None
        elif change.part == "bar":
            user.bar_weight = change.values[0]
        elif change.part == "plates":
            user.plates = list(change.values)
        else:
            user.dumbbells = list(change.values)
        return None

    async def view(self) -> ProfileView:
        user, today = self.runner, self.today()
        paused = paused_on(user, today)
        swaps = [(EXERCISES[old], EXERCISES[new]) for old, new in (user.swaps or {}).items()
                 if old in EXERCISES and new in EXERCISES]  # fmt: skip
        return ProfileView(
            unit_of(user), user.timezone, user.reminder_time, user.equipment,
            {d: RunType(r) for d, r in run_week(user).items()}, lift_days_of(user),
            await self.loads(), await self.missing_lifts(), self.services.training.block(),
            today, paused, user.paused_until if user.active and paused else None,
            bool(user.heads_up), await self.races(), swaps,
        )  # fmt: skip

    # --- starting loads ------------------------------------------------------------------------

    async def loads(self) -> list[tuple[Exercise, float | None]]:
        """Each programme lift with a starting weight (or None: calibrate), in session order."""
        states = await lift_states(self.db, self.runner.id)
        kit = kit_for(self.runner)
        return [
            (e, None if states[e.key].working_weight_kg is None
             else kit.from_kg(e, states[e.key].working_weight_kg))
            for e in programme_lifts(self.runner)
            if e.key in states
        ]  # fmt: skip

    async def missing_lifts(self) -> list[Exercise]:
        return missing_lifts(self.runner, await lift_states(self.db, self.runner.id))

    async def loads_progress(self) -> tuple[Exercise | None, int, int]:
        """The next lift without a starting load, its number and the total to ask (counting
        only the current equipment's lifts, not those kept from other equipment)."""
        states = await lift_states(self.db, self.runner.id)
        missing = missing_lifts(self.runner, states)
        total = len(programme_lifts(self.runner))
        if not missing:
            return None, total, total
        return missing[0], total - len(missing) + 1, total

    async def store_recent_set(self, exercise: Exercise, text: str) -> Refusal | Reason:
        """A typed recent set (`60x8 rir2`) becomes this lift's starting weight; the reason
        says where it came from (and whether the kit's lightest weight replaced it)."""
        kit = kit_for(self.runner)
        try:
            entry, rir = parse_recent_set(text, kit.unit, kit.loadable(exercise)[0])
            weight = convert(entry.weight, entry.unit, kit.unit)
            start = starting_load(exercise, kit, weight, entry.reps, rir)
        except InputError:
            return Refusal(Problem.LOAD)
        except ValueError:
            return Refusal(Problem.LONG_SET)
        state = await set_lift_state(
            self.db, self.runner.id, exercise.key, to_kg(start.weight, kit.unit)
        )
        state.reason = start.reason
        return start.reason

    async def calibration_start(self, exercise: Exercise) -> float:
        """The first calibration set for this lift (kit units), from the latest bodyweight."""
        bodyweight = await latest_bodyweight_kg(self.db, self.runner.id)
        return calibration_start(exercise, kit_for(self.runner), bodyweight)

    async def calibrate(self, exercises: list[Exercise]) -> None:
        """These lifts' working weights are found in the first session."""
        for exercise in exercises:
            state = await set_lift_state(self.db, self.runner.id, exercise.key, None)
            state.reason = Reason(ReasonCode.CALIBRATE)

    # --- reminders, races, data ----------------------------------------------------------------

    def pause(self, weeks: int | None) -> date | None:
        """Pause reminders until /resume (None) or for `weeks`; the last paused day."""
        user = self.runner
        if weeks is None:
            user.active, user.paused_until = False, None
        else:
            user.paused_until = self.today() + timedelta(weeks=weeks)
        self.services.reminders.invalidate_plan(user)
        return user.paused_until

    def resume(self) -> None:
        self.runner.active, self.runner.paused_until = True, None
        self.services.reminders.invalidate_plan(self.runner)

    def heads_up(self, on: bool) -> None:
        self.runner.heads_up = on
        self.services.reminders.invalidate_plan(self.runner)

    async def races(self) -> list[RaceEntry]:
        races = await races_of(self.db, self.runner.id)
        return [RaceEntry(r.id, r.race_date, r.distance) for r in races]

    async def add_race(self, day: date, distance: Distance) -> RaceAdded:
        """Add a race on `day` (the parser checked it is not in the past); one race a day, so
        a race on the day of another changes its distance. Today's session follows."""
        existing = await race_on(self.db, self.runner.id, day)
        if existing is not None and existing.distance == distance.value:
            return RaceAdded(day, distance.value, already=True)
        if existing is not None:
            was, existing.distance = existing.distance, distance.value
        else:
            was = None
            self.db.add(Race(user_id=self.runner.id, race_date=day, distance=distance.value))
        self.services.reminders.invalidate_plan(self.runner)
        await self.services.training.follow_changes_today()
        return RaceAdded(day, distance.value, was=was)

    async def remove_race(self, race_id: int) -> RaceEntry | None:
        row = await self.db.get(Race, race_id)
        if row is None or row.user_id != self.runner.id:
            return None
        await self.db.delete(row)
        self.services.reminders.invalidate_plan(self.runner)
        await self.services.training.follow_changes_today()
        return RaceEntry(row.id, row.race_date, row.distance)

    async def delete_everything(self) -> None:
        await delete_user_data(self.db, self.runner.id)
        self.services.runner = None

    def equipment(self) -> Equipment:
        return Equipment(self.runner.equipment or Equipment.GYM)
