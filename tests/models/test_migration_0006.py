"""Revision 0006 keeps one bodyweight entry a day (the latest), adds the weekly summary's
settings and marks imported sessions, in a database with data, and goes back."""

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from models.db import alembic_config
from tests.models.test_migration_0002 import _count, _to
from tests.models.test_migration_0003 import _seeded_first_release

BEFORE = ScriptDirectory.from_config(alembic_config()).get_revision("0006").down_revision
WEIGH_IN = "INSERT INTO bodyweight_entries (id, user_id, entry_date, weight_kg) VALUES {}"


async def _with_weigh_ins(tmp_path):
    """A first-release database taken to the revision before 0006, with two weigh-ins on one
    day and one on another."""
    database = await _seeded_first_release(tmp_path)
    async with database.engine.connect() as connection:
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


async def test_the_latest_weigh_in_of_a_day_is_kept_and_a_second_one_is_refused(tmp_path):
    database = await _with_weigh_ins(tmp_path)
    await database.migrate()
    weigh_ins = "SELECT id, entry_date, weight_kg FROM bodyweight_entries ORDER BY id"
    assert await _rows(database, weigh_ins) == [(2, "2026-11-20", 61.4), (3, "2026-11-21", 61.2)]
    with pytest.raises(IntegrityError):
        async with database.engine.begin() as connection:
            await connection.execute(text(WEIGH_IN.format("(4, 1, '2026-11-21', 60.0)")))
    settings = "SELECT weekly_summary, summary_day, summary_time, import_asked_at FROM users"
    assert await _rows(database, settings) == [(0, 6, "18:00", None)]  # off until asked
    assert await _rows(database, "SELECT imported FROM workout_sessions") == [(0,)]
    assert await _count(database, "logged_sets") == 2
    await database.dispose()


async def test_revision_0006_goes_down_again(tmp_path):
    database = await _with_weigh_ins(tmp_path)
    await database.migrate()
    async with database.engine.connect() as connection:
        await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await connection.run_sync(_to(BEFORE, down=True))
        await connection.commit()
        columns = [r[1] for r in await connection.exec_driver_sql("PRAGMA table_info(users)")]
    assert "weekly_summary" not in columns
    async with database.engine.begin() as connection:  # two a day allowed again
        await connection.execute(text(WEIGH_IN.format("(4, 1, '2026-11-21', 60.0)")))
    assert await _count(database, "bodyweight_entries") == 3
    assert await _count(database, "logged_sets") == 2
    await database.dispose()
