"""/today: the session on a lift day (with swap and move), or when the next one is."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.context import RunLiftContext
from coaching import EXERCISES
from handlers.common import (
    StaleButton,
    button_fields,
    confirm,
    one_per_row,
    reply,
    send_numbers,
    set_up_runner,
)
from render import training as texts
from render.common import day_text
from render.exercises import exercise_name
from services.training import RestDay

SESSION_BUTTONS = [
    [(texts.START_LOGGING, "today:log")],
    [(texts.SWAP_EXERCISE, "today:swap"), (texts.MOVE_SESSION, "today:move")],
]


async def show_today(update: Update, context: RunLiftContext) -> None:
    """/today: the session in one message on a lift day; otherwise when the next one is."""
    if await set_up_runner(update, context) is None:
        return
    today = await context.services.training.todays_session()
    kit = context.services.profile.kit()
    if isinstance(today, RestDay):
        await reply(update, texts.rest_day(today.run, today.next_day, today.next_session))
    elif today.finished:
        await send_numbers(update, context, texts.finished_day(today, kit))
    else:
        session, run = today.session, context.services.training.todays_run()
        buttons = None if session.no_lifting else SESSION_BUTTONS
        text = texts.session_text(session, kit, run, today.logged)
        await send_numbers(update, context, text, buttons)


async def choose_swap(update: Update, context: RunLiftContext) -> None:
    """The swap button: which of today's exercises."""
    await update.callback_query.answer()
    exercises = await context.services.training.swap_choices()
    buttons = one_per_row((exercise_name(e), f"swap:{e.key}") for e in exercises)
    await reply(update, texts.CHOOSE_SWAP, buttons)


def _exercise(key: str):
    if key not in EXERCISES:
        raise StaleButton(key)
    return EXERCISES[key]


async def choose_swap_target(update: Update, context: RunLiftContext) -> None:
    """An exercise to swap: the same-pattern lifts the runner's equipment allows."""
    (key,) = button_fields(update, "swap", 1)
    exercise = _exercise(key)
    await update.callback_query.answer()
    options = context.services.training.swap_targets(exercise)
    if not options:
        await reply(update, texts.NO_SWAP)
        return
    buttons = one_per_row((exercise_name(o), f"swapto:{exercise.key}:{o.key}") for o in options)
    await reply(update, texts.choose_swap_for(exercise_name(exercise)), buttons)


async def apply_swap(update: Update, context: RunLiftContext) -> None:
    """The replacement chosen: ask whether for today only or from now on."""
    old_key, new_key = button_fields(update, "swapto", 2)
    old, new = _exercise(old_key), _exercise(new_key)
    if new not in context.services.training.swap_targets(old):
        raise StaleButton(new_key)
    await update.callback_query.answer()
    # Keys, not names: "swapday:db_romanian_deadlift:trap_bar_deadlift" with a group's owner
    # mark stays within Telegram's 64 bytes.
    buttons = [[(texts.SWAP_TODAY_ONLY, f"swapday:{old.key}:{new.key}"),
                (texts.SWAP_FROM_NOW_ON, f"swapall:{old.key}:{new.key}")]]  # fmt: skip
    await reply(update, texts.ask_swap_scope(exercise_name(old), exercise_name(new)), buttons)


async def swap_today(update: Update, context: RunLiftContext) -> None:
    """Today only: today's stored session changes, the programme stays as it was."""
    old_key, new_key = button_fields(update, "swapday", 2)
    old, new = _exercise(old_key), _exercise(new_key)
    training = context.services.training
    if new not in training.swap_targets(old):
        raise StaleButton(new_key)
    await update.callback_query.answer()
    if not await training.swap_today(old, new):
        await reply(update, texts.swap_today_too_late(exercise_name(old)))
        return
    await confirm(update, context, texts.swapped_today(exercise_name(old), exercise_name(new)))


async def swap_from_now_on(update: Update, context: RunLiftContext) -> None:
    """From now on, and today's session if nothing is logged in it yet."""
    old_key, new_key = button_fields(update, "swapall", 2)
    old, new = _exercise(old_key), _exercise(new_key)
    training = context.services.training
    under_way = await training.session_under_way()  # today's session then stays as it is
    if not await training.swap(old, new):
        raise StaleButton(new_key)
    await update.callback_query.answer()
    text = texts.swapped(exercise_name(old), exercise_name(new), under_way)
    await confirm(update, context, text)


async def choose_move(update: Update, context: RunLiftContext) -> None:
    """The move button: later days this week that keep every rule."""
    await update.callback_query.answer()
    days = context.services.training.move_days()
    if not days:
        await reply(update, texts.MOVE_NOWHERE)
        return
    buttons = one_per_row((day_text(d), f"move:{d.isoformat()}") for d in days)
    await reply(update, texts.CHOOSE_MOVE_DAY, buttons)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as error:
        raise StaleButton(text) from error


async def apply_move(update: Update, context: RunLiftContext) -> None:
    """A day chosen: today's session happens then instead."""
    (day,) = button_fields(update, "move", 1)
    target = parse_day(day)
    await update.callback_query.answer()
    if not await context.services.training.move(target):
        await reply(update, texts.MOVE_NOWHERE)
        return
    await confirm(update, context, texts.moved(target))
