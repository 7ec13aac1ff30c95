"""Which reminders a runner should get in the next days, stored as rows with a UTC due time.

Planned for the local days from yesterday to a week ahead, whenever something that decides
them changes (handlers then set `reminders_planned_until` to None) and on a rolling horizon.
Rows already claimed or sent are never touched: the (chat, kind, local date) key keeps a
re-plan from creating a second reminder for the same day.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, or_, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from coaching import Phase, race_advice
from models import Group, Reminder, User
from models.workouts import is_lift_day, local_today, races_of
from scheduler.timing import local_to_utc, parse_hhmm

HORIZON_DAYS = 7
HEADS_UP_AT = time(20, 0)


def paused_on(user: User, day: date) -> bool:
    return not user.active or (user.paused_until is not None and day <= user.paused_until)


async def wanted_reminders(db: AsyncSession, user: User, today: date) -> list[dict]:
    """The reminder rows this runner should have from yesterday to the horizon."""
    if not user.onboarded or not user.timezone or not user.reminder_time:
        return []
    races = await races_of(db, user.id)
    at = parse_hhmm(user.reminder_time)
    rows = []
    for offset in range(-1, HORIZON_DAYS + 1):
        day = today + timedelta(days=offset)
        if paused_on(user, day) or not is_lift_day(user, day):
            continue
        if race_advice(day, races).phase is Phase.NO_LIFTING:
            continue
        moments = [("lift", day, at), ("missed", day + timedelta(days=1), at)]
        if user.heads_up:
            moments.append(("heads_up", day - timedelta(days=1), HEADS_UP_AT))
        for kind, local_date, moment in moments:
            rows.append({"chat_id": user.private_chat_id or user.id, "user_id": user.id,
                         "kind": kind, "local_date": local_date, "lift_date": day,
                         "due_at": local_to_utc(local_date, moment, user.timezone),
                         "status": "due", "attempts": 0})  # fmt: skip
    return rows


async def plan_user(db: AsyncSession, user: User, now: datetime) -> int:
    """Replace the runner's future reminders with what their plan says now.

    Rows already due stay as they are (after downtime they go out late, within the grace
    window), and no row is created for a time that has passed: a runner who moves today's
    reminder to an earlier hour is not sent one "late".
    """
    today = local_today(user, now)
    await db.execute(
        delete(Reminder).where(
            Reminder.user_id == user.id, Reminder.status == "due", Reminder.due_at > now
        )
    )
    rows = [row for row in await wanted_reminders(db, user, today) if row["due_at"] >= now]
    await _insert_new(db, rows)
    user.reminders_planned_until = today + timedelta(days=HORIZON_DAYS)
    return len(rows)


GROUP_SUMMARY_AT = time(18, 0)


async def plan_group(db: AsyncSession, group: Group, now: datetime) -> int:
    """A group's reminder on every day of the horizon (who is due is decided when it is sent)
    and its weekly summary; only once the group has a time zone and a reminder time."""
    await db.execute(
        delete(Reminder).where(
            Reminder.group_id == group.id, Reminder.status == "due", Reminder.due_at > now
        )
    )
    if not group.timezone or not group.reminder_time:
        group.reminders_planned_until = now.date() + timedelta(days=HORIZON_DAYS)
        return 0
    today = now.astimezone(ZoneInfo(group.timezone)).date()
    at = parse_hhmm(group.reminder_time)
    rows = []
    for offset in range(HORIZON_DAYS + 1):
        day = today + timedelta(days=offset)
        moments = [("group", at)]
        if group.weekly_summary and day.weekday() == group.summary_day:
            moments.append(("summary", GROUP_SUMMARY_AT))
        for kind, moment in moments:
            due = local_to_utc(day, moment, group.timezone)
            if due >= now:
                rows.append({"chat_id": group.id, "group_id": group.id, "kind": kind,
                             "local_date": day, "lift_date": day, "due_at": due,
                             "status": "due", "attempts": 0})  # fmt: skip
    await _insert_new(db, rows)
    group.reminders_planned_until = today + timedelta(days=HORIZON_DAYS)
    return len(rows)


async def _insert_new(db: AsyncSession, rows: list[dict]) -> None:
    """Insert reminder rows, leaving any (chat, kind, local date) that already exists alone."""
    if not rows:
        return
    insert = postgresql_insert if db.bind.dialect.name == "postgresql" else sqlite_insert
    await db.execute(insert(Reminder).values(rows).on_conflict_do_nothing())


async def groups_to_plan(db: AsyncSession, now: datetime, limit: int) -> list[Group]:
    horizon = now.date() + timedelta(days=HORIZON_DAYS - 2)
    query = (
        select(Group)
        .where(
            or_(Group.reminders_planned_until.is_(None), Group.reminders_planned_until < horizon)
        )
        .limit(limit)
    )
    return list(await db.scalars(query))


async def users_to_plan(db: AsyncSession, now: datetime, limit: int) -> list[User]:
    """Runners whose reminders changed or whose horizon is running out (indexed)."""
    horizon = now.date() + timedelta(days=HORIZON_DAYS - 2)
    query = (
        select(User)
        .where(
            User.onboarded.is_(True),
            or_(User.reminders_planned_until.is_(None), User.reminders_planned_until < horizon),
        )
        .limit(limit)
    )
    return list(await db.scalars(query))


async def replan(db: AsyncSession, user: User) -> None:
    """Something that decides the runner's reminders changed: drop the unsent ones now (even
    one already due: it was planned on the old settings) and plan again on the next tick."""
    await db.execute(delete(Reminder).where(Reminder.user_id == user.id, Reminder.status == "due"))
    user.reminders_planned_until = None
