"""Queries behind the group board and the coach's view: sessions done, best sets, deloads."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from coaching import convert
from coaching.adherence import best_e1rm
from models.profile import unit_of
from models.runner import Race, User
from models.training import ExerciseEntry, LoggedSet, WorkoutSession
from models.workouts import lift_dates

MAIN_LIFTS = ("back_squat", "deadlift", "overhead_press", "goblet_squat", "one_arm_db_press")


async def done_dates(session: AsyncSession, user_id: int, start: date, end: date) -> set[date]:
    query = select(WorkoutSession.local_date).where(
        WorkoutSession.user_id == user_id,
        WorkoutSession.status == "done",
        WorkoutSession.local_date >= start,
        WorkoutSession.local_date <= end,
    )
    return set(await session.scalars(query))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


async def weekly_adherence(
    session: AsyncSession, user: User, today: date, weeks: int
) -> list[tuple[int, int]]:
    """(sessions done, sessions planned) for each of the last `weeks` weeks, this one last."""
    first = monday_of(today) - timedelta(weeks=weeks - 1)
    done = await done_dates(session, user.id, first, first + timedelta(weeks=weeks))
    result = []
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        sunday = monday + timedelta(days=6)
        planned = len(lift_dates(user, monday))
        result.append((sum(1 for d in done if monday <= d <= sunday), planned))
    return result


async def best_by_lift(
    session: AsyncSession, user: User, start: date, end: date
) -> dict[str, float | None]:
    """Each main lift's best RIR-adjusted e1RM from sets logged between two dates."""
    query = (
        select(LoggedSet.exercise, LoggedSet.weight, LoggedSet.unit, LoggedSet.reps, LoggedSet.rir)
        .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(
            LoggedSet.user_id == user.id,
            WorkoutSession.local_date >= start,
            WorkoutSession.local_date <= end,
        )
    )
    unit = unit_of(user)
    sets: dict[str, list[tuple[float, int, int | None]]] = {}
    for exercise, weight, set_unit, reps, rir in await session.execute(query):
        sets.setdefault(exercise, []).append((convert(weight, set_unit, unit), reps, rir))
    return {lift: best_e1rm(sets.get(lift, [])) for lift in MAIN_LIFTS}


async def last_session_date(session: AsyncSession, user_id: int) -> date | None:
    query = select(func.max(WorkoutSession.local_date)).where(
        WorkoutSession.user_id == user_id, WorkoutSession.status == "done"
    )
    return await session.scalar(query)


async def deloaded_since(session: AsyncSession, user_id: int, since: date) -> bool:
    query = (
        select(ExerciseEntry.id)
        .join(WorkoutSession, WorkoutSession.id == ExerciseEntry.session_id)
        .where(
            ExerciseEntry.user_id == user_id,
            ExerciseEntry.change == "down",
            WorkoutSession.local_date >= since,
        )
        .limit(1)
    )
    return await session.scalar(query) is not None


async def race_within(session: AsyncSession, user_id: int, today: date, days: int) -> bool:
    query = select(Race.id).where(
        Race.user_id == user_id,
        Race.race_date >= today,
        Race.race_date <= today + timedelta(days=days),
    )
    return await session.scalar(query.limit(1)) is not None
