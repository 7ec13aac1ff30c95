"""Texts of /progress (the chart's caption, what a chart will show) and /records."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from coaching import Exercise, Unit
from coaching.records import REP_TARGETS, Best, RecordBook
from coaching.trends import DEFAULT_WEEKS, Change, LiftTrend, ProgressChart
from render.exercises import exercise_name
from render.training import shown_weight

PROGRESS_USAGE = (
    "Send /progress for your main lifts over the last 12 weeks, <code>/progress all</code> for "
    "everything you logged, or a lift, e.g. <code>/progress squat</code> or "
    "<code>/progress deadlift all</code>."
)
TREND_NOTE = "Estimated 1RM is a trend to watch, not a weight to train with."
FEW_WEIGH_INS = (
    "Strength for your bodyweight needs a weigh-in within two weeks of a session: log your "
    "weight with /weight to see it."
)
MINUS = "\u2212"  # a real minus sign, not a hyphen


def not_enough(lift: Exercise | None, logged_earlier: bool) -> str:
    """Fewer than two sessions to draw: say what the chart will show, or where to look."""
    what = f"your {escape(exercise_name(lift))}" if lift else "each main lift"
    if logged_earlier:
        command = "/progress all" if lift is None else f"/progress {lift.name.lower()} all"
        return (
            f"Fewer than two sessions of {what} in the last {DEFAULT_WEEKS} weeks. "
            f"<code>{escape(command)}</code> shows everything you logged."
        )
    return (
        f"Your progress chart appears once you have logged two sessions: for {what}, the "
        "estimated 1RM of each session and its trend, your working weight, records, race days "
        "and block changes (and strength for your bodyweight, if you log it). Log a session "
        "with /log."
    )


def progress_caption(chart: ProgressChart) -> str:
    """`Back squat 86.7 kg: +4.2 kg in 4 weeks, +10.0 kg in 12 weeks`, a line per lift: the
    trend's values (one light session does not read as a loss), inside the drawn window."""
    period = "everything logged" if chart.everything else f"last {DEFAULT_WEEKS} weeks"
    lines = [f"<b>Estimated 1RM trend</b> ({period}, {chart.unit.value})"]
    lines += [_lift_line(trend, chart.unit, chart.end) for trend in chart.lifts]
    if chart.few_ratios:
        lines.append(FEW_WEIGH_INS)
    return "\n".join([*lines, TREND_NOTE])


def _lift_line(trend: LiftTrend, unit: Unit, today: date) -> str:
    line = f"{escape(exercise_name(trend.exercise))}"
    if trend.latest is not None:
        line += f" {trend.latest:.1f} {unit.value}"
    changes = [_change_text(c, unit, today) for c in trend.changes]
    changes = list(dict.fromkeys(changes))  # two changes from the same first session: once
    if changes:
        line += ": " + ", ".join(changes)
    if trend.per_bodyweight is not None:
        line += f" · {trend.per_bodyweight:.2f} × bodyweight"
    return line


def _change_text(change: Change, unit: Unit, today: date) -> str:
    amount = signed(change.delta) + f" {unit.value}"
    if change.full:
        return f"{amount} in {change.weeks} weeks"
    return f"{amount} since {short_day(change.since, today)}"


def signed(value: float) -> str:
    """`+4.2`, `−1.5` (a minus sign, not a hyphen), `+0.0`."""
    shown = f"{abs(value):.1f}"
    return (MINUS if value < 0 and shown != "0.0" else "+") + shown


def short_day(day: date, today: date) -> str:
    """`3 Nov`; `3 Nov 2025` in another year."""
    text = f"{day.day} {day:%b}"
    return text if day.year == today.year else f"{text} {day.year}"


NO_RECORDS = (
    "No records yet. They come from the sets you log with /log (up to 15 reps, up to 5 in "
    "reserve): your heaviest weight for 5, 6 and 8 reps and your best estimated 1RM per lift."
)


def records(books: Sequence[tuple[Exercise, RecordBook]], unit: Unit, today: date) -> str:
    """Each lift's heaviest weight for 5, 6 and 8 reps (or more) and best e1RM, with days."""
    if not books:
        return NO_RECORDS
    parts = ["<b>Your records</b> (heaviest weight for at least 5, 6 and 8 reps; best "
             "estimated 1RM)"]  # fmt: skip
    for exercise, book in books:
        lines = [f"<b>{escape(exercise_name(exercise))}</b>"]
        for target in REP_TARGETS:
            best = book.heaviest.get(target)
            lines.append(f"{target} reps: " + (_set_text(best, unit, today) if best else "—"))
        if book.e1rm is not None:
            estimate = shown_weight(book.e1rm.value, unit)
            lines.append(f"Estimated 1RM: {estimate}, from {_set_text(book.e1rm, unit, today)}")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _set_text(best: Best, unit: Unit, today: date) -> str:
    """`70 kg × 8, 2 in reserve (3 Nov)`."""
    text = f"{shown_weight(best.weight, unit)} × {best.reps}"
    if best.rir is not None:
        text += f", {best.rir} in reserve"
    return text + (f" ({short_day(best.day, today)})" if best.day else "")
