import pytest

from tests.rig import Rig


@pytest.fixture
async def rig(tmp_path):
    bot = Rig(tmp_path / "runlift.db")
    await bot.start()
    yield bot
    await bot.stop()
