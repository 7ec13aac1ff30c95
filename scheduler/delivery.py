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

import httpx
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.warnings import PTBDeprecationWarning

from bot.context import RunLiftContext
from bot.crash import crash_point
from coaching.trends import ProgressChart
from render import reminders as texts
from render.charts import FILE_NAME, draw_off_loop
from render.common import OWNER_MARK
from render.groups import board
from render.progress import progress_caption
from render.summary import weekly_summary
from services import open_services
from services.reminders import (
    SENDING_TIMEOUT,
    Due,
    GroupLiftDay,
    GroupSummary,
    HeadsUp,
    LiftReminder,
    MissedSession,
    Outcome,
)
from services.summaries import WeeklySummary

log = logging.getLogger(__name__)

SETTINGS_KEY = "reminder_settings"


@dataclass(frozen=True)
class ReminderSettings:
    grace: timedelta = timedelta(hours=6)
    reclaim_after: timedelta = SENDING_TIMEOUT
    paid_broadcast: bool = False  # sent with allow_paid_broadcast: 1,000/s instead of 30/s


@dataclass(frozen=True)
class Outgoing:
    row_id: int
    chat_id: int
    text: str | None  # None: nothing to say any more (e.g. the missed session was done)
    buttons: list[tuple[str, str]]
    chart: ProgressChart | None = None  # sent as a photo after the text (the weekly summary)


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
        await services.reminders.expire(settings.grace, settings.reclaim_after)
    async with open_services(database, now) as services:
        claimed = await services.reminders.claim()  # committed before anything is sent
    if not claimed:
        return 0
    crash_point("after_claim")
    async with open_services(database, now) as services:
        outgoing = [word(due) for due in await services.reminders.prepare_many(claimed)]
    marks = SentMarks(context)
    outcomes = await asyncio.gather(*(send(context, message, marks) for message in outgoing))
    crash_point("after_mark")
    async with open_services(database, now) as services:
        await services.reminders.record_all(outcomes)
    return sum(outcome.status == "sent" for outcome in outcomes)


class SentMarks:
    """Writes each accepted message's id the moment Telegram answers (services/reminders.py:
    what a reclaim after a crash reads). Ids that arrive while a write is under way go in the
    next write together, so a batch costs a few commits, not one per message."""

    def __init__(self, context: RunLiftContext) -> None:
        self.context = context
        self.pending: list[tuple[int, int]] = []
        self.lock = asyncio.Lock()

    async def add(self, row_id: int, message_id: int) -> None:
        self.pending.append((row_id, message_id))
        async with self.lock:
            if not self.pending:  # written by the write before this one
                return
            batch, self.pending = self.pending, []
            try:
                async with open_services(self.context.database, self.context.now()) as services:
                    await services.reminders.mark_sent(batch)
            except Exception:  # the send happened: recording the outcome writes the ids too
                log.exception("Could not mark %d reminders as sent yet", len(batch))


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
    elif isinstance(content, WeeklySummary):
        text = weekly_summary(content)
    if due.late:
        text = texts.LATE_NOTE + "\n" + text
    chart = content.chart if isinstance(content, WeeklySummary) else None
    return Outgoing(due.row_id, due.chat_id, text, buttons, chart)


async def send(
    context: RunLiftContext, message: Outgoing, marks: SentMarks | None = None
) -> Outcome:
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
            sent = await context.bot.send_message(
                chat_id, message.text, reply_markup=markup, **paid
            )
        except ChatMigrated as error:  # a group became a supergroup: its id changed
            chat_id = error.new_chat_id
            sent = await context.bot.send_message(
                chat_id, message.text, reply_markup=markup, **paid
            )
    except RetryAfter as error:
        return Outcome(message.row_id, "retry", chat_id, _retry_after(error))
    except Forbidden:
        return Outcome(message.row_id, "blocked", chat_id)
    except BadRequest as error:
        log.warning("Reminder %s refused: %s", message.row_id, error)
        return Outcome(message.row_id, "failed", chat_id)
    except TimedOut as error:
        if not _never_sent(error):  # the request went out; Telegram may well have delivered it
            log.warning("Reminder %s: no answer from Telegram; not resent", message.row_id)
            return Outcome(message.row_id, "unconfirmed", chat_id)
        log.warning("Reminder %s not sent yet: %s", message.row_id, error)
        return Outcome(message.row_id, "retry", chat_id)
    except NetworkError as error:
        log.warning("Reminder %s not sent yet: %s", message.row_id, error)
        return Outcome(message.row_id, "retry", chat_id)
    crash_point("after_send")  # the window services/reminders.py describes
    if marks is not None:
        await marks.add(message.row_id, sent.message_id)
    if message.chart is not None:
        await send_chart(context, chat_id, message)
    return Outcome(message.row_id, "sent", chat_id, message_id=sent.message_id)


async def send_chart(context: RunLiftContext, chat_id: int, message: Outgoing) -> None:
    """The chart that goes with a reminder (the weekly summary's), after its text and only
    once: the text is the reminder (its message id is the one marked and recorded), the photo
    an extra. Whatever happens to the photo, the reminder is sent and never sent again, so a
    photo that fails is not retried (it is not worth a second copy of the text); /progress
    draws it on request. The text goes first because it may be longer than a caption can be."""
    try:
        png = await draw_off_loop(message.chart)  # off the event loop: updates keep flowing
        await context.bot.send_photo(
            chat_id, png, caption=progress_caption(message.chart), filename=FILE_NAME
        )
    except TelegramError as error:
        log.warning("Reminder %s: its chart was not sent: %s", message.row_id, error)
    except Exception:  # drawing failed: the text went out, which is what matters
        log.exception("Reminder %s: its chart could not be drawn", message.row_id)


def _never_sent(error: TimedOut) -> bool:
    """A timeout while connecting or waiting for a pooled connection: nothing left the
    process, so a retry cannot duplicate. Any other timeout (writing, reading the answer) may
    come after Telegram delivered the message: a second send could be a duplicate."""
    return isinstance(error.__cause__, httpx.ConnectTimeout | httpx.PoolTimeout)


def _retry_after(error: RetryAfter) -> timedelta:
    with warnings.catch_warnings():  # PTB 22 warns that this will become a timedelta
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))
