"""/history (past sessions, paged), /plan (the next seven days) and the rest timer."""

from __future__ import annotations

from datetime import timedelta

from telegram import Update

from bot.context import RunLiftContext, without_database
from handlers.common import (
    StaleButton,
    button_fields,
    is_private,
    keyboard,
    pressed_by_owner,
    reply,
    send_numbers,
    set_up_runner,
)
from render import training as texts
from services.reports import HISTORY_PAGE

REST_SECONDS = 120
PLAN_ARGUMENTS = {"": 0, "next": 1}  # /plan and /plan next: weeks ahead of today


async def _history_page(
    context: RunLiftContext, user_id: int, offset: int, editable: bool
) -> tuple[str, list]:
    page = await context.services.reports.history(user_id, offset)
    buttons = []
    if page.more:
        buttons.append((texts.OLDER, f"hist:{offset + HISTORY_PAGE}:{user_id}"))
    if offset > 0:
        buttons.append((texts.NEWER, f"hist:{max(0, offset - HISTORY_PAGE)}:{user_id}"))
    rows = [buttons] if buttons else []
    if editable and page.sessions:
        rows.append([(texts.EDIT_OR_DELETE, f"hedit:{offset}")])
    return texts.history(page), rows


async def show_history(update: Update, context: RunLiftContext) -> None:
    """/history: the last sessions, newest first, five at a time."""
    text, buttons = await _history_page(context, context.runner.id, 0, is_private(update))
    await send_numbers(update, context, text, buttons or None)


async def page_history(update: Update, context: RunLiftContext) -> None:
    """Older / Newer: only the runner whose history it is can page it."""
    offset, owner = button_fields(update, "hist", 2)
    if not offset.isdigit() or not owner.lstrip("-").isdigit():
        raise StaleButton(offset)
    if not await pressed_by_owner(update, owner):
        return
    text, buttons = await _history_page(context, int(owner), int(offset), is_private(update))
    markup = keyboard(buttons) if buttons else None
    await update.callback_query.edit_message_text(text, reply_markup=markup)


async def show_plan(update: Update, context: RunLiftContext) -> None:
    """/plan: the next seven days' lift days with their loads; /plan next: the seven after."""
    if await set_up_runner(update, context) is None:
        return
    weeks_ahead = PLAN_ARGUMENTS.get(" ".join(context.args or ()).lower())
    if weeks_ahead is None:
        await reply(update, texts.PLAN_USAGE)
        return
    services = context.services
    the_plan = await services.reports.plan(weeks_ahead)
    text = texts.plan(the_plan, services.profile.run_week(), services.profile.kit())
    await send_numbers(update, context, text)


@without_database
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
