"""`python -m bot`: long polling by default, a webhook when WEBHOOK_URL is set, and the
terminal chat when no token is configured (or with `--chat`)."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys

from bot.application import build_application, prepare
from bot.intake import poll, serve_webhook
from bot.leader import LOST, leadership
from bot.logs import setup_logging
from bot.settings import Settings
from bot.terminal import TerminalChat
from models import Database

log = logging.getLogger("bot")

NO_TOKEN = (
    "No TELEGRAM_BOT_TOKEN is set, so RunLift opens a chat in this terminal instead.\n"
    "To run it on Telegram: message @BotFather, send /newbot, and put the token in .env "
    "as TELEGRAM_BOT_TOKEN=..."
)


async def serve(settings: Settings) -> None:
    """Run the bot until SIGINT or SIGTERM.

    PTB's documented manual start-up rather than `run_polling`, because the order matters:
    become the one active process (bot/leader.py), migrate the schema, then initialise (the
    persistence reads conversation states), then set the command menus, then take updates
    (bot/intake.py: acknowledged only once handled); all in one event loop with one engine.
    """
    database = Database.from_url(settings.database_url)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        async with leadership(database, stop) as leading:
            if leading:
                await _run(settings, database, stop)
    finally:
        await database.dispose()
    if LOST:
        raise SystemExit(1)  # a supervisor restarts it, as a standby


async def _run(settings: Settings, database: Database, stop: asyncio.Event) -> None:
    await database.migrate()  # before initialize(): it reads conversation states
    application = build_application(settings, database=database)
    async with application:
        await prepare(application)
        await application.start()  # the job queue: reminders
        log.info("RunLift is running (%s)", "webhook" if settings.webhook_url else "polling")
        if settings.webhook_url:
            await serve_webhook(
                application, stop, listen=settings.webhook_listen, port=settings.webhook_port,
                path=settings.webhook_path, url=settings.webhook_url,
                secret_token=settings.webhook_secret_token.get_secret_value(),
            )  # fmt: skip
        else:
            await poll(application, stop)
        await application.stop()


def main(argv: list[str]) -> None:
    settings = Settings()
    chat = "--chat" in argv or settings.token is None
    # In the terminal chat, INFO lines from PTB would drown the conversation.
    quiet = chat and settings.log_level.upper() == "INFO"
    setup_logging("WARNING" if quiet else settings.log_level, settings.token)
    if not chat:
        asyncio.run(serve(settings))
        return
    if "--chat" not in argv:
        print(NO_TOKEN)
    asyncio.run(TerminalChat(settings).run())


if __name__ == "__main__":
    logging.captureWarnings(True)
    main(sys.argv[1:])
