"""One member flooding the bot must not starve everyone else: past a limit per minute, their
updates are dropped (cheaply, before any database work) and they are told once.

The recent updates are kept per user in a TTLCache: a user quiet for a minute is forgotten, and
the cache never holds more than FLOOD_USERS users (the least recently seen go first).
"""

from __future__ import annotations

from collections import deque
from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import RunLiftContext, postponed, ttl_cache
from render.common import SLOW_DOWN

FLOOD_KEY = "recent_updates"
LIMIT = 60
WINDOW = timedelta(minutes=1)
FLOOD_USERS = 100_000


async def drop_floods(update: Update, context: RunLiftContext) -> None:
    if update.effective_user is None or update.update_id in postponed(context.bot_data):
        return  # a redelivery of an update the database was out for is not a new one
    now = context.now()
    cache = ttl_cache(context, FLOOD_KEY, FLOOD_USERS, WINDOW.total_seconds())
    recent: deque = cache.get(update.effective_user.id) or deque()
    while recent and now - recent[0] > WINDOW:
        recent.popleft()
    recent.append(now)
    cache[update.effective_user.id] = recent  # seen now: kept for another window
    if len(recent) <= LIMIT:
        return
    if len(recent) == LIMIT + 1 and update.effective_chat is not None:
        await update.effective_chat.send_message(SLOW_DOWN)
    raise ApplicationHandlerStop
