"""Reminders: one periodic tick claims due rows from the database and sends them."""

from __future__ import annotations

from datetime import timedelta

from telegram.ext import Application

from scheduler.delivery import SETTINGS_KEY, ReminderSettings, tick

TICK_NAME = "reminders"


def schedule_reminders(
    application: Application,
    every: float,
    grace_hours: float,
    reclaim_minutes: float = 10,
    paid_broadcast: bool = False,
) -> None:
    """Start the tick: coalesced, never two at once, tolerant of event-loop stalls."""
    application.bot_data[SETTINGS_KEY] = ReminderSettings(
        grace=timedelta(hours=grace_hours),
        reclaim_after=timedelta(minutes=reclaim_minutes),
        paid_broadcast=paid_broadcast,
    )
    application.job_queue.run_repeating(
        tick,
        interval=every,
        first=1,
        name=TICK_NAME,
        job_kwargs={"coalesce": True, "max_instances": 1, "misfire_grace_time": int(every * 10)},
    )
