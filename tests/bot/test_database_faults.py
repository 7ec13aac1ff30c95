"""The database out from under a running bot (offline rig): a full disk and a lock held by
another writer. The update gets one short apology, is kept for Telegram's redelivery, nothing
half-written is stored, and the file passes SQLite's integrity check."""

import logging
import sqlite3

import pytest
from sqlalchemy import event

from bot.context import postponed
from models import LoggedSet
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE

APOLOGY = "notebook is out of reach"


@pytest.fixture
def sqlite_only(rig):
    if rig.database.engine.dialect.name != "sqlite":
        pytest.skip("a full disk and a file lock are SQLite's")
    return rig


async def _limit_size(rig, pages: int | None) -> None:
    """Every new connection may not grow the file beyond `pages` (None: no limit)."""

    def limit(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count={pages}")
        cursor.close()

    engine = rig.database.engine.sync_engine
    if pages is None:
        event.remove(engine, "connect", rig.size_limit)
    else:
        rig.size_limit = limit
        event.listen(engine, "connect", limit)
    await rig.database.engine.dispose()


def _file(rig) -> str:
    return rig.url.split("///", 1)[1]


async def test_a_full_disk_gets_an_apology_a_clear_log_line_and_no_corruption(sqlite_only, caplog):
    rig = sqlite_only
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 60x8 rir2")
    before = await rig.count(LoggedSet)
    with sqlite3.connect(_file(rig)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
    await _limit_size(rig, pages)  # the disk fills up: the file cannot grow
    stored, sets = before, " ".join(["100x5"] * 10)
    with caplog.at_level(logging.ERROR):
        for _ in range(300):  # log until a write needs a page there is no room for
            update = rig.updates.message(ALICE, f"/log deadlift {sets} rir2")
            reply = await rig.deliver(update)
            if APOLOGY in reply:
                break
            assert "Stored: Deadlift" in reply
            stored += 10
    assert APOLOGY in reply
    assert "Database write failed (the disk is full)" in caplog.text
    assert update["update_id"] in postponed(rig.app.bot_data), "kept for redelivery"
    await _limit_size(rig, None)  # space freed
    assert await rig.count(LoggedSet) == stored, "nothing half-written"
    with sqlite3.connect(_file(rig)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    reply = await rig.deliver(update)  # Telegram's redelivery
    assert "Stored: Deadlift" in reply
    assert await rig.count(LoggedSet) == stored + 10


async def test_a_locked_database_apologises_once_however_often_the_update_comes(sqlite_only):
    rig = sqlite_only
    await onboard_by_buttons(rig)
    locker = sqlite3.connect(_file(rig), isolation_level=None, timeout=0)
    locker.execute("BEGIN IMMEDIATE")
    from models import db

    db.SQLITE_BUSY_TIMEOUT_MS, saved = 0, db.SQLITE_BUSY_TIMEOUT_MS
    await rig.database.engine.dispose()
    try:
        update = rig.updates.message(ALICE, "/log squat 60x8 rir2")
        assert APOLOGY in await rig.deliver(update)
        assert APOLOGY not in await rig.deliver(update)  # Telegram again: no second apology
    finally:
        db.SQLITE_BUSY_TIMEOUT_MS = saved
        locker.execute("ROLLBACK")
        locker.close()
    await rig.database.engine.dispose()
    assert "Stored: Back squat" in await rig.deliver(update)
    assert "Stored" not in await rig.deliver(update), "a repeat stores nothing"
    assert await rig.count(LoggedSet) == 1
