"""The /progress chart: ProgressChart in, PNG bytes out (pure, no Telegram, no database).

matplotlib's object API with the Agg canvas (`Figure` + `FigureCanvasAgg`, never pyplot, whose
global state is not safe to share between threads or tests). Drawing takes a few hundred
milliseconds of CPU, so the bot calls `draw_off_loop`, which runs it on one worker thread: the
event loop keeps answering others, and charts are drawn one at a time (matplotlib is not
documented as thread-safe, and two cores gain nothing from drawing two at once).

Made for a phone: 1200 px wide, large type, the Okabe-Ito colour-blind-safe palette (Okabe &
Ito 2008, "Color Universal Design"), units on every weight axis.
"""

from __future__ import annotations

import asyncio
import io
import math
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from typing import TYPE_CHECKING

from coaching.trends import LiftTrend, ProgressChart
from render.exercises import exercise_name

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_PX, DPI = 1200, 100
PANEL_HEIGHT_PX, LARGE_HEIGHT_PX, BODYWEIGHT_HEIGHT_PX = 520, 900, 480
# Okabe-Ito: blue, orange, vermillion, reddish purple, bluish green, sky blue, black.
BLUE, ORANGE, VERMILLION, PURPLE, GREEN, SKY, BLACK = (
    "#0072B2", "#E69F00", "#D55E00", "#CC79A7", "#009E73", "#56B4E9", "#000000",
)  # fmt: skip
FILE_NAME = "progress.png"  # the photo's file name, wherever a chart is sent
LIFT_COLOURS = (BLUE, VERMILLION, GREEN, ORANGE, PURPLE, SKY, BLACK)
BLOCK_SHADES = {"2x8": "#FFFFFF", "3x6": "#E8E8E8", "3x5": "#D0D0D0"}
FONT = {"font.size": 17, "axes.titlesize": 21, "axes.labelsize": 17, "legend.fontsize": 15,
        "xtick.labelsize": 15, "ytick.labelsize": 15}  # fmt: skip

_executor: ThreadPoolExecutor | None = None


async def draw_off_loop(chart: ProgressChart) -> bytes:
    """`progress_png` on the chart worker thread, awaited without blocking the event loop."""
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chart")
    return await asyncio.get_running_loop().run_in_executor(_executor, progress_png, chart)


def progress_png(chart: ProgressChart) -> bytes:
    """The chart as PNG bytes, WIDTH_PX wide: a panel per lift (one large panel for one lift),
    and a strength-per-bodyweight panel when bodyweight is logged."""
    # Imported on first use (on the chart thread): matplotlib takes about a second to import,
    # which the bot's start-up and every process that never draws a chart should not pay.
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with rc_context(FONT):
        figure = _figure(chart)
        buffer = io.BytesIO()
        # zlib level 1: a third of the drawing time goes to compressing at the default level 6,
        # for a file only ~20 % smaller (a photo of a few hundred KB either way).
        FigureCanvasAgg(figure).print_png(buffer, pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _figure(chart: ProgressChart) -> Figure:
    from matplotlib.figure import Figure

    lifts = chart.lifts
    columns = 1 if chart.large or len(lifts) <= 2 else 2
    rows = math.ceil(len(lifts) / columns)
    height = LARGE_HEIGHT_PX if chart.large else PANEL_HEIGHT_PX * rows
    extra = BODYWEIGHT_HEIGHT_PX if chart.bodyweight else 0
    total = height + extra
    figure = Figure(figsize=(WIDTH_PX / DPI, total / DPI), dpi=DPI)
    ratios = [1] * rows + ([BODYWEIGHT_HEIGHT_PX / (height / rows)] if extra else [])
    # Fixed margins in pixels (a layout engine measures every label: most of the drawing time).
    grid = figure.add_gridspec(
        len(ratios), columns, height_ratios=ratios, left=100 / WIDTH_PX, right=1 - 25 / WIDTH_PX,
        top=1 - 45 / total, bottom=45 / total, wspace=0.3, hspace=150 / (total / len(ratios)),
    )  # fmt: skip
    unit = chart.unit.value
    for index, trend in enumerate(lifts):
        row, column = divmod(index, columns)
        # The last of an odd number of lifts spans both columns: no empty cell beside it.
        last_alone = columns == 2 and index == len(lifts) - 1 and column == 0
        axes = figure.add_subplot(grid[row, :] if last_alone else grid[row, column])
        _lift_panel(axes, trend, chart, unit, legend=index == 0)
    if extra:
        _bodyweight_panel(figure.add_subplot(grid[rows, :]), chart)
    return figure


def _lift_panel(axes: Axes, trend: LiftTrend, chart: ProgressChart, unit: str, legend: bool):
    _background(axes, chart)
    estimates = [(p.day, p.e1rm) for p in trend.points if p.e1rm is not None]
    axes.plot([d for d, _ in estimates], [v for _, v in estimates], "o", color=BLUE,
              markersize=6, alpha=0.55, label="Estimated 1RM")  # fmt: skip
    line = [(p.day, p.trend) for p in trend.points if p.trend is not None]
    if len(line) >= 2:
        axes.plot([d for d, _ in line], [v for _, v in line], "-", color=BLUE, linewidth=3,
                  label="Trend")  # fmt: skip
    days, weights = working_steps(trend, chart.end)
    if days:
        axes.step(days, weights, where="post", color=ORANGE, linewidth=2.5,
                  label="Working weight")  # fmt: skip
    records = [(p.day, p.e1rm) for p in trend.points if p.record and p.e1rm is not None]
    if records:
        axes.plot([d for d, _ in records], [v for _, v in records], "*", color=VERMILLION,
                  markersize=15, markeredgecolor=BLACK, label="Best e1RM")  # fmt: skip
    axes.set_title(exercise_name(trend.exercise), loc="left", fontweight="bold")
    axes.set_ylabel(f"Weight ({unit})")
    if legend:
        axes.legend(loc="best", framealpha=0.9)


def working_steps(trend: LiftTrend, end: date) -> tuple[list[date], list[float]]:
    """The working-weight step line: each session's prescribed weight, held until the next
    one, and the last held to `end` (a step drawn "post" ends at its last point: without
    the extra point the newest weight, or a single one, would not show at all)."""
    steps = [(p.day, p.working) for p in trend.points if p.working is not None]
    if not steps:
        return [], []
    if steps[-1][0] < end:
        steps.append((end, steps[-1][1]))
    else:  # a session today: a short step to the right margin still shows it
        steps.append((end + timedelta(days=1), steps[-1][1]))
    return [d for d, _ in steps], [w for _, w in steps]


def _bodyweight_panel(axes: Axes, chart: ProgressChart) -> None:
    _background(axes, chart)
    for index, trend in enumerate(chart.lifts):
        ratios = [(p.day, p.per_bodyweight) for p in trend.points if p.per_bodyweight is not None]
        if ratios:
            colour = LIFT_COLOURS[index % len(LIFT_COLOURS)]
            axes.plot([d for d, _ in ratios], [r for _, r in ratios], "-o", color=colour,
                      linewidth=2.5, markersize=4, label=exercise_name(trend.exercise))  # fmt: skip
    axes.set_title("Strength for your bodyweight", loc="left", fontweight="bold")
    axes.set_ylabel("e1RM ÷ bodyweight")
    axes.legend(loc="best", framealpha=0.9, ncols=2)
    if chart.few_ratios:
        axes.text(0.5, 0.5, FEW_RATIOS, transform=axes.transAxes, ha="center", va="center",
                  fontsize=15, color="#555555")  # fmt: skip


FEW_RATIOS = "Only sessions with a weigh-in within two weeks get a point"


def _background(axes: Axes, chart: ProgressChart) -> None:
    """Dates along the bottom, blocks shaded (when the block changed), race days as lines."""
    start, end = chart.start, max(chart.end, chart.start + timedelta(days=1))
    margin = x_margin(start, end)
    axes.set_xlim(start - margin, end + margin)
    from matplotlib.dates import date2num
    from matplotlib.ticker import FixedFormatter, FixedLocator

    ticks = date_ticks(start, end)
    axes.xaxis.set_major_locator(FixedLocator([date2num(d) for d in ticks]))
    axes.xaxis.set_major_formatter(FixedFormatter([_tick_label(d, start, end) for d in ticks]))
    axes.grid(True, axis="y", alpha=0.3)
    if len({span.block for span in chart.blocks}) > 1:
        for span in chart.blocks:
            axes.axvspan(_clip(span.start, start), span.end, color=BLOCK_SHADES.get(span.block,
                         "#E8E8E8"), alpha=0.8, zorder=0, linewidth=0)  # fmt: skip
            axes.text(_clip(span.start, start), 1.0, " " + span.block.replace("x", "×"),
                      transform=axes.get_xaxis_transform(), va="top", fontsize=14,
                      color="#555555")  # fmt: skip
    for index, race in enumerate(chart.races):
        axes.axvline(race, color=PURPLE, linestyle="--", linewidth=2.5, zorder=1,
                     label="Race" if index == 0 else "_nolegend_")  # fmt: skip


def x_margin(start: date, end: date) -> timedelta:
    """Space either side of the dates drawn, so that the first and last points (a record's
    star is 15 px wide) clear the frame: 4 % of the span, at least two days."""
    return timedelta(days=max(2.0, (end - start).days * 0.04))


TICK_STEPS_DAYS = (7, 14, 28, 56, 91, 182, 364, 728)
MAX_TICKS = 5


def date_ticks(start: date, end: date) -> list[date]:
    """At most MAX_TICKS Mondays, evenly stepped (computed here: matplotlib's date locators
    cost more than the rest of the chart)."""
    span = (end - start).days
    step = next((s for s in TICK_STEPS_DAYS if span / s <= MAX_TICKS), span // MAX_TICKS + 1)
    day = start + timedelta(days=-start.weekday() % 7)
    ticks = []
    while day <= end:
        ticks.append(day)
        day += timedelta(days=step)
    return ticks


def _tick_label(day: date, start: date, end: date) -> str:
    return f"{day:%b %Y}" if (end - start).days > 364 else f"{day.day} {day:%b}"


def _clip(day: date, start: date) -> date:
    return max(day, start)
