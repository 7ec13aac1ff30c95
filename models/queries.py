"""Queries named for what they answer, so services never build SQL inline."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload

from models.conversation import ConversationState
from models.groups import GroupMember
from models.reminders import Reminder
from models.runner import BodyweightEntry, Race, RunDay, User
from models.training import ExerciseEntry, LiftState, LoggedSet, WorkoutSession


async def get_or_create_user(
    session: AsyncSession, user_id: int, first_name: str, private_chat_id: int | None
) -> User:
    """The runner's row, created on first contact; keeps the name and private chat current.
    Their running week comes in the same statement (joined): every update reads it."""
    user = await session.get(User, user_id, options=[joinedload(User.run_days)])
    if user is None:
        user = User(id=user_id, first_name=first_name, private_chat_id=private_chat_id)
        user.run_days = []
        session.add(user)
    else:
        user.first_name = first_name
        if private_chat_id is not None:
            user.private_chat_id = private_chat_id
    await session.flush()
    return user


def run_week(user: User) -> dict[int, str]:
    """Weekday (Monday = 0) -> run type; rest days are absent."""
    return {day.weekday: day.run_type for day in user.run_days if day.run_type != "rest"}


def set_run_week(user: User, week: dict[int, str]) -> None:
    """Replace the runner's usual week; rest days are not stored."""
    user.run_days = [
        RunDay(user_id=user.id, weekday=day, run_type=run_type)
        for day, run_type in sorted(week.items())
        if run_type != "rest"
    ]


async def lift_states(session: AsyncSession, user_id: int) -> dict[str, LiftState]:
    rows = await session.scalars(select(LiftState).where(LiftState.user_id == user_id))
    return {row.exercise: row for row in rows}


async def set_lift_state(
    session: AsyncSession, user_id: int, exercise: str, working_weight_kg: float | None
) -> LiftState:
    """Set a starting weight (None: calibrate in the first session); the caller gives why."""
    state = await session.get(LiftState, (user_id, exercise))
    if state is None:
        state = LiftState(user_id=user_id, exercise=exercise, short_sessions_in_a_row=0)
        session.add(state)
    state.working_weight_kg = working_weight_kg
    state.reps = None  # a new starting weight starts at the block's reps
    return state


USER_TABLES = (LoggedSet, ExerciseEntry, WorkoutSession, LiftState, RunDay, Race,
               BodyweightEntry, Reminder, GroupMember, ConversationState)  # fmt: skip


async def delete_user_data(session: AsyncSession, user_id: int) -> None:
    """Every row about this runner, in every table, then the runner."""
    for table in USER_TABLES:
        await session.execute(delete(table).where(table.user_id == user_id))
    await session.execute(delete(User).where(User.id == user_id))


async def conversation_states(
    session: AsyncSession, name: str, since: datetime
) -> dict[tuple[int, int], str]:
    """The conversations of `name` whose state changed since `since` (older ones expired)."""
    query = select(ConversationState).where(
        ConversationState.name == name, ConversationState.updated_at >= since
    )
    return {(row.chat_id, row.user_id): row.state for row in await session.scalars(query)}


async def save_conversation_state(
    session: AsyncSession, name: str, chat_id: int, user_id: int, state: str | None, now: datetime
) -> None:
    """Remember where a conversation stands; None forgets it (the conversation ended)."""
    row = await session.get(ConversationState, (name, chat_id, user_id))
    if state is None:
        if row is not None:
            await session.delete(row)
    elif row is None:
        session.add(ConversationState(name=name, chat_id=chat_id, user_id=user_id, state=state,
                                      updated_at=now))  # fmt: skip
    else:
        row.state, row.updated_at = state, now


async def expire_conversation_states(session: AsyncSession, before: datetime) -> int:
    """Forget conversations whose state has not changed since `before`; how many."""
    result = await session.execute(
        delete(ConversationState).where(ConversationState.updated_at < before)
    )
    return result.rowcount or 0


async def latest_bodyweight_kg(session: AsyncSession, user_id: int) -> float | None:
    """The runner's most recent bodyweight entry, if they ever gave one."""
    query = (
        select(BodyweightEntry.weight_kg)
        .where(BodyweightEntry.user_id == user_id)
        .order_by(BodyweightEntry.entry_date.desc(), BodyweightEntry.id.desc())
        .limit(1)
    )
    return await session.scalar(query)


async def races_of(session: AsyncSession, user_id: int, from_day: date | None = None) -> list[Race]:
    """The runner's races (from `from_day` on), soonest first."""
    query = select(Race).where(Race.user_id == user_id).order_by(Race.race_date)
    if from_day is not None:
        query = query.where(Race.race_date >= from_day)
    return list(await session.scalars(query))


async def race_on(session: AsyncSession, user_id: int, day: date) -> Race | None:
    query = select(Race).where(Race.user_id == user_id, Race.race_date == day)
    return (await session.scalars(query)).first()
