"""The reminder tick: plan what changed, claim what is due, send it, record it.

Exactly once: a row is claimed (status "sending") in its own committed transaction before it is
sent, and marked "sent" after. A process that dies between the two leaves the row "sending";
it is never sent again. So a crash can lose the reminders of the batch in flight (at most one
tick's worth, sent within seconds of their claim) but never send one twice.
After downtime, a reminder up to the grace window late (default 6 h) is sent with a note;
an older one is marked "missed".
"""

from __future__ import annotations

import asyncio
import logging
import warnings
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter
from telegram.warnings import PTBDeprecationWarning

from bot.context import RunLiftContext
from models import Group, Reminder, User
from models.group_queries import move_group
from scheduler import messages
from scheduler.planning import groups_to_plan, plan_group, plan_user, replan, users_to_plan

log = logging.getLogger(__name__)

SETTINGS_KEY = "reminder_settings"
PLAN_PER_TICK = 500
CLAIM_PER_TICK = 900  # 30 messages/s for a 30 s tick: what Telegram lets through
MAX_ATTEMPTS = 5
LATE_NOTE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class ReminderSettings:
    grace: timedelta = timedelta(hours=6)


async def tick(context: RunLiftContext) -> None:
    """One pass; never raises, so the repeating job keeps running."""
    try:
        await run_tick(context)
    except Exception:
        log.exception("Reminder tick failed; the next tick tries again")


async def run_tick(context: RunLiftContext) -> int:
    """Plan, expire, claim and send; returns how many reminders were sent."""
    now = context.now()
    settings: ReminderSettings = context.bot_data.get(SETTINGS_KEY, ReminderSettings())
    async with context.db() as db:
        for user in await users_to_plan(db, now, PLAN_PER_TICK):
            await plan_user(db, user, now)
        for group in await groups_to_plan(db, now, PLAN_PER_TICK):
            await plan_group(db, group, now)
    async with context.db() as db:
        await db.execute(
            update(Reminder)
            .where(Reminder.status == "due", Reminder.due_at < now - settings.grace)
            .values(status="missed")
        )
        await forget_old(db, now)
    claimed = await claim(context, now)
    if not claimed:
        return 0
    async with context.db() as db:
        outgoing = [await prepare(db, row_id, now) for row_id in claimed]
    # No database connection is held while Telegram (and the rate limiter) take their time.
    outcomes = await asyncio.gather(*(send(context, message) for message in outgoing))
    async with context.db() as db:
        for outcome in outcomes:
            await record(db, outcome, now)
    return sum(outcome.status == "sent" for outcome in outcomes)


KEEP_FOR = timedelta(days=30)
FORGET_PER_TICK = 1000
FINISHED = ("sent", "missed", "skipped", "failed", "blocked")


async def forget_old(db: AsyncSession, now: datetime) -> None:
    """Finished reminders older than a month go, a batch a tick, so the table stays small."""
    old = (
        select(Reminder.id)
        .where(Reminder.status.in_(FINISHED), Reminder.due_at < now - KEEP_FOR)
        .limit(FORGET_PER_TICK)
    )
    await db.execute(delete(Reminder).where(Reminder.id.in_(old.scalar_subquery())))


async def claim(context: RunLiftContext, now: datetime) -> list[int]:
    """Mark due rows as being sent, in one committed transaction; returns their ids.

    On PostgreSQL the rows are locked with SKIP LOCKED, so two processes never claim the same
    row; on SQLite the conditional UPDATE inside the write transaction does the same.
    """
    async with context.db() as db:
        query = (
            select(Reminder.id)
            .where(Reminder.status == "due", Reminder.due_at <= now)
            .order_by(Reminder.due_at)
            .limit(CLAIM_PER_TICK)
        )
        if db.bind.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        ids = list(await db.scalars(query))
        if not ids:
            return []
        result = await db.execute(
            update(Reminder)
            .where(Reminder.id.in_(ids), Reminder.status == "due")
            .values(status="sending", claimed_at=now)
            .returning(Reminder.id)
        )
        return sorted(result.scalars())


@dataclass
class Outgoing:
    row_id: int
    chat_id: int
    text: str | None  # None: nothing to say any more (e.g. the missed session was done)
    buttons: list[tuple[str, str]]


@dataclass
class Outcome:
    row_id: int
    status: str  # sent, skipped, retry, blocked, failed
    chat_id: int
    retry_after: timedelta | None = None


async def prepare(db: AsyncSession, row_id: int, now: datetime) -> Outgoing:
    row = await db.get(Reminder, row_id)
    if row.group_id is not None:
        group = await db.get(Group, row.group_id)
        content = await messages.render_group(db, group, row) if group is not None else None
    else:
        user = await db.get(User, row.user_id) if row.user_id else None
        content = await messages.render(db, user, row) if user is not None else None
    if content is None:
        return Outgoing(row_id, row.chat_id, None, [])
    text, buttons = content
    if now - row.due_at > LATE_NOTE_AFTER:
        text = messages.LATE_NOTE + "\n" + text
    return Outgoing(row_id, row.chat_id, text, buttons)


async def send(context: RunLiftContext, message: Outgoing) -> Outcome:
    """Send one reminder; turn Telegram's answer into what to record."""
    if message.text is None:
        return Outcome(message.row_id, "skipped", message.chat_id)
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data)] for label, data in message.buttons]
    )
    chat_id = message.chat_id
    try:
        try:
            await context.bot.send_message(chat_id, message.text, reply_markup=markup)
        except ChatMigrated as error:  # a group became a supergroup: its id changed
            chat_id = error.new_chat_id
            await context.bot.send_message(chat_id, message.text, reply_markup=markup)
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


async def record(db: AsyncSession, outcome: Outcome, now: datetime) -> None:
    row = await db.get(Reminder, outcome.row_id)
    if outcome.chat_id != row.chat_id and row.group_id is not None:
        await move_group(db, row.group_id, outcome.chat_id)  # the group became a supergroup
        await db.refresh(row)
    row.chat_id = outcome.chat_id
    if outcome.status == "retry":
        if outcome.retry_after is None:  # a network error: back off, then give up
            row.attempts += 1
        if row.attempts >= MAX_ATTEMPTS:
            row.status = "failed"
            return
        row.status = "due"
        row.due_at = now + (outcome.retry_after or timedelta(minutes=row.attempts))
        return
    row.status = outcome.status
    if outcome.status == "sent":
        row.sent_at = now
    elif outcome.status == "blocked":
        user = await db.get(User, row.user_id) if row.user_id else None
        if user is not None:
            user.active = False  # they blocked the bot: no more reminders until they return
            await replan(db, user)


def _retry_after(error: RetryAfter) -> timedelta:
    with warnings.catch_warnings():  # PTB 22 warns that this will become a timedelta
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))
