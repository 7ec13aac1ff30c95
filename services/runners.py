"""A runner's profile as the coaching core sees it: units, kit, week, lift days, lifts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from functools import lru_cache

from coaching import (
    BLOCKS,
    EXERCISES,
    Equipment,
    Exercise,
    Kit,
    LiftDays,
    LiftStatus,
    Reslot,
    RunType,
    SessionName,
    SessionPlan,
    Unit,
    plan_lift_days,
    reslot_missed,
    session_for,
    session_plan,
)
from coaching.programme import BLOCKS_BY_KEY
from models import LiftState, User
from models.queries import run_week


def unit_of(user: User) -> Unit:
    return Unit(user.units or Unit.KG)


def kit_for(user: User) -> Kit:
    """The runner's bar, plates and dumbbells, in their units (defaults where not given)."""
    default = Kit.default(unit_of(user))
    return Kit(
        unit=default.unit,
        bar=user.bar_weight or default.bar,
        trap_bar=default.trap_bar,
        plates=tuple(user.plates) if user.plates else default.plates,
        dumbbells=tuple(user.dumbbells) if user.dumbbells else default.dumbbells,
    )


def week_of(user: User) -> dict[int, RunType]:
    return {day: RunType(run) for day, run in run_week(user).items()}


def lift_days_of(user: User) -> LiftDays:
    return _lift_days(tuple(sorted(week_of(user).items())))


@lru_cache(maxsize=4096)
def _lift_days(week: tuple[tuple[int, RunType], ...]) -> LiftDays:
    """`plan_lift_days` is pure and asked for on most updates and several times a reminder,
    while runners share a few thousand weeks at most: worked out once per week (issue 15)."""
    return plan_lift_days(dict(week))


def equipment_of(user: User) -> Equipment:
    return Equipment(user.equipment or Equipment.GYM)


def programme_lifts(user: User) -> list[Exercise]:
    """Every exercise of sessions A and B for the runner's equipment, in session order."""
    lifts: list[Exercise] = []
    for name in SessionName:
        for exercise in session_plan(name, equipment_of(user)).exercises:
            if exercise not in lifts:
                lifts.append(exercise)
    return lifts


def missing_lifts(user: User, states: Mapping[str, LiftState]) -> list[Exercise]:
    """Programme lifts with neither a starting weight nor a choice to calibrate."""
    return [e for e in programme_lifts(user) if e.key not in states]


def plan_for(user: User, completed: int, swaps: dict[str, str] | None = None) -> SessionPlan:
    """Session A or B (by sessions completed) for the runner's equipment, block and swaps
    (`swaps`: others than the runner's, e.g. with one for today only)."""
    block = BLOCKS_BY_KEY.get(user.block, BLOCKS[0])
    swaps = user.swaps if swaps is None else swaps
    return session_plan(session_for(completed), equipment_of(user), block, swaps=swaps)


def status_of(user: User, state: LiftState | None) -> LiftStatus | None:
    """A stored lift state as the coaching core reads it (weights in the runner's kit units)."""
    if state is None:
        return None
    weight = None
    if state.working_weight_kg is not None:
        weight = kit_for(user).from_kg(EXERCISES[state.exercise], state.working_weight_kg)
    return LiftStatus(weight, state.reason, state.last_done, state.reps)


def lift_dates(user: User, day: date) -> list[date]:
    """The lift days of the Monday-to-Sunday week holding `day`, moves included."""
    monday = day - timedelta(days=day.weekday())
    dates = {monday + timedelta(days=d) for d in lift_days_of(user).days}
    if user.moved_from in dates and user.moved_to is not None:
        dates.discard(user.moved_from)
        if monday <= user.moved_to < monday + timedelta(days=7):
            dates.add(user.moved_to)
    return sorted(dates)


def lift_dates_between(user: User, start: date, end: date) -> list[date]:
    """The lift days from `start` to `end` (both included), over as many weeks as it takes."""
    monday = start - timedelta(days=start.weekday())
    dates: list[date] = []
    while monday <= end:
        dates += [day for day in lift_dates(user, monday) if start <= day <= end]
        monday += timedelta(weeks=1)
    return dates


def is_lift_day(user: User, day: date) -> bool:
    return day in lift_dates(user, day)


def next_lift_day(user: User, after: date) -> date | None:
    """The first lift day strictly after `after`, within three weeks."""
    for offset in range(1, 22):
        day = after + timedelta(days=offset)
        if is_lift_day(user, day):
            return day
    return None


def paused_on(user: User, day: date) -> bool:
    return not user.active or (user.paused_until is not None and day <= user.paused_until)


def run_on(user: User, day: date) -> RunType:
    """The run the runner's usual week has on `day`."""
    return week_of(user).get(day.weekday(), RunType.REST)


def knows_tomorrow(user: User, day: date) -> bool:
    """Whether the runner's week tells the run after a session on `day`.

    It does when the runner confirmed their week and `day` is one of the lift days planned from
    it (the planner chose the day knowing the next one). A session on any other day (moved by
    the runner, re-slotted after a miss) means this week is not the usual one, so the check-in
    asks about tomorrow instead of assuming.
    """
    planned = day.weekday() in lift_days_of(user).days
    return bool(user.week_confirmed) and planned and day not in (user.moved_from, user.moved_to)


def reslot_of(user: User, missed: date) -> tuple[Reslot, date | None, date | None]:
    """A missed session's new day and, when it takes the next lift day, that session's new day.

    A session that was moved already (the moved one itself, or the missed one done on the next
    lift day) is dropped when missed again: a session moves once.
    """
    moved_from, moved_to = user.moved_from, user.moved_to
    already = moved_from is not None and moved_to is not None and moved_from < missed <= moved_to
    reslot = reslot_missed(week_of(user), lift_days_of(user).days, missed.weekday(), already)
    monday = missed - timedelta(days=missed.weekday())

    def on(weekday: int | None) -> date | None:
        return None if weekday is None else monday + timedelta(days=weekday)

    return reslot, on(reslot.day), on(reslot.moves_on)
