"""Revision 0004 keys logged exercises by message or button press instead of update id, in a
database with data, and goes back."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from models import Database
from tests.models.test_migration_0002 import _count, _down, _seeded_first_release

NEW_ENTRY = (
    "INSERT INTO exercise_entries (id, session_id, user_id, exercise, calibration, chat_id, "
    "source_key, change) VALUES ({id}, 7, 1, 'back_squat', FALSE, 1, '{key}', 'up')"
)


async def _keys(database) -> list[tuple]:
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            text("SELECT id, source_key FROM exercise_entries ORDER BY id")
        )
        return [tuple(row) for row in rows]


async def test_old_entries_keep_their_update_id_and_new_keys_never_meet_it(empty_database_url):
    database = await _seeded_first_release(empty_database_url)  # an entry from update 42 in chat 1
    await database.migrate()
    assert await _keys(database) == [(3, "u:42")]
    assert await _count(database, "logged_sets") == 2  # kept through the table copies
    async with database.engine.begin() as connection:  # message 42 of chat 1: a new key
        await connection.execute(text(NEW_ENTRY.format(id=4, key="m:1:42")))
    with pytest.raises(IntegrityError):  # the same origin stores once
        async with database.engine.begin() as connection:
            await connection.execute(text(NEW_ENTRY.format(id=5, key="m:1:42")))
    assert await _keys(database) == [(3, "u:42"), (4, "m:1:42")]
    await database.dispose()


async def test_revision_0004_goes_down_again(empty_database_url):
    database = await _seeded_first_release(empty_database_url)
    await database.migrate()
    async with database.engine.begin() as connection:
        await connection.execute(text(NEW_ENTRY.format(id=4, key="q:8151")))
    await _down(database, "0003")
    async with database.engine.connect() as connection:
        rows = await connection.execute(
            text("SELECT id, source_update_id FROM exercise_entries ORDER BY id")
        )
        assert [tuple(row) for row in rows] == [(3, 42), (4, -4)]
    assert await _count(database, "logged_sets") == 2
    await database.dispose()


def test_the_alembic_command_line_keeps_every_logged_set(empty_database_url):
    """`alembic upgrade head`, as an operator would run it, copies tables on SQLite too."""
    import asyncio
    import os
    import subprocess
    import sys
    from pathlib import Path

    url = empty_database_url
    asyncio.run(asyncio.run(_seeded_first_release(url)).dispose())
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"], cwd=root, capture_output=True,
        text=True, env={**os.environ, "DATABASE_URL": url}, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    again = Database.from_url(url)
    assert asyncio.run(_count(again, "logged_sets")) == 2
    asyncio.run(again.dispose())
