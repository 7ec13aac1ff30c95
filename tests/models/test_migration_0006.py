"""Revision 0006 keeps one bodyweight entry a day (the latest), adds the weekly summary's
settings and marks imported sessions, in a database with data, and goes back."""

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from models.db import alembic_config
from tests.models.test_migration_0002 import _columns, _count, _down, _to
from tests.models.test_migration_0003 import _seeded_first_release

BEFORE = ScriptDirectory.from_config(alembic_config()).get_revision("0006").down_revision
WEIGH_IN = "INSERT INTO bodyweight_entries (id, user_id, entry_date, weight_kg) VALUES {}"


async def _with_weigh_ins(url: str):
    """A first-release database taken to the revision before 0006, with two weigh-ins on one
    day and one on another."""
    database = await _seeded_first_release(url)
    async with database.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await connection.run_sync(_to(BEFORE))
        await connection.commit()
    async with database.engine.begin() as connection:
        rows = "(1, 1, '2026-11-20', 61.0), (2, 1, '2026-11-20', 61.4), (3, 1, '2026-11-21', 61.2)"
        await connection.execute(text(WEIGH_IN.format(rows)))
    return database


async def _rows(database, query: str) -> list[tuple]:
    async with database.engine.connect() as connection:
        return [tuple(row) for row in await connection.execute(text(query))]


async def test_the_latest_weigh_in_of_a_day_is_kept_and_a_second_one_is_refused(
    empty_database_url,
):
    database = await _with_weigh_ins(empty_database_url)
    await database.migrate()
    weigh_ins = (
        "SELECT id, CAST(entry_date AS VARCHAR(10)), weight_kg FROM bodyweight_entries ORDER BY id"
    )
    assert await _rows(database, weigh_ins) == [(2, "2026-11-20", 61.4), (3, "2026-11-21", 61.2)]
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await connection.execute(text(WEIGH_IN.format("(4, 1, '2026-11-21', 60.0)")))
    settings = "SELECT weekly_summary, summary_day, summary_time, import_asked_at FROM users"
    assert await _rows(database, settings) == [(0, 6, "18:00", None)]  # off until asked
    assert await _rows(database, "SELECT imported FROM workout_sessions") == [(0,)]
    assert await _count(database, "logged_sets") == 2
    await database.dispose()


async def test_revision_0006_goes_down_again(empty_database_url):
    database = await _with_weigh_ins(empty_database_url)
    await database.migrate()
    await _down(database, BEFORE)
    assert "weekly_summary" not in await _columns(database, "users")
    async with database.engine.begin() as connection:  # two a day allowed again
        await connection.execute(text(WEIGH_IN.format("(4, 1, '2026-11-21', 60.0)")))
    assert await _count(database, "bodyweight_entries") == 3
    assert await _count(database, "logged_sets") == 2
    await database.dispose()
