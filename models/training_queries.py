"""Queries about sessions and logged exercises."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.training import ExerciseEntry, LoggedSet, WorkoutSession


async def session_on(session: AsyncSession, user_id: int, day: date) -> WorkoutSession | None:
    query = select(WorkoutSession).where(
        WorkoutSession.user_id == user_id, WorkoutSession.local_date == day
    )
    return await session.scalar(query)


async def completed_sessions(session: AsyncSession, user_id: int) -> int:
    """Sessions done in the programme (imported history does not move its A/B order)."""
    query = select(func.count()).where(
        WorkoutSession.user_id == user_id,
        WorkoutSession.status == "done",
        WorkoutSession.imported.is_(False),
    )
    return await session.scalar(query.select_from(WorkoutSession)) or 0


def has_logs() -> ColumnElement[bool]:
    """A session with something logged in it (an exercise entry or more)."""
    return select(ExerciseEntry.id).where(ExerciseEntry.session_id == WorkoutSession.id).exists()


def counts_as_done() -> ColumnElement[bool]:
    """A session that counts for adherence (sessions done of those planned: /board, /team, the
    weekly summary): finished, or with something logged (a group's button with a lift still to
    calibrate). Imported history counts for charts, records and the export, never here: it
    was not done in the programme."""
    return WorkoutSession.imported.is_(False) & ((WorkoutSession.status == "done") | has_logs())


async def entries_of(session: AsyncSession, session_id: int) -> list[ExerciseEntry]:
    query = (
        select(ExerciseEntry)
        .where(ExerciseEntry.session_id == session_id)
        .order_by(ExerciseEntry.id)
    )
    return list(await session.scalars(query))


async def sets_of(session: AsyncSession, entry_id: int) -> list[LoggedSet]:
    query = select(LoggedSet).where(LoggedSet.entry_id == entry_id).order_by(LoggedSet.set_number)
    return list(await session.scalars(query))


async def entries_since(
    session: AsyncSession, user_id: int, exercise: str, first_id: int
) -> list[ExerciseEntry]:
    """The runner's logs of one exercise from entry `first_id` on, in the order logged.
    Imported history is not among them: it never moved a working weight."""
    query = (
        select(ExerciseEntry)
        .where(
            ExerciseEntry.user_id == user_id,
            ExerciseEntry.exercise == exercise,
            ExerciseEntry.id >= first_id,
            ExerciseEntry.source_key.not_like(f"{IMPORT_KEY}%"),
        )
        .order_by(ExerciseEntry.id)
    )
    return list(await session.scalars(query))


async def entry_from_source(
    session: AsyncSession, user_id: int, source_key: str, exercise: str
) -> ExerciseEntry | None:
    query = select(ExerciseEntry).where(
        ExerciseEntry.user_id == user_id,
        ExerciseEntry.source_key == source_key,
        ExerciseEntry.exercise == exercise,
    )
    return await session.scalar(query)


async def any_entry_from_source(
    session: AsyncSession, user_id: int, source_key: str
) -> ExerciseEntry | None:
    query = select(ExerciseEntry).where(
        ExerciseEntry.user_id == user_id, ExerciseEntry.source_key == source_key
    )
    return await session.scalar(query.limit(1))


IMPORT_KEY = "import:"  # the source key of an imported exercise: "import:<date>"


async def last_entry(session: AsyncSession, user_id: int) -> ExerciseEntry | None:
    """The last exercise the runner logged (for /undo: imported history is not one)."""
    query = (
        select(ExerciseEntry)
        .where(
            ExerciseEntry.user_id == user_id, ExerciseEntry.source_key.not_like(f"{IMPORT_KEY}%")
        )
        .order_by(ExerciseEntry.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def past_sets(
    session: AsyncSession,
    user_id: int,
    exercise: str,
    *,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[LoggedSet]:
    """The sets this runner has logged for this exercise, oldest first (or newest first)."""
    order = LoggedSet.id.desc() if newest_first else LoggedSet.id
    query = (
        select(LoggedSet)
        .where(LoggedSet.user_id == user_id, LoggedSet.exercise == exercise)
        .order_by(order)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def delete_entry(session: AsyncSession, entry: ExerciseEntry) -> None:
    await session.execute(delete(LoggedSet).where(LoggedSet.entry_id == entry.id))
    await session.delete(entry)


async def recent_sessions(
    session: AsyncSession, user_id: int, offset: int, limit: int
) -> list[WorkoutSession]:
    """Sessions with something logged, newest first."""
    query = (
        select(WorkoutSession)
        .where(WorkoutSession.user_id == user_id, has_logs())
        .order_by(WorkoutSession.local_date.desc())
        .offset(offset)
        .limit(limit)
    )
    return list(await session.scalars(query))


async def session_kinds(session: AsyncSession, user_id: int) -> dict[date, bool]:
    """Each day with a stored session and whether it is imported history (True) or one of
    the programme's (planned, done, missed or skipped: False)."""
    query = select(WorkoutSession.local_date, WorkoutSession.imported).where(
        WorkoutSession.user_id == user_id
    )
    return {day: imported for day, imported in await session.execute(query)}
