"""Looking back and ahead: /history, /plan, a group's /board and the coach's /team."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from coaching import EXERCISES, Distance, Exercise, LiftDays, LoggedSet, Session, Unit, convert
from coaching.adherence import Trend, e1rm_trend, relative_progress, streak, two_missed_in_a_row
from coaching.programme import BLOCKS, BLOCKS_BY_KEY, Block
from coaching.records import best_e1rm
from coaching.timezones import local_date
from models import Group, GroupMember, LiftState, User
from models.group_queries import members_of
from models.progress import deloaded_since, last_lifted, lifted_dates, logged_sets
from models.queries import races_of
from models.training_queries import completed_sessions, recent_sessions, session_on
from services.base import Area
from services.runners import kit_for, lift_dates_between, lift_days_of, unit_of
from services.training import SessionSummary

HISTORY_PAGE = 5
PLAN_DAYS = 7
LATER_DAYS = 21  # how far past the plan to look for lifting when it has none
MAIN_LIFTS = ("back_squat", "deadlift", "overhead_press", "goblet_squat", "one_arm_db_press")
BOARD_LIFTS = ("back_squat", "deadlift", "overhead_press")
TREND_WEEKS = 4
RACES_SHOWN = 3


@dataclass(frozen=True)
class HistoryPage:
    sessions: list[SessionSummary]
    offset: int
    more: bool


@dataclass(frozen=True)
class PlanDay:
    """A day of /plan: its session (None on a race day that is no lift day) and its race."""

    day: date
    session: Session | None
    done: bool = False
    race: Distance | None = None


@dataclass(frozen=True)
class Plan:
    """Seven days from `start` (today, or a week on); `later`: the next day with lifting, when
    the seven days have none."""

    lift_days: LiftDays
    today: date
    start: date
    end: date
    days: list[PlanDay]
    later: PlanDay | None = None

    @property
    def lifting(self) -> bool:
        return any(_lifts(d) for d in self.days)


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


@dataclass(frozen=True)
class TeamLine:
    """A member in the coach's view; the figures count from `since` (the day they joined)."""

    name: str
    onboarded: bool
    last: date | None = None
    done: int = 0
    planned: int = 0
    flags: tuple[Flag, ...] = ()
    since: date | None = None
    block: Block | None = None
    trends: tuple[tuple[Exercise, Trend], ...] = ()
    races: tuple[tuple[date, Distance], ...] = ()
    paused_until: date | None = None  # reminders paused through this day (today or later)


def _lifts(plan_day: PlanDay) -> bool:
    return plan_day.session is not None and not plan_day.session.no_lifting


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class Reports(Area):
    async def history(self, user_id: int, offset: int) -> HistoryPage:
        """Sessions with something logged, newest first, a page at a time."""
        sessions = await recent_sessions(self.db, user_id, offset, HISTORY_PAGE + 1)
        training = self.services.training
        summaries = [await training.summary(w) for w in sessions[:HISTORY_PAGE]]
        return HistoryPage(summaries, offset, len(sessions) > HISTORY_PAGE)

    async def plan(self, weeks_ahead: int = 0) -> Plan:
        """Seven days from today (`weeks_ahead` 1: the seven after them): each lift day with
        its session, lettered in the real A/B order, and each race on its day."""
        user, today = self.runner, self.today()
        start = today + timedelta(weeks=weeks_ahead)
        end = start + timedelta(days=PLAN_DAYS - 1)
        completed = await completed_sessions(self.db, user.id)
        days: dict[date, PlanDay] = {}
        later = None
        for day in await self._plan_dates(today, end + timedelta(days=LATER_DAYS)):
            if day > end and any(_lifts(d) for d in days.values()):
                break
            plan_day, completed = await self._plan_day(day, completed)
            if start <= day <= end:
                days[day] = plan_day
            elif day > end and _lifts(plan_day):
                later = plan_day
                break
        for race_day, distance in await self.services.training.races():
            if start <= race_day <= end:
                days[race_day] = replace(days.get(race_day, PlanDay(race_day, None)), race=distance)
        ordered = [days[day] for day in sorted(days)]
        return Plan(lift_days_of(user), today, start, end, ordered, later)

    async def _plan_dates(self, today: date, until: date) -> list[date]:
        """The lift days from today on, and today if a session is stored (logged on a day off)."""
        days = lift_dates_between(self.runner, today, until)
        if today not in days and await session_on(self.db, self.runner.id, today) is not None:
            days.insert(0, today)
        return days

    async def _plan_day(self, day: date, completed: int) -> tuple[PlanDay, int]:
        """The day's session (the stored one, else what /today will prescribe) and the count
        of sessions before the next day: one still to do moves the letter on, a done one is
        counted already, and race week (nothing to lift) does not count."""
        training = self.services.training
        workout = await session_on(self.db, self.runner.id, day)
        if workout is not None:
            done = workout.status == "done"
            return PlanDay(day, training.view(workout), done), completed + (0 if done else 1)
        session = await training.session_for_day(day, completed)
        return PlanDay(day, session), completed + (0 if session.no_lifting else 1)

    # --- groups -------------------------------------------------------------------------------

    async def weekly_adherence(
        self, user: User, today: date, weeks: int, since: date
    ) -> list[tuple[int, int]]:
        """(sessions done, sessions the plan asked for) for each of the last `weeks` weeks,
        this one last (so far: `counted`, the same rule as /team's), counting from `since`
        (the day the member joined): weeks before it are left out. `today` is the member's."""
        training, since = self.services.training, min(since, today)
        first = max(monday_of(today) - timedelta(weeks=weeks - 1), monday_of(since))
        lifted = await lifted_dates(self.db, user.id, max(first, since), today)
        asked = await training.lifting_days(user, max(first, since), today)
        planned = counted(asked, lifted, today)
        result = []
        monday = first
        while monday <= today:
            week = (monday, monday + timedelta(days=6))
            result.append((sum(1 for d in lifted if week[0] <= d <= week[1]),
                           sum(1 for d in planned if week[0] <= d <= week[1])))  # fmt: skip
            monday += timedelta(weeks=1)
        return result

    async def best_by_lift(self, user: User, start: date, end: date) -> dict[str, float | None]:
        """Each main lift's best e1RM (the one rule, coaching.records) between two dates."""
        unit = unit_of(user)
        sets: dict[str, list[LoggedSet]] = {}
        for row in await logged_sets(self.db, user.id, start, end, MAIN_LIFTS):
            in_unit = convert(row.weight, Unit(row.unit), unit)
            sets.setdefault(row.exercise, []).append(LoggedSet(in_unit, row.reps, row.rir))
        return {lift: best_e1rm(sets.get(lift, [])) for lift in MAIN_LIFTS}

    async def board(self, group: Group, today: date) -> Board:
        """This week's adherence and 4-week progress; weights only for members who share."""
        lines = []
        for member, user in await members_of(self.db, group.id):
            if not user.onboarded:
                lines.append(BoardLine(user.first_name, False))
                continue
            since = _since_joining(member, user)
            own_today = self.today(user)  # "today" is the member's, as in /team
            weeks = await self.weekly_adherence(user, own_today, 12, since)
            done, planned = weeks[-1]
            before = await self.best_by_lift(
                user, today - timedelta(days=42), today - timedelta(days=28)
            )
            after = await self.best_by_lift(user, today - timedelta(days=13), today)
            loads = await self._shared_loads(user) if member.share else ()
            kept = planned and done >= planned  # this week joins the streak once all so far done
            run = streak(weeks if kept else weeks[:-1])
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
        """Per member, since they joined: sessions done of those their plan asked for, the
        last session, the block, each main lift's e1RM trend over four weeks, races to come,
        and what a coach should look at; members not set up yet say so."""
        lines = []
        for member, user in await members_of(self.db, group.id):
            if not user.onboarded:
                lines.append(TeamLine(user.first_name, False))
                continue
            today = self.today(user)
            since = _since_joining(member, user)
            lifted = await lifted_dates(self.db, user.id, since, today)
            asked = await self.services.training.lifting_days(user, since, today)
            planned = counted(asked, lifted, today)
            flags = []
            if _missed_twice([d for d in planned if d < today], lifted):
                flags.append(Flag.MISSED_TWICE)
            if await deloaded_since(self.db, user.id, max(since, today - timedelta(days=14))):
                flags.append(Flag.DELOAD)
            lines.append(TeamLine(
                user.first_name, True, await last_lifted(self.db, user.id), len(lifted),
                len(planned), tuple(flags), since, BLOCKS_BY_KEY.get(user.block, BLOCKS[0]),
                await self._trends(user, today), tuple(await self._races(user, today)),
                _paused_until(user, today),
            ))  # fmt: skip
        return lines

    async def _trends(self, user: User, today: date) -> tuple[tuple[Exercise, Trend], ...]:
        """Each main lift's e1RM direction over the last four weeks (lifts with two sessions
        or more in them), from each session's best set."""
        unit = unit_of(user)
        by_day: dict[str, dict[date, list[LoggedSet]]] = {}
        start = today - timedelta(weeks=TREND_WEEKS) + timedelta(days=1)
        for row in await logged_sets(self.db, user.id, start, today, MAIN_LIFTS):
            sets = by_day.setdefault(row.exercise, {}).setdefault(row.day, [])
            sets.append(LoggedSet(convert(row.weight, Unit(row.unit), unit), row.reps, row.rir))
        trends = []
        for key in MAIN_LIFTS:
            days = by_day.get(key, {})
            bests = [best_e1rm(days[day]) for day in sorted(days)]
            trend = e1rm_trend([b for b in bests if b])
            if trend is not None:
                trends.append((EXERCISES[key], trend))
        return tuple(trends)

    async def _races(self, user: User, today: date) -> list[tuple[date, Distance]]:
        races = await races_of(self.db, user.id, today)
        return [(race.race_date, Distance(race.distance)) for race in races[:RACES_SHOWN]]


def counted(asked: list[date], lifted: set[date], today: date) -> list[date]:
    """The lift days that count as asked for, /board's and /team's one rule: those before the
    member's today (in their time zone), and today's once it is done (not missed yet)."""
    return [day for day in asked if day < today or day in lifted]


def _paused_until(user: User, today: date) -> date | None:
    """The last day of a /pause still running in the member's today, if any."""
    paused = user.paused_until
    return paused if paused is not None and paused >= today else None


def _since_joining(member: GroupMember, user: User) -> date:
    """The member's day of (latest) joining the group, in their time zone."""
    return local_date(member.joined_at, user.timezone)


def _missed_twice(planned: list[date], lifted: set[date]) -> bool:
    """Whether the last two planned lift days both went without a session (one done within
    two days after a planned day counts for it: a moved session)."""
    kept = [any(day <= d <= day + timedelta(days=2) for d in lifted) for day in sorted(planned)]
    return two_missed_in_a_row(kept)
