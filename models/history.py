"""Queries behind /weight, /export and /import: weigh-ins, every logged set, and what a day
already holds."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.runner import BodyweightEntry
from models.training import ExerciseEntry, LoggedSet, WorkoutSession


async def weigh_in_on(session: AsyncSession, user_id: int, day: date) -> BodyweightEntry | None:
    query = select(BodyweightEntry).where(
        BodyweightEntry.user_id == user_id, BodyweightEntry.entry_date == day
    )
    return await session.scalar(query)


async def weigh_ins(
    session: AsyncSession, user_id: int, limit: int | None = None
) -> list[BodyweightEntry]:
    """The runner's weigh-ins, oldest first (the newest `limit` of them)."""
    query = (
        select(BodyweightEntry)
        .where(BodyweightEntry.user_id == user_id)
        .order_by(BodyweightEntry.entry_date.desc())
        .limit(limit)
    )
    return list(reversed(list(await session.scalars(query))))


async def every_set(
    session: AsyncSession, user_id: int
) -> list[tuple[WorkoutSession, ExerciseEntry, LoggedSet]]:
    """Every set the runner logged, by day, then in the order logged."""
    query = (
        select(WorkoutSession, ExerciseEntry, LoggedSet)
        .join(ExerciseEntry, ExerciseEntry.session_id == WorkoutSession.id)
        .join(LoggedSet, LoggedSet.entry_id == ExerciseEntry.id)
        .where(WorkoutSession.user_id == user_id)
        .order_by(WorkoutSession.local_date, ExerciseEntry.id, LoggedSet.set_number)
    )
    return [tuple(row) for row in await session.execute(query)]


async def logged_days(session: AsyncSession, user_id: int) -> dict[date, set[str]]:
    """Each day with a session and the lifts logged in it (empty: a session, nothing logged)."""
    query = (
        select(WorkoutSession.local_date, ExerciseEntry.exercise)
        .outerjoin(ExerciseEntry, ExerciseEntry.session_id == WorkoutSession.id)
        .where(WorkoutSession.user_id == user_id)
    )
    days: dict[date, set[str]] = {}
    for day, exercise in await session.execute(query):
        days.setdefault(day, set())
        if exercise is not None:
            days[day].add(exercise)
    return days


async def dated_sets(
    session: AsyncSession, user_id: int, until: date
) -> list[tuple[date, str, float, str, int, int | None]]:
    """(day, exercise, weight, unit, reps, rir) of every set up to `until`, in the order done."""
    query = (
        select(
            WorkoutSession.local_date, LoggedSet.exercise, LoggedSet.weight, LoggedSet.unit,
            LoggedSet.reps, LoggedSet.rir,
        )
        .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(LoggedSet.user_id == user_id, WorkoutSession.local_date <= until)
        .order_by(WorkoutSession.local_date, LoggedSet.entry_id, LoggedSet.set_number)
    )  # fmt: skip
    return [tuple(row) for row in await session.execute(query)]
