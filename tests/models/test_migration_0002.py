"""Revision 0002 upgrades a database of the first release in place, with its data."""

from alembic import command
from sqlalchemy import text

from models import Database
from models.db import alembic_config


def _to(database: Database, revision: str, down: bool = False):
    def run(connection):
        config = alembic_config()
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)

    return run


async def test_an_old_database_keeps_its_loads_and_loses_only_the_english_reasons(tmp_path):
    database = Database.from_url(f"sqlite+aiosqlite:///{tmp_path / 'old.db'}")
    async with database.engine.begin() as connection:
        await connection.run_sync(_to(database, "0001"))
        await connection.execute(text(
            "INSERT INTO users (id, first_name, week_confirmed, block, sessions_in_block, "
            "sessions_since_deload, onboarded, active, heads_up) "
            "VALUES (1, 'Ann', 1, '2x8', 3, 3, 1, 1, 0)"
        ))  # fmt: skip
        await connection.execute(text(
            "INSERT INTO lift_states (user_id, exercise, working_weight_kg, needs_calibration, "
            "reason, short_sessions_in_a_row) "
            "VALUES (1, 'back_squat', 62.5, 0, 'from your 14 kg × 8', 0)"
        ))  # fmt: skip
    await database.migrate()
    async with database.engine.connect() as connection:
        row = (await connection.execute(text(
            "SELECT working_weight_kg, reason_code, reason_values FROM lift_states"
        ))).one()  # fmt: skip
        assert tuple(row) == (62.5, None, None)
    async with database.engine.begin() as connection:
        await connection.run_sync(_to(database, "0001", down=True))
        row = (await connection.execute(text(
            "SELECT working_weight_kg, needs_calibration, reason FROM lift_states"
        ))).one()  # fmt: skip
        assert tuple(row) == (62.5, 0, "")
    await database.dispose()
