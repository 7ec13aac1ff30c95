"""Queries behind the group board and the coach's view: sessions done, sets, deloads, races."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from coaching import Prescription
from models.runner import BodyweightEntry, Race
from models.training import ExerciseEntry, LoggedSet, WorkoutSession


async def sets_between(
    session: AsyncSession, user_id: int, start: date, end: date
) -> list[tuple[str, float, str, int, int | None]]:
    """(exercise, weight, unit, reps, rir) of every set logged in sessions between two dates."""
    query = (
        select(LoggedSet.exercise, LoggedSet.weight, LoggedSet.unit, LoggedSet.reps, LoggedSet.rir)
        .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(
            LoggedSet.user_id == user_id,
            WorkoutSession.local_date >= start,
            WorkoutSession.local_date <= end,
        )
    )
    return [tuple(row) for row in await session.execute(query)]


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


async def lifted_dates(session: AsyncSession, user_id: int, start: date, end: date) -> set[date]:
    """Days between two dates with a session done or something logged in it (a session
    logged from a group's button with a lift still to calibrate counts too)."""
    logged = select(ExerciseEntry.session_id).where(ExerciseEntry.user_id == user_id)
    query = select(WorkoutSession.local_date).where(
        WorkoutSession.user_id == user_id,
        WorkoutSession.local_date >= start,
        WorkoutSession.local_date <= end,
        (WorkoutSession.status == "done") | WorkoutSession.id.in_(logged),
    )
    return set(await session.scalars(query))


async def sets_by_day(
    session: AsyncSession, user_id: int, start: date, end: date
) -> list[tuple[date, str, float, str, int, int | None]]:
    """(day, exercise, weight, unit, reps, rir) of every set logged between two dates."""
    query = (
        select(
            WorkoutSession.local_date,
            LoggedSet.exercise,
            LoggedSet.weight,
            LoggedSet.unit,
            LoggedSet.reps,
            LoggedSet.rir,
        )
        .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(
            LoggedSet.user_id == user_id,
            WorkoutSession.local_date >= start,
            WorkoutSession.local_date <= end,
        )
        .order_by(WorkoutSession.local_date)
    )
    return [tuple(row) for row in await session.execute(query)]


async def last_lifted(session: AsyncSession, user_id: int) -> date | None:
    """The last day the runner finished a session or logged something."""
    logged = select(ExerciseEntry.session_id).where(ExerciseEntry.user_id == user_id)
    query = select(func.max(WorkoutSession.local_date)).where(
        WorkoutSession.user_id == user_id,
        (WorkoutSession.status == "done") | WorkoutSession.id.in_(logged),
    )
    return await session.scalar(query)


async def races_from(session: AsyncSession, user_id: int, today: date) -> list[tuple[date, str]]:
    """The runner's races from today on, soonest first (day, distance)."""
    query = (
        select(Race.race_date, Race.distance)
        .where(Race.user_id == user_id, Race.race_date >= today)
        .order_by(Race.race_date)
    )
    return [tuple(row) for row in await session.execute(query)]


# --- /progress and /records: the whole history in four statements ---------------------------


async def logged_sets(
    session: AsyncSession, user_id: int, exercises: Sequence[str] | None = None
) -> list[tuple[date, str, float, str, int, int | None]]:
    """(day, exercise, weight, unit, reps, rir) of every set logged (of these exercises), by
    day and then in the order logged."""
    query = (
        select(WorkoutSession.local_date, LoggedSet.exercise, LoggedSet.weight, LoggedSet.unit,
               LoggedSet.reps, LoggedSet.rir)
        .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(LoggedSet.user_id == user_id)
        .order_by(WorkoutSession.local_date, LoggedSet.id)
    )  # fmt: skip
    if exercises is not None:
        query = query.where(LoggedSet.exercise.in_(exercises))
    return [tuple(row) for row in await session.execute(query)]


async def logged_session_plans(
    session: AsyncSession, user_id: int
) -> list[tuple[date, str, Prescription | None]]:
    """(day, block, prescription) of every session with something logged, oldest first."""
    has_entries = select(ExerciseEntry.id).where(ExerciseEntry.session_id == WorkoutSession.id)
    query = (
        select(WorkoutSession.local_date, WorkoutSession.block, WorkoutSession.prescription)
        .where(WorkoutSession.user_id == user_id, has_entries.exists())
        .order_by(WorkoutSession.local_date)
    )
    return [tuple(row) for row in await session.execute(query)]


async def race_days(session: AsyncSession, user_id: int) -> list[date]:
    query = select(Race.race_date).where(Race.user_id == user_id).order_by(Race.race_date)
    return list(await session.scalars(query))


async def bodyweights(session: AsyncSession, user_id: int) -> list[tuple[date, float]]:
    """(day, kg) of every bodyweight entry, oldest first."""
    query = (
        select(BodyweightEntry.entry_date, BodyweightEntry.weight_kg)
        .where(BodyweightEntry.user_id == user_id)
        .order_by(BodyweightEntry.entry_date, BodyweightEntry.id)
    )
    return [tuple(row) for row in await session.execute(query)]
