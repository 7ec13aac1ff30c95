"""`kill -9` of the real `python -m bot` process, on SQLite and on PostgreSQL.

Exact moments come from the test-only crash points (bot/crash.py: RUNLIFT_CRASH_AT makes the
process SIGKILL itself there); one test kills the process from outside with a real SIGKILL.
After every restart: each committed set is there exactly once, no reminder went out twice
(outside the one window services/reminders.py documents, tested as such), the conversation
goes on, and the database passes an integrity check.

Telegram redelivers an update its consumer did not acknowledge; a test that re-pushes the
update in hand after the restart plays that (the worst case: it had been handled already).
"""

from __future__ import annotations

import asyncio
import signal
import subprocess
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, text

from bot.offline_api import FakeUser, plain_text
from models import Database
from tests.e2e.local_bot_api import LocalBotApi
from tests.e2e.test_process import (
    RUNNER,
    _rows,
    _say,
    _set_up_by_commands,
    _start_bot,
    _stop,
    _tap,
    _texts,
    _wait_for,
)
from tests.models.test_migration_0002 import _seeded_first_release

FAST = {"REMINDER_TICK_SECONDS": "0.5", "REMINDER_RECLAIM_MINUTES": "0.05"}  # reclaim after 3 s
RUNNERS = [FakeUser(601, "Una"), FakeUser(602, "Dov"), FakeUser(603, "Tre")]


def _crashed(process: subprocess.Popen) -> None:
    """Wait for the process to die of SIGKILL (its own crash point or ours)."""
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, process.log_path.read_text()


def _integrity(database_url: str) -> None:
    """SQLite's own checks; on both databases, no row refers to a row that is not there."""

    async def check() -> list:
        database = Database.from_url(database_url)
        problems = []
        async with database.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                ok = (await connection.exec_driver_sql("PRAGMA integrity_check")).all()
                problems += [] if ok == [("ok",)] else ok
                problems += (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
            else:
                problems += (await connection.exec_driver_sql(
                    "SELECT conname FROM pg_constraint WHERE NOT convalidated"
                )).all()  # fmt: skip
            problems += await connection.run_sync(_orphans)
        await database.dispose()
        return problems

    assert asyncio.run(check()) == []


def _orphans(connection) -> list[str]:
    found = []
    schema = inspect(connection)
    for table in schema.get_table_names():
        for key in schema.get_foreign_keys(table):
            on = " AND ".join(
                f"c.{mine} = p.{theirs}"
                for mine, theirs in zip(
                    key["constrained_columns"], key["referred_columns"], strict=True
                )
            )
            first = key["constrained_columns"][0]
            count = connection.execute(text(
                f"SELECT count(*) FROM {table} c LEFT JOIN {key['referred_table']} p ON {on} "
                f"WHERE c.{first} IS NOT NULL AND p.{key['referred_columns'][0]} IS NULL"
            )).scalar()  # fmt: skip
            if count:
                found.append(f"{table} → {key['referred_table']}: {count}")
    return found


# --- /log ------------------------------------------------------------------------------------


def test_a_crash_after_the_log_commit_before_the_reply_keeps_the_set_once(
    server,
    tmp_path,
    database_url,
):
    process = _start_bot(server, tmp_path, database_url, RUNLIFT_CRASH_AT="after_log_commit")
    _set_up_by_commands(server)
    log = server.updates.message(RUNNER, "/log squat 60x8 60x8 rir3")
    server.push(log)
    _crashed(process)
    assert not any("Stored" in t for t in _texts(server))  # died before the reply
    assert _rows(database_url, "SELECT weight, reps FROM logged_sets") == [(60.0, 8)] * 2
    _integrity(database_url)

    process = _start_bot(server, tmp_path, database_url)
    try:
        server.push(log)  # Telegram delivers the update in hand again
        _wait_for(lambda: any("Already stored" in t for t in _texts(server)), "the dedupe")
        _say(server, "/log deadlift 80x8 80x8 rir3", "Stored: Deadlift 80 kg × 8,8")  # goes on
        _say(server, "/history", "Back squat 60 kg × 8,8")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    rows = _rows(database_url, "SELECT exercise, count(*) FROM logged_sets GROUP BY exercise")
    assert sorted(rows) == [("back_squat", 2), ("deadlift", 2)]
    _integrity(database_url)


LOGS = ("/log squat 60x8 60x8 rir3", "/log deadlift 80x8 80x8 rir3", "/log ohp 30x8 30x8 rir3")


def test_a_real_kill_9_while_sets_are_logged_loses_none_and_doubles_none(
    server,
    tmp_path,
    database_url,
):
    process = _start_bot(server, tmp_path, database_url)
    _set_up_by_commands(server)
    updates = [server.updates.message(RUNNER, line) for line in LOGS]
    for update in updates:
        server.push(update)
    _wait_for(lambda: any("Stored:" in t for t in _texts(server)), "the first set stored")
    process.send_signal(signal.SIGKILL)  # from outside, mid-stream
    _crashed(process)
    _integrity(database_url)

    process = _start_bot(server, tmp_path, database_url)
    try:
        for update in updates:  # the worst case: every one delivered again
            server.push(update)
        _say(server, "/history", "Overhead press 30 kg × 8,8")
    finally:
        _stop(process)
    rows = _rows(database_url, "SELECT exercise, count(*) FROM logged_sets GROUP BY exercise")
    assert sorted(rows) == [("back_squat", 2), ("deadlift", 2), ("overhead_press", 2)]
    _integrity(database_url)


# --- onboarding --------------------------------------------------------------------------------


def test_a_crash_during_onboarding_goes_on_where_the_runner_was(
    server,
    tmp_path,
    database_url,
):
    process = _start_bot(server, tmp_path, database_url)
    _say(server, "/start", "1/6 Units")
    _tap(server, "Pounds", "2/6 Time zone")
    _stop(process)
    process = _start_bot(server, tmp_path, database_url, RUNLIFT_CRASH_AT="before_state_flush")
    answer = server.updates.message(RUNNER, "America/New_York")
    server.push(answer)  # stored and answered; the conversation's new state not yet
    _crashed(process)
    _integrity(database_url)
    assert _rows(database_url, f"SELECT timezone FROM users WHERE id = {RUNNER.id}") == [
        ("America/New_York",)
    ]

    process = _start_bot(server, tmp_path, database_url)
    try:
        server.push(answer)  # delivered again: the same answer, nothing breaks
        _wait_for(lambda: sum("3/6" in t for t in _texts(server)) >= 2, "the week question")
        _tap(server, "Wednesday", "Wednesday: easy")
        _tap(server, "Done", "4/6 Reminder")
        _say(server, "06:15", "5/6 Equipment")
        _tap(server, "Dumbbells only", "6/6")
        _tap(server, "Calibrate all", "All set")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    assert _rows(database_url, f"SELECT onboarded FROM users WHERE id = {RUNNER.id}") == [(True,)]
    _integrity(database_url)


# --- a reminder fan-out ----------------------------------------------------------------------


SET_UP = (("/units kg", "Saved: kg"), ("/timezone UTC", "Saved: UTC"),
          ("/rundays mon=easy wed=quality sat=long", "Lift days"),
          ("/remind 07:00", "Saved: reminders"), ("/equipment gym", "6/6"))  # fmt: skip


def _set_up(local: LocalBotApi, user: FakeUser) -> None:
    """A runner set up by commands, starting loads calibrated."""

    def seen(expect: str) -> None:
        messages = local.api.sent_to
        _wait_for(lambda: any(expect in plain_text(m.text) for m in messages(user.id)), expect)

    for line, expect in SET_UP:
        local.push(local.updates.message(user, line))
        seen(expect)
    message = local.api.last_message(user.id)
    data = next(b["callback_data"] for row in message.buttons for b in row
                if "Calibrate all" in b["text"])  # fmt: skip
    local.push(local.updates.press(user, message, data))
    seen("All set")


def _lift_reminders(local: LocalBotApi, user: FakeUser) -> int:
    return sum("Lift day: session" in plain_text(m.text) for m in local.api.sent_to(user.id))


def _make_due(database_url: str) -> None:
    """Each runner's next lift-day reminder falls due now (as if its hour had come)."""

    async def move() -> None:
        database = Database.from_url(database_url)
        due = datetime.now(UTC) - timedelta(minutes=1)
        async with database.engine.begin() as connection:
            for user in RUNNERS:
                first = (await connection.execute(text(
                    "SELECT id FROM reminders WHERE user_id = :user AND kind = 'lift' "
                    "ORDER BY due_at LIMIT 1"), {"user": user.id})).scalar_one()  # fmt: skip
                await connection.execute(
                    text("UPDATE reminders SET due_at = :due WHERE id = :id"),
                    {"due": due, "id": first},
                )
        await database.dispose()

    asyncio.run(move())


def _sent_rows(database_url: str) -> int:
    return _rows(database_url, "SELECT count(*) FROM reminders WHERE status = 'sent'")[0][0]


@pytest.mark.parametrize("point", ["after_claim", "after_send", "after_mark"])
def test_a_crash_during_a_reminder_fan_out_sends_each_once(
    server,
    tmp_path,
    database_url,
    point,
):
    process = _start_bot(server, tmp_path, database_url, RUNLIFT_CRASH_AT=point, **FAST)
    for user in RUNNERS:
        _set_up(server, user)
    _wait_for(lambda: _rows(database_url, "SELECT count(DISTINCT user_id) FROM reminders")
              == [(3,)], "the reminders planned")  # fmt: skip
    _make_due(database_url)
    _crashed(process)
    _integrity(database_url)
    before = {user.id: _lift_reminders(server, user) for user in RUNNERS}

    process = _start_bot(server, tmp_path, database_url, **FAST)
    try:
        _wait_for(lambda: _sent_rows(database_url) == 3, "every reminder recorded as sent")
        _say(server, "/today", "")  # the bot goes on answering
    finally:
        _stop(process)
    after = {user.id: _lift_reminders(server, user) for user in RUNNERS}
    if point == "after_send":  # the documented window: accepted, id not yet written
        assert all(count >= 1 for count in after.values())
        assert sum(after.values()) - 3 == sum(before.values()) >= 1
    else:
        assert after == {user.id: 1 for user in RUNNERS}, (before, after)
    _integrity(database_url)


# --- a migration -------------------------------------------------------------------------------


def test_a_crash_during_a_migration_leaves_a_database_the_restart_migrates(
    server,
    tmp_path,
    empty_database_url,
):
    url = empty_database_url
    asyncio.run(asyncio.run(_seeded_first_release(url)).dispose())  # the first release's
    process = _start_bot(server, tmp_path, url, RUNLIFT_CRASH_AT="during_migration")
    _crashed(process)
    _integrity(url)
    assert _rows(url, "SELECT count(*) FROM logged_sets") == [(2,)]

    process = _start_bot(server, tmp_path, url)
    try:
        _say(server, "/help", "/today")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    assert _rows(url, "SELECT count(*) FROM logged_sets") == [(2,)]
    assert _rows(url, "SELECT working_weight_kg FROM lift_states") == [(62.5,)]
    _integrity(url)
