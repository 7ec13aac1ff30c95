"""The weekly summary and /summary's answers."""

from __future__ import annotations

from render.common import DAY_NAMES, escape
from render.exercises import exercise_name
from render.training import plan, record_line


def _span(start, end) -> str:
    return f"{start.day} {start:%B} – {end.day} {end:%B}"


def weekly_summary(summary) -> str:
    """A `services.summaries.WeeklySummary`: the week done, its records, the next week."""
    if summary.planned:
        mark = " ✅" if summary.done >= summary.planned else ""
        sessions = f"Sessions: {summary.done} of {summary.planned} planned{mark}."
    else:
        sessions = f"Sessions: {summary.done} (none planned: race week or a pause)."
    lines = [f"📊 <b>Your week</b> · {_span(summary.start, summary.end)}", sessions]
    if summary.records:
        lines.append("Records this week:")
        lines += [f"🏆 {escape(record_line(exercise_name(e), r, summary.kit.unit))}"
                  for e, r in summary.records]  # fmt: skip
    else:
        lines.append("No new records this week: steady work counts too.")
    next_week = plan(summary.next_week, summary.run_week, summary.kit)
    return "\n".join(lines) + "\n\n" + next_week


USAGE = (
    "Use <code>/summary on</code>, <code>/summary off</code>, or a day and a time such as "
    "<code>/summary sun 18:00</code> (your local time)."
)


def not_a_time(word: str) -> str:
    return (f"{escape(word)} is not a time: use 00:00 to 23:59, e.g. "
            "<code>/summary sun 18:00</code> (your local time).")  # fmt: skip


def settings(summary_settings, changed: bool = False) -> str:
    """A `services.summaries.SummarySettings`: on (when) or off."""
    when = f"{DAY_NAMES[summary_settings.weekday]}s at {summary_settings.at:%H:%M}"
    if summary_settings.on:
        head = "Weekly summary on" if changed else "Your weekly summary is on"
        return (f"{head}: {when}, your local time: sessions done, records and next week's "
                "lift days. <code>/summary off</code> stops it.")  # fmt: skip
    if changed:
        return "Weekly summary off. <code>/summary on</code> brings it back."
    return (f"The weekly summary is off. <code>/summary on</code> sends it on {when} "
            "(or choose, e.g. <code>/summary sun 18:00</code>).")  # fmt: skip
