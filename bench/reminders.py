"""The reminder tick with many stored runners, many of them due in the same minute.

Run by hand: `.venv/bin/python -m bench.reminders [--users 100000 --due 10000]`.
Builds a SQLite file with the users and a week of reminder rows each, then measures, in the
same run: an idle tick (nothing due: the baseline), the first busy tick (one batch claimed,
rendered, sent and recorded), the whole backlog of due reminders, and the process's peak
memory. Telegram is replaced in-process (no rate limiter: this measures our own cost).
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from bot.application import build_application
from bot.context import CLOCK_KEY, RunLiftContext
from bot.offline_api import OfflineBotApi
from bot.settings import Settings
from models import Database, LiftState, Reminder, RunDay, User
from scheduler.delivery import run_tick

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # Tuesday 07:30 in Berlin
CHUNK = 5000


def _users(first: int, count: int) -> list[dict]:
    return [dict(id=first + i, first_name=f"Runner {i}", private_chat_id=first + i, units="kg",
                 timezone="Europe/Berlin", reminder_time="07:30", equipment="gym",
                 week_confirmed=True, onboarded=True, active=True, heads_up=False, block="2x8",
                 sessions_in_block=0, sessions_since_deload=0,
                 reminders_planned_until=date(2026, 12, 1))
            for i in range(count)]  # fmt: skip


def _reminders(first: int, count: int, due: int) -> list[dict]:
    rows = []
    for i in range(count):
        # The first `due` runners' reminders fall due within this minute; the rest later on.
        at = NOW - timedelta(seconds=i % 60) if i < due else NOW + timedelta(days=2)
        day = at.date()
        rows.append(dict(chat_id=first + i, user_id=first + i, kind="lift", local_date=day,
                         lift_date=day, due_at=at, status="due", attempts=0))  # fmt: skip
    return rows


async def _seed(database: Database, users: int, due: int) -> None:
    first = 1_000_000
    async with database.session() as session:
        for start in range(0, users, CHUNK):
            size = min(CHUNK, users - start)
            await session.execute(insert(User), _users(first + start, size))
            await session.execute(insert(RunDay), [
                dict(user_id=first + start + i, weekday=1, run_type="quality")
                for i in range(size)])  # fmt: skip
            await session.execute(insert(LiftState), [
                dict(user_id=first + start + i, exercise=key, working_weight_kg=weight,
                     short_sessions_in_a_row=0)
                for i in range(size)
                for key, weight in (("overhead_press", 35.0), ("back_squat", 60.0),
                                    ("deadlift", 80.0))])  # fmt: skip
            reminders = _reminders(first + start, size, max(0, min(size, due - start)))
            await session.execute(insert(Reminder), reminders)


async def measure(users: int, due: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        database = Database.from_url(url)
        await database.migrate()
        started = time.perf_counter()
        await _seed(database, users, due)
        seeded = time.perf_counter() - started
        settings = Settings(_env_file=None, telegram_bot_token=None, database_url=url)
        app = build_application(settings, request=OfflineBotApi(), database=database,
                                rate_limiter=False)  # fmt: skip
        clock = {"now": NOW - timedelta(hours=1)}
        app.bot_data[CLOCK_KEY] = lambda: clock["now"]
        async with app:
            job = app.job_queue.get_jobs_by_name("reminders")[0]
            context = RunLiftContext.from_job(job, app)
            idle = await _timed(run_tick(context))
            clock["now"] = NOW
            first_busy, first_sent = await _timed_with_result(run_tick(context))
            total_started, sent = time.perf_counter(), first_sent
            while result := await run_tick(context):
                sent += result
            backlog = time.perf_counter() - total_started + first_busy
        await database.dispose()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{users:>7} users, {due:>6} due: seeded in {seeded:5.1f} s | idle tick "
          f"{idle * 1e3:7.1f} ms | first busy tick {first_busy:5.2f} s ({first_sent} sent, "
          f"{first_busy / idle:5.0f}× idle) | all {sent} sent in {backlog:5.1f} s "
          f"({sent / backlog:5.0f}/s) | peak RSS {peak_mb:6.0f} MB")  # fmt: skip


async def _timed(coroutine) -> float:
    started = time.perf_counter()
    await coroutine
    return time.perf_counter() - started


async def _timed_with_result(coroutine) -> tuple[float, int]:
    started = time.perf_counter()
    result = await coroutine
    return time.perf_counter() - started, result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--due", type=int, default=10_000)
    arguments = parser.parse_args()
    asyncio.run(measure(arguments.users // 10, arguments.due // 10))  # the small baseline run
    asyncio.run(measure(arguments.users, arguments.due))
