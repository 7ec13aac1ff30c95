"""The runner's weekly summary: its settings (/summary) and what it says (sent by the
reminder tick as a "weekly" reminder at the runner's chosen local day and time).

The week is the seven days ending on the summary's day; "next week" the seven after it, as
/plan would show them the next morning (the same `Reports.plan`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from coaching import (
    Exercise,
    InputError,
    Kit,
    Record,
    RunType,
)
from coaching.parsing import parse_time, parse_weekday
from coaching.timezones import parse_hhmm
from coaching.trends import ProgressChart
from models import User
from models.progress import lifted_dates
from services.base import Area
from services.progress import NotEnough
from services.reports import Plan
from services.runners import kit_for, week_of

WEEK = timedelta(days=7)


@dataclass(frozen=True)
class SummarySettings:
    on: bool
    weekday: int  # Monday = 0
    at: time


@dataclass(frozen=True)
class WeeklySummary:
    """A week in numbers and the next one's lift days (a reminder's content)."""

    start: date
    end: date
    done: int
    planned: int
    records: list[tuple[Exercise, Record]]  # in the runner's units
    next_week: Plan
    run_week: dict[int, RunType]
    kit: Kit
    chart: ProgressChart | None  # /progress's chart, sent with it; None before two sessions


class Summaries(Area):
    def settings(self) -> SummarySettings:
        user = self.runner
        return SummarySettings(user.weekly_summary, user.summary_day, parse_hhmm(user.summary_time))

    def configure(self, words: list[str]) -> SummarySettings:
        """`on`, `off`, or a day and/or a time (`sun 18:00`: that, and on); raises InputError."""
        user, choice = self.runner, [w.lower() for w in words]
        if choice in (["on"], ["off"]):
            user.weekly_summary = choice == ["on"]
        else:
            if not 1 <= len(choice) <= 2:
                raise InputError("summary")
            new = self.settings()
            for word in choice:
                if ":" in word or "." in word:
                    new = replace(new, at=parse_time(word))
                else:
                    new = replace(new, weekday=parse_weekday(word))
            user.summary_day, user.summary_time = new.weekday, f"{new.at:%H:%M}"
            user.weekly_summary = True
        self.services.reminders.invalidate_plan(user)
        return self.settings()

    async def weekly(self, user: User, day: date) -> WeeklySummary:
        """The summary of the week ending on `day` for `user`."""
        start = day - WEEK + timedelta(days=1)
        # The same count as a group's board: days the plan asked for, days lifted.
        planned = len(await self.services.training.lifting_days(user, start, day))
        done = len(await lifted_dates(self.db, user.id, start, day))
        records = await self._records(user, start, day)
        # Next week as /plan shows it tomorrow: the same facade, its clock a day on.
        tomorrow = self.services.for_runner(user, self.now + timedelta(days=1))
        next_week = await tomorrow.reports.plan()
        chart = await self.services.progress.chart(user=user)
        chart = None if isinstance(chart, NotEnough) else chart
        return WeeklySummary(start, day, done, planned, records, next_week, week_of(user),
                             kit_for(user), chart)  # fmt: skip

    async def _records(self, user: User, start: date, end: date) -> list[tuple[Exercise, Record]]:
        """Records set between `start` and `end`: the ones /log announced (the one history,
        `Progress.records_set`), each lift's best of each kind once."""
        found: dict[Exercise, list[Record]] = {}
        for new in await self.services.progress.records_set(user, start, end):
            found.setdefault(new.exercise, []).append(new.record)
        return [(exercise, record) for exercise, records in found.items()
                for record in _best(records)]  # fmt: skip


def _best(records: list[Record]) -> list[Record]:
    """A lift's records of the week, the best of each kind once: the heaviest for each rep
    target (a later record for the same target beat the earlier one) and the best estimated
    1RM."""
    best: dict[tuple[str, int], Record] = {}
    for record in records:
        key = (record.kind, 0 if record.kind == "e1rm" else record.target or 0)
        if key not in best or record.value > best[key].value:
            best[key] = record
    return list(best.values())
