"""The profile summary a runner sees in /start and /settings."""

from __future__ import annotations

from collections.abc import Mapping

from coaching import Exercise
from handlers import texts
from models import LiftState, User
from models.profile import kit_for, lift_days_of, programme_lifts, unit_of
from models.queries import run_week


def load_lines(user: User, states: Mapping[str, LiftState]) -> list[tuple[Exercise, str]]:
    """Each programme lift with a starting weight (or "calibrate"), in session order."""
    kit = kit_for(user)
    lines = []
    for exercise in programme_lifts(user.equipment):
        state = states.get(exercise.key)
        if state is None:
            continue
        if state.working_weight_kg is None:
            lines.append((exercise, texts.CALIBRATE_TEXT))
        else:
            weight = kit.from_kg(exercise, state.working_weight_kg)
            lines.append((exercise, kit.describe(exercise, weight)))
    return lines


def summary(user: User, states: Mapping[str, LiftState]) -> str:
    return texts.profile_summary(
        units=unit_of(user).value,
        timezone=user.timezone,
        reminder_time=user.reminder_time,
        equipment=user.equipment,
        week=run_week(user),
        lift_days=lift_days_of(user),
        loads=[(exercise.name, text) for exercise, text in load_lines(user, states)],
    )
