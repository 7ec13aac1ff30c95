"""Group chats: joining, sharing, the group's settings, /board and the coach's /team."""

from __future__ import annotations

from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatMemberStatus

from bot.context import RunLiftContext
from coaching import DAY_NAMES, EXERCISES, InputError
from coaching.adherence import relative_progress, streak, two_missed_in_a_row
from coaching.parsing import parse_time
from coaching.timezones import resolve_timezone
from handlers import texts
from handlers.common import Buttons, current_user, is_private, keyboard, reply
from models import Group, GroupMember, LiftState, Reminder, User
from models.group_queries import get_or_create_group, members_of, membership, move_group
from models.profile import kit_for
from models.progress import (
    best_by_lift,
    deloaded_since,
    done_dates,
    last_session_date,
    monday_of,
    race_within,
    weekly_adherence,
)
from models.workouts import lift_dates, local_today

ADMIN_CACHE_KEY = "admins"
ADMIN_CACHE_FOR = timedelta(minutes=5)
ADMIN_STATUSES = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR}
_DAYS = {name[:3].lower(): i for i, name in enumerate(DAY_NAMES)}
BOARD_LIFTS = ("back_squat", "deadlift", "overhead_press")


def mention(user: User) -> str:
    return texts.mention(user.id, user.first_name or "runner")


def join_link(bot_username: str, group_id: int) -> str:
    return f"https://t.me/{bot_username}?start=join_{group_id}"


def url_button(label: str, url: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, url=url)]])


async def _group(db: AsyncSession, update: Update) -> Group:
    chat = update.effective_chat
    return await get_or_create_group(db, chat.id, chat.title or "")


async def numbers_here(update: Update, db: AsyncSession, user: User) -> bool:
    """Whether a member's loads may be shown in this chat: a private chat, or they share."""
    if is_private(update):
        return True
    member = await membership(db, update.effective_chat.id, user.id)
    return member is not None and member.share


async def send_numbers(
    update: Update,
    db: AsyncSession,
    user: User,
    text: str,
    buttons: Buttons | None = None,
    group_buttons: Buttons | None = None,
) -> None:
    """Loads and numbers go here if they may be shown here, else to the private chat (with a
    short note and `group_buttons` left in the group)."""
    if await numbers_here(update, db, user):
        await reply(update, text, [*(buttons or []), *(group_buttons or [])] or None)
        return
    bot = update.get_bot()
    name = texts.escape(user.first_name or "runner")
    if user.private_chat_id is None:
        link = url_button(
            texts.OPEN_PRIVATE_CHAT, join_link(bot.username, update.effective_chat.id)
        )
        await update.effective_chat.send_message(
            texts.START_PRIVATE_FIRST.format(name=name), reply_markup=link
        )
        return
    markup = keyboard(buttons) if buttons else None
    await bot.send_message(user.private_chat_id, text, reply_markup=markup)
    await reply(update, texts.SENT_PRIVATELY.format(name=name), group_buttons)


# --- the bot in a group ----------------------------------------------------------------------


async def bot_added(update: Update, context: RunLiftContext) -> None:
    """Added to a group: introduce RunLift once."""
    change = update.my_chat_member
    if change is None or is_private(update):
        return
    joined_now = change.new_chat_member.status in (ChatMemberStatus.MEMBER, *ADMIN_STATUSES)
    was_out = change.old_chat_member.status in (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)
    if not (joined_now and was_out):
        return
    async with context.db() as db:
        group = await _group(db, update)
        if group.introduced:
            return
        group.introduced = True
    await update.effective_chat.send_message(texts.GROUP_INTRO)


async def migrated(update: Update, context: RunLiftContext) -> None:
    """The group became a supergroup: its members, settings and reminders move along."""
    message = update.effective_message
    if message is None or not message.migrate_to_chat_id:
        return
    async with context.db() as db:
        await move_group(db, update.effective_chat.id, message.migrate_to_chat_id)


async def join(update: Update, context: RunLiftContext) -> None:
    """/join: into this group's programme (set-up happens in the private chat)."""
    async with context.db() as db:
        group = await _group(db, update)
        user = await current_user(db, update)
        if await membership(db, group.id, user.id) is None:
            db.add(GroupMember(group_id=group.id, user_id=user.id, share=False))
        group.reminders_planned_until = None
        if not user.onboarded:
            link = url_button(texts.SET_UP_BUTTON, join_link(context.bot.username, group.id))
            await update.effective_message.reply_text(texts.SET_UP_FIRST, reply_markup=link)
            return
        title = group.title
    await reply(update, texts.joined(user.first_name, title))


async def join_from_link(db: AsyncSession, user: User, payload: str) -> str | None:
    """`/start join_<group id>` in the private chat: membership now; the group's title."""
    try:
        group = await db.get(Group, int(payload.removeprefix("join_")))
    except ValueError:
        return None
    if group is None:
        return None
    if await membership(db, group.id, user.id) is None:
        db.add(GroupMember(group_id=group.id, user_id=user.id, share=False))
    return group.title


async def _member(db: AsyncSession, update: Update) -> tuple[User, GroupMember | None]:
    """The sender and their membership of this group (None, after saying so, if they have none)."""
    user = await current_user(db, update)
    member = await membership(db, update.effective_chat.id, user.id)
    if member is None:
        await reply(update, texts.NOT_A_MEMBER)
    return user, member


async def leave(update: Update, context: RunLiftContext) -> None:
    """/leave: off the board and out of the group's reminders."""
    async with context.db() as db:
        user, member = await _member(db, update)
        if member is None:
            return
        await db.delete(member)
    await reply(update, texts.LEFT_GROUP.format(name=texts.escape(user.first_name or "runner")))


async def share(update: Update, context: RunLiftContext) -> None:
    """/share on|off: whether this member's numbers show in this group."""
    choice = " ".join(context.args or []).lower()
    if choice not in ("on", "off"):
        await reply(update, texts.BAD_SHARE)
        return
    async with context.db() as db:
        _user, member = await _member(db, update)
        if member is None:
            return
        member.share = choice == "on"
    await reply(update, texts.SHARE_ON if choice == "on" else texts.SHARE_OFF)


# --- admins ----------------------------------------------------------------------------------


async def is_admin(update: Update, context: RunLiftContext) -> bool:
    """Whether the sender administers this group (asked of Telegram, cached briefly).

    An anonymous admin posts as the group itself; a channel posting in the group is not one.
    """
    message = update.effective_message
    chat = update.effective_chat
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id
    key = (chat.id, update.effective_user.id)
    cache = context.bot_data.setdefault(ADMIN_CACHE_KEY, {})
    now = context.now()
    if key in cache and cache[key][1] > now:
        return cache[key][0]
    member = await context.bot.get_chat_member(chat.id, update.effective_user.id)
    verdict = member.status in ADMIN_STATUSES
    cache[key] = (verdict, now + ADMIN_CACHE_FOR)
    return verdict


async def _admins_only(update: Update, context: RunLiftContext) -> bool:
    message = update.effective_message
    if message.sender_chat is not None and message.sender_chat.id != update.effective_chat.id:
        await reply(update, texts.POST_AS_YOURSELF)
        return False
    if not await is_admin(update, context):
        await reply(update, texts.ONLY_ADMINS)
        return False
    return True


def _apply_group_setting(group: Group, words: list[str]) -> bool:
    """Apply `time 07:00`, `timezone Europe/Berlin`, `days own|tue fri`, `summary on|off [sun]`."""
    if not words:
        return False
    what, values = words[0].lower(), [w.lower() for w in words[1:]]
    try:
        if what == "time" and len(values) == 1:
            group.reminder_time = parse_time(values[0]).strftime("%H:%M")
        elif what == "timezone" and len(values) == 1:
            zone, _ = resolve_timezone(words[1])
            if zone is None:
                return False
            group.timezone = zone
        elif what == "days" and values == ["own"]:
            group.fixed_days = None
        elif what == "days" and 1 <= len(values) <= 3 and all(v[:3] in _DAYS for v in values):
            group.fixed_days = sorted({_DAYS[v[:3]] for v in values})
        elif what == "summary" and values and values[0] in ("on", "off") and len(values) <= 2:
            group.weekly_summary = values[0] == "on"
            if len(values) == 2:
                if values[1][:3] not in _DAYS:
                    return False
                group.summary_day = _DAYS[values[1][:3]]
        else:
            return False
    except InputError:
        return False
    return True


async def group_setup(update: Update, context: RunLiftContext) -> None:
    """/groupsetup (admins): the group's reminder time, time zone, lift days and summary."""
    if not await _admins_only(update, context):
        return
    async with context.db() as db:
        group = await _group(db, update)
        if context.args:
            if not _apply_group_setting(group, list(context.args)):
                await reply(update, texts.BAD_GROUP_SETUP)
                return
            group.reminders_planned_until = None
            await db.execute(
                delete(Reminder).where(Reminder.group_id == group.id, Reminder.status == "due")
            )
        days = (
            ", ".join(DAY_NAMES[d] for d in group.fixed_days)
            if group.fixed_days
            else "each member's own"
        )
        summary = f"on, {DAY_NAMES[group.summary_day]}" if group.weekly_summary else "off"
        text = texts.group_settings(group.title, group.timezone, group.reminder_time, days, summary)
    await reply(update, text)


# --- the board and the coach's view ----------------------------------------------------------


async def board_text(db: AsyncSession, group: Group, today: date) -> str:
    """This week's adherence and 4-week progress; weights only for members who share."""
    lines = []
    for member, user in await members_of(db, group.id):
        if not user.onboarded:
            lines.append(f"{texts.escape(user.first_name)}: not set up yet")
            continue
        weeks = await weekly_adherence(db, user, today, 12)
        done, planned = weeks[-1]
        before = await best_by_lift(
            db, user, today - timedelta(days=42), today - timedelta(days=28)
        )
        after = await best_by_lift(db, user, today - timedelta(days=13), today)
        change = relative_progress(before, after)
        progress = f"{change:+.0f} %" if change is not None else "—"
        loads = await _shared_loads(db, user) if member.share else ""
        lines.append(
            texts.board_line(
                user.first_name,
                done,
                planned,
                streak(weeks if done >= planned else weeks[:-1]),  # this week, once complete
                progress,
                loads,
            )
        )
    monday = monday_of(today)
    week = f"week of {monday.day} {monday.strftime('%B')}"
    return texts.board(group.title, week, lines)


async def _shared_loads(db: AsyncSession, user: User) -> str:
    kit = kit_for(user)
    parts = []
    for key in BOARD_LIFTS:
        state = await db.get(LiftState, (user.id, key))
        if state is not None and state.working_weight_kg is not None:
            exercise = EXERCISES[key]
            weight = kit.from_kg(exercise, state.working_weight_kg)
            parts.append(f"{exercise.name.lower()} {weight:g} {kit.unit}")
    return ", ".join(parts)


async def show_board(update: Update, context: RunLiftContext) -> None:
    """/board: the week in this group."""
    async with context.db() as db:
        group = await _group(db, update)
        text = await board_text(db, group, _group_today(group, context))
    await reply(update, text)


def _group_today(group: Group, context: RunLiftContext) -> date:
    return context.now().astimezone(ZoneInfo(group.timezone or "UTC")).date()


async def team_text(db: AsyncSession, group: Group, context: RunLiftContext) -> str:
    lines = []
    for _member, user in await members_of(db, group.id):
        if not user.onboarded:
            lines.append(texts.team_line(user.first_name, "never (not set up)", 0, 0, []))
            continue
        today = local_today(user, context.now())
        weeks = await weekly_adherence(db, user, today, 4)
        last = await last_session_date(db, user.id)
        flags = []
        if await _missed_twice(db, user, today):
            flags.append("two sessions missed in a row")
        if await deloaded_since(db, user.id, today - timedelta(days=14)):
            flags.append("a deload in the last 2 weeks")
        if await race_within(db, user.id, today, 14):
            flags.append("a race within 14 days")
        last_text = last.isoformat() if last else "never"
        lines.append(texts.team_line(user.first_name, last_text, sum(d for d, _ in weeks),
                                     sum(p for _, p in weeks), flags))  # fmt: skip
    return texts.team(group.title, lines)


async def _missed_twice(db: AsyncSession, user: User, today: date) -> bool:
    start = today - timedelta(days=21)
    planned = [
        day
        for monday in (monday_of(start) + timedelta(weeks=w) for w in range(4))
        for day in lift_dates(user, monday)
        if start <= day < today
    ]
    done = await done_dates(db, user.id, start, today)
    # A session done within two days after a planned one counts for it (moved sessions).
    kept = [any(day <= d <= day + timedelta(days=2) for d in done) for day in sorted(planned)]
    return two_missed_in_a_row(kept)


async def show_team(update: Update, context: RunLiftContext) -> None:
    """/team (admins): each member's last session, 4-week adherence and flags, privately."""
    if not await _admins_only(update, context):
        return
    if update.effective_message.sender_chat is not None:  # anonymous: no one to write to
        await reply(update, texts.TEAM_NOT_ANONYMOUS)
        return
    async with context.db() as db:
        group = await _group(db, update)
        admin = await current_user(db, update)
        text = await team_text(db, group, context)
        private_chat = admin.private_chat_id
    if private_chat is None:
        link = url_button(texts.OPEN_PRIVATE_CHAT, f"https://t.me/{context.bot.username}")
        await update.effective_message.reply_text(
            texts.START_PRIVATE_FIRST.format(name=texts.escape(update.effective_user.first_name)),
            reply_markup=link,
        )
        return
    await context.bot.send_message(private_chat, text)
    await reply(update, texts.TEAM_SENT)
