"""Drop an update this process has already handled (Telegram may deliver one twice).

An update is known by what it is, never by its update id: Telegram numbers updates afresh
after a week without any (and the terminal chat at every run), so an id seen before may be
a new update. A message is its chat and message id (an edit is a new delivery of it), a
button press its callback query id; anything else its id together with its content. Not a
high-water mark either: different chats' updates arrive out of order. Across restarts, the
database's unique keys (by `origin`) keep a redelivered write from storing twice.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

from telegram import Update
from telegram.ext import ApplicationHandlerStop, ContextTypes

SEEN_KEY = "seen_updates"
REMEMBERED = 10_000


def origin(update: Update) -> str:
    """What a write caused by this update is stored under, for good: a button press by its
    callback query id, a message (edited or not) by its chat and message id."""
    if update.callback_query is not None:
        return f"q:{update.callback_query.id}"
    message = update.effective_message
    if message is not None:
        return f"m:{message.chat_id}:{message.message_id}"
    # Nothing stores from other updates (e.g. my_chat_member); their id names them for now.
    return f"u:{update.update_id}"


def delivery(update: Update) -> Hashable:
    """The same for a redelivered update, different for every new one (an edit included)."""
    if update.callback_query is not None:
        return origin(update)
    message = update.effective_message
    if message is not None:
        return origin(update), message.edit_date
    return update.update_id, hash(update.to_json())


async def drop_repeats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    seen: OrderedDict[Hashable, None] = context.bot_data.setdefault(SEEN_KEY, OrderedDict())
    key = delivery(update)
    if key in seen:
        raise ApplicationHandlerStop
    seen[key] = None
    if len(seen) > REMEMBERED:
        seen.popitem(last=False)


def forget(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """This delivery was not handled after all (the database was out): let it in again."""
    context.bot_data.get(SEEN_KEY, OrderedDict()).pop(delivery(update), None)
