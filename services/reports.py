"""Looking back and ahead: /history, /plan, a group's /board and the coach's /team."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from coaching import EXERCISES, Exercise, LiftDays, Session, Unit, convert
from coaching.adherence import best_e1rm, relative_progress, streak, two_missed_in_a_row
from models import Group, LiftState, User
from models.group_queries import members_of
from models.progress import (
    deloaded_since,
    done_dates,
    last_session_date,
    race_within,
    sets_between,
)
from models.training_queries import completed_sessions, recent_sessions, session_on
from services.base import Area
from services.runners import kit_for, lift_dates, lift_days_of, unit_of
from services.training import SessionSummary

HISTORY_PAGE = 5
MAIN_LIFTS = ("back_squat", "deadlift", "overhead_press", "goblet_squat", "one_arm_db_press")
BOARD_LIFTS = ("back_squat", "deadlift", "overhead_press")


@dataclass(frozen=True)
class HistoryPage:
    sessions: list[SessionSummary]
    offset: int
    more: bool


@dataclass(frozen=True)
class PlanDay:
    day: date
    session: Session
    done: bool


@dataclass(frozen=True)
class WeekPlan:
    lift_days: LiftDays
    days: list[PlanDay]


@dataclass(frozen=True)
class BoardLine:
    name: str
    onboarded: bool
    done: int = 0
    planned: int = 0
    streak: int = 0
    progress: float | None = None  # mean % change of the main lifts' e1RM over four weeks
    loads: tuple[tuple[Exercise, float], ...] = ()  # only for members who share
    unit: Unit = Unit.KG


@dataclass(frozen=True)
class Board:
    title: str
    monday: date
    lines: list[BoardLine]


class Flag(StrEnum):
    MISSED_TWICE = "missed_twice"
    DELOAD = "deload"
    RACE_SOON = "race_soon"


@dataclass(frozen=True)
class TeamLine:
    name: str
    onboarded: bool
    last: date | None = None
    done: int = 0
    planned: int = 0
    flags: tuple[Flag, ...] = ()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class Reports(Area):
    async def history(self, user_id: int, offset: int) -> HistoryPage:
        """Sessions with something logged, newest first, a page at a time."""
        sessions = await recent_sessions(self.db, user_id, offset, HISTORY_PAGE + 1)
        training = self.services.training
        summaries = [await training.summary(w) for w in sessions[:HISTORY_PAGE]]
        return HistoryPage(summaries, offset, len(sessions) > HISTORY_PAGE)

    async def week_plan(self) -> WeekPlan:
        """This week's lift days with each session (the A/B order carried forward)."""
        user, today = self.runner, self.today()
        completed = await completed_sessions(self.db, user.id)
        training = self.services.training
        days = []
        for day in lift_dates(user, today):
            workout = await session_on(self.db, user.id, day)
            if workout is not None:
                days.append(PlanDay(day, training.view(workout), workout.status == "done"))
                continue
            session = await training.session_for_day(day, completed)
            days.append(PlanDay(day, session, False))
            completed += 1 if day >= today and not session.no_lifting else 0
        return WeekPlan(lift_days_of(user), days)

    # --- groups -------------------------------------------------------------------------------

    async def weekly_adherence(self, user: User, today: date, weeks: int) -> list[tuple[int, int]]:
        """(sessions done, sessions planned) for each of the last `weeks` weeks, this one last."""
        first = monday_of(today) - timedelta(weeks=weeks - 1)
        done = await done_dates(self.db, user.id, first, first + timedelta(weeks=weeks))
        result = []
        for week in range(weeks):
            monday = first + timedelta(weeks=week)
            sunday = monday + timedelta(days=6)
            planned = len(lift_dates(user, monday))
            result.append((sum(1 for d in done if monday <= d <= sunday), planned))
        return result

    async def best_by_lift(self, user: User, start: date, end: date) -> dict[str, float | None]:
        """Each main lift's best RIR-adjusted e1RM from sets logged between two dates."""
        unit = unit_of(user)
        sets: dict[str, list[tuple[float, int, int | None]]] = {}
        for exercise, weight, set_unit, reps, rir in await sets_between(
            self.db, user.id, start, end
        ):
            sets.setdefault(exercise, []).append((convert(weight, Unit(set_unit), unit), reps, rir))
        return {lift: best_e1rm(sets.get(lift, [])) for lift in MAIN_LIFTS}

    async def board(self, group: Group, today: date) -> Board:
        """This week's adherence and 4-week progress; weights only for members who share."""
        lines = []
        for member, user in await members_of(self.db, group.id):
            if not user.onboarded:
                lines.append(BoardLine(user.first_name, False))
                continue
            weeks = await self.weekly_adherence(user, today, 12)
            done, planned = weeks[-1]
            before = await self.best_by_lift(
                user, today - timedelta(days=42), today - timedelta(days=28)
            )
            after = await self.best_by_lift(user, today - timedelta(days=13), today)
            loads = await self._shared_loads(user) if member.share else ()
            run = streak(weeks if done >= planned else weeks[:-1])  # this week, once complete
            progress = relative_progress(before, after)
            lines.append(BoardLine(user.first_name, True, done, planned, run, progress, loads,
                                   unit_of(user)))  # fmt: skip
        return Board(group.title, monday_of(today), lines)

    async def _shared_loads(self, user: User) -> tuple[tuple[Exercise, float], ...]:
        kit = kit_for(user)
        loads = []
        for key in BOARD_LIFTS:
            state = await self.db.get(LiftState, (user.id, key))
            if state is not None and state.working_weight_kg is not None:
                exercise = EXERCISES[key]
                loads.append((exercise, kit.from_kg(exercise, state.working_weight_kg)))
        return tuple(loads)

    async def team(self, group: Group) -> list[TeamLine]:
        """Each member's last session, 4-week adherence and what a coach should look at."""
        lines = []
        for _member, user in await members_of(self.db, group.id):
            if not user.onboarded:
                lines.append(TeamLine(user.first_name, False))
                continue
            today = self.today(user)
            weeks = await self.weekly_adherence(user, today, 4)
            flags = []
            if await self._missed_twice(user, today):
                flags.append(Flag.MISSED_TWICE)
            if await deloaded_since(self.db, user.id, today - timedelta(days=14)):
                flags.append(Flag.DELOAD)
            if await race_within(self.db, user.id, today, 14):
                flags.append(Flag.RACE_SOON)
            last = await last_session_date(self.db, user.id)
            lines.append(TeamLine(user.first_name, True, last, sum(d for d, _ in weeks),
                                  sum(p for _, p in weeks), tuple(flags)))  # fmt: skip
        return lines

    async def _missed_twice(self, user: User, today: date) -> bool:
        start = today - timedelta(days=21)
        planned = [
            day
            for monday in (monday_of(start) + timedelta(weeks=w) for w in range(4))
            for day in lift_dates(user, monday)
            if start <= day < today
        ]
        done = await done_dates(self.db, user.id, start, today)
        # A session done within two days after a planned one counts for it (moved sessions).
        kept = [any(day <= d <= day + timedelta(days=2) for d in done) for day in sorted(planned)]
        return two_missed_in_a_row(kept)
