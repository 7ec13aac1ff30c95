"""Queries about sessions and logged exercises."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, and_, delete, exists, func, literal, select
from sqlalchemy.ext.asyncio import AsyncSession

from models.runner import Race
from models.training import ExerciseEntry, LiftState, LoggedSet, WorkoutSession


async def session_on(session: AsyncSession, user_id: int, day: date) -> WorkoutSession | None:
    query = select(WorkoutSession).where(
        WorkoutSession.user_id == user_id, WorkoutSession.local_date == day
    )
    return await session.scalar(query)


def done_in_programme() -> ColumnElement[bool]:
    """A session finished in the programme: what the A/B order counts (imported history does
    not move it)."""
    return (WorkoutSession.status == "done") & WorkoutSession.imported.is_(False)


async def completed_sessions(session: AsyncSession, user_id: int) -> int:
    """Sessions done in the programme."""
    query = select(func.count()).where(WorkoutSession.user_id == user_id, done_in_programme())
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


# --- one statement for what an update needs (issue 15: cost follows the statement count) -----


@dataclass
class DayRows:
    """One runner's day as stored: its session (None: not given yet), the exercises logged in
    it with their sets, how many sessions they have finished, and whether a race is that day."""

    workout: WorkoutSession | None
    entries: list[ExerciseEntry] = field(default_factory=list)
    sets: dict[int, list[LoggedSet]] = field(default_factory=dict)  # entry id -> its sets
    completed: int = 0
    race: bool = False


async def day_rows(session: AsyncSession, user_id: int, day: date) -> DayRows:
    """Everything /today and /log read about one day, in one statement: a one-row anchor
    carries the two counts, the session, its entries and their sets are outer-joined."""
    done = (
        select(func.count())
        .select_from(WorkoutSession)
        .where(WorkoutSession.user_id == user_id, done_in_programme())
        .scalar_subquery()
    )
    race = exists().where(Race.user_id == user_id, Race.race_date == day)
    anchor = select(literal(1).label("one")).subquery()
    query = (
        select(done, race, WorkoutSession, ExerciseEntry, LoggedSet)
        .select_from(anchor)
        .outerjoin(
            WorkoutSession,
            and_(WorkoutSession.user_id == user_id, WorkoutSession.local_date == day),
        )
        .outerjoin(ExerciseEntry, ExerciseEntry.session_id == WorkoutSession.id)
        .outerjoin(LoggedSet, LoggedSet.entry_id == ExerciseEntry.id)
        .order_by(ExerciseEntry.id, LoggedSet.set_number)
    )
    rows = (await session.execute(query)).all()
    result = DayRows(rows[0][2], completed=rows[0][0] or 0, race=bool(rows[0][1]))
    _collect(result, [(entry, logged) for *_, entry, logged in rows])
    return result


async def logged_in(session: AsyncSession, session_id: int) -> DayRows:
    """The exercises logged in one session with their sets, in one statement."""
    query = (
        select(ExerciseEntry, LoggedSet)
        .outerjoin(LoggedSet, LoggedSet.entry_id == ExerciseEntry.id)
        .where(ExerciseEntry.session_id == session_id)
        .order_by(ExerciseEntry.id, LoggedSet.set_number)
    )
    result = DayRows(None)
    _collect(result, (await session.execute(query)).all())
    return result


def _collect(day: DayRows, rows: Iterable[tuple[ExerciseEntry | None, LoggedSet | None]]) -> None:
    for entry, logged in rows:
        if entry is None:
            continue
        if entry.id not in day.sets:
            day.entries.append(entry)
            day.sets[entry.id] = []
        if logged is not None:
            day.sets[entry.id].append(logged)


@dataclass
class LiftRows:
    """One lift of one runner: its state and every set logged of it (oldest first), each with
    the message or button press it came from; and each log's day and reserve (entry id ->
    (day, the entry's RIR)), which records are judged by."""

    state: LiftState | None
    sets: list[tuple[str, LoggedSet]]
    logs: dict[int, tuple[date, int | None]] = field(default_factory=dict)


async def lift_rows(session: AsyncSession, user_id: int, exercise: str) -> LiftRows:
    """A lift's state and history in one statement (a second only for a lift with sets but no
    state, which no path leaves behind but an import might)."""
    history = (ExerciseEntry.source_key, LoggedSet, WorkoutSession.local_date, ExerciseEntry.rir)
    query = (
        select(LiftState, *history)
        .select_from(LiftState)
        .outerjoin(
            LoggedSet,
            and_(LoggedSet.user_id == LiftState.user_id, LoggedSet.exercise == LiftState.exercise),
        )
        .outerjoin(ExerciseEntry, ExerciseEntry.id == LoggedSet.entry_id)
        .outerjoin(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(LiftState.user_id == user_id, LiftState.exercise == exercise)
        .order_by(LoggedSet.id)
    )
    rows = (await session.execute(query)).all()
    if rows:
        return _lift_from(rows[0][0], [row[1:] for row in rows if row[2] is not None])
    query = (
        select(*history)
        .join(ExerciseEntry, ExerciseEntry.id == LoggedSet.entry_id)
        .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
        .where(LoggedSet.user_id == user_id, LoggedSet.exercise == exercise)
        .order_by(LoggedSet.id)
    )
    return _lift_from(None, (await session.execute(query)).all())


def _lift_from(state: LiftState | None, rows: Iterable[tuple]) -> LiftRows:
    lift = LiftRows(state, [])
    for key, logged, day, entry_rir in rows:
        lift.sets.append((key, logged))
        lift.logs[logged.entry_id] = (day, entry_rir)
    return lift
