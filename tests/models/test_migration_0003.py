"""Revision 0003 adds reps per lift (double progression) to a database with data, and goes back."""

from sqlalchemy import inspect, text

from tests.models.test_migration_0002 import _count, _down, _seeded_first_release


async def test_existing_lifts_keep_their_weight_and_take_the_blocks_reps(empty_database_url):
    database = await _seeded_first_release(empty_database_url)
    await database.migrate()
    async with database.engine.connect() as connection:
        row = (await connection.execute(text(
            "SELECT working_weight_kg, reps FROM lift_states"
        ))).one()  # fmt: skip
    assert tuple(row) == (62.5, None)  # None: the block's own reps
    assert await _count(database, "logged_sets") == 2
    await database.dispose()


async def test_revision_0003_goes_down_again(empty_database_url):
    database = await _seeded_first_release(empty_database_url)
    await database.migrate()
    await _down(database, "0002")
    async with database.engine.connect() as connection:
        columns = await connection.run_sync(
            lambda c: [column["name"] for column in inspect(c).get_columns("lift_states")]
        )
    assert "reps" not in columns
    assert await _count(database, "lift_states") == 1
    await database.dispose()
