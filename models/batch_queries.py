"""Many runners' state at once, for the reminder tick: a few statements per batch of due
reminders instead of a /today's worth per reminder (issue 15)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from models.runner import Race, User
from models.training import LiftState, WorkoutSession
from models.training_queries import done_in_programme


@dataclass
class RunnerRows:
    """What a runner's reminder is built from."""

    user: User
    lift_states: dict[str, LiftState] = field(default_factory=dict)
    races: list[Race] = field(default_factory=list)
    completed: int = 0  # sessions finished
    last_done: date | None = None  # the latest day of a finished session
    sessions: dict[date, WorkoutSession] = field(default_factory=dict)  # stored, by day


async def runner_rows(
    session: AsyncSession, user_ids: Collection[int], days: Collection[date]
) -> dict[int, RunnerRows]:
    """Each runner of `user_ids` with their week, lift states, races, finished sessions and the
    sessions stored for `days`: six statements whatever the number of runners."""
    if not user_ids:
        return {}
    ids = list(user_ids)
    users = await session.scalars(
        select(User).where(User.id.in_(ids)).options(selectinload(User.run_days))
    )
    found = {user.id: RunnerRows(user) for user in users}
    for state in await session.scalars(select(LiftState).where(LiftState.user_id.in_(ids))):
        found[state.user_id].lift_states[state.exercise] = state
    for race in await session.scalars(select(Race).where(Race.user_id.in_(ids))):
        found[race.user_id].races.append(race)
    done = (
        select(WorkoutSession.user_id, func.count(), func.max(WorkoutSession.local_date))
        .where(WorkoutSession.user_id.in_(ids), done_in_programme())
        .group_by(WorkoutSession.user_id)
    )
    for user_id, count, last in await session.execute(done):
        found[user_id].completed, found[user_id].last_done = count, last
    stored = select(WorkoutSession).where(
        WorkoutSession.user_id.in_(ids), WorkoutSession.local_date.in_(list(days))
    )
    for workout in await session.scalars(stored):
        found[workout.user_id].sessions[workout.local_date] = workout
    return found
