"""The callback context every handler receives: PTB's, plus the clock and the unit of work.

`unit_of_work` (applied to every callback where handlers are registered) opens one database
session per handler call, loads the sender's runner (created on first contact) and puts
`services` on the context; the handler never opens one itself.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import UTC, datetime
from typing import Any

from cachetools import TTLCache
from telegram import Update
from telegram.error import BadRequest
from telegram.ext import ApplicationHandlerStop, CallbackContext, ExtBot

from bot.dedupe import forget
from models import Database
from models.db import full_disk, unavailable
from render.common import DATABASE_BUSY, POST_AS_YOURSELF, STALE_BUTTON
from services import Runner, Sender, Services, open_services
from services.base import NoRunner

log = logging.getLogger(__name__)

DATABASE_KEY = "database"
CLOCK_KEY = "clock"  # tests put a function returning the current (UTC) time here
WRAPPED = "__runlift_unit_of_work__"
NO_DATABASE = "__runlift_without_database__"
POSTPONED_KEY = "postponed_updates"  # ids of updates to be handled again (database was out)
APOLOGISED_KEY = "apologised_updates"
BACKGROUND_KEY = "background_tasks"  # tasks started by `in_background`, until they finish

Callback = Callable[[Update, "RunLiftContext"], Awaitable[Any]]


class RunLiftContext(CallbackContext[ExtBot, dict, dict, dict]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Set when a conversation took this update, so catch-alls in later groups stay quiet.
        self.consumed = False
        self._services: Services | None = None

    def now(self) -> datetime:
        """The current time (UTC): the only place the bot reads the clock."""
        return self.application.bot_data.get(CLOCK_KEY, _utc_now)()

    @property
    def database(self) -> Database:
        return self.application.bot_data[DATABASE_KEY]

    @property
    def services(self) -> Services:
        """This update's services (only inside a callback wrapped by `unit_of_work`)."""
        if self._services is None:
            raise RuntimeError("no unit of work: register the callback with unit_of_work")
        return self._services

    @property
    def runner(self) -> Runner:
        """The sender, loaded (or created) when the update arrived."""
        return self.services.profile.runner


def _utc_now() -> datetime:
    return datetime.now(UTC)


def bot_clock(bot_data: dict) -> datetime:
    """The bot's current time (UTC) where there is no context, e.g. in the persistence."""
    return bot_data.get(CLOCK_KEY, _utc_now)()


def ttl_cache(context: RunLiftContext, key: str, maxsize: int, seconds: float) -> TTLCache:
    """A bounded cache in bot_data whose entries expire by the bot's clock (so tests travel)."""
    cache = context.bot_data.get(key)
    if cache is None:
        bot_data = context.application.bot_data
        timer = lambda: bot_data.get(CLOCK_KEY, _utc_now)().timestamp()  # noqa: E731
        cache = context.bot_data[key] = TTLCache(maxsize=maxsize, ttl=seconds, timer=timer)
    return cache


def sender_of(update: object) -> Sender | None:
    """The person behind an update; None for none, bots, and messages sent as a chat (an
    anonymous admin or a channel: there is no runner to load)."""
    if not isinstance(update, Update) or update.effective_user is None:
        return None
    message = update.effective_message
    if update.effective_user.is_bot or (message is not None and message.sender_chat):
        return None
    user, chat = update.effective_user, update.effective_chat
    private = chat.id if chat is not None and chat.type == "private" else None
    return Sender(user.id, user.first_name or "", private)


class StaleButton(Exception):
    """Callback data that no longer (or never did) make sense: forged, old or mangled."""


def without_database(callback: Callback) -> Callback:
    """Mark a handler that needs no database (a catch-all, /help): it runs without a unit of
    work, so the updates that only pass through it cost no session."""
    setattr(callback, NO_DATABASE, True)
    return callback


def unit_of_work(callback: Callback) -> Callback:
    """Run `callback` inside one unit of work: committed when it returns, rolled back if it
    raises. ApplicationHandlerStop is not a failure: what was done is committed, then it goes on
    up to PTB. A StaleButton rolls back and gets the stale-button answer; a runner asked of an
    update sent as a chat rolls back and asks them to send it as themselves."""
    if getattr(callback, WRAPPED, False) or getattr(callback, NO_DATABASE, False):
        return callback

    @functools.wraps(callback)
    async def wrapped(update: object, context: RunLiftContext) -> Any:
        stop: ApplicationHandlerStop | None = None
        try:
            async with open_services(context.database, context.now(), sender_of(update)) as s:
                context._services = s
                try:
                    result = await callback(update, context)
                except ApplicationHandlerStop as raised:
                    stop, result = raised, None
                finally:
                    context._services = None
        except StaleButton:
            if isinstance(update, Update) and update.callback_query is not None:
                await _say_stale(update)
            return None
        except NoRunner:  # what needs a runner, asked as a chat: nobody to answer for
            if isinstance(update, Update) and update.effective_chat is not None:
                await update.effective_chat.send_message(POST_AS_YOURSELF)
            return None
        except Exception as error:
            if not unavailable(error) or not isinstance(update, Update):
                raise
            await postpone(update, context, error)
            raise ApplicationHandlerStop from None  # nothing else handles it this time
        if stop is not None:
            raise stop
        return result

    setattr(wrapped, WRAPPED, True)
    return wrapped


async def _say_stale(update: Update) -> None:
    """The stale-button alert; when the handler had answered the press already (Telegram
    takes one answer), a message in a private chat instead, nothing in a group."""
    try:
        await update.callback_query.answer(STALE_BUTTON, show_alert=True)
    except BadRequest:
        chat = update.effective_chat
        if chat is not None and chat.type == "private":
            await chat.send_message(STALE_BUTTON)


def postponed(bot_data: dict) -> set[int]:
    """Ids of updates that could not be handled because the database was out: the intake
    does not acknowledge them, so Telegram delivers them again (bot/intake.py)."""
    return bot_data.setdefault(POSTPONED_KEY, set())


async def postpone(update: Update, context: RunLiftContext, error: BaseException) -> None:
    """The database is out (down, locked, disk full): roll back (done), keep the update for
    later, and say sorry once per update rather than at every retry."""
    what = "the disk is full" if full_disk(error) else "it is unreachable or locked"
    log.error("Database write failed (%s); update %s will be handled again: %s",
              what, update.update_id, error)  # fmt: skip
    postponed(context.bot_data).add(update.update_id)
    forget(update, context)  # its redelivery is not a repeat to drop
    apologised = ttl_cache(context, APOLOGISED_KEY, 10_000, 3600)
    if update.update_id in apologised:
        return
    apologised[update.update_id] = True
    try:
        if update.callback_query is not None:
            await update.callback_query.answer(DATABASE_BUSY, show_alert=True)
        elif update.effective_chat is not None:
            await update.effective_chat.send_message(DATABASE_BUSY)
    except Exception:  # Telegram may be out too; the update is kept either way
        log.warning("Could not send the apology for update %s", update.update_id, exc_info=True)


def in_background(
    context: RunLiftContext, work: Coroutine[Any, Any, Any], update: object
) -> asyncio.Task:
    """Run `work` after the update's handler returns (updates are handled one at a time: slow
    work such as drawing a chart would hold everyone up). PTB's `create_task` sends its errors
    to the error handlers and awaits it on shutdown; the task is kept in bot_data meanwhile."""
    tasks: set[asyncio.Task] = context.bot_data.setdefault(BACKGROUND_KEY, set())
    task = context.application.create_task(work, update=update, name="background")
    tasks.add(task)
    task.add_done_callback(tasks.discard)
    return task
