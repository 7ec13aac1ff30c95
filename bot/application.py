"""The one place that builds the Application and registers every handler, in order."""

from __future__ import annotations

import logging

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    BaseHandler,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.context import DATABASE_KEY, RunLiftContext, bot_clock, unit_of_work
from bot.dedupe import drop_repeats
from bot.flood import drop_floods
from bot.persistence import DatabasePersistence, expire_conversations, flush_after_update
from bot.settings import Settings
from handlers import (
    account,
    blocks,
    corrections,
    exports,
    groups,
    history,
    progress,
    reminders,
    summary,
    today,
    weight,
)
from handlers.common import refuse_others
from handlers.log import build_log_conversation
from handlers.setup import COMMAND_STEPS, ENTRY_BUTTONS, build_setup_conversation
from models import Database
from render.commands import GROUP, PRIVATE, menu
from scheduler import schedule_reminders

log = logging.getLogger(__name__)

DEDUPE_GROUP, FLOOD_GROUP, OWNER_GROUP = -3, -2, -1
SETUP_GROUP, LOG_GROUP, COMMANDS_GROUP = 0, 1, 2
SEEN_GROUP = 3  # after the commands: a group's command marks the group active (handlers.groups)
PERSISTENCE_GROUP = 99
SETUP_COMMANDS = ["start", "settings", *COMMAND_STEPS, "kit", "deletedata"]
GROUP_COMMANDS = ["join", "leave", "share", "groupsetup", "board", "team"]
PRIVATE_DATA_COMMANDS = ["weight", "summary", "export", "import"]
LOG_COMMANDS = ["log", "done", "today", "undo", "history", "plan", "deletedata"]
HOUSEKEEPING_SECONDS = 3600
TERMINAL_TOKEN = "1:terminal-chat"  # a well-formed token that never leaves the process
# Telegram lets about 30 messages/s through. We send 29/s in bursts of at most 5: a little
# under the cap and never a second's worth at once, so that arrivals bunched by the network do
# not count as a flood (bench/fanout.py). Paid broadcasts have PTB's own 1,000/s limiter.
MESSAGES_PER_SECOND, BURST = 29, 5


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    database: Database | None = None,
    rate_limiter: bool = True,
) -> Application:
    """The bot: settings in, a ready-to-start Application out (not yet initialised)."""
    database = database or Database.from_url(settings.database_url)
    builder = (
        ApplicationBuilder()
        .token(settings.token or TERMINAL_TOKEN)
        .context_types(ContextTypes(context=RunLiftContext))
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .persistence(persistence := DatabasePersistence(database))
    )
    if settings.telegram_api_base_url:
        builder = builder.base_url(settings.telegram_api_base_url)
    if settings.telegram_api_file_url:
        builder = builder.base_file_url(settings.telegram_api_file_url)
    if rate_limiter:
        # Retry a few times on 429 (the default is 0: the message would be lost).
        limiter = AIORateLimiter(
            overall_max_rate=BURST, overall_time_period=BURST / MESSAGES_PER_SECOND, max_retries=3
        )
        builder = builder.rate_limiter(limiter)
    if request is not None:
        builder = builder.request(request).get_updates_request(request).updater(None)
    application = builder.build()
    application.bot_data[DATABASE_KEY] = database
    persistence.clock = lambda: bot_clock(application.bot_data)
    register_handlers(application)
    schedule_reminders(
        application,
        settings.reminder_tick_seconds,
        settings.reminder_grace_hours,
        settings.reminder_reclaim_minutes,
        settings.allow_paid_broadcast,
    )
    application.job_queue.run_repeating(
        expire_conversations, interval=HOUSEKEEPING_SECONDS, first=60, name="housekeeping"
    )
    return application


def register_handlers(application: Application) -> None:
    """Every handler of the bot, in the order they are tried.

    Groups: repeats are dropped first, then floods from one user, then presses of another
    member's button; the two
    conversations come next, each in its own group
    so that one can step aside when the other's command arrives; then single commands and
    buttons; catch-alls last (quiet when a conversation took the update); finally the
    conversation states are stored.
    """
    private, in_groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    application.add_handler(TypeHandler(Update, drop_repeats), group=DEDUPE_GROUP)
    application.add_handler(TypeHandler(Update, drop_floods), group=FLOOD_GROUP)
    application.add_handler(CallbackQueryHandler(refuse_others), group=OWNER_GROUP)
    application.add_handler(build_setup_conversation(LOG_COMMANDS), group=SETUP_GROUP)
    application.add_handler(build_log_conversation(SETUP_COMMANDS, ENTRY_BUTTONS), group=LOG_GROUP)
    application.add_handlers(
        [
            CommandHandler("help", account.show_help),
            CommandHandler(["start", "settings"], account.private_only, filters=in_groups),
            CommandHandler("deletedata", account.ask_delete, filters=private),
            CommandHandler("deletedata", account.private_only, filters=in_groups),
            CallbackQueryHandler(
                account.confirm_delete, pattern=r"^delete:(yes|no):-?\d+(\|\d+)?$"
            ),
            CommandHandler("today", today.show_today),
            CallbackQueryHandler(today.choose_swap, pattern=r"^today:swap(\|\d+)?$"),
            CallbackQueryHandler(today.choose_swap_target, pattern=r"^swap:"),
            CallbackQueryHandler(today.apply_swap, pattern=r"^swapto:"),
            CallbackQueryHandler(today.swap_today, pattern=r"^swapday:"),
            CallbackQueryHandler(today.swap_from_now_on, pattern=r"^swapall:"),
            CallbackQueryHandler(today.choose_move, pattern=r"^today:move(\|\d+)?$"),
            CallbackQueryHandler(today.apply_move, pattern=r"^move:"),
            CommandHandler("history", history.show_history),
            CallbackQueryHandler(history.page_history, pattern=r"^hist:\d+:-?\d+(\|\d+)?$"),
            CommandHandler("plan", history.show_plan),
            CommandHandler("progress", progress.show_progress),
            CommandHandler("records", progress.show_records),
            CommandHandler("undo", corrections.undo),
            CallbackQueryHandler(corrections.choose_entry, pattern=r"^hedit:\d{1,6}(\|\d+)?$"),
            CallbackQueryHandler(corrections.show_entry, pattern=r"^hent:\d{1,9}(\|\d+)?$"),
            CallbackQueryHandler(corrections.ask_delete, pattern=r"^hdel:\d{1,9}(\|\d+)?$"),
            CallbackQueryHandler(corrections.delete, pattern=r"^(hdelok|hundo):\d{1,9}(\|\d+)?$"),
            CallbackQueryHandler(corrections.keep, pattern=r"^hdelno(\|\d+)?$"),
            CallbackQueryHandler(history.start_rest, pattern=r"^rest:start(\|\d+)?$"),
            CommandHandler("block", blocks.show_block),
            CallbackQueryHandler(blocks.choose_block, pattern=r"^block:[a-z0-9]+(\|\d+)?$"),
            CommandHandler("pause", reminders.pause),
            CommandHandler("resume", reminders.resume),
            CommandHandler("headsup", reminders.heads_up),
            CommandHandler("race", reminders.race),
            CallbackQueryHandler(reminders.remove_race, pattern=r"^race:del:\d+:-?\d+(\|\d+)?$"),
            CallbackQueryHandler(reminders.reslot, pattern=r"^reslot:[0-9-]+:[0-9-]+(\|\d+)?$"),
            CallbackQueryHandler(reminders.open_today, pattern=r"^today:show(\|\d+)?$"),
            CommandHandler("weight", weight.weight, filters=private),
            CommandHandler("summary", summary.summary, filters=private),
            CommandHandler("export", exports.export, filters=private),
            CommandHandler("import", exports.import_history, filters=private),
            MessageHandler(private & filters.Document.ALL, exports.receive_document),
            CommandHandler(PRIVATE_DATA_COMMANDS, account.private_only, filters=in_groups),
            CommandHandler("join", groups.join, filters=in_groups),
            CommandHandler("leave", groups.leave, filters=in_groups),
            CommandHandler("share", groups.share, filters=in_groups),
            CommandHandler("groupsetup", groups.group_setup, filters=in_groups),
            CommandHandler("board", groups.show_board, filters=in_groups),
            CommandHandler("team", groups.show_team, filters=in_groups),
            CommandHandler(GROUP_COMMANDS, account.group_only, filters=private),
            CallbackQueryHandler(groups.done_as_prescribed, pattern=r"^gdone:"),
            CallbackQueryHandler(groups.reserve_answer, pattern=r"^grir:"),
            ChatMemberHandler(groups.bot_added, ChatMemberHandler.MY_CHAT_MEMBER),
            MessageHandler(filters.StatusUpdate.MIGRATE, groups.migrated),
            CommandHandler("cancel", account.nothing_to_cancel),
            CallbackQueryHandler(account.stale_button),
            MessageHandler(private & (filters.TEXT | filters.COMMAND), account.not_understood),
        ],
        group=COMMANDS_GROUP,
    )
    application.add_handler(
        MessageHandler(in_groups & filters.COMMAND, groups.seen_in_group), group=SEEN_GROUP
    )
    application.add_handler(TypeHandler(Update, flush_after_update), group=PERSISTENCE_GROUP)
    application.add_error_handler(account.on_error)
    for handler in bot_handlers(application):
        handler.callback = unit_of_work(handler.callback)


# Plumbing that runs before any database work (or stores PTB's own state): not wrapped.
_PLUMBING = (drop_repeats, drop_floods, refuse_others, flush_after_update)


def all_handlers(application: Application) -> list[BaseHandler]:
    """Every registered handler, the conversations' entry points, states and fallbacks too."""
    found: list[BaseHandler] = []
    pending = [h for group in application.handlers.values() for h in group]
    while pending:
        handler = pending.pop()
        if isinstance(handler, ConversationHandler):
            pending += handler.entry_points + handler.fallbacks
            pending += [h for state in handler.states.values() for h in state]
        else:
            found.append(handler)
    return found


def bot_handlers(application: Application) -> list[BaseHandler]:
    """The handlers that are the bot's behaviour (each runs in one unit of work)."""
    return [h for h in all_handlers(application) if h.callback not in _PLUMBING]


async def prepare(application: Application) -> None:
    """Start-up work after `initialize()`: the command menus per chat type.

    The schema is migrated before the Application is initialised (see `bot.__main__`): the
    persistence reads conversation states from the database while initialising.
    """
    bot = application.bot
    private = [BotCommand(name, text) for name, text in menu(PRIVATE)]
    group = [BotCommand(name, text) for name, text in menu(GROUP)]
    try:
        await bot.set_my_commands(private, scope=BotCommandScopeAllPrivateChats())
        await bot.set_my_commands(group, scope=BotCommandScopeAllGroupChats())
    except TelegramError:  # the menus are a convenience: a server without scopes still runs
        log.warning("Could not set the command menus", exc_info=True)
