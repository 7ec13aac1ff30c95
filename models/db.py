"""The one place that owns the engine and the session factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, event, exc, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 5000


def _sqlite_pragmas(dbapi_connection: Any, _record: object) -> None:  # a DB-API connection
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_engine(url: str) -> AsyncEngine:
    """An async engine; on SQLite every connection gets WAL, foreign keys and a busy timeout."""
    engine = create_async_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    return engine


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def _upgrade(connection: Connection) -> bool:
    """Upgrade to the newest revision; whether there was anything to do."""
    before = MigrationContext.configure(connection).get_current_revision()
    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")
    return MigrationContext.configure(connection).get_current_revision() != before


# SQLite's words for "cannot write now" (locked by another process) and "nowhere to write".
_SQLITE_TRANSIENT = ("database is locked", "database table is locked", "disk is full",
                     "disk i/o error", "unable to open database file")  # fmt: skip


def unavailable(error: BaseException) -> bool:
    """The database could not be reached or written just now (down, restarting, locked, disk
    full): trying the same thing again later may work. Not a bug in the caller."""
    if isinstance(error, exc.DBAPIError) and error.connection_invalidated:
        return True
    if isinstance(error, exc.OperationalError | exc.InterfaceError | exc.TimeoutError):
        message = str(error.orig if isinstance(error, exc.DBAPIError) else error).lower()
        sqlite_only = "sqlite" in type(getattr(error, "orig", None)).__module__
        return not sqlite_only or any(words in message for words in _SQLITE_TRANSIENT)
    # asyncpg raises plain OS errors while connecting (refused, reset, server gone).
    return isinstance(error, OSError | ConnectionError | TimeoutError)


def full_disk(error: BaseException) -> bool:
    return "disk is full" in str(error).lower()


class Database:
    """Engine plus session factory; `session()` commits at the end or rolls back on error.

    A handler may commit earlier (a logged set is committed before the reply confirms it);
    what follows then runs in a new transaction.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessionmaker = async_sessionmaker(engine, expire_on_commit=False)

    @classmethod
    def from_url(cls, url: str) -> Database:
        return cls(create_engine(url))

    async def migrate(self) -> None:
        """Bring the schema to the newest Alembic revision.

        On SQLite, altering a table means copying it and dropping the old one, and dropping a
        table with foreign keys on would cascade to the rows that refer to it (every logged
        set of an altered exercise_entries). So foreign keys are off while migrating (a PRAGMA
        that only works outside a transaction), checked afterwards, then on again.

        Every pending revision runs in one transaction, so a crash half-way leaves the schema
        as it was (PostgreSQL's DDL is transactional; SQLite's is too, but Python's sqlite3
        commits each DDL statement on its own unless a transaction is opened explicitly).
        """
        async with self.engine.connect() as connection:
            sqlite = connection.dialect.name == "sqlite"
            if sqlite:
                await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
                await connection.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                migrated = await connection.run_sync(_upgrade)
                await connection.commit()
                # Only after a migration: the check reads every row (seconds at 1M runners).
                if sqlite and migrated:
                    broken = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
                    if broken:
                        raise RuntimeError(f"foreign keys broken by the migration: {broken}")
            finally:
                if sqlite:
                    await connection.rollback()
                    await connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                    await connection.commit()

    @asynccontextmanager
    async def session(self) -> AsyncIterator[AsyncSession]:
        async with self.sessionmaker() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    async def reachable(self) -> bool:
        """One round trip (`SELECT 1`): for the health route."""
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception as error:
            if not unavailable(error):
                raise
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()
