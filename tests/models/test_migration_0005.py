"""Revision 0005 (groups: active flag, members who left) upgrades a database with groups and
members in place, and goes back one step (whatever revision it follows after a merge)."""

from alembic.script import ScriptDirectory
from sqlalchemy import text

from models import Database
from models.db import alembic_config
from tests.models.test_migration_0002 import _columns, _down, _to

USER = (
    "INSERT INTO users (id, first_name, week_confirmed, block, sessions_in_block, "
    "sessions_since_deload, onboarded, active, heads_up) "
    "VALUES ({}, '{}', TRUE, '2x8', 0, 0, TRUE, TRUE, FALSE)"
)
SEED = (
    USER.format(1, "Ann"),
    USER.format(2, "Ben"),
    "INSERT INTO groups (id, title, weekly_summary, summary_day, introduced) "
    "VALUES (-100, 'Club', TRUE, 6, TRUE)",
    "INSERT INTO group_members (group_id, user_id, share) VALUES (-100, 1, TRUE)",
)


def _before_0005() -> str:
    script = ScriptDirectory.from_config(alembic_config())
    return script.get_revision("0005").down_revision


async def _rows(database: Database, query: str) -> list[tuple]:
    async with database.engine.connect() as connection:
        return [tuple(row) for row in await connection.execute(text(query))]


async def test_groups_stay_active_and_members_stay_members(empty_database_url):
    database = Database.from_url(empty_database_url)
    async with database.engine.begin() as connection:
        await connection.run_sync(_to(_before_0005()))
        for statement in SEED:
            await connection.execute(text(statement))
    await database.migrate()
    assert await _rows(database, "SELECT id, active FROM groups") == [(-100, 1)]
    members = "SELECT user_id, share, left_at FROM group_members ORDER BY user_id"
    assert await _rows(database, members) == [(1, 1, None)]
    async with database.engine.begin() as connection:  # Ben joined and left since
        await connection.execute(
            text(
                "INSERT INTO group_members (group_id, user_id, share, left_at) "
                "VALUES (-100, 2, FALSE, '2026-12-01 10:00:00')"
            )
        )
    await _down(database, _before_0005())  # one step back: 0005 undone
    # Before 0005 a member who left had no row: Ben's goes, Ann stays.
    assert await _rows(database, "SELECT user_id, share FROM group_members") == [(1, 1)]
    assert "active" not in await _columns(database, "groups")
    await database.migrate()  # and up again
    assert await _rows(database, "SELECT id, active FROM groups") == [(-100, 1)]
    await database.dispose()
