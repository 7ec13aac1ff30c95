"""The reminder tick: plan what changed, claim what is due, send it, record it.

The decisions (who is due, what to say, what a send means) are the reminders service's; this
module only talks to Telegram. Each step is its own unit of work, and no database connection
is held while Telegram (and the rate limiter) take their time. After downtime, a reminder up to
the grace window late (default 6 h) is sent with a note; an older one is marked "missed".
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from dataclasses import dataclass
from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.context import RunLiftContext
from render import reminders as texts
from render.common import OWNER_MARK
from render.groups import board
from services import open_services
from services.reminders import (
    Due,
    GroupLiftDay,
    GroupSummary,
    HeadsUp,
    LiftReminder,
    MissedSession,
    Outcome,
)

log = logging.getLogger(__name__)

SETTINGS_KEY = "reminder_settings"


@dataclass(frozen=True)
class ReminderSettings:
    grace: timedelta = timedelta(hours=6)
    paid_broadcast: bool = False  # sent with allow_paid_broadcast: 1,000/s instead of 30/s


@dataclass(frozen=True)
class Outgoing:
    row_id: int
    chat_id: int
    text: str | None  # None: nothing to say any more (e.g. the missed session was done)
    buttons: list[tuple[str, str]]


async def tick(context: RunLiftContext) -> None:
    """Passes until nothing is left to send (a pass claims one batch, and the rate limiter
    paces it: the next batch follows at once instead of a tick later); never raises, so the
    repeating job keeps running."""
    try:
        while await run_tick(context):
            pass
    except Exception:
        log.exception("Reminder tick failed; the next tick tries again")


async def run_tick(context: RunLiftContext) -> int:
    """Plan, expire, claim and send; returns how many reminders were sent."""
    now, database = context.now(), context.database
    settings: ReminderSettings = context.bot_data.get(SETTINGS_KEY, ReminderSettings())
    async with open_services(database, now) as services:
        await services.reminders.plan_due()
    async with open_services(database, now) as services:
        await services.reminders.expire(settings.grace)
    async with open_services(database, now) as services:
        claimed = await services.reminders.claim()  # committed before anything is sent
    if not claimed:
        return 0
    async with open_services(database, now) as services:
        outgoing = [word(due) for due in await services.reminders.prepare_many(claimed)]
    outcomes = await asyncio.gather(*(send(context, message) for message in outgoing))
    async with open_services(database, now) as services:
        for outcome in outcomes:
            await services.reminders.record(outcome)
    return sum(outcome.status == "sent" for outcome in outcomes)


def word(due: Due) -> Outgoing:
    """A claimed reminder in words (render/ decides how it reads)."""
    content, buttons = due.content, []
    if content is None:
        return Outgoing(due.row_id, due.chat_id, None, [])
    if isinstance(content, LiftReminder):
        text = texts.lift_reminder(content)
        buttons = [] if content.session.no_lifting else [(texts.OPEN_TODAY, "today:show")]
    elif isinstance(content, HeadsUp):
        text = texts.heads_up(content.session_name, content.lift_date)
    elif isinstance(content, MissedSession):
        text, buttons = texts.missed(content)
    elif isinstance(content, GroupLiftDay):
        text, buttons = texts.group_lift_day(content, OWNER_MARK)
    elif isinstance(content, GroupSummary):
        text = board(content.board)
    if due.late:
        text = texts.LATE_NOTE + "\n" + text
    return Outgoing(due.row_id, due.chat_id, text, buttons)


async def send(context: RunLiftContext, message: Outgoing) -> Outcome:
    """Send one reminder; turn Telegram's answer into what to record."""
    if message.text is None:
        return Outcome(message.row_id, "skipped", message.chat_id)
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data)] for label, data in message.buttons]
    )
    chat_id = message.chat_id
    settings: ReminderSettings = context.bot_data.get(SETTINGS_KEY, ReminderSettings())
    paid = {"allow_paid_broadcast": True} if settings.paid_broadcast else {}
    try:
        try:
            await context.bot.send_message(chat_id, message.text, reply_markup=markup, **paid)
        except ChatMigrated as error:  # a group became a supergroup: its id changed
            chat_id = error.new_chat_id
            await context.bot.send_message(chat_id, message.text, reply_markup=markup, **paid)
    except RetryAfter as error:
        return Outcome(message.row_id, "retry", chat_id, _retry_after(error))
    except Forbidden:
        return Outcome(message.row_id, "blocked", chat_id)
    except BadRequest as error:
        log.warning("Reminder %s refused: %s", message.row_id, error)
        return Outcome(message.row_id, "failed", chat_id)
    except NetworkError as error:
        log.warning("Reminder %s not sent yet: %s", message.row_id, error)
        return Outcome(message.row_id, "retry", chat_id)
    return Outcome(message.row_id, "sent", chat_id)


def _retry_after(error: RetryAfter) -> timedelta:
    with warnings.catch_warnings():  # PTB 22 warns that this will become a timedelta
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))
