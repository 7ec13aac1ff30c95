"""Abandoned conversations expire from conversation_states; revision 0009 gives existing rows
a fair lifetime and goes down again."""

from datetime import timedelta

from sqlalchemy import text

from bot.persistence import EXPIRE_AFTER
from models import ConversationState, Database
from tests.models.test_migration_0002 import _down, _to
from tests.rig import ALICE, BOB


async def test_a_set_up_abandoned_for_two_weeks_expires_and_a_recent_one_stays(rig):
    await rig.send("/start")  # Alice stops at the first step
    assert await rig.count(ConversationState, user_id=ALICE.id) == 1
    rig.now += EXPIRE_AFTER - timedelta(hours=1)
    await rig.send("/start", BOB)  # Bob starts now
    assert await rig.run_jobs("housekeeping") == 1  # the hourly job
    assert await rig.count(ConversationState, user_id=ALICE.id) == 1, "not yet two weeks"
    rig.travel(hours=2)
    assert await rig.app.persistence.expire() == 1
    assert await rig.count(ConversationState, user_id=ALICE.id) == 0
    assert await rig.count(ConversationState, user_id=BOB.id) == 1
    await rig.restart()
    assert "2/6 Time zone" in await rig.press("Kilograms", BOB), "Bob's goes on"
    reply = await rig.send("kg")  # Alice's abandoned step is not resumed
    assert "2/6 Time zone" not in reply


async def test_states_older_than_two_weeks_are_not_loaded_at_start_up(rig):
    await rig.send("/start")
    rig.now += EXPIRE_AFTER + timedelta(hours=1)
    await rig.restart()  # before any housekeeping ran
    assert "2/6 Time zone" not in await rig.send("kg")


async def test_revision_0009_keeps_states_with_a_time_and_goes_down_again(empty_database_url):
    database = Database.from_url(empty_database_url)
    async with database.engine.begin() as connection:
        await connection.run_sync(_to("0009-1"))  # the revision before
        await connection.execute(
            text(
                "INSERT INTO conversation_states (name, chat_id, user_id, state) "
                "VALUES ('setup', 1, 1, 'units')"
            )
        )
    await database.migrate()
    async with database.engine.connect() as connection:
        query = text("SELECT state, updated_at FROM conversation_states")
        row = (await connection.execute(query)).one()
    assert row[0] == "units" and row[1] is not None
    await _down(database, "0009-1")  # to just before 0009
    async with database.engine.connect() as connection:
        states = (await connection.execute(text("SELECT * FROM conversation_states"))).all()
    assert [tuple(r) for r in states] == [("setup", 1, 1, "units")]
    await database.dispose()
