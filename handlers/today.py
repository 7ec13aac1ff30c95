"""/today: the session on a lift day (with swap and move), or when the next one is."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.context import RunLiftContext
from coaching import DAY_NAMES, EXERCISES, Equipment, swap_options
from coaching.taper import legal_days_after
from handlers import texts
from handlers.common import button_data, current_user, one_per_row, reply, set_up_runner
from handlers.groups import send_numbers
from models import User
from models.profile import kit_for, lift_days_of, week_of
from models.training_queries import completed_sessions, entries_of, session_on
from models.workouts import (
    is_lift_day,
    local_today,
    next_lift_day,
    open_session,
    plan_for,
    prescribe,
    view,
)
from scheduler.planning import replan

SESSION_BUTTONS = [
    [(texts.START_LOGGING, "today:log")],
    [(texts.SWAP_EXERCISE, "today:swap"), (texts.MOVE_SESSION, "today:move")],
]


def day_text(day: date) -> str:
    return f"{DAY_NAMES[day.weekday()]} {day.day} {day.strftime('%B')}"


async def show_today(update: Update, context: RunLiftContext) -> None:
    """/today: the session in one message on a lift day; otherwise when the next one is."""
    async with context.db() as db:
        user = await set_up_runner(db, update)
        if user is None:
            return
        today = local_today(user, context.now())
        if not is_lift_day(user, today):
            await _show_rest_day(update, db, user, today)
            return
        workout = await open_session(db, user, today)
        if workout.status == "done":
            await reply(update, texts.SESSION_DONE_TODAY)
            return
        session = view(user, today, workout.prescription)
        await send_numbers(update, db, user, texts.session_text(session, kit_for(user)),
                           SESSION_BUTTONS)  # fmt: skip


async def _show_rest_day(update: Update, db: AsyncSession, user: User, today: date) -> None:
    run = week_of(user).get(today.weekday())
    next_day = next_lift_day(user, today)
    if next_day is None:
        await reply(update, texts.NO_NEXT_SESSION)
        return
    completed = await completed_sessions(db, user.id)
    name = plan_for(user, completed).name.value
    text = texts.rest_day(run.value if run else "rest", day_text(next_day), name)
    await reply(update, text)


async def choose_swap(update: Update, context: RunLiftContext) -> None:
    """The swap button: which of today's exercises."""
    await update.callback_query.answer()
    async with context.db() as db:
        user = await current_user(db, update)
        plan = plan_for(user, await completed_sessions(db, user.id))
    buttons = one_per_row((e.name, f"swap:{e.key}") for e in plan.exercises)
    await reply(update, texts.CHOOSE_SWAP, buttons)


async def choose_swap_target(update: Update, context: RunLiftContext) -> None:
    """An exercise to swap: the same-pattern lifts the runner's equipment allows."""
    await update.callback_query.answer()
    exercise = EXERCISES.get(button_data(update).removeprefix("swap:"))
    if exercise is None:
        return
    async with context.db() as db:
        user = await current_user(db, update)
    options = swap_options(exercise, Equipment(user.equipment or Equipment.GYM))
    if not options:
        await reply(update, texts.NO_SWAP)
        return
    buttons = one_per_row((o.name, f"swapto:{exercise.key}:{o.key}") for o in options)
    await reply(update, texts.choose_swap_for(exercise.name), buttons)


async def apply_swap(update: Update, context: RunLiftContext) -> None:
    """Swap chosen: from now on, and today's session if nothing is logged in it yet."""
    await update.callback_query.answer()
    _, old_key, new_key = button_data(update).split(":")
    old, new = EXERCISES.get(old_key), EXERCISES.get(new_key)
    if old is None or new is None or new.pattern is not old.pattern:
        return
    async with context.db() as db:
        user = await current_user(db, update)
        swaps = dict(user.swaps or {})
        original = next((k for k, v in swaps.items() if v == old_key), old_key)
        swaps[original] = new_key
        user.swaps = {k: v for k, v in swaps.items() if k != v}
        today = local_today(user, context.now())
        workout = await open_session(db, user, today) if is_lift_day(user, today) else None
        if workout is not None and not await entries_of(db, workout.id):
            completed = await completed_sessions(db, user.id)
            workout.prescription = await prescribe(db, user, today, completed)
    await reply(update, texts.swapped(old.name, new.name))


async def choose_move(update: Update, context: RunLiftContext) -> None:
    """The move button: later days this week that keep every rule."""
    await update.callback_query.answer()
    async with context.db() as db:
        user = await current_user(db, update)
        today = local_today(user, context.now())
        days = legal_days_after(week_of(user), lift_days_of(user).days, today.weekday())
    if not days:
        await reply(update, texts.MOVE_NOWHERE)
        return
    dates = [today + timedelta(days=d - today.weekday()) for d in days]
    buttons = one_per_row((day_text(d), f"move:{d.isoformat()}") for d in dates)
    await reply(update, texts.CHOOSE_MOVE_DAY, buttons)


async def apply_move(update: Update, context: RunLiftContext) -> None:
    """A day chosen: today's session happens then instead."""
    await update.callback_query.answer()
    target = date.fromisoformat(button_data(update).removeprefix("move:"))
    async with context.db() as db:
        user = await current_user(db, update)
        today = local_today(user, context.now())
        legal = legal_days_after(week_of(user), lift_days_of(user).days, today.weekday())
        if target.weekday() not in legal or not 0 < (target - today).days < 7:
            await reply(update, texts.MOVE_NOWHERE)
            return
        user.moved_from, user.moved_to = today, target
        await replan(db, user)
        workout = await session_on(db, user.id, today)
        if workout is not None and not await entries_of(db, workout.id):
            await db.delete(workout)  # prescribed for today, nothing logged: it moves
    await reply(update, texts.moved(DAY_NAMES[target.weekday()], day_text(target)))
