"""Group chats: joining, sharing, the group's settings, /board and the coach's /team."""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.error import Forbidden

from bot.context import RunLiftContext, ttl_cache
from coaching import EXERCISES, InputError
from coaching.parsing import parse_rir
from handlers.common import (
    OWNER_MARK,
    StaleButton,
    button_fields,
    confirm,
    is_private,
    join_link,
    keyboard,
    private_link,
    reply,
    source_of,
    url_button,
)
from handlers.log import RIR_BUTTONS
from handlers.today import parse_day
from render import common
from render import groups as texts
from render import training as training_texts
from render.exercises import exercise_name
from services.groups import BadSetup, SetupRefused

ADMIN_CACHE_KEY = "admins"
ADMIN_CACHE_SECONDS = 5 * 60
ADMIN_CACHE_SIZE = 10_000
ADMIN_STATUSES = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR}


def _chat(update: Update) -> tuple[int, str]:
    chat = update.effective_chat
    return chat.id, chat.title or ""


# --- the bot in a group ----------------------------------------------------------------------


OUT_STATUSES = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


async def bot_added(update: Update, context: RunLiftContext) -> None:
    """The bot's own membership changed. Added (or added back): introduce RunLift once, and
    reminders start again; removed: the group is inactive and its reminders stop."""
    change = update.my_chat_member
    if change is None or is_private(update):
        return
    joined_now = change.new_chat_member.status in (ChatMemberStatus.MEMBER, *ADMIN_STATUSES)
    was_out = change.old_chat_member.status in OUT_STATUSES
    if change.new_chat_member.status in OUT_STATUSES:
        await context.services.groups.removed(update.effective_chat.id)
        return
    if joined_now and was_out and await context.services.groups.introduce(*_chat(update)):
        await update.effective_chat.send_message(texts.GROUP_INTRO)


async def seen_in_group(update: Update, context: RunLiftContext) -> None:
    """Any command in a group shows the bot is there: a group marked inactive after a refused
    reminder is active again (not only when Telegram reports the bot added back). Not cached:
    a reminder refused a minute ago must not hide the next command (one primary-key read)."""
    if update.effective_chat is not None and not is_private(update):
        await context.services.groups.seen(update.effective_chat.id)


async def migrated(update: Update, context: RunLiftContext) -> None:
    """The group became a supergroup: its members, settings and reminders move along."""
    message = update.effective_message
    if message is not None and message.migrate_to_chat_id:
        await context.services.groups.migrate(update.effective_chat.id, message.migrate_to_chat_id)


async def join(update: Update, context: RunLiftContext) -> None:
    """/join: into this group's programme (set-up happens in the private chat)."""
    title = await context.services.groups.join(*_chat(update))
    if not context.runner.onboarded:
        link = url_button(texts.SET_UP_BUTTON, join_link(context.bot.username, _chat(update)[0]))
        await update.effective_message.reply_text(texts.SET_UP_FIRST, reply_markup=link)
        return
    await confirm(update, context, texts.joined(context.runner.first_name, title))


async def leave(update: Update, context: RunLiftContext) -> None:
    """/leave: off the board and out of the group's reminders."""
    if not await context.services.groups.leave(update.effective_chat.id):
        await reply(update, texts.NOT_A_MEMBER)
        return
    await confirm(update, context, texts.left_group(context.runner.first_name))


async def share(update: Update, context: RunLiftContext) -> None:
    """/share on|off: whether this member's numbers show in this group; alone: is it on?"""
    choice = " ".join(context.args or []).lower()
    if not choice:
        on = await context.services.groups.sharing(update.effective_chat.id)
        await reply(update, texts.NOT_A_MEMBER if on is None else texts.share_state(on))
        return
    if choice not in ("on", "off"):
        await reply(update, texts.BAD_SHARE)
        return
    if not await context.services.groups.share(update.effective_chat.id, choice == "on"):
        await reply(update, texts.NOT_A_MEMBER)
        return
    await confirm(update, context, texts.SHARE_ON if choice == "on" else texts.SHARE_OFF)


# --- admins ----------------------------------------------------------------------------------


async def is_admin(update: Update, context: RunLiftContext) -> bool:
    """Whether the sender administers this group (asked of Telegram, cached briefly).

    An anonymous admin posts as the group itself; a channel posting in the group is not one.
    """
    message, chat = update.effective_message, update.effective_chat
    if message is not None and message.sender_chat is not None:
        return message.sender_chat.id == chat.id
    cache = ttl_cache(context, ADMIN_CACHE_KEY, ADMIN_CACHE_SIZE, ADMIN_CACHE_SECONDS)
    key = (chat.id, update.effective_user.id)
    if key not in cache:
        member = await context.bot.get_chat_member(chat.id, update.effective_user.id)
        cache[key] = member.status in ADMIN_STATUSES
    return cache[key]


async def _admins_only(update: Update, context: RunLiftContext) -> bool:
    message = update.effective_message
    if message.sender_chat is not None and message.sender_chat.id != update.effective_chat.id:
        await reply(update, common.POST_AS_YOURSELF)
        return False
    if not await is_admin(update, context):
        await reply(update, texts.ONLY_ADMINS)
        return False
    return True


async def group_setup(update: Update, context: RunLiftContext) -> None:
    """/groupsetup (admins): the group's reminder time, time zone, lift days and summary."""
    if not await _admins_only(update, context):
        return
    groups = context.services.groups
    try:
        if context.args:
            await groups.configure(*_chat(update), list(context.args))
    except SetupRefused as refused:
        await reply(update, texts.group_days_refused(refused.rule))
        return
    except BadSetup as bad:
        await reply(update, texts.bad_group_setup(bad.part))
        return
    await confirm(update, context, texts.group_settings(await groups.settings(*_chat(update))))


# --- the board and the coach's view ----------------------------------------------------------


async def show_board(update: Update, context: RunLiftContext) -> None:
    """/board: the week in this group."""
    await reply(update, texts.board(await context.services.groups.board(*_chat(update))))


async def show_team(update: Update, context: RunLiftContext) -> None:
    """/team (admins): each member's last session, 4-week adherence and flags, privately."""
    if not await _admins_only(update, context):
        return
    if update.effective_message.sender_chat is not None:  # anonymous: no one to write to
        await reply(update, texts.TEAM_NOT_ANONYMOUS)
        return
    private_chat = context.runner.private_chat_id
    if private_chat is None:
        link = url_button(common.OPEN_PRIVATE_CHAT, private_link(context.bot.username))
        text = common.start_private_first(update.effective_user.first_name)
        await update.effective_message.reply_text(text, reply_markup=link)
        return
    title, lines = await context.services.groups.team(*_chat(update))
    today = context.services.profile.today() if context.runner.timezone else None
    await context.bot.send_message(private_chat, texts.team(title, lines, today))
    await reply(update, texts.TEAM_SENT)


# --- the group reminder's buttons ------------------------------------------------------------


async def done_as_prescribed(update: Update, context: RunLiftContext) -> None:
    """Log the member's session of that day, sets and reps as prescribed (only their own
    button); how hard it was is asked privately with one tap, and the loads hold until then."""
    query = update.callback_query
    if OWNER_MARK not in (query.data or ""):  # forged: every real one is signed
        await query.answer(common.NOT_YOUR_BUTTON, show_alert=True)
        return
    (day_text,) = button_fields(update, "gdone", 1)
    source = source_of(update)
    result = await context.services.groups.done_as_prescribed(parse_day(day_text), source)
    if result is None:
        raise StaleButton(day_text)  # a day still to come
    if not result.stored:
        await query.answer(texts.ALREADY_LOGGED_TODAY, show_alert=True)
        return
    await context.services.commit()  # stored before anyone is told
    await query.answer()
    names = [exercise_name(EXERCISES[key]) for key in result.stored]
    asked = await ask_reserve(context, result.day)
    text = texts.group_done(context.runner.first_name, names, asked)
    if result.needs_calibration:
        text += "\n" + texts.CALIBRATE_FIRST
    link = None
    if not asked:  # no private chat yet: a link that opens one and asks there
        payload = f"{RESERVE_PAYLOAD}{result.day.isoformat()}"
        link = url_button(common.OPEN_PRIVATE_CHAT, private_link(context.bot.username, payload))
    await update.effective_chat.send_message(text, reply_markup=link)


RESERVE_PAYLOAD = "rir_"
# The same one-tap scale as /log's question (0-4 and 5+), for the group button's session.
RESERVE_BUTTONS = [[(label, "g" + data) for label, data in RIR_BUTTONS[0]]]


async def ask_reserve(context: RunLiftContext, day: date) -> bool:
    """Ask the runner privately for the reserve of `day`'s sets logged from the group (the
    numbers stay out of the group); False when there is no private chat to ask in."""
    chat_id = context.runner.private_chat_id
    lifts = await context.services.groups.reserve_question(day)
    if chat_id is None or not lifts:
        return chat_id is not None
    names = [exercise_name(EXERCISES[key]) for key in lifts]
    text = texts.reserve_question(names, day, context.services.profile.today())
    buttons = [[(label, f"{data}:{day.isoformat()}") for label, data in RESERVE_BUTTONS[0]]]
    try:
        await context.bot.send_message(chat_id, text, reply_markup=keyboard(buttons))
    except Forbidden:  # they blocked the bot or never opened the chat: the link instead
        return False
    return True


async def reserve_from_link(update: Update, context: RunLiftContext, payload: str) -> None:
    """`/start rir_<day>` (the group's link when there was no private chat): ask now."""
    try:
        day = date.fromisoformat(payload.removeprefix(RESERVE_PAYLOAD))
    except ValueError:
        return
    await ask_reserve(context, day)


async def reserve_answer(update: Update, context: RunLiftContext) -> None:
    """The one-tap reserve for a session logged from the group: loads worked out again."""
    answer, day_text = button_fields(update, "grir", 2)
    try:
        rir, day = parse_rir(answer), date.fromisoformat(day_text)
    except (InputError, ValueError):
        raise StaleButton(answer) from None
    answer = await context.services.groups.answer_reserve(day, rir)
    if answer is None:
        await update.callback_query.answer(texts.RESERVE_SAVED_ALREADY, show_alert=True)
        return
    await context.services.commit()  # stored before the reply says so
    await update.callback_query.answer()
    kit = context.services.profile.kit()
    if answer.finished:
        await reply(update, training_texts.session_summary(answer.summary, kit))
    else:  # a lift still to calibrate: not "done", as /today says
        await reply(update, training_texts.reserve_saved_unfinished(answer.summary, kit))
