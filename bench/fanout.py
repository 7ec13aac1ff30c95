"""Reminders fanned out at Telegram's limits: a minute's reminders through the real bot (HTTP,
PTB's rate limiter) to a local Bot API server on 127.0.0.1 that enforces 30 messages/s
overall, 1/s per chat and 20/min per group (tests/e2e/limited_bot_api.py), and, with
`allow_paid_broadcast`, 1,000/s.

Run by hand: `.venv/bin/python -m bench.fanout [--reminders 10000]` (or `make bench`). 10,000
reminders at 30/s take about 5.5 minutes. `make test` runs the same with a few hundred
(tests/scheduler/test_fan_out.py): all delivered, none twice, no 429; the rate against the cap
is measured here, not asserted there (no timed assertions in tests).
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

from bot.application import build_application
from bot.context import CLOCK_KEY, RunLiftContext
from bot.settings import Settings
from models import Database, LiftState, Reminder, RunDay, User
from scheduler.delivery import tick
from tests.e2e.limited_bot_api import LimitedServerProcess

NOW = datetime(2026, 11, 24, 6, 31, tzinfo=UTC)  # Tuesday 07:31 in Berlin
TOKEN = "424242:fan-out"
CHUNK = 5000


@dataclass(frozen=True)
class Delivery:
    due: int
    sent: int  # rows recorded as sent
    delivered: int  # messages the server accepted
    repeats: int  # chats that got one more than once
    limited: int  # 429 answers
    seconds: float
    rate: float  # messages/s the server saw
    cap: float


async def _seed(database: Database, count: int) -> None:
    """`count` runners whose lift-day reminders fell due within the last minute."""
    first = 2_000_000
    async with database.session() as session:
        for start in range(0, count, CHUNK):
            ids = range(first + start, first + min(count, start + CHUNK))
            await session.execute(insert(User), [
                dict(id=i, first_name=f"R{i}", private_chat_id=i, units="kg",
                     timezone="Europe/Berlin", reminder_time="07:30", equipment="gym",
                     week_confirmed=True, onboarded=True, active=True,
                     reminders_planned_until=date(2026, 12, 1)) for i in ids])  # fmt: skip
            await session.execute(insert(RunDay), [
                dict(user_id=i, weekday=d, run_type=t) for i in ids
                for d, t in ((1, "quality"), (3, "easy"), (5, "long"))])  # fmt: skip
            await session.execute(insert(LiftState), [
                dict(user_id=i, exercise=k, working_weight_kg=w, short_sessions_in_a_row=0)
                for i in ids for k, w in (("overhead_press", 35.0), ("back_squat", 60.0),
                                          ("deadlift", 80.0))])  # fmt: skip
            await session.execute(insert(Reminder), [
                dict(chat_id=i, user_id=i, kind="lift", local_date=date(2026, 11, 24),
                     lift_date=date(2026, 11, 24), due_at=NOW - timedelta(seconds=i % 60),
                     status="due", attempts=0) for i in ids])  # fmt: skip


async def deliver(folder: Path, count: int, paid: bool = False) -> Delivery:
    """A minute's `count` reminders through the bot to the limited server, until none is left."""
    server = LimitedServerProcess()
    url = f"sqlite+aiosqlite:///{folder / 'fanout.db'}"
    database = Database.from_url(url)
    await database.migrate()
    await _seed(database, count)
    settings = Settings(
        _env_file=None, telegram_bot_token=TOKEN, database_url=url,
        telegram_api_base_url=server.base_url, allow_paid_broadcast=paid,
    )  # fmt: skip
    app = build_application(settings, database=database)  # real HTTP, PTB's rate limiter
    app.bot_data[CLOCK_KEY] = lambda: NOW
    try:
        async with app:
            context = RunLiftContext.from_job(app.job_queue.get_jobs_by_name("reminders")[0], app)
            started = time.perf_counter()
            await tick(context)
            seconds = time.perf_counter() - started
        async with database.session() as session:
            query = select(func.count()).select_from(Reminder).where(Reminder.status == "sent")
            sent = await session.scalar(query)
        seen = server.stats()
    finally:
        await database.dispose()
        server.stop()
    cap = 1000.0 if paid else 30.0
    return Delivery(count, sent, int(seen["delivered"]), int(seen["repeats"]),
                    int(seen["limited"]), seconds, seen["rate"], cap)  # fmt: skip


def table(rows: list[Delivery]) -> list[str]:
    lines = ["| reminders due | cap /s | delivered | twice | 429s | took s | rate /s |"
             " of the cap |", "|--:|--:|--:|--:|--:|--:|--:|--:|"]  # fmt: skip
    for r in rows:
        lines.append(f"| {r.due:,} | {r.cap:,.0f} | {r.delivered:,} | {r.repeats} | {r.limited} | "
                     f"{r.seconds:.1f} | {r.rate:,.1f} | {r.rate / r.cap:.0%} |")  # fmt: skip
    return lines


async def measure(count: int) -> list[Delivery]:
    rows = []
    for paid in (False, True):
        with tempfile.TemporaryDirectory() as folder:
            rows.append(await deliver(Path(folder), count, paid))
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reminders", type=int, default=10_000)
    arguments = parser.parse_args()
    print("\n".join(table(asyncio.run(measure(arguments.reminders)))))
