"""Every revision goes up and down on both databases with a runner's data in them, starting
from a database the first release (revision 0001) made; and revision 0008's reminder keys."""

from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from models.db import alembic_config
from tests.models.test_migration_0002 import _count, _down, _seeded_first_release, _to

REMINDER = (
    "INSERT INTO reminders (id, chat_id, user_id, kind, local_date, lift_date, due_at, status, "
    "attempts, sent_at) VALUES (5, 1, 1, 'lift', '2026-11-24', '2026-11-24', "
    "'2026-11-24 06:30:00+00:00', 'sent', 0, '2026-11-24 06:30:00+00:00')"
)


def _revisions() -> list[str]:
    """From the first to the head, following down_revision (whatever the chain is)."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


async def _version(database) -> str:
    async with database.engine.connect() as connection:
        return (await connection.execute(text("SELECT version_num FROM alembic_version"))).scalar()


async def test_the_first_releases_database_goes_to_head_down_to_the_first_and_up_again(
    empty_database_url,
):
    database = await _seeded_first_release(empty_database_url)
    async with database.engine.begin() as connection:
        await connection.execute(text(REMINDER))
    revisions = _revisions()
    await database.migrate()
    assert await _version(database) == revisions[-1]
    for revision in reversed(revisions[:-1]):  # one step down at a time
        await _down(database, revision)
        assert await _version(database) == revision
        assert await _count(database, "logged_sets") == 2
        assert await _count(database, "reminders") == 1
    await database.migrate()
    assert await _version(database) == revisions[-1]
    assert await _count(database, "logged_sets") == 2
    await database.dispose()


async def test_reminders_sent_before_0008_stay_sent_and_the_key_is_unique(empty_database_url):
    database = await _seeded_first_release(empty_database_url)
    async with database.engine.begin() as connection:
        await connection.execute(text(REMINDER))
    async with database.engine.begin() as connection:
        await connection.run_sync(_to("0008"))
    async with database.engine.connect() as connection:
        row = await connection.execute(
            text("SELECT status, send_key, message_id FROM reminders WHERE id = 5")
        )
        assert tuple(row.one()) == ("sent", None, None)
        indexes = await connection.run_sync(lambda c: inspect(c).get_indexes("reminders"))
    [key_index] = [index for index in indexes if index["name"] == "ix_reminders_send_key"]
    assert key_index["unique"] and key_index["column_names"] == ["send_key"]
    await database.dispose()
