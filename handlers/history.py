"""/history (past sessions, paged), /plan (this week), /undo and the rest timer."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.context import RunLiftContext
from coaching import EXERCISES, SetEntry, Unit
from handlers import texts
from handlers.common import (
    button_data,
    current_user,
    keyboard,
    pressed_by_owner,
    reply,
    set_up_runner,
)
from handlers.groups import send_numbers
from handlers.today import day_text
from models.profile import kit_for, lift_days_of
from models.training_queries import (
    completed_sessions,
    entries_of,
    recent_sessions,
    session_on,
    sets_of,
)
from models.workouts import (
    lift_dates,
    local_today,
    prescribe,
    sets_text,
    undo_last,
    view,
)

PAGE = 5
REST_SECONDS = 120


async def _history_page(context: RunLiftContext, user_id: int, offset: int) -> tuple[str, list]:
    async with context.db() as db:
        sessions = await recent_sessions(db, user_id, offset, PAGE + 1)
        blocks = []
        for workout in sessions[:PAGE]:
            lines = []
            for entry in await entries_of(db, workout.id):
                sets = [
                    SetEntry(s.weight, s.reps, Unit(s.unit)) for s in await sets_of(db, entry.id)
                ]
                effort = f", {entry.rir} in reserve" if entry.rir is not None else ""
                lines.append(f"{EXERCISES[entry.exercise].name} {sets_text(sets)}{effort}")
            blocks.append(texts.history_session(day_text(workout.local_date),
                                                workout.session_name, lines))  # fmt: skip
    buttons = []
    if len(sessions) > PAGE:
        buttons.append((texts.OLDER, f"hist:{offset + PAGE}:{user_id}"))
    if offset > 0:
        buttons.append((texts.NEWER, f"hist:{max(0, offset - PAGE)}:{user_id}"))
    return "\n\n".join(blocks) or texts.NO_HISTORY, [buttons] if buttons else []


async def show_history(update: Update, context: RunLiftContext) -> None:
    """/history: the last sessions, newest first, five at a time."""
    text, buttons = await _history_page(context, update.effective_user.id, 0)
    async with context.db() as db:
        user = await current_user(db, update)
        await send_numbers(update, db, user, text, buttons or None)


async def page_history(update: Update, context: RunLiftContext) -> None:
    """Older / Newer: only the runner whose history it is can page it."""
    query = update.callback_query
    _, offset, owner = button_data(update).split(":")
    if not await pressed_by_owner(update, owner):
        return
    text, buttons = await _history_page(context, int(owner), max(0, int(offset)))
    await query.edit_message_text(text, reply_markup=keyboard(buttons) if buttons else None)


async def show_plan(update: Update, context: RunLiftContext) -> None:
    """/plan: this week's lift days with each session's lifts and loads."""
    async with context.db() as db:
        user = await set_up_runner(db, update)
        if user is None:
            return
        today = local_today(user, context.now())
        kit = kit_for(user)
        completed = await completed_sessions(db, user.id)
        parts = [texts.plan_header(lift_days_of(user).explanation)]
        for day in lift_dates(user, today):
            workout = await session_on(db, user.id, day)
            if workout is not None:
                prescription, done = workout.prescription, workout.status == "done"
            else:
                prescription, done = await prescribe(db, user, day, completed), False
                completed += 1 if day >= today else 0
            session = view(user, day, prescription)
            lifts = [texts.planned_line(lift, kit) for lift in session.lifts]
            parts.append(texts.plan_day(day_text(day), session.name, lifts, done))
        if len(parts) == 1:
            parts.append(texts.PLAN_NO_DAYS)
        await send_numbers(update, db, user, "\n\n".join(parts))


async def undo(update: Update, context: RunLiftContext) -> None:
    """/undo: remove the last logged exercise and restore that lift."""
    async with context.db() as db:
        user = await current_user(db, update)
        removed = await undo_last(db, user)
    if removed is None:
        await reply(update, texts.NOTHING_TO_UNDO)
        return
    entry, sets = removed
    shown = sets_text([SetEntry(w, r, Unit(u)) for w, r, u in sets])
    await reply(update, texts.undone(EXERCISES[entry.exercise].name, shown))


async def start_rest(update: Update, context: RunLiftContext) -> None:
    """The rest button: a message in this chat when 2 minutes are over (one timer per runner)."""
    query = update.callback_query
    await query.answer(texts.REST_STARTED)
    chat_id, user_id = update.effective_chat.id, update.effective_user.id
    name = f"rest:{chat_id}:{user_id}"
    for job in context.job_queue.get_jobs_by_name(name):
        job.schedule_removal()
    context.job_queue.run_once(rest_over, timedelta(seconds=REST_SECONDS), chat_id=chat_id,
                               user_id=user_id, name=name)  # fmt: skip


async def rest_over(context: RunLiftContext) -> None:
    await context.bot.send_message(context.job.chat_id, texts.REST_OVER)
