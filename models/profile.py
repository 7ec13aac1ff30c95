"""A runner's profile as the coaching core sees it: units, kit, week, lift days, lifts."""

from __future__ import annotations

from collections.abc import Mapping

from coaching import (
    Equipment,
    Exercise,
    Kit,
    LiftDays,
    RunType,
    SessionName,
    Unit,
    plan_lift_days,
    session_plan,
)
from models.queries import run_week
from models.runner import User
from models.training import LiftState


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
    return plan_lift_days(week_of(user))


def programme_lifts(equipment: str | None) -> list[Exercise]:
    """Every exercise of sessions A and B for this equipment, in session order."""
    kind = Equipment(equipment or Equipment.GYM)
    lifts: list[Exercise] = []
    for name in SessionName:
        for exercise in session_plan(name, kind).exercises:
            if exercise not in lifts:
                lifts.append(exercise)
    return lifts


def missing_lifts(user: User, states: Mapping[str, LiftState]) -> list[Exercise]:
    """Programme lifts with neither a starting weight nor a choice to calibrate."""
    return [e for e in programme_lifts(user.equipment) if e.key not in states]
