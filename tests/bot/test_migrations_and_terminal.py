"""The Alembic schema matches the models; the terminal chat runs the real bot."""

import asyncio
import io

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from bot.settings import Settings
from bot.terminal import TerminalChat
from models import Base, Database


async def test_migrations_create_exactly_the_models_schema(empty_database_url):
    database = Database.from_url(empty_database_url)
    await database.migrate()
    await database.migrate()  # idempotent at every start-up

    def differences(connection):
        return compare_metadata(MigrationContext.configure(connection), Base.metadata)

    def pragmas(connection):
        return (
            connection.exec_driver_sql("PRAGMA journal_mode").scalar(),
            connection.exec_driver_sql("PRAGMA foreign_keys").scalar(),
            connection.exec_driver_sql("PRAGMA busy_timeout").scalar(),
        )

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []
        tables = await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
        if connection.dialect.name == "sqlite":
            assert await connection.run_sync(pragmas) == ("wal", 1, 5000)
    await database.dispose()
    assert set(Base.metadata.tables) <= tables


async def test_terminal_chat_completes_onboarding(database_url):
    url = database_url
    out = io.StringIO()
    chat = TerminalChat(Settings(_env_file=None, telegram_bot_token=None, database_url=url), out)
    lines: asyncio.Queue[str | None] = asyncio.Queue()
    for line in ("/start", "1", "Europe/Berlin", "2", "2", "8", "07:30", "1", "2"):
        lines.put_nowait(line)
    lines.put_nowait(None)
    await chat.run(lines)
    screen = out.getvalue()
    assert "[1] Kilograms (kg)" in screen
    assert "Tuesday: quality" in screen
    assert "All set!" in screen and "Overhead press: calibrate" in screen
