import os

import pytest
from sqlalchemy import text

from models import Database
from tests.rig import Rig

# Opt-in: RUNLIFT_TEST_DATABASE_URL=postgresql+asyncpg://... runs the rig on PostgreSQL (each
# test starts from an empty schema). Without it, every test gets its own SQLite file.
POSTGRES_URL = os.environ.get("RUNLIFT_TEST_DATABASE_URL")


async def _empty_postgres(url: str) -> None:
    database = Database.from_url(url)
    async with database.engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await database.dispose()


@pytest.fixture
async def rig(tmp_path):
    if POSTGRES_URL:
        await _empty_postgres(POSTGRES_URL)
    bot = Rig(tmp_path / "runlift.db", url=POSTGRES_URL)
    await bot.start()
    yield bot
    await bot.stop()
