"""How long the /progress chart takes to draw, and a sample chart to look at.

    .venv/bin/python -m bench.charts [--sessions 200] [--repeat 5]   # timings
    .venv/bin/python -m bench.charts --sample sample-chart.png        # one chart to look at

The data is made up (a runner progressing through the 2x8, 3x6 and 3x5 blocks, two races,
weekly bodyweight); the trends are built by the same coaching code as the bot's and drawn by
the bot's renderer. Prints the time to build the data and to draw the PNG (median of
`--repeat`), for the overview (a panel per lift) and for one lift drawn large.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from coaching import EXERCISES, LoggedSet, Unit
from coaching.trends import ProgressChart, SessionLift, block_spans, lift_trend
from render.charts import progress_png

LIFTS = {"overhead_press": 32.5, "back_squat": 60.0, "deadlift": 75.0,
         "one_arm_db_press": 12.0, "goblet_squat": 20.0}  # fmt: skip
BLOCKS = (("2x8", 2, 8), ("3x6", 3, 6), ("3x5", 3, 5))


def sample_chart(sessions: int, everything: bool = True, bodyweight: bool = True) -> ProgressChart:
    """`sessions` sessions, twice a week, ending today; every lift in each session."""
    today = date(2026, 11, 24)
    days = [today - timedelta(days=3.5 * (sessions - 1 - i)) for i in range(sessions)]
    blocks = [
        BLOCKS[min(i * len(BLOCKS) // max(sessions, 1), len(BLOCKS) - 1)] for i in range(sessions)
    ]
    weights = [(d, 64.0 - 0.01 * i + 0.4 * math.sin(i / 3)) for i, d in enumerate(days[::2])]
    trends = []
    for key, start in LIFTS.items():
        lift_sessions = []
        for i, (day, (_, sets, reps)) in enumerate(zip(days, blocks, strict=True)):
            working = round(start * (1 + 0.25 * i / sessions) * (1 + 0.1 * (8 - reps) / 3), 1)
            rir = 3 - (i % 3 == 0) + (i % 7 == 0)
            done = [LoggedSet(working, reps)] * (sets - 1) + [LoggedSet(working, reps, rir)]
            lift_sessions.append(SessionLift(day, tuple(done), working))
        first = days[0] if everything else today - timedelta(weeks=12)
        trends.append(lift_trend(EXERCISES[key], lift_sessions, first, today,
                                 weights if bodyweight else ()))  # fmt: skip
    start = days[0] if everything else today - timedelta(weeks=12)
    races = tuple(
        d for d in (today - timedelta(days=40), today - timedelta(days=150)) if d >= start
    )
    spans = block_spans([(d, b[0]) for d, b in zip(days, blocks, strict=True) if d >= start], today)
    return ProgressChart(Unit.KG, start, today, tuple(trends), races, spans, everything=everything)


def _median_ms(repeat: int, work) -> str:
    """Median wall time and CPU time of this thread (other processes on a shared machine
    stretch the wall time; the CPU time is what the drawing itself costs)."""
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.thread_time()
        work()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.thread_time() - began_cpu) * 1000)
    return f"{statistics.median(wall):7.1f} ms wall, {statistics.median(cpu):7.1f} ms CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sample", type=Path, help="write one chart (24 weeks) to this file")
    args = parser.parse_args()
    if args.sample:
        chart = sample_chart(48)
        args.sample.write_bytes(progress_png(chart))
        print(f"wrote {args.sample}")
        return
    progress_png(sample_chart(4))  # the first draw loads fonts: not what a runner waits for
    build = _median_ms(args.repeat, lambda: sample_chart(args.sessions))
    chart = sample_chart(args.sessions)
    one = replace(chart, lifts=chart.lifts[1:2], large=True)
    print(f"{args.sessions} sessions x {len(LIFTS)} lifts, median of {args.repeat}:")
    print(f"  build the trends         {build}")
    print(f"  draw the overview PNG    {_median_ms(args.repeat, lambda: progress_png(chart))}")
    print(f"  draw one lift large PNG  {_median_ms(args.repeat, lambda: progress_png(one))}")
    print(f"  PNG size (overview)      {len(progress_png(chart)) / 1024:7.1f} KiB")


if __name__ == "__main__":
    main()
