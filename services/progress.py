"""/progress and /records: a runner's logs turned into trends and records, in their units.

`chart` and `records` take an optional `user` so that a message the runner did not ask for
(the weekly summary) can show them too; the chart is drawn by `render.charts`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import groupby

from coaching import Exercise, LoggedSet, Prescription, SessionName, Unit, convert, from_kg
from coaching.catalogue import EXERCISES, find_exercise
from coaching.programme import session_plan
from coaching.records import Record, RecordBook
from coaching.trends import (
    DEFAULT_WEEKS,
    LiftTrend,
    ProgressChart,
    SessionLift,
    block_spans,
    lift_trend,
)
from models import User
from models.history import weigh_ins
from models.progress import SetRow, logged_session_plans, logged_sets
from models.queries import races_of
from services.base import Area
from services.runners import equipment_of, unit_of

Sets = dict[str, dict[date, list[LoggedSet]]]  # exercise -> day -> sets, in the runner's unit


@dataclass(frozen=True)
class NewRecord:
    """A record set by a log: its day, the log (exercise entry) and the lift (runner's units)."""

    day: date
    entry_id: int
    exercise: Exercise
    record: Record


def chart_lifts(user: User) -> list[Exercise]:
    """The main lifts of the runner's programme (sessions A and B, their swaps applied)."""
    lifts: list[Exercise] = []
    for name in SessionName:
        for exercise in session_plan(name, equipment_of(user), swaps=user.swaps).exercises:
            if exercise not in lifts:
                lifts.append(exercise)
    return lifts


MIN_SESSIONS = 2  # a trend needs two sessions


@dataclass(frozen=True)
class NotEnough:
    """Fewer than MIN_SESSIONS sessions to draw; `earlier`: the whole history has enough."""

    earlier: bool


class Progress(Area):
    def lift_named(self, word: str) -> Exercise | None:
        """The lift a word names (`squat` is the squat of the runner's programme)."""
        return find_exercise(word, chart_lifts(self.runner))

    async def chart(
        self, lift: Exercise | None = None, everything: bool = False, user: User | None = None
    ) -> ProgressChart | NotEnough:
        """The main lifts' trends (or one lift's, drawn large) over the last DEFAULT_WEEKS weeks,
        or everything logged (every lift with sets, the programme's first), with races, block
        changes and, when logged, bodyweight; NotEnough before MIN_SESSIONS sessions."""
        user = user or self.runner
        unit, today = unit_of(user), self.today(user)
        programme = [lift] if lift is not None else chart_lifts(user)
        wanted = None if everything and lift is None else [x.key for x in programme]
        by_lift = await self._sets(user, unit, wanted)
        lifts = programme + sorted((EXERCISES[k] for k in by_lift if EXERCISES[k] not in programme),
                                   key=lambda x: x.name)  # fmt: skip
        days = sorted({day for x in lifts for day in by_lift.get(x.key, {})})
        first = days[0] if days else today
        # From the first session when it is newer: a new runner's chart is not mostly empty.
        start = first if everything else max(first, today - timedelta(weeks=DEFAULT_WEEKS))
        if sum(day >= start for day in days) < MIN_SESSIONS:
            return NotEnough(earlier=len(days) >= MIN_SESSIONS)
        plans = await logged_session_plans(self.db, user.id)
        prescribed = {day: prescription for day, _, prescription in plans}
        weights = [
            (w.entry_date, from_kg(w.weight_kg, unit)) for w in await weigh_ins(self.db, user.id)
        ]
        trends: list[LiftTrend] = []
        for exercise in lifts:
            sessions = [
                SessionLift(day, tuple(sets), _working(prescribed.get(day), exercise.key, unit))
                for day, sets in sorted(by_lift.get(exercise.key, {}).items())
            ]
            trend = lift_trend(exercise, sessions, start, today, weights)
            if trend.points:
                trends.append(trend)
        races = tuple(r.race_date for r in await races_of(self.db, user.id, start)
                      if r.race_date <= today)  # fmt: skip
        blocks = block_spans([(day, block) for day, block, _ in plans if day >= start], today)
        return ProgressChart(unit, start, today, tuple(trends), races, blocks,
                             large=lift is not None, everything=everything,
                             weighed=bool(weights))  # fmt: skip

    async def records(self, user: User | None = None) -> list[tuple[Exercise, RecordBook]]:
        """Each logged lift's records (heaviest for 5, 6 and 8 reps, best e1RM), with days."""
        user = user or self.runner
        books, _ = await self._history(user)
        found = [(EXERCISES[key], book) for key, book in books.items()
                 if book.heaviest or book.e1rm]  # fmt: skip
        order = {x.key: i for i, x in enumerate(chart_lifts(user))}
        return sorted(found, key=lambda item: (order.get(item[0].key, len(order)), item[0].name))

    async def records_set(
        self, user: User, start: date, end: date, exercises: list[str] | None = None
    ) -> list[NewRecord]:
        """The records set between two days (both included), oldest first: what /log announces
        (its own day, its own log), the weekly summary lists and /records ends with."""
        return (await self._history(user, start, end, exercises))[1]

    async def _history(
        self,
        user: User,
        since: date | None = None,
        until: date | None = None,
        exercises: list[str] | None = None,
    ) -> tuple[dict[str, RecordBook], list[NewRecord]]:
        """The books up to `until` and the records set from `since` on (`records_in`)."""
        rows = await logged_sets(self.db, user.id, end=until, exercises=exercises)
        return records_in(rows, unit_of(user), since)

    async def _sets(self, user: User, unit: Unit, exercises: list[str] | None = None) -> Sets:
        by_lift: Sets = defaultdict(lambda: defaultdict(list))
        for row in await logged_sets(self.db, user.id, exercises=exercises):
            if row.exercise in EXERCISES:
                in_unit = convert(row.weight, Unit(row.unit), unit)
                by_lift[row.exercise][row.day].append(LoggedSet(in_unit, row.reps, row.rir))
        return by_lift


def records_in(
    rows: Iterable[SetRow], unit: Unit, since: date | None = None
) -> tuple[dict[str, RecordBook], list[NewRecord]]:
    """THE history behind every record: each log (one lift's sets of one message or button)
    taken into its lift's `coaching.records.RecordBook` in date order (`rows` come by day, then
    in the order logged that day), so it is judged against what came before its day, however
    late it was sent. Returns each lift's book and the records set from `since` on."""
    books: dict[str, RecordBook] = {}
    found: list[NewRecord] = []
    for (day, entry_id, key), group in groupby(rows, lambda r: (r.day, r.entry_id, r.exercise)):
        if key not in EXERCISES:
            continue
        sets = [LoggedSet(convert(r.weight, Unit(r.unit), unit), r.reps, r.rir) for r in group]
        records = books.setdefault(key, RecordBook()).add(sets, day)
        if since is not None and day >= since:
            found += [NewRecord(day, entry_id, EXERCISES[key], r) for r in records]
    return books, found


def _working(prescription: Prescription | None, key: str, unit: Unit) -> float | None:
    """The working weight prescribed for this lift that day (behind any temporary cut)."""
    lift = None if prescription is None else prescription.lift(key)
    kg = None if lift is None else (lift.working_kg or lift.weight_kg)
    return None if kg is None else from_kg(kg, unit)
