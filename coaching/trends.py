"""Progress over time, as data: what /progress draws and says (pure; weights in one unit).

Per session and lift: the best estimated 1RM of its sets (the one rule, coaching/records.py),
its trend (a centred smoother: the line goes through the cloud of points, not below it), the
working weight prescribed that day, whether the session set a record, and e1RM divided by a
bodyweight logged near that day. The caption's numbers are the trend's, inside the window.
e1RM is shown as a trend, never as a max to train from (runners do far more reps at a given
%1RM than lifters: Richens & Cleather 2014).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from coaching.catalogue import Exercise
from coaching.progression import LoggedSet
from coaching.records import RecordBook, best_e1rm
from coaching.units import Unit

DEFAULT_WEEKS = 12
CHANGE_WEEKS = (4, 12)
# Smoothing: a straight line fitted to each session and its neighbours, SMOOTHING_SESSIONS in
# all (two either side, shifted inward at the ends), evaluated at that session: a local linear
# fit, LOWESS without its robustness passes (Cleveland 1979). Centred, so a rising line is not
# drawn below the points as a trailing average is; five sessions (team judgement: two to three
# weeks) calm one good or bad day without hiding a block's trend.
SMOOTHING_SESSIONS = 5
# A bodyweight stands for sessions up to two weeks either side of its weigh-in (team judgement:
# a runner's weight drifts by well under 2 % in that time); further off, no ratio is drawn.
BODYWEIGHT_NEAR = timedelta(days=14)
# A change "in N weeks" when its baseline session is at most this far after N weeks back.
BASELINE_SLACK = timedelta(days=7)


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
    per_bodyweight: float | None = None  # e1RM / a bodyweight logged near that day
    trend: float | None = None  # the smoothed e1RM at this session (None without an e1RM)


@dataclass(frozen=True)
class Change:
    """The trend now minus the trend at a baseline session inside the drawn window: the first
    session from `weeks` back on; `since` is its day; `full` when it is within BASELINE_SLACK
    of `weeks` back (else the change is "since" that day)."""

    weeks: int
    delta: float
    since: date
    full: bool


@dataclass(frozen=True)
class LiftTrend:
    exercise: Exercise
    points: tuple[Point, ...]  # inside the chart's window, oldest first
    latest: float | None = None  # the trend at the newest session in the window
    changes: tuple[Change, ...] = ()
    per_bodyweight: float | None = None  # the newest session's e1RM / bodyweight near it


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
    weighed: bool = False  # some bodyweight is logged (near a session or not)

    @property
    def bodyweight(self) -> bool:
        return any(p.per_bodyweight is not None for t in self.lifts for p in t.points)

    @property
    def few_ratios(self) -> bool:
        """Bodyweight logged, but fewer than two sessions have a weigh-in near them."""
        days = {p.day for t in self.lifts for p in t.points if p.per_bodyweight is not None}
        return self.weighed and len(days) < 2


def bodyweight_on(entries: Sequence[tuple[date, float]], day: date) -> float | None:
    """The bodyweight logged nearest to `day`, if within BODYWEIGHT_NEAR of it (an older
    or later weigh-in says little about that day's weight); the later one on a tie."""
    near = [(abs((d - day).days), -d.toordinal(), w) for d, w in entries
            if abs(d - day) <= BODYWEIGHT_NEAR]  # fmt: skip
    return min(near)[2] if near else None


def lift_trend(
    exercise: Exercise,
    sessions: Sequence[SessionLift],
    start: date,
    today: date,
    bodyweights: Sequence[tuple[date, float]] = (),
) -> LiftTrend:
    """One lift's points from `start` on (sessions oldest first; records look back past the
    window), their trend, and the caption's numbers from that trend."""
    book = RecordBook()
    shown: list[tuple[SessionLift, float | None, bool]] = []
    for session in sessions:
        # The chart draws e1RM: it marks the sessions that set a best e1RM (other records
        # are listed by /records and announced when logged).
        record = any(r.kind == "e1rm" for r in book.add(session.sets, session.day))
        if session.day >= start:
            shown.append((session, best_e1rm(session.sets), record))
    dated = [(s.day, e) for s, e, _ in shown if e is not None]
    trend = dict(zip([d for d, _ in dated], smoothed(dated), strict=True))
    points = []
    for session, estimate, record in shown:
        weight = bodyweight_on(bodyweights, session.day)
        ratio = estimate / weight if estimate is not None and weight else None
        points.append(Point(session.day, estimate, session.working, record, ratio,
                            trend.get(session.day)))  # fmt: skip
    trended = [(p.day, p.trend) for p in points if p.trend is not None]
    latest = trended[-1][1] if trended else None
    ratios = [p.per_bodyweight for p in points if p.e1rm is not None]
    changes = tuple(c for c in (change(trended, today, w) for w in CHANGE_WEEKS) if c is not None)
    return LiftTrend(exercise, tuple(points), latest, changes, ratios[-1] if ratios else None)


def change(trended: Sequence[tuple[date, float]], today: date, weeks: int) -> Change | None:
    """The newest trend value minus the trend at the first session from `weeks` before today
    on (sessions of the window, oldest first); None with fewer than two sessions."""
    if len(trended) < 2:
        return None
    cutoff = today - timedelta(weeks=weeks)
    since, value = next(((d, v) for d, v in trended if d >= cutoff), trended[0])
    if since == trended[-1][0]:  # the newest session only: measure from the first instead
        since, value = trended[0]
    return Change(weeks, trended[-1][1] - value, since, since - cutoff <= BASELINE_SLACK)


def smoothed(points: Sequence[tuple[date, float]]) -> list[float]:
    """Each point's value on a straight line fitted (least squares, by day) to it and its
    SMOOTHING_SESSIONS - 1 nearest neighbours in order, centred where there are enough on
    both sides: a trend through the points, not lagging behind them."""
    days = [d.toordinal() for d, _ in points]
    values = [v for _, v in points]
    result: list[float] = []
    for index, day in enumerate(days):
        first = max(0, min(index - SMOOTHING_SESSIONS // 2, len(days) - SMOOTHING_SESSIONS))
        window = slice(first, first + SMOOTHING_SESSIONS)
        xs, ys = days[window], values[window]
        mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
        spread = sum((x - mean_x) ** 2 for x in xs)
        moment = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
        slope = moment / spread if spread else 0.0
        result.append(mean_y + slope * (day - mean_x))
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
