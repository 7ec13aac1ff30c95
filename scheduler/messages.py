"""What a reminder says: today's session, tomorrow's heads-up, or a missed-session nudge."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from coaching import DAY_NAMES, reslot_missed
from handlers import texts
from handlers.common import OWNER_MARK
from handlers.groups import board_text, mention
from models import Group, Reminder, User, WorkoutSession
from models.group_queries import members_of
from models.profile import kit_for, lift_days_of, week_of
from models.training_queries import completed_sessions, session_on
from models.workouts import SessionView, is_lift_day, prescribe, view
from scheduler.planning import paused_on

LATE_NOTE = texts.LATE_NOTE
Content = tuple[str, list[tuple[str, str]]]


async def _session_view(db: AsyncSession, user: User, row: Reminder) -> SessionView | None:
    """The session of the reminder's lift day; None if it is already done."""
    stored = await session_on(db, user.id, row.lift_date)
    if stored is not None:
        done = stored.status == "done"
        return None if done else view(user, row.lift_date, stored.prescription)
    completed = await completed_sessions(db, user.id)
    return view(user, row.lift_date, await prescribe(db, user, row.lift_date, completed))


async def render(db: AsyncSession, user: User, row: Reminder) -> Content | None:
    """A runner's reminder, or None when there is nothing to remind of any more."""
    if row.kind == "missed":
        return await _missed(db, user, row)
    session = await _session_view(db, user, row)
    if session is None:
        return None
    if row.kind == "heads_up":
        return texts.heads_up(session.name, DAY_NAMES[row.lift_date.weekday()]), []
    kit = kit_for(user)
    lines = [texts.planned_line(lift, kit) for lift in session.lifts]
    text = texts.lift_reminder(session.name, session.minutes, lines, session.note)
    return text, [(texts.OPEN_TODAY, "today:show")]


async def _missed(db: AsyncSession, user: User, row: Reminder) -> Content | None:
    """The day after a lift day: nothing if the session was done, else offer a new day."""
    done = await db.scalar(
        select(WorkoutSession.id).where(
            WorkoutSession.user_id == user.id,
            WorkoutSession.status == "done",
            WorkoutSession.local_date >= row.lift_date,
        )
    )
    if done is not None:
        return None
    day = row.lift_date
    already_moved = user.moved_to == day
    reslot = reslot_missed(week_of(user), lift_days_of(user).days, day.weekday(), already_moved)
    if reslot.day is None:
        return texts.missed_dropped(reslot.message), []
    target = day + timedelta(days=reslot.day - day.weekday())
    missed_name, target_name = DAY_NAMES[day.weekday()], DAY_NAMES[target.weekday()]
    button = (texts.move_button(target_name), f"reslot:{day.isoformat()}:{target.isoformat()}")
    return texts.missed_offer(missed_name, target_name), [button]


async def render_group(db: AsyncSession, group: Group, row: Reminder) -> Content | None:
    """The group's lift-day message (only members due that day), or its weekly board."""
    if row.kind == "summary":
        return await board_text(db, group, row.local_date), []
    due = [
        user
        for _member, user in await members_of(db, group.id)
        if user.onboarded
        and not paused_on(user, row.local_date)
        and (
            row.local_date.weekday() in group.fixed_days
            if group.fixed_days
            else is_lift_day(user, row.local_date)
        )
    ]
    if not due:
        return None
    mentions = ", ".join(mention(user) for user in due)
    names = " · ".join(user.first_name for user in due)
    buttons = [
        (
            texts.done_button(user.first_name),
            f"gdone:{row.local_date.isoformat()}{OWNER_MARK}{user.id}",
        )
        for user in due
    ]
    return texts.group_reminder(mentions, names), buttons
