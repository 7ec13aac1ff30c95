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
    when `stop` is set first (False). Losing the lock to another process sets `stop` and
    records it in LOST."""
    path = lock_file_of(database.engine.url.render_as_string(hide_password=False))
    if database.engine.dialect.name != "postgresql":
        descriptor = _take_lock_file(path) if path is not None else None
        try:
            yield True
        finally:
            if descriptor is not None:
                os.close(descriptor)
        return
    connection = await _wait_for_lock(database, stop)
    if connection is None:
        yield False  # asked to stop while standing by
        return
    holder = [connection]
    watch = asyncio.create_task(_heartbeat(database, holder, stop))
    try:
        yield True
    finally:
        watch.cancel()
        with contextlib.suppress(Exception):  # gone with its connection: released already
            await holder[0].scalar(text(f"SELECT pg_advisory_unlock({LOCK_KEY})"))
            await holder[0].close()


async def _try_lock(database: Database) -> AsyncConnection | None:
    """A connection holding the lock (kept checked out), or None when another process has it."""
    connection = await database.engine.connect()
    try:
        if await connection.scalar(text(f"SELECT pg_try_advisory_lock({LOCK_KEY})")):
            await connection.commit()  # a session-level lock outlives the transaction
            return connection
    except BaseException:
        await connection.invalidate()
        raise
    await connection.close()
    return None


async def _wait_for_lock(database: Database, stop: asyncio.Event) -> AsyncConnection | None:
    """The standby: try every second (through database outages) until the lock is ours."""
    announced = False
    while not stop.is_set():
        try:
            connection = await _try_lock(database)
        except Exception as error:
            if not unavailable(error):
                raise
            log.warning("Database unreachable while waiting for the lock: %s", error)
            connection = None
        if connection is not None:
            log.info("This process is the active one (advisory lock %s)", LOCK_KEY)
            return connection
        if not announced:
            log.info("Standby: another RunLift process is active; waiting to take over")
            announced = True
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), STANDBY_POLL_SECONDS)
    return None


async def _heartbeat(
    database: Database, holder: list[AsyncConnection], stop: asyncio.Event
) -> None:
    """Check the lock's connection now and then. When it breaks (the server restarted or is
    down), take the lock again on a new connection; stop only if another process has it by
    then. While the database is down nothing can be written, so updates are kept for later
    (bot/intake.py) and reminders wait: carrying on is safe."""
    while True:
        await asyncio.sleep(HEARTBEAT_SECONDS)
        try:
            await holder[0].scalar(text("SELECT 1"))
            await holder[0].commit()
            continue
        except Exception as error:
            if not unavailable(error):
                raise
            log.warning("Lost the connection that holds the lock; taking it again: %s", error)
            with contextlib.suppress(Exception):
                await holder[0].invalidate()
        try:
            connection = await _try_lock(database)
        except Exception as error:
            if not unavailable(error):
                raise
            continue  # still down: try again at the next beat
        if connection is None:
            log.error("Another RunLift process took over while the database was away; stopping")
            LOST.append(RuntimeError("lock taken by another process"))
            stop.set()
            return
        holder[0] = connection
