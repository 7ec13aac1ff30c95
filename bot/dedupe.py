"""Drop an update this process has already handled (Telegram may deliver one twice).

Keyed by update id, not a high-water mark: different chats' updates arrive out of order.
Across restarts, the database's unique keys keep a redelivered write from storing twice.
"""

from __future__ import annotations

from collections import OrderedDict

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

SEEN_KEY = "seen_updates"
REMEMBERED = 10_000


async def drop_repeats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    seen: OrderedDict[int, None] = context.bot_data.setdefault(SEEN_KEY, OrderedDict())
    if update.update_id in seen:
        raise ApplicationHandlerStop
    seen[update.update_id] = None
    if len(seen) > REMEMBERED:
        seen.popitem(last=False)
