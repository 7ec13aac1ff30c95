"""One member flooding the bot must not starve everyone else: past a limit per minute, their
updates are dropped (cheaply, before any database work) and they are told once."""

from __future__ import annotations

from collections import deque
from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import RunLiftContext
from handlers.texts import SLOW_DOWN

FLOOD_KEY = "recent_updates"
LIMIT = 60
WINDOW = timedelta(minutes=1)


async def drop_floods(update: Update, context: RunLiftContext) -> None:
    if update.effective_user is None:
        return
    now = context.now()
    recent: deque = context.bot_data.setdefault(FLOOD_KEY, {}).setdefault(
        update.effective_user.id, deque()
    )
    while recent and now - recent[0] > WINDOW:
        recent.popleft()
    recent.append(now)
    if len(recent) <= LIMIT:
        return
    if len(recent) == LIMIT + 1 and update.effective_chat is not None:
        await update.effective_chat.send_message(SLOW_DOWN)
    raise ApplicationHandlerStop
