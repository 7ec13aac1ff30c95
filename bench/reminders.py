"""The reminder pipeline with many stored runners, in many time zones at many reminder times.

Run by hand: `.venv/bin/python -m bench.reminders [--runners 10000 100000 1000000]` (or the
whole suite: `make bench`). For each size, builds a SQLite file (runners, their week, lift
states, a week of reminder rows; those due before the bench's moment already sent), then a
fresh bot process measures, on it: start-up (interpreter to a ready Application), an idle tick
(nothing due), the busiest minute (every reminder due in it claimed, prepared, worded, sent to
an in-process Telegram without a rate limiter, and recorded: our own cost, not Telegram's
pace), reminders per second, memory (peak RSS) and the database's size.

The busiest minute holds a tenth of the runners (Berlin at 07:30, the most popular choice);
the rest are spread over 24 zones and every quarter hour from 05:00 to 21:45. At 1M runners
its 100,000 reminders are timed for the first `--max-batches` batches and the whole minute
extrapolated from their rate (said so in the table).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path

from coaching.timezones import local_to_utc, parse_hhmm

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # Tuesday 07:30 in Berlin
ZONES = ["Europe/Berlin", "Europe/London", "Europe/Madrid", "Europe/Helsinki", "Europe/Moscow",
         "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
         "America/Sao_Paulo", "America/Mexico_City", "America/Toronto", "Asia/Kolkata",
         "Asia/Tokyo", "Asia/Shanghai", "Asia/Singapore", "Asia/Dubai", "Asia/Kathmandu",
         "Australia/Sydney", "Australia/Perth", "Pacific/Auckland", "Africa/Nairobi",
         "Africa/Lagos", "Atlantic/Reykjavik"]  # fmt: skip
TIMES = [f"{h:02d}:{m:02d}" for h in range(5, 22) for m in (0, 15, 30, 45)]
WEEK = ((1, "quality"), (3, "easy"), (5, "long"))  # lift days: Tuesday and Thursday
LIFT_DAYS = (date(2026, 11, 24), date(2026, 11, 26))
LOADS = (("overhead_press", 35.0), ("back_squat", 60.0), ("deadlift", 80.0))
BUSIEST_SHARE = 10  # one runner in ten: Berlin, 07:30
CHUNK = 50_000


@dataclass(frozen=True)
class Result:
    runners: int
    seconds_to_seed: float
    start_up: float
    idle_tick: float
    due: int
    timed: int  # reminders actually timed (all of the minute, or the first batches)
    ready_seconds: float  # claimed, prepared and worded (the `timed` ones)
    busy_seconds: float  # whole ticks: also sent (in-process) and recorded
    rss_ready_mb: float
    rss_peak_mb: float
    db_mb: float

    @property
    def per_second(self) -> float:
        """Reminders made ready (claimed, prepared, worded) per second."""
        return self.timed / self.ready_seconds if self.ready_seconds else 0.0

    @property
    def busiest_minute(self) -> float:
        """Seconds to get the whole busiest minute ready (extrapolated when not all timed)."""
        return self.due / self.per_second if self.per_second else 0.0

    @property
    def ticks(self) -> float:
        """Seconds of whole ticks for the busiest minute (extrapolated likewise)."""
        return self.busy_seconds * self.due / self.timed if self.timed else 0.0


def _choice(i: int) -> tuple[str, str]:
    if i % BUSIEST_SHARE == 0:
        return "Europe/Berlin", "07:30"
    return ZONES[(i * 7) % len(ZONES)], TIMES[(i * 13) % len(TIMES)]


@cache
def _due_at(day: date, at: str, zone: str) -> str:
    return local_to_utc(day, parse_hhmm(at), zone).replace(tzinfo=None).isoformat(" ")


def _rows(first: int, count: int) -> tuple[list, list, list, list]:
    users, weeks, lifts, reminders = [], [], [], []
    for i in range(first, first + count):
        uid = 1_000_000 + i
        zone, at = _choice(i)
        users.append((uid, f"Runner {i}", uid, "kg", zone, at, "gym", 1, "2x8", 0, 0, 1, 1, 0,
                      "2026-12-01"))  # fmt: skip
        weeks += [(uid, day, run) for day, run in WEEK]
        lifts += [(uid, key, kg, 0) for key, kg in LOADS]
        for day in LIFT_DAYS:
            for kind, local in (("lift", day), ("missed", day + timedelta(days=1))):
                due = _due_at(local, at, zone)
                status = "sent" if due < NOW.replace(tzinfo=None).isoformat(" ") else "due"
                reminders.append((uid, uid, kind, local.isoformat(), day.isoformat(), due,
                                  status, 0))  # fmt: skip
    return users, weeks, lifts, reminders


def seed(path: Path, runners: int) -> None:
    """Plain sqlite3 (the bot's schema, migrated first): seeding is not what is measured."""
    from models import Database

    database = Database.from_url(f"sqlite+aiosqlite:///{path}")
    asyncio.run(database.migrate())
    asyncio.run(database.dispose())
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA synchronous=OFF")
    for start in range(0, runners, CHUNK):
        users, weeks, lifts, reminders = _rows(start, min(CHUNK, runners - start))
        connection.executemany(
            "INSERT INTO users (id, first_name, private_chat_id, units, timezone, reminder_time,"
            " equipment, week_confirmed, block, sessions_in_block, sessions_since_deload,"
            " onboarded, active, heads_up, reminders_planned_until, created_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?, CURRENT_TIMESTAMP)", users)  # fmt: skip
        connection.executemany("INSERT INTO run_days VALUES (?,?,?)", weeks)
        connection.executemany(
            "INSERT INTO lift_states (user_id, exercise, working_weight_kg,"
            " short_sessions_in_a_row) VALUES (?,?,?,?)", lifts)  # fmt: skip
        connection.executemany(
            "INSERT INTO reminders (chat_id, user_id, kind, local_date, lift_date, due_at,"
            " status, attempts) VALUES (?,?,?,?,?,?,?,?)", reminders)  # fmt: skip
        connection.commit()
    connection.close()


def _rss_mb(field: str = "VmHWM") -> float:
    """This process's peak (VmHWM) or current (VmRSS) resident memory. Not ru_maxrss: Linux
    carries the parent's peak across exec, so a child would report the seeder's."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def _child(path: Path, started: float, max_batches: int) -> dict:
    """In the measured process: start the bot on the database, then tick."""
    from bot.application import build_application, prepare
    from bot.context import CLOCK_KEY, RunLiftContext
    from bot.offline_api import OfflineBotApi
    from bot.settings import Settings
    from models import Database
    from scheduler import delivery
    from scheduler.delivery import run_tick
    from services.reminders import Reminders

    ready: list[float] = []  # time spent claiming, preparing and wording
    for owner, name in ((Reminders, "claim"), (Reminders, "prepare_many"), (delivery, "word")):
        _timing(owner, name, ready)

    url = f"sqlite+aiosqlite:///{path}"
    database = Database.from_url(url)
    await database.migrate()  # as `python -m bot` does: nothing to do, but it is checked
    settings = Settings(_env_file=None, telegram_bot_token=None, database_url=url)
    api = OfflineBotApi()
    app = build_application(settings, request=api, database=database, rate_limiter=False)
    clock = {"now": NOW - timedelta(seconds=30)}
    app.bot_data[CLOCK_KEY] = lambda: clock["now"]
    async with app:
        await prepare(app)
        start_up = time.time() - started
        context = RunLiftContext.from_job(app.job_queue.get_jobs_by_name("reminders")[0], app)
        idle_started = time.perf_counter()
        await run_tick(context)
        idle = time.perf_counter() - idle_started
        rss_ready = _rss_mb()
        clock["now"] = NOW + timedelta(seconds=59)
        busy_started, sent, batches = time.perf_counter(), 0, 0
        ready.clear()
        while batches < max_batches and (result := await run_tick(context)):
            sent, batches = sent + result, batches + 1
            api.calls.clear()  # the recorder would otherwise hold every message
            api.messages.clear()
        busy = time.perf_counter() - busy_started
    await database.dispose()
    return {"start_up": start_up, "idle": idle, "timed": sent, "busy": busy,
            "ready": sum(ready), "rss_ready": rss_ready, "rss_peak": _rss_mb()}  # fmt: skip


def _timing(owner: object, name: str, spent: list[float]) -> None:
    """Wrap `owner.name` (a function or coroutine function) to add its durations to `spent`."""
    original = getattr(owner, name)

    if asyncio.iscoroutinefunction(original):

        async def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return await original(*args, **kwargs)
            finally:
                spent.append(time.perf_counter() - started)
    else:

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent.append(time.perf_counter() - started)

    setattr(owner, name, timed)


def _due(path: Path) -> int:
    connection = sqlite3.connect(path)
    end = (NOW + timedelta(seconds=59)).replace(tzinfo=None).isoformat(" ")
    (count,) = connection.execute(
        "SELECT count(*) FROM reminders WHERE status = 'due' AND due_at <= ?", (end,)
    ).fetchone()
    connection.close()
    return count


def measure(runners: int, max_batches: int = 1_000) -> Result:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        started = time.perf_counter()
        seed(path, runners)
        seeded = time.perf_counter() - started
        due = _due(path)
        command = [sys.executable, "-m", "bench.reminders", "--child", str(path),
                   "--started", repr(time.time()), "--max-batches", str(max_batches)]  # fmt: skip
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        child = json.loads(output.strip().splitlines()[-1])
        size = sum(p.stat().st_size for p in Path(folder).iterdir()) / 2**20
    return Result(runners, seeded, child["start_up"], child["idle"], due, child["timed"],
                  child["ready"], child["busy"], child["rss_ready"], child["rss_peak"],
                  size)  # fmt: skip


def table(results: list[Result]) -> list[str]:
    lines = ["| stored runners | seeded in s | start-up s | idle tick ms | busiest minute: due |"
             " ready in s | prepared/s | ticks s (+ send, record) | RSS ready MB | RSS peak MB |"
             " database MB |",
             "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]  # fmt: skip
    for r in results:
        ready = f"{r.busiest_minute:.1f}" + ("" if r.timed >= r.due else
                                             f" (from the first {r.timed:,})")  # fmt: skip
        lines.append(f"| {r.runners:,} | {r.seconds_to_seed:.0f} | {r.start_up:.2f} | "
                     f"{r.idle_tick * 1e3:.1f} | "
                     f"{r.due:,} | {ready} | {r.per_second:,.0f} | {r.ticks:.1f} | "
                     f"{r.rss_ready_mb:.0f} | "
                     f"{r.rss_peak_mb:.0f} | {r.db_mb:,.0f} |")  # fmt: skip
    return lines


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runners", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--max-batches", type=int, default=12)  # 12 × 900: about 10,000
    parser.add_argument("--child", type=Path)
    parser.add_argument("--started", type=float)
    arguments = parser.parse_args()
    if arguments.child:
        result = asyncio.run(_child(arguments.child, arguments.started, arguments.max_batches))
        print(json.dumps(result))
    else:
        results = [measure(n, 1_000 if n <= 100_000 else arguments.max_batches)
                   for n in arguments.runners]  # fmt: skip
        print("\n".join(table(results)))
        print(f"(seeding took {', '.join(f'{r.seconds_to_seed:.0f} s' for r in results)})")
