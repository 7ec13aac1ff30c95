"""Queries behind /weight, /export and /import: weigh-ins and what a day already holds."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from models.runner import BodyweightEntry
from models.training import ExerciseEntry, WorkoutSession


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
