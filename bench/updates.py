"""What one update costs: echo, the database floor and the bot's commands, in one run.

Run by hand: `.venv/bin/python -m bench.updates [--updates 1000] [--runners 200]` (or the whole
suite: `make bench`). Feeds updates through the real Application (HTTP layer replaced
in-process by OfflineBotApi, a SQLite file database, no rate limiter) and, in the same run, the
same number through an Application with one echo handler, and times the floor every handler
that touches the database pays: one session, one primary-key read of one column, a commit.
Each row is p50/p99 per update and its ratio to echo and to the floor (ratios, because the
machine is shared: absolute times move from run to run, ratios within one run much less).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import warnings
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from telegram import Update
from telegram.ext import Application, ApplicationBuilder, CommandHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.application import all_handlers, build_application, prepare
from bot.context import CLOCK_KEY
from bot.offline_api import FakeUser, OfflineBotApi, UpdateFactory
from bot.settings import Settings
from models import Database, LiftState, RunDay, User

TUESDAY = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # a lift day for every seeded runner
LIFTS = {"overhead_press": 35.0, "back_squat": 67.5, "deadlift": 80.0,
         "one_arm_db_press": 12.0, "goblet_squat": 22.0}  # fmt: skip


@dataclass(frozen=True)
class Row:
    name: str
    p50: float  # seconds
    p99: float
    count: int


async def _seed(database: Database, runners: int) -> list[FakeUser]:
    users = [FakeUser(10_000 + i, f"Runner {i}") for i in range(runners)]
    async with database.session() as session:
        for user in users:
            session.add(User(id=user.id, first_name=user.first_name, private_chat_id=user.id,
                             units="kg", timezone="Europe/Berlin", reminder_time="07:30",
                             equipment="gym", week_confirmed=True, onboarded=True))  # fmt: skip
        await session.flush()
        for user in users:
            session.add(RunDay(user_id=user.id, weekday=1, run_type="quality"))
            session.add(RunDay(user_id=user.id, weekday=5, run_type="long"))
            for key, weight in LIFTS.items():
                session.add(LiftState(user_id=user.id, exercise=key, working_weight_kg=weight,
                                      short_sessions_in_a_row=0))  # fmt: skip
    return users


async def _time(app: Application, updates: list[dict]) -> list[float]:
    durations = []
    for data in updates:
        update = Update.de_json(data, app.bot)
        start = time.perf_counter()
        await app.process_update(update)
        durations.append(time.perf_counter() - start)
    return durations


async def _time_calls(call: Callable[[int], Awaitable[object]], count: int) -> list[float]:
    durations = []
    for i in range(count):
        start = time.perf_counter()
        await call(i)
        durations.append(time.perf_counter() - start)
    return durations


def _echo_app(api: OfflineBotApi) -> Application:
    app = ApplicationBuilder().token("1:bench").request(api).updater(None).build()

    async def echo(update: Update, _context: object) -> None:
        await update.effective_message.reply_text(update.effective_message.text)

    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


def _row(name: str, durations: list[float]) -> Row:
    ordered = sorted(durations)
    p99 = ordered[max(0, int(len(ordered) * 0.99) - 1)]
    return Row(name, statistics.median(ordered), p99, len(ordered))


def has_command(app: Application, name: str) -> bool:
    """Whether the bot answers /name (a command another change may add, e.g. /progress)."""
    return any(isinstance(h, CommandHandler) and name in h.commands for h in all_handlers(app))


async def _conversation_steps(
    app: Application, factory: UpdateFactory, users: list[FakeUser], count: int
) -> list[float]:
    """A /log conversation step: the sets typed for a picked exercise (the bot asks for the
    reps in reserve). The /log that opens it and the /cancel after are not timed."""
    durations = []
    for i in range(count):
        user = users[i % len(users)]
        await _time(app, [factory.message(user, "/log squat")])
        durations += await _time(app, [factory.message(user, "67.5x8 67.5x8")])
        await _time(app, [factory.message(user, "/cancel")])
    return durations


async def measure(count: int, runners: int) -> list[Row]:
    # The JobQueue is not started here (the reminder tick would add noise), so PTB warns that
    # /log's conversation timeout is not scheduled; that is expected.
    warnings.filterwarnings("ignore", "Ignoring `conversation_timeout`", PTBUserWarning)
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite+aiosqlite:///{Path(folder) / 'bench.db'}"
        database = Database.from_url(url)
        await database.migrate()
        users = await _seed(database, runners)
        api = OfflineBotApi()
        factory = UpdateFactory(api)
        settings = Settings(_env_file=None, telegram_bot_token=None, database_url=url)
        app = build_application(settings, request=api, database=database, rate_limiter=False)
        app.bot_data[CLOCK_KEY] = lambda: TUESDAY
        echo = _echo_app(api)
        rows: list[Row] = []
        async with app, echo:
            await prepare(app)
            pick = [users[i % runners] for i in range(count)]

            def messages(text: str) -> list[dict]:
                return [factory.message(u, text) for u in pick]

            async def floor(i: int) -> None:
                async with database.session() as session:
                    await session.scalar(select(User.first_name).where(User.id == pick[i].id))

            await _time(echo, messages("hello there")[:50])  # warm-up
            await _time(app, [factory.message(u, "/today") for u in users])  # sessions given
            rows.append(_row("echo", await _time(echo, messages("hello there"))))
            rows.append(_row("floor", await _time_calls(floor, count)))
            rows.append(_row("/today", await _time(app, messages("/today"))))
            logs = [factory.message(u, f"/log squat 67.5x8 67.5x8 rir{i % 3 + 1}")
                    for i, u in enumerate(pick)]  # fmt: skip
            rows.append(_row("/log one line", await _time(app, logs)))
            steps = await _conversation_steps(app, factory, users, count // 2)
            rows.append(_row("/log step", steps))
            rows.append(_row("/history", await _time(app, messages("/history"))))
            rows.append(_row("/plan", await _time(app, messages("/plan"))))
            if has_command(app, "progress"):
                rows.append(_row("/progress", await _time(app, messages("/progress")[:200])))
            else:
                rows.append(Row("/progress", float("nan"), float("nan"), 0))  # not built yet
        await database.dispose()
    return rows


def table(rows: list[Row]) -> list[str]:
    """The rows as a Markdown table with ratios to echo and to the floor (p50)."""
    echo = next(r.p50 for r in rows if r.name == "echo")
    floor = next(r.p50 for r in rows if r.name == "floor")
    lines = ["| update | p50 ms | p99 ms | × echo | × floor |", "|---|--:|--:|--:|--:|"]
    for r in rows:
        if r.count == 0:
            lines.append(f"| {r.name} | – | – | – | – (not registered: skipped) |")
            continue
        lines.append(f"| {r.name} | {r.p50 * 1e3:.2f} | {r.p99 * 1e3:.2f} | "
                     f"{r.p50 / echo:.1f} | {r.p50 / floor:.2f} |")  # fmt: skip
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--runners", type=int, default=200)
    arguments = parser.parse_args()
    print("\n".join(table(asyncio.run(measure(arguments.updates, arguments.runners)))))
