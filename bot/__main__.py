"""`python -m bot`: long polling by default, a webhook when WEBHOOK_URL is set, and the
terminal chat when no token is configured (or with `--chat`)."""

from __future__ import annotations

import asyncio
import logging
import sys

from telegram import Update

from bot.application import build_application
from bot.logs import setup_logging
from bot.settings import Settings
from bot.terminal import TerminalChat
from models import Database

NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN is set, so RunLift opens a chat in this terminal instead.\n"
    "To run it on Telegram: message @BotFather, send /newbot, and put the token in .env "
    "as TELEGRAM_BOT_TOKEN=..."
)


async def _migrate(database: Database) -> None:
    await database.migrate()
    await database.dispose()  # the polling loop opens its own connections


def main(argv: list[str]) -> None:
    settings = Settings()
    chat = "--chat" in argv or settings.token is None
    # In the terminal chat, INFO lines from PTB would drown the conversation.
    quiet = chat and settings.log_level.upper() == "INFO"
    setup_logging("WARNING" if quiet else settings.log_level, settings.token)
    if chat:
        if "--chat" not in argv:
            print(NO_TOKEN)
        asyncio.run(TerminalChat(settings).run())
        return
    database = Database.from_url(settings.database_url)
    asyncio.run(_migrate(database))
    application = build_application(settings, database=database)
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            url_path=settings.webhook_path,
            webhook_url=settings.webhook_url,
            secret_token=settings.webhook_secret_token.get_secret_value(),
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)


if __name__ == "__main__":
    logging.captureWarnings(True)
    main(sys.argv[1:])
