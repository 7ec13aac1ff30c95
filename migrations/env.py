"""Alembic environment: runs on a connection handed over by models.db, or from the CLI."""

import asyncio
import os

from alembic import context

from bot.crash import crash_point
from models import Base

target_metadata = Base.metadata


def _after_a_revision(**_: object) -> None:
    """A test-only crash point (bot/crash.py): the first revision applied, the rest not."""
    crash_point("during_migration")


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        on_version_apply=_after_a_revision,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_from_url(url: str) -> None:
    """From the `alembic` command line: as `Database.migrate` does, SQLite's foreign keys are
    off while tables are copied (dropping the old copy would cascade to the rows that refer to
    it: every logged set), checked afterwards."""
    from models.db import create_engine

    engine = create_engine(url)
    async with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            await connection.exec_driver_sql("BEGIN IMMEDIATE")  # all or nothing, as migrate
        await connection.run_sync(_run)
        await connection.commit()
        if sqlite and (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all():
            raise RuntimeError("foreign keys broken by the migration")
    await engine.dispose()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    from bot.settings import Settings

    asyncio.run(_run_from_url(os.environ.get("DATABASE_URL") or Settings().database_url))
