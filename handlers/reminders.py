"""/pause, /resume, /headsup, /race, and the buttons reminders carry."""

from __future__ import annotations

import re

from telegram import Update

from bot.context import RunLiftContext
from coaching.dates import RaceInputError, parse_race
from handlers.common import (
    StaleButton,
    button_fields,
    confirm,
    one_per_row,
    pressed_by_owner,
    reply,
)
from handlers.today import parse_day, show_today
from render import common
from render import reminders as texts
from services.profile import MAX_PAUSE_WEEKS


async def pause(update: Update, context: RunLiftContext) -> None:
    """/pause (until /resume) or /pause 2 (weeks)."""
    args = context.args or []
    if len(args) > 1 or (args and not re.fullmatch(r"[0-9]{1,2}", args[0])):
        await reply(update, texts.BAD_PAUSE)
        return
    weeks = int(args[0]) if args else None
    if weeks is not None and not 1 <= weeks <= MAX_PAUSE_WEEKS:
        await reply(update, texts.BAD_PAUSE)
        return
    profile = context.services.profile
    await confirm(update, context, texts.paused(profile.pause(weeks), profile.today()))


async def resume(update: Update, context: RunLiftContext) -> None:
    """/resume: reminders back on (also after the bot was blocked and unblocked)."""
    context.services.profile.resume()
    await confirm(update, context, texts.RESUMED)


async def heads_up(update: Update, context: RunLiftContext) -> None:
    """/headsup on|off: a short note the evening before each lift day; alone: is it on?"""
    choice = " ".join(context.args or []).lower()
    if not choice:
        await reply(update, texts.heads_up_state(context.runner.heads_up))
        return
    if choice not in ("on", "off"):
        await reply(update, texts.BAD_HEADS_UP)
        return
    context.services.profile.heads_up(choice == "on")
    await confirm(update, context, texts.HEADS_UP_ON if choice == "on" else texts.HEADS_UP_OFF)


async def race(update: Update, context: RunLiftContext) -> None:
    """/race lists races (with remove buttons); /race 2027-04-12 half adds one."""
    profile = context.services.profile
    today = profile.today()
    if not context.args:
        races = await profile.races()
        if not races:
            await reply(update, texts.NO_RACES)
            return
        owner = context.runner.id
        buttons = one_per_row(
            (texts.remove_race_button(r, today), f"race:del:{r.id}:{owner}") for r in races
        )
        await reply(update, texts.races_list(races, today), buttons)
        return
    try:
        day, distance = parse_race(" ".join(context.args), today)
    except RaceInputError as error:
        await reply(update, texts.race_refused(error, today))
        return
    added = await profile.add_race(day, distance)
    await confirm(update, context, texts.race_added(added, today))


async def remove_race(update: Update, context: RunLiftContext) -> None:
    """A remove button: only the runner whose race it is."""
    action, race_id, owner = button_fields(update, "race", 3)
    if action != "del" or not race_id.isdigit():
        raise StaleButton(race_id)
    if not await pressed_by_owner(update, owner):
        return
    profile = context.services.profile
    removed = await profile.remove_race(int(race_id))
    text = texts.race_removed(removed, profile.today()) if removed else common.STALE_BUTTON
    await confirm(update, context, text)


async def reslot(update: Update, context: RunLiftContext) -> None:
    """The missed-session nudge's button: the session moves (once) to the offered day."""
    missed, target = (parse_day(text) for text in button_fields(update, "reslot", 2))
    await update.callback_query.answer()
    moved = await context.services.training.reslot(missed, target)
    if moved is None:
        await reply(update, common.STALE_BUTTON)
        return
    await confirm(update, context, texts.reslotted(*moved))


async def open_today(update: Update, context: RunLiftContext) -> None:
    """The reminder's button: the same as /today."""
    await update.callback_query.answer()
    await show_today(update, context)
