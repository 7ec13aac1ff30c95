"""How much a /today or a one-line /log costs compared with a bare echo bot.

Run by hand: `.venv/bin/python -m bench.updates [--updates 2000] [--runners 200]`.
Feeds updates through the real Application (HTTP layer replaced in-process by OfflineBotApi,
a SQLite file database, no rate limiter) and, in the same run, the same number through an
Application with one echo handler. Prints updates/s, p50/p99 per update and the ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.application import build_application, prepare
from bot.context import CLOCK_KEY
from bot.offline_api import FakeUser, OfflineBotApi, UpdateFactory
from bot.settings import Settings
from models import Database, LiftState, RunDay, User

TUESDAY = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)
LIFTS = {"overhead_press": 35.0, "back_squat": 67.5, "deadlift": 80.0,
         "one_arm_db_press": 12.0, "goblet_squat": 22.0}  # fmt: skip


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


def _echo_app(api: OfflineBotApi) -> Application:
    app = ApplicationBuilder().token("1:bench").request(api).updater(None).build()

    async def echo(update: Update, _context: object) -> None:
        await update.effective_message.reply_text(update.effective_message.text)

    app.add_handler(MessageHandler(filters.TEXT, echo))
    return app


def _report(name: str, durations: list[float], echo_p50: float | None) -> float:
    ordered = sorted(durations)
    p50 = statistics.median(ordered)
    p99 = ordered[int(len(ordered) * 0.99) - 1]
    rate = len(durations) / sum(durations)
    ratio = f"  {p50 / echo_p50:5.2f}× echo (p50)" if echo_p50 else ""
    print(f"{name:<14} {rate:8.0f} updates/s  p50 {p50 * 1e3:6.2f} ms  p99 {p99 * 1e3:6.2f} ms"
          f"{ratio}")  # fmt: skip
    return p50


async def main(count: int, runners: int) -> None:
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
        async with app, echo:
            await prepare(app)
            pick = [users[i % runners] for i in range(count)]
            echo_updates = [factory.message(u, "hello there") for u in pick]
            today_updates = [factory.message(u, "/today") for u in pick]
            log_updates = [factory.message(u, f"/log squat 67.5x8 67.5x8 rir{i % 3 + 1}")
                           for i, u in enumerate(pick)]  # fmt: skip
            await _time(echo, echo_updates[:50])  # warm-up
            echo_p50 = _report("echo", await _time(echo, echo_updates), None)
            _report("/today", await _time(app, today_updates), echo_p50)
            _report("/log one-line", await _time(app, log_updates), echo_p50)
        await database.dispose()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=2000)
    parser.add_argument("--runners", type=int, default=200)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.updates, arguments.runners))
