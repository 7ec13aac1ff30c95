"""Statement budgets per update (issue 15): cost follows the number of SQL statements (each is
a thread hop through aiosqlite), so they are counted, deterministically, not timed."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import event, insert, select

from models import LiftState, Race, Reminder, RunDay, User
from services import open_services
from services.reminders import Outcome
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, Rig


@contextmanager
def statements(rig: Rig) -> Iterator[list[str]]:
    """Every SQL statement the bot runs inside the block (an executemany counts once)."""
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        seen.append(statement)

    engine = rig.database.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


async def test_today_reads_the_runner_and_the_day_in_three_statements_at_most(rig):
    await onboard_by_buttons(rig)
    with statements(rig) as first:
        assert "Session A" in await rig.send("/today")
    with statements(rig) as again:
        assert "Session A" in await rig.send("/today")
    await rig.send("/log squat 67.5x8 67.5x8 rir2")
    with statements(rig) as logged:
        assert "✅" in await rig.send("/today")
    assert len(again) <= 3, again
    assert len(logged) <= 3, logged
    # The day's first /today also prescribes and stores the session (once a day).
    assert len(first) <= 5, first


async def test_a_one_line_log_runs_six_statements_at_most(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    with statements(rig) as first:
        assert "Stored" in await rig.send("/log squat 67.5x8 67.5x8 rir2")
    with statements(rig) as second:
        assert "Stored" in await rig.send("/log deadlift 100x8 100x8 rir2")
    assert len(first) <= 6, first
    assert len(second) <= 6, second


async def test_a_repeated_one_line_log_is_still_found_already_stored(rig):
    await onboard_by_buttons(rig)
    update = rig.updates.message(ALICE, "/log squat 67.5x8 67.5x8 rir2")
    assert "Stored" in await rig.deliver(update)
    await rig.restart()  # the in-process repeat filter is gone: the database must know
    assert "Already stored" in await rig.deliver(update)
    assert await rig.count(LiftState, user_id=ALICE.id) == 5


RUNNERS = 60
MONDAY = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)
TUESDAY_0730_BERLIN = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)


async def _seed_runners(rig: Rig) -> None:
    """Runners lifting on Tuesdays at 07:30 in Berlin; some with a race, a heads-up or a
    session already given for the day."""
    first = 5000
    users = [dict(id=first + i, first_name=f"R{i}", private_chat_id=first + i, units="kg",
                  timezone="Europe/Berlin", reminder_time="07:30", equipment="gym",
                  week_confirmed=True, onboarded=True, active=True, heads_up=i % 3 == 0)
             for i in range(RUNNERS)]  # fmt: skip
    async with rig.database.session() as session:
        await session.execute(insert(User), users)
        await session.execute(insert(RunDay), [
            dict(user_id=u["id"], weekday=d, run_type=t) for u in users
            for d, t in ((1, "quality"), (3, "easy"), (5, "long"))])  # fmt: skip
        await session.execute(insert(LiftState), [
            dict(user_id=u["id"], exercise=key, working_weight_kg=w, short_sessions_in_a_row=0)
            for u in users for key, w in (("overhead_press", 35.0), ("back_squat", 60.0),
                                          ("deadlift", 80.0))])  # fmt: skip
        await session.execute(insert(Race), [
            dict(user_id=u["id"], race_date=date(2026, 12, 6), distance="half")
            for u in users[::4]])  # fmt: skip


async def _claimed(rig: Rig) -> list[int]:
    async with open_services(rig.database, rig.now) as services:
        return await services.reminders.claim()


async def test_reminders_are_prepared_in_under_one_statement_each_and_say_the_same(rig):
    await _seed_runners(rig)
    rig.now = MONDAY
    await rig.tick()  # plans every runner's week
    rig.now = TUESDAY_0730_BERLIN
    async with open_services(rig.database, rig.now, None) as services:
        for user_id in (5001, 5002):  # a session already given today (viewed /today)
            user = await services.session.get(User, user_id)
            await services.training.open_session(date(2026, 11, 24), user)
    ids = await _claimed(rig)
    assert len(ids) >= RUNNERS  # the lift-day reminders and last evening's heads-ups
    async with open_services(rig.database, rig.now) as services:
        with statements(rig) as seen:
            batch = await services.reminders.prepare_many(ids)
    async with open_services(rig.database, rig.now) as services:
        one_by_one = [await services.reminders.prepare(row_id) for row_id in ids]
    assert batch == one_by_one
    assert all(due.content is not None for due in batch)
    assert len(seen) <= len(ids), len(seen)


async def test_missed_and_heads_up_reminders_prepared_in_a_batch_say_the_same(rig):
    await _seed_runners(rig)
    rig.now = MONDAY
    await rig.tick()
    rig.now = TUESDAY_0730_BERLIN - timedelta(minutes=1)
    await rig.tick()  # Monday evening's heads-ups and nothing else yet
    async with open_services(rig.database, rig.now, None) as services:
        user = await services.session.get(User, 5003)
        workout = await services.training.open_session(date(2026, 11, 24), user)
        workout.status = "done"  # 5003 lifted on Tuesday: no missed-session note
    rig.now = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)  # Wednesday: the missed notes
    ids = await _claimed(rig)
    assert ids
    async with open_services(rig.database, rig.now) as services:
        batch = await services.reminders.prepare_many(ids)
    async with open_services(rig.database, rig.now) as services:
        one_by_one = [await services.reminders.prepare(row_id) for row_id in ids]
    assert batch == one_by_one
    # 5003 finished Tuesday's session: neither its (late) lift reminder nor a missed note.
    assert {due.chat_id for due in batch if due.content is None} == {5003}


async def test_a_batch_of_sends_is_recorded_in_a_few_statements(rig):
    """Recording is the last step before the next batch is claimed: a statement a row kept
    a 30/s fan-out below its cap (bench/fanout.py)."""
    await _seed_runners(rig)
    rig.now = MONDAY
    await rig.tick()
    rig.now = TUESDAY_0730_BERLIN
    ids = await _claimed(rig)
    async with rig.database.session() as session:
        rows = await session.scalars(select(Reminder).where(Reminder.id.in_(ids)))
        outcomes = [Outcome(r.id, "sent", r.chat_id, message_id=9000 + r.id) for r in rows]
    async with open_services(rig.database, rig.now) as services:
        with statements(rig) as seen:
            await services.reminders.record_all(outcomes)
    assert len(seen) <= 3, seen
    assert await rig.count(Reminder, status="sent") == len(ids)
