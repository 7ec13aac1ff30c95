"""Revision 0003 adds reps per lift (double progression) to a database with data, and goes back."""

from sqlalchemy import text

from models import Database
from tests.models.test_migration_0002 import SEED, _count, _to


async def _seeded_first_release(tmp_path) -> Database:
    """A first-release database with data; `migrate` takes it through 0002 and 0003."""
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'runlift.db'}")
    async with database.engine.begin() as connection:
        await connection.run_sync(_to("0001"))
        for statement in SEED:
            await connection.execute(text(statement))
    return database


async def test_existing_lifts_keep_their_weight_and_take_the_blocks_reps(tmp_path):
    database = await _seeded_first_release(tmp_path)
    await database.migrate()
    async with database.engine.connect() as connection:
        row = (await connection.execute(text(
            "SELECT working_weight_kg, reps FROM lift_states"
        ))).one()  # fmt: skip
    assert tuple(row) == (62.5, None)  # None: the block's own reps
    assert await _count(database, "logged_sets") == 2
    await database.dispose()


async def test_revision_0003_goes_down_again(tmp_path):
    database = await _seeded_first_release(tmp_path)
    await database.migrate()
    async with database.engine.connect() as connection:
        await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await connection.run_sync(_to("0002", down=True))
        await connection.commit()
        columns = [r[1] for r in await connection.exec_driver_sql("PRAGMA table_info(lift_states)")]
    assert "reps" not in columns
    assert await _count(database, "lift_states") == 1
    await database.dispose()
