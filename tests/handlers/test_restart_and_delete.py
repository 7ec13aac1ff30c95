"""A restart mid-onboarding continues; /deletedata removes every row of the runner only."""

from sqlalchemy import Table, func, select

from models import (
    Base,
    BodyweightEntry,
    ConversationState,
    ExerciseEntry,
    Group,
    GroupMember,
    LiftState,
    LoggedSet,
    Race,
    Reminder,
    RunDay,
    User,
    WorkoutSession,
)
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, BOB


async def test_restart_mid_onboarding_continues_where_the_runner_was(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.send("Europe/Berlin")
    await rig.restart()
    # The week keyboard from before the restart still works, and typed answers too.
    await rig.press("Tuesday")
    await rig.press("Done")
    reply = await rig.send("07:30")
    assert "5/6 Equipment" in reply
    await rig.restart()
    reply = await rig.press("Full gym")
    assert "Starting loads (1/5)" in reply
    await rig.restart()
    assert "Starting loads (2/5)" in await rig.send("40x8")


async def test_a_finished_conversation_is_forgotten_by_the_next_process(rig):
    await onboard_by_buttons(rig)
    assert await rig.count(ConversationState) == 0
    await rig.restart()
    assert "/help" in await rig.send("45x8")  # not taken as a starting load any more


async def _add_everything(rig, user_id: int) -> None:
    from datetime import UTC, date, datetime

    async with rig.database.session() as session:
        session.add(Group(id=-user_id, title="Club"))
        await session.flush()
        session.add(GroupMember(group_id=-user_id, user_id=user_id))
        session.add(Race(user_id=user_id, race_date=date(2027, 4, 12), distance="half"))
        session.add(BodyweightEntry(user_id=user_id, entry_date=date(2026, 11, 1), weight_kg=61))
        workout = WorkoutSession(user_id=user_id, session_name="A", local_date=date(2026, 11, 2))
        session.add(workout)
        await session.flush()
        entry = ExerciseEntry(session_id=workout.id, user_id=user_id, exercise="back_squat",
                              rir=3, chat_id=user_id, source_key="m:1:1")  # fmt: skip
        session.add(entry)
        await session.flush()
        session.add(LoggedSet(entry_id=entry.id, session_id=workout.id, user_id=user_id,
                              exercise="back_squat", set_number=1, weight=60, unit="kg", reps=8,
                              rir=3, chat_id=user_id, source_message_id=1))  # fmt: skip
        session.add(Reminder(chat_id=user_id, user_id=user_id, kind="lift",
                             local_date=date(2026, 11, 3), lift_date=date(2026, 11, 3),
                             due_at=datetime.now(UTC)))  # fmt: skip


def _runner_tables() -> list[tuple[Table, str]]:
    """Every table of the schema that holds rows of a runner, with the column naming them:
    found from the schema itself, not from the code under test, so a new table is covered."""
    tables = [(table, "user_id") for table in Base.metadata.sorted_tables if "user_id" in table.c]
    return [(User.__table__, "id"), *tables]


async def _rows_of(rig, user_id: int) -> dict[str, int]:
    """How many rows each runner table holds for this runner."""
    counts = {}
    async with rig.database.session() as session:
        for table, column in _runner_tables():
            query = select(func.count()).select_from(table).where(table.c[column] == user_id)
            counts[table.name] = await session.scalar(query)
    return counts


async def test_deletedata_deletes_every_row_of_that_runner_only(rig):
    for runner in (ALICE, BOB):
        await onboard_by_buttons(rig, runner)
        await _add_everything(rig, runner.id)
    await rig.send("/start", BOB)
    await rig.press("Reminder time", BOB)  # Bob is mid-conversation: a state row exists
    bobs_before, alices_before = await _rows_of(rig, BOB.id), await _rows_of(rig, ALICE.id)
    # Bob has rows in every runner table, so "none left" below is checked for each of them.
    assert [name for name, count in bobs_before.items() if count == 0] == []
    await rig.send("/deletedata", BOB)
    assert "cannot be undone" in rig.last_text(BOB.id)
    reply = await rig.press("Yes, delete everything", BOB)
    assert "everything about you is deleted" in reply
    assert {name: count for name, count in (await _rows_of(rig, BOB.id)).items() if count} == {}
    assert await rig.get(User, BOB.id) is None
    # Alice keeps all of hers.
    assert await _rows_of(rig, ALICE.id) == alices_before
    assert await rig.get(User, ALICE.id) is not None
    for table in (LiftState, RunDay, Race, BodyweightEntry, WorkoutSession, ExerciseEntry,
                  LoggedSet, Reminder, GroupMember):  # fmt: skip
        assert await rig.count(table, user_id=ALICE.id) > 0, table.__tablename__
    async with rig.database.session() as session:
        assert (await session.scalars(select(Group))).all()


async def test_deletedata_can_be_declined_and_others_cannot_press_it(rig):
    await onboard_by_buttons(rig)
    await rig.send("/deletedata")
    await rig.press("Yes, delete everything", BOB, chat_id=ALICE.id)
    assert "belongs to someone else" in rig.alerts()[-1]
    assert await rig.get(User, ALICE.id) is not None
    assert "Nothing was deleted" in await rig.press("No, keep my data")
    assert await rig.count(LiftState, user_id=ALICE.id) == 5


async def test_after_deletedata_start_sets_up_from_scratch(rig):
    await onboard_by_buttons(rig)
    await rig.send("/deletedata")
    await rig.press("Yes, delete everything")
    assert "1/6 Units" in await rig.send("/start")
