"""/export and /import: every logged set and the profile out; a history file back in.

Importing adds history only. Sets are grouped by day and lift; a day and lift that already
has anything logged (by /log, or by an earlier import) is skipped whole, so importing the same
file twice, or a RunLift export into the account it came from, adds nothing. A day that has a
programme session (planned, lifted, missed or skipped) is skipped whole and reported: imported
sets in it would turn a missed session into a lifted one, or be judged as that day's
programme. Imported days before today only (today and later are for /log). An imported
session is marked `imported`: it shows in /history and counts for records and e1RM trends, but
it does not move the programme's A/B order, never changes a working weight (no lift state is
read or written: the runner's progression stands where it is) and is not what /undo removes,
nor a later log when a correction works the loads out again.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from coaching import Prescription, SessionName, Unit
from coaching.history_csv import HistorySet, ParsedHistory, parse_history
from models import ExerciseEntry, WorkoutSession
from models import LoggedSet as LoggedSetRow
from models.history import logged_days, weigh_ins
from models.progress import logged_sets
from models.queries import lift_states, races_of, run_week
from models.training_queries import IMPORT_KEY, session_kinds, session_on
from services.base import Area
from services.runners import kit_for, unit_of

IMPORT_WAITS = timedelta(hours=1)  # /import without a file: the next document within this


@dataclass(frozen=True)
class ExportedSet:
    day: date
    session: str  # "A", "B", or "" for imported history without a letter
    exercise: str  # catalogue key
    set_number: int
    weight: float
    unit: Unit
    reps: int
    rir: int | None  # as logged on the set (/log puts a line's reserve on its last set)
    reserve: int | None = None  # the set's reserve for its e1RM: its own, else its log's


@dataclass(frozen=True)
class Account:
    """What the JSON export holds besides the sets (weights in kg, as stored)."""

    profile: dict
    run_week: dict[int, str]  # Monday = 0; rest days absent
    working_weights: list[dict]
    races: list[tuple[date, str]]
    bodyweight: list[tuple[date, float]]


@dataclass
class Imported:
    """What an import did: sets and days added, and what it left out (and why)."""

    sets: int = 0
    days: int = 0
    already: int = 0  # sets of a day and lift already logged
    programme_day: int = 0  # sets of a day with a programme session (not imported history)
    not_past: int = 0  # sets dated today or later
    skipped: Counter = field(default_factory=Counter)  # coaching.history_csv.Skip -> rows
    unknown: Counter = field(default_factory=Counter)  # exercise name -> rows


class Exports(Area):
    async def history(self) -> list[ExportedSet]:
        rows = await logged_sets(self.db, self.runner.id)
        return [ExportedSet(r.day, r.session, r.exercise, r.set_number, r.weight, Unit(r.unit),
                            r.reps, r.own_rir, r.rir) for r in rows]  # fmt: skip

    async def account(self) -> Account:
        user = self.runner
        states = await lift_states(self.db, user.id)
        races = await races_of(self.db, user.id)
        return Account(
            profile=self._profile(),
            run_week=run_week(user),
            working_weights=[
                {"lift": key, "weight_kg": s.working_weight_kg, "reps": s.reps}
                for key, s in sorted(states.items())
            ],
            races=[(row.race_date, row.distance) for row in races],
            bodyweight=[(w.entry_date, w.weight_kg) for w in await weigh_ins(self.db, user.id)],
        )

    def _profile(self) -> dict:
        user, kit = self.runner, kit_for(self.runner)
        return {
            "first_name": user.first_name,
            "units": unit_of(user).value,
            "timezone": user.timezone,
            "reminder_time": user.reminder_time,
            "equipment": user.equipment,
            "kit": {"bar": kit.bar, "plates": list(kit.plates), "dumbbells": list(kit.dumbbells)},
            "block": user.block,
            "swaps": dict(user.swaps or {}),
            "paused_until": user.paused_until,
            "heads_up": user.heads_up,
            "weekly_summary": {
                "on": user.weekly_summary,
                "weekday": user.summary_day,
                "time": user.summary_time,
            },
        }

    # --- /import -------------------------------------------------------------------------------

    def ask_for_file(self) -> None:
        """/import without a file: the next document is the one (for a while)."""
        self.runner.import_asked_at = self.now

    def file_expected(self) -> bool:
        asked = self.runner.import_asked_at
        return asked is not None and self.now - asked <= IMPORT_WAITS

    async def import_file(self, data: bytes) -> Imported:
        """Read a history file and add what is missing; raises HistoryFileError."""
        self.runner.import_asked_at = None
        parsed = parse_history(data, unit_of(self.runner))
        return await self._add(parsed)

    async def _add(self, parsed: ParsedHistory) -> Imported:
        user, today = self.runner, self.today()
        result = Imported(skipped=parsed.skipped, unknown=parsed.unknown)
        groups: dict[tuple[date, str], list[HistorySet]] = {}
        for s in parsed.sets:
            if s.day >= today:
                result.not_past += 1
            else:
                groups.setdefault((s.day, s.exercise), []).append(s)
        logged = await logged_days(self.db, user.id)
        kinds = await session_kinds(self.db, user.id)
        sessions: dict[date, WorkoutSession] = {}
        for (day, exercise), sets in groups.items():
            if exercise in logged.get(day, set()):
                result.already += len(sets)
                continue
            if kinds.get(day) is False:
                result.programme_day += len(sets)
                continue
            workout = sessions.get(day) or await self._session(day, sets[0].session, day in kinds)
            sessions[day] = workout
            await self._entry(workout, exercise, sets)
            result.sets += len(sets)
        result.days = len(sessions)
        return result

    async def _session(self, day: date, letter: str, exists: bool) -> WorkoutSession:
        """The day's imported session: the stored one, else a new one."""
        if exists:
            return await session_on(self.db, self.runner.id, day)
        name = SessionName(letter) if letter else SessionName.A
        workout = WorkoutSession(
            user_id=self.runner.id, session_name=letter, block=self.runner.block, local_date=day,
            status="done", imported=True,
            prescription=Prescription(name, self.runner.block, ()),
        )  # fmt: skip
        self.db.add(workout)
        await self.db.flush()
        return workout

    async def _entry(self, workout: WorkoutSession, exercise: str, sets: list[HistorySet]) -> None:
        user = self.runner
        chat = user.private_chat_id or user.id
        entry = ExerciseEntry(
            session_id=workout.id, user_id=user.id, exercise=exercise, rir=sets[-1].rir,
            calibration=False, chat_id=chat, source_key=f"{IMPORT_KEY}{workout.local_date}",
            previous_state=None, next_weight_kg=None, change="",
        )  # fmt: skip
        self.db.add(entry)
        await self.db.flush()
        for number, s in enumerate(sets, start=1):
            self.db.add(
                LoggedSetRow(
                    entry_id=entry.id, session_id=workout.id, user_id=user.id, exercise=exercise,
                    set_number=number, weight=s.weight, unit=s.unit.value, reps=s.reps,
                    rir=s.rir, chat_id=chat,
                )
            )  # fmt: skip
