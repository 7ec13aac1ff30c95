"""Progress over time, as data: what /progress draws and says (pure; weights in one unit).

Per session and lift: the best estimated 1RM of its sets (the one rule, coaching/records.py),
the working weight prescribed that day, whether the session set a record, and e1RM divided by
bodyweight when the runner logs their weight. e1RM is shown as a trend, never as a max to
train from (runners do far more reps at a given %1RM than lifters: Richens & Cleather 2014).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coaching.catalogue import Exercise
from coaching.progression import LoggedSet
from coaching.records import RecordBook, best_e1rm
from coaching.units import Unit

DEFAULT_WEEKS = 12
CHANGE_WEEKS = (4, 12)
# Smoothing: an exponentially weighted mean whose weights halve every two weeks (team judgement:
# about four sessions, enough to calm one good or bad day without hiding a block's trend).
HALF_LIFE_DAYS = 14.0


@dataclass(frozen=True)
class SessionLift:
    """One lift's sets on one day (weights in the chart's unit), as read from the logs."""

    day: date
    sets: tuple[LoggedSet, ...]
    working: float | None = None  # the working weight prescribed that day


@dataclass(frozen=True)
class Point:
    day: date
    e1rm: float | None
    working: float | None
    record: bool = False  # a best estimated 1RM (coaching/records.py)
    per_bodyweight: float | None = None  # e1RM / bodyweight


@dataclass(frozen=True)
class Change:
    """e1RM now minus e1RM at the start: `since` is that session's day; `full` when it is at
    least `weeks` old (else it is the first session on record)."""

    weeks: int
    delta: float
    since: date
    full: bool


@dataclass(frozen=True)
class LiftTrend:
    exercise: Exercise
    points: tuple[Point, ...]  # inside the chart's window, oldest first
    latest: float | None = None  # the newest e1RM on record
    changes: tuple[Change, ...] = ()
    per_bodyweight: float | None = None  # the newest e1RM / bodyweight


@dataclass(frozen=True)
class BlockSpan:
    block: str  # "2x8", "3x6", "3x5"
    start: date
    end: date


@dataclass(frozen=True)
class ProgressChart:
    """Everything the chart and its caption show; `large`: one lift, drawn large."""

    unit: Unit
    start: date
    end: date
    lifts: tuple[LiftTrend, ...]
    races: tuple[date, ...] = ()
    blocks: tuple[BlockSpan, ...] = ()
    large: bool = False
    everything: bool = False  # the whole history, not the last DEFAULT_WEEKS weeks

    @property
    def sessions(self) -> int:
        """Days in the window with an estimate for some lift shown."""
        return len({p.day for t in self.lifts for p in t.points if p.e1rm is not None})

    @property
    def bodyweight(self) -> bool:
        return any(p.per_bodyweight is not None for t in self.lifts for p in t.points)


def bodyweight_on(entries: Sequence[tuple[date, float]], day: date) -> float | None:
    """The latest bodyweight logged on or before `day` (entries oldest first); before the first
    entry, the first one (bodyweight changes slowly: it stands for the weeks before it)."""
    if not entries:
        return None
    index = bisect_right([d for d, _ in entries], day)
    return entries[max(index - 1, 0)][1]


def lift_trend(
    exercise: Exercise,
    sessions: Sequence[SessionLift],
    start: date,
    today: date,
    bodyweights: Sequence[tuple[date, float]] = (),
) -> LiftTrend:
    """One lift's points from `start` on, its newest e1RM and its changes (from all sessions,
    oldest first: records and changes look back past the window)."""
    book = RecordBook()
    points: list[Point] = []
    dated: list[tuple[date, float]] = []
    for session in sessions:
        # The chart draws e1RM: it marks the sessions that set a best e1RM (other records
        # are listed by /records and announced when logged).
        record = any(r.kind == "e1rm" for r in book.add(session.sets, session.day))
        estimate = best_e1rm(session.sets)
        weight = bodyweight_on(bodyweights, session.day)
        ratio = estimate / weight if estimate is not None and weight else None
        if estimate is not None:
            dated.append((session.day, estimate))
        if session.day >= start:
            points.append(Point(session.day, estimate, session.working, record, ratio))
    latest = dated[-1][1] if dated else None
    ratio = None
    if dated and bodyweights:
        ratio = latest / bodyweight_on(bodyweights, dated[-1][0])
    changes = tuple(c for c in (change(dated, today, w) for w in CHANGE_WEEKS) if c is not None)
    return LiftTrend(exercise, tuple(points), latest, changes, ratio)


def change(dated: Sequence[tuple[date, float]], today: date, weeks: int) -> Change | None:
    """The newest e1RM minus the one of the last session at least `weeks` before today (or,
    without one that old, the first session); None with fewer than two sessions."""
    if len(dated) < 2:
        return None
    cutoff = today - timedelta(weeks=weeks)
    old = [(d, v) for d, v in dated if d <= cutoff]
    since, value = old[-1] if old else dated[0]
    return Change(weeks, dated[-1][1] - value, since, bool(old))


def smoothed(points: Sequence[tuple[date, float]]) -> list[float]:
    """Each point's exponentially weighted mean of itself and the points before it, the
    weights halving every HALF_LIFE_DAYS (a trend line that follows the data without lag
    from future points)."""
    result: list[float] = []
    mean, previous = 0.0, None
    for day, value in points:
        if previous is None:
            mean = value
        else:
            keep = math.pow(0.5, (day - previous).days / HALF_LIFE_DAYS)
            mean = keep * mean + (1 - keep) * value
        result.append(mean)
        previous = day
    return result


def block_spans(blocks: Sequence[tuple[date, str]], end: date) -> tuple[BlockSpan, ...]:
    """Runs of sessions in the same block (sessions oldest first), each up to the next run."""
    spans: list[BlockSpan] = []
    for day, block in blocks:
        if spans and spans[-1].block == block:
            continue
        if spans:
            spans[-1] = BlockSpan(spans[-1].block, spans[-1].start, day)
        spans.append(BlockSpan(block, day, end))
    return tuple(spans)
