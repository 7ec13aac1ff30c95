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
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.context import DATABASE_KEY, RunLiftContext
from bot.persistence import DatabasePersistence, flush_after_update
from bot.settings import Settings
from handlers import account, texts
from handlers.setup import build_setup_conversation
from models import Database

log = logging.getLogger(__name__)

# Groups run in order; the last one only stores conversation states.
MAIN_GROUP, PERSISTENCE_GROUP = 0, 99
TERMINAL_TOKEN = "1:terminal-chat"  # a well-formed token that never leaves the process


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
        .persistence(DatabasePersistence(database))
    )
    if settings.telegram_api_base_url:
        builder = builder.base_url(settings.telegram_api_base_url)
    if settings.telegram_api_file_url:
        builder = builder.base_file_url(settings.telegram_api_file_url)
    if rate_limiter:
        # Retry a few times on 429 (the default is 0: the message would be lost).
        builder = builder.rate_limiter(AIORateLimiter(max_retries=3))
    if request is not None:
        builder = builder.request(request).get_updates_request(request).updater(None)
    application = builder.build()
    application.bot_data[DATABASE_KEY] = database
    register_handlers(application)
    return application


def register_handlers(application: Application) -> None:
    """Every handler of the bot, in the order they are tried."""
    add = application.add_handler
    private, groups = filters.ChatType.PRIVATE, filters.ChatType.GROUPS
    add(build_setup_conversation())
    add(CommandHandler("help", account.show_help))
    add(CommandHandler(["start", "settings"], account.private_only, filters=groups))
    add(CommandHandler("deletedata", account.ask_delete, filters=private))
    add(CommandHandler("deletedata", account.private_only, filters=groups))
    add(CallbackQueryHandler(account.confirm_delete, pattern=r"^delete:(yes|no):-?\d+$"))
    add(CommandHandler("cancel", account.nothing_to_cancel))
    add(CallbackQueryHandler(account.stale_button))
    add(MessageHandler(private & (filters.TEXT | filters.COMMAND), account.not_understood))
    add(TypeHandler(Update, flush_after_update), group=PERSISTENCE_GROUP)
    application.add_error_handler(account.on_error)


async def prepare(application: Application) -> None:
    """Start-up work after `initialize()`: the command menus per chat type.

    The schema is migrated before the Application is initialised (see `bot.__main__`): the
    persistence reads conversation states from the database while initialising.
    """
    bot = application.bot
    private = [BotCommand(name, text) for name, text in texts.COMMANDS_PRIVATE]
    group = [BotCommand(name, text) for name, text in texts.COMMANDS_GROUP]
    await bot.set_my_commands(private, scope=BotCommandScopeAllPrivateChats())
    await bot.set_my_commands(group, scope=BotCommandScopeAllGroupChats())
