"""/pause, /resume, /headsup, /race, and the buttons reminders carry."""

from __future__ import annotations

import re
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.context import RunLiftContext
from coaching import Distance
from handlers import texts
from handlers.common import button_data, current_user, one_per_row, pressed_by_owner, reply
from handlers.today import day_text, show_today
from models import Race
from models.workouts import local_today
from scheduler.planning import replan

MAX_PAUSE_WEEKS = 52


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
    async with context.db() as db:
        user = await current_user(db, update)
        if weeks is None:
            user.active, user.paused_until = False, None
        else:
            user.paused_until = local_today(user, context.now()) + timedelta(weeks=weeks)
        await replan(db, user)
        until = day_text(user.paused_until) if user.paused_until else None
    await reply(update, texts.paused(until))


async def resume(update: Update, context: RunLiftContext) -> None:
    """/resume: reminders back on (also after the bot was blocked and unblocked)."""
    async with context.db() as db:
        user = await current_user(db, update)
        user.active, user.paused_until = True, None
        await replan(db, user)
    await reply(update, texts.RESUMED)


async def heads_up(update: Update, context: RunLiftContext) -> None:
    """/headsup on|off: a short note the evening before each lift day."""
    choice = " ".join(context.args or []).lower()
    if choice not in ("on", "off"):
        await reply(update, texts.BAD_HEADS_UP)
        return
    async with context.db() as db:
        user = await current_user(db, update)
        user.heads_up = choice == "on"
        await replan(db, user)
    await reply(update, texts.HEADS_UP_ON if choice == "on" else texts.HEADS_UP_OFF)


def _parse_race(args: list[str], today: date) -> tuple[date, Distance] | None:
    if len(args) != 2:
        return None
    try:
        day, distance = date.fromisoformat(args[0]), Distance(args[1].lower())
    except ValueError:
        return None
    return (day, distance) if day >= today else None


async def race(update: Update, context: RunLiftContext) -> None:
    """/race lists races (with remove buttons); /race 2027-04-12 half adds one."""
    async with context.db() as db:
        user = await current_user(db, update)
        if not context.args:
            await _list_races(update, db, user.id)
            return
        parsed = _parse_race(context.args, local_today(user, context.now()))
        if parsed is None:
            await reply(update, texts.RACE_USAGE)
            return
        day, distance = parsed
        db.add(Race(user_id=user.id, race_date=day, distance=distance.value))
        await replan(db, user)
    await reply(update, texts.race_added(day_text(day), distance.value, texts.TAPER_EXPLAINED))


async def _list_races(update: Update, db: AsyncSession, user_id: int) -> None:
    query = select(Race).where(Race.user_id == user_id).order_by(Race.race_date)
    races = list(await db.scalars(query))
    if not races:
        await reply(update, texts.NO_RACES)
        return
    lines = [f"{r.distance} on {day_text(r.race_date)}" for r in races]
    buttons = one_per_row(
        (texts.remove_race_button(day_text(r.race_date), r.distance), f"race:del:{r.id}:{user_id}")
        for r in races
    )
    await reply(update, texts.races_list(lines), buttons)


async def remove_race(update: Update, context: RunLiftContext) -> None:
    """A remove button: only the runner whose race it is."""
    _, _, race_id, owner = button_data(update).split(":")
    if not await pressed_by_owner(update, owner):
        return
    async with context.db() as db:
        user = await current_user(db, update)
        row = await db.get(Race, int(race_id))
        if row is None or row.user_id != user.id:
            await reply(update, texts.STALE_BUTTON)
            return
        await db.delete(row)
        await replan(db, user)
    await reply(update, texts.race_removed(day_text(row.race_date), row.distance))


async def reslot(update: Update, context: RunLiftContext) -> None:
    """The missed-session nudge's button: the session moves (once) to the offered day."""
    query = update.callback_query
    await query.answer()
    _, missed, target = button_data(update).split(":")
    async with context.db() as db:
        user = await current_user(db, update)
        target_day = date.fromisoformat(target)
        if target_day < local_today(user, context.now()):
            await reply(update, texts.STALE_BUTTON)
            return
        user.moved_from, user.moved_to = date.fromisoformat(missed), target_day
        await replan(db, user)
    await reply(update, texts.reslotted(day_text(target_day)))


async def open_today(update: Update, context: RunLiftContext) -> None:
    """The reminder's button: the same as /today."""
    await update.callback_query.answer()
    await show_today(update, context)
