"""`make bench`: every benchmark in one run, one table, written to bench/results.md too.

Per update (bench/updates.py), the reminder pipeline at 10k, 100k and 1M stored runners
(bench/reminders.py) and the fan-out at Telegram's limits (bench/fanout.py), then the issue 15
targets, each met or not. Never in CI: it takes about ten minutes and its times depend on the
machine (the ratios much less).
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import time
from datetime import UTC, datetime
from pathlib import Path

from bench import fanout, reminders, updates

RESULTS = Path(__file__).resolve().parent / "results.md"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _targets(rows: list[updates.Row], pipeline: list[reminders.Result]) -> list[str]:
    floor = next(r.p50 for r in rows if r.name == "floor")
    ratio = {r.name: r.p50 / floor for r in rows if r.count}
    by_size = {r.runners: r for r in pipeline}
    checks = [(f"/today ≤ 2× the floor: {ratio['/today']:.2f}×", ratio["/today"] <= 2),
              (f"one-line /log ≤ 3× the floor: {ratio['/log one line']:.2f}×",
               ratio["/log one line"] <= 3)]  # fmt: skip
    if 100_000 in by_size:
        r = by_size[100_000]
        checks += [(f"≥ 1,000 reminders prepared/s: {r.per_second:,.0f}", r.per_second >= 1000),
                   (f"busiest minute at 100k ready in ≤ 10 s: {r.busiest_minute:.1f} s",
                    r.busiest_minute <= 10)]  # fmt: skip
    if 1_000_000 in by_size:
        r = by_size[1_000_000]
        checks += [(f"1M runners: start-up ≤ 2 s: {r.start_up:.2f} s", r.start_up <= 2),
                   (f"1M runners: RSS ≤ 150 MB: {r.rss_peak_mb:.0f} MB", r.rss_peak_mb <= 150),
                   (f"1M runners: idle tick ≤ 50 ms: {r.idle_tick * 1e3:.1f} ms",
                    r.idle_tick <= 0.05)]  # fmt: skip
    return [f"- {'met' if ok else 'MISSED'}: {text}" for text, ok in checks]


def main(update_count: int, sizes: list[int], fan_out: int) -> str:
    started = time.perf_counter()
    rows = asyncio.run(updates.measure(update_count, 200))
    pipeline = [reminders.measure(n, 1_000 if n <= 100_000 else 12) for n in sizes]
    deliveries = asyncio.run(fanout.measure(fan_out)) if fan_out else []
    lines = [f"# RunLift benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC", "",
             f"CPU: {_cpu()} ({_cores()} cores, shared); Python {platform.python_version()}",
             "", "## Per update (p50 / p99; ratios of the p50s, same run)", "",
             *updates.table(rows), "", "## Reminder pipeline", "",
             *reminders.table(pipeline), ""]  # fmt: skip
    if deliveries:
        lines += ["## Fan-out at Telegram's limits (local Bot API server on 127.0.0.1)", "",
                  *fanout.table(deliveries), ""]  # fmt: skip
    lines += ["## Targets (issue 15)", "", *_targets(rows, pipeline), "",
              f"The whole run took {time.perf_counter() - started:.0f} s."]  # fmt: skip
    return "\n".join(lines) + "\n"


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--runners", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--fan-out", type=int, default=10_000, help="0: skip the fan-out")
    arguments = parser.parse_args()
    report = main(arguments.updates, arguments.runners, arguments.fan_out)
    RESULTS.write_text(report)
    print(report)
