"""Queries behind the group board, the coach's view, /progress, /records, the weekly summary
and /export: sessions done, logged sets, deloads, bodyweight."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from coaching import Prescription
from models.training import ExerciseEntry, LoggedSet, WorkoutSession
from models.training_queries import counts_as_done, has_logs


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
    """Days between two dates with a session that counts as done (`counts_as_done`)."""
    query = select(WorkoutSession.local_date).where(
        WorkoutSession.user_id == user_id,
        WorkoutSession.local_date >= start,
        WorkoutSession.local_date <= end,
        counts_as_done(),
    )
    return set(await session.scalars(query))


async def last_lifted(session: AsyncSession, user_id: int) -> date | None:
    """The last day with a session that counts as done (`counts_as_done`)."""
    query = select(func.max(WorkoutSession.local_date)).where(
        WorkoutSession.user_id == user_id, counts_as_done()
    )
    return await session.scalar(query)


# --- /progress and /records: the whole history in four statements ---------------------------


class SetRow(NamedTuple):
    """A logged set with its day; `rir` is its reserve: its own, else its entry's (the one
    rule, coaching.records); `own_rir` as stored on the set (what /log put there)."""

    day: date
    session: str  # "A", "B" ("" for imported history without a letter)
    entry_id: int
    exercise: str
    set_number: int
    weight: float  # as entered, in `unit`
    unit: str
    reps: int
    rir: int | None
    own_rir: int | None


async def logged_sets(
    session: AsyncSession,
    user_id: int,
    start: date | None = None,
    end: date | None = None,
    exercises: Sequence[str] | None = None,
) -> list[SetRow]:
    """THE query for the runner's logged sets (imported history included) between two days
    (both included; None: open), of these exercises, by day, then log, then set number."""
    query = (
        select(WorkoutSession.local_date, WorkoutSession.session_name, LoggedSet.entry_id,
               LoggedSet.exercise, LoggedSet.set_number, LoggedSet.weight, LoggedSet.unit,
               LoggedSet.reps, func.coalesce(LoggedSet.rir, ExerciseEntry.rir), LoggedSet.rir)
        .join(ExerciseEntry, ExerciseEntry.id == LoggedSet.entry_id)
        .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(LoggedSet.user_id == user_id)
        .order_by(WorkoutSession.local_date, LoggedSet.entry_id, LoggedSet.set_number)
    )  # fmt: skip
    if start is not None:
        query = query.where(WorkoutSession.local_date >= start)
    if end is not None:
        query = query.where(WorkoutSession.local_date <= end)
    if exercises is not None:
        query = query.where(LoggedSet.exercise.in_(exercises))
    return [SetRow(*row) for row in await session.execute(query)]


async def logged_session_plans(
    session: AsyncSession, user_id: int
) -> list[tuple[date, str, Prescription | None]]:
    """(day, block, prescription) of every session with something logged, oldest first."""
    query = (
        select(WorkoutSession.local_date, WorkoutSession.block, WorkoutSession.prescription)
        .where(WorkoutSession.user_id == user_id, has_logs())
        .order_by(WorkoutSession.local_date)
    )
    return [tuple(row) for row in await session.execute(query)]
