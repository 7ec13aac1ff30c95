"""Revision 0002 upgrades a database of the first release in place, with all its data."""

from alembic import command
from sqlalchemy import inspect, text

from models import Database
from models.db import alembic_config

SEED = (  # TRUE/FALSE: both databases read them
    "INSERT INTO users (id, first_name, week_confirmed, block, sessions_in_block, "
    "sessions_since_deload, onboarded, active, heads_up) "
    "VALUES (1, 'Ann', TRUE, '2x8', 3, 3, TRUE, TRUE, FALSE)",
    "INSERT INTO lift_states (user_id, exercise, working_weight_kg, needs_calibration, reason, "
    "short_sessions_in_a_row) VALUES (1, 'back_squat', 62.5, FALSE, 'from your 14 kg × 8', 0)",
    "INSERT INTO workout_sessions (id, user_id, session_name, block, local_date, status, "
    "prescription) VALUES (7, 1, 'A', '2x8', '2026-11-24', 'done', '{\"name\": \"A\", "
    '"block": "2x8", "lifts": [], "note": "taper for your half"}\')',
    "INSERT INTO exercise_entries (id, session_id, user_id, exercise, calibration, chat_id, "
    "source_update_id, change, reason) VALUES (3, 7, 1, 'back_squat', FALSE, 1, 42, 'up', "
    "'all reps done with 3 in reserve: up to 62.5 kg')",
    "INSERT INTO logged_sets (entry_id, session_id, user_id, exercise, set_number, weight, unit, "
    "reps, chat_id) VALUES (3, 7, 1, 'back_squat', 1, 60, 'kg', 8, 1)",
    "INSERT INTO logged_sets (entry_id, session_id, user_id, exercise, set_number, weight, unit, "
    "reps, chat_id) VALUES (3, 7, 1, 'back_squat', 2, 60, 'kg', 8, 1)",
)


def _to(revision: str, down: bool = False):
    def run(connection):
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)

    return run


async def _count(database: Database, table: str) -> int:
    async with database.engine.connect() as connection:
        return (await connection.execute(text(f"SELECT count(*) FROM {table}"))).scalar()


async def _seeded_first_release(url: str) -> Database:
    """A database as the first release made it (revision 0001), with a runner's data."""
    database = Database.from_url(url)
    async with database.engine.begin() as connection:  # foreign keys on, as the bot runs
        await connection.run_sync(_to("0001"))
        for statement in SEED:
            await connection.execute(text(statement))
    return database


async def _down(database: Database, revision: str) -> None:
    """Downgrade as an operator would; SQLite's table copies need foreign keys off, as in
    `Database.migrate`."""
    async with database.engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await connection.run_sync(_to(revision, down=True))
        await connection.commit()


async def _columns(database: Database, table: str) -> set[str]:
    """The columns `table` has now, on either database."""
    async with database.engine.connect() as connection:
        names = await connection.run_sync(lambda c: inspect(c).get_columns(table))
    return {column["name"] for column in names}


async def test_an_old_database_keeps_every_set_and_loses_only_the_english_reasons(
    empty_database_url,
):
    database = await _seeded_first_release(empty_database_url)
    await database.migrate()
    assert await _count(database, "logged_sets") == 2  # not cascaded away by the table copy
    assert await _count(database, "exercise_entries") == 1
    async with database.engine.connect() as connection:
        state = (await connection.execute(text(
            "SELECT working_weight_kg, reason_code, reason_values FROM lift_states"
        ))).one()  # fmt: skip
        assert tuple(state) == (62.5, None, None)
        if connection.dialect.name == "sqlite":
            fk = (await connection.exec_driver_sql("PRAGMA foreign_keys")).scalar()
            assert fk == 1  # back on for the bot
    await database.dispose()


async def test_revision_0002_goes_down_again_without_losing_sets(empty_database_url):
    database = await _seeded_first_release(empty_database_url)
    await database.migrate()
    await _down(database, "0001")
    async with database.engine.connect() as connection:
        row = (await connection.execute(text(
            "SELECT working_weight_kg, needs_calibration, reason FROM lift_states"
        ))).one()  # fmt: skip
        assert tuple(row) == (62.5, 0, "")
    assert await _count(database, "logged_sets") == 2
    await database.dispose()
