"""One active process per database: Telegram feeds one consumer, and reminders must not go
out twice.

On PostgreSQL, a second `python -m bot` is a hot standby: it waits on a session-level advisory
lock, held by the active process's own connection. When that process dies, the server closes
its connection and releases the lock; the standby takes it within a second and starts. If the
active process loses its lock connection (the server restarted), it stops rather than run
beside a new leader.

On SQLite there is no server to arbitrate, so a second process refuses to start: it cannot take
the lock file beside the database (an OS lock, released when the holder dies, even by kill -9).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from models import Database
from models.db import unavailable

log = logging.getLogger(__name__)

LOCK_KEY = 0x52554E4C  # "RUNL": the advisory lock every RunLift process of a database shares
STANDBY_POLL_SECONDS = 1.0
HEARTBEAT_SECONDS = 2.0
LOST: list[BaseException] = []  # set when the lock's connection went: exit non-zero


class AlreadyRunning(SystemExit):
    """Another process serves this SQLite database."""


def lock_file_of(url: str) -> Path | None:
    """`runlift.db.lock` beside a SQLite file (None for PostgreSQL or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database).resolve().with_name(Path(parsed.database).name + ".lock")


def _take_lock_file(path: Path) -> int:
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(descriptor)
        raise AlreadyRunning(
            f"Another RunLift process is already running on this database (it holds {path}). "
            "Stop it first: two processes would answer every message and send every reminder "
            "twice. For a hot standby, use PostgreSQL."
        ) from None
    os.ftruncate(descriptor, 0)
    os.write(descriptor, f"{os.getpid()}\n".encode())
    return descriptor


@asynccontextmanager
async def leadership(database: Database, stop: asyncio.Event) -> AsyncIterator[bool]:
    """Be the one active process for `database` inside this block (True), or give up waiting
    when `stop` is set first (False). Losing the lock's connection sets `stop` and
    `database.leadership_lost`."""
    path = lock_file_of(database.engine.url.render_as_string(hide_password=False))
    if database.engine.dialect.name != "postgresql":
        descriptor = _take_lock_file(path) if path is not None else None
        try:
            yield True
        finally:
            if descriptor is not None:
                os.close(descriptor)
        return
    async with database.engine.connect() as connection:
        announced = False
        while not await connection.scalar(text(f"SELECT pg_try_advisory_lock({LOCK_KEY})")):
            await connection.rollback()  # no transaction held open while waiting
            if not announced:
                log.info("Standby: another RunLift process is active; waiting to take over")
                announced = True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), STANDBY_POLL_SECONDS)
            if stop.is_set():
                yield False  # asked to stop while standing by
                return
        await connection.commit()
        log.info("This process is the active one (advisory lock %s)", LOCK_KEY)
        watch = asyncio.create_task(_heartbeat(connection, stop))
        try:
            yield True
        finally:
            watch.cancel()
            try:
                await connection.scalar(text(f"SELECT pg_advisory_unlock({LOCK_KEY})"))
            except Exception:  # the connection went: the server released the lock already
                log.debug("Advisory lock already gone", exc_info=True)


async def _heartbeat(connection: AsyncConnection, stop: asyncio.Event) -> None:
    """Check the lock's connection now and then; without it, another process may lead."""
    while True:
        await asyncio.sleep(HEARTBEAT_SECONDS)
        try:
            await connection.scalar(text("SELECT 1"))
            await connection.commit()
        except Exception as error:
            if not unavailable(error):
                raise
            log.error("Lost the database connection that holds the lock; stopping: %s", error)
            LOST.append(error)
            stop.set()
            return
