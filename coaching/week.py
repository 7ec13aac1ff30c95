"""Choosing the two lift days of a running week.

Days are numbered Monday = 0 ... Sunday = 6 and the week is cyclic (Sunday is the day before
Monday). Hard rules:
- H1 never on a race day;
- H2 at least one full day between the two lift days (>= 48 h: ACSM 2009 position stand on
  resistance training, 48-72 h before the same muscles are loaded heavily again);
- H3 never the day before a long run, a quality session or a race (residual fatigue impairs the
  next day's running: Doma & Deakin 2013);
- H4 never on a long-run day (team judgement: the week's longest run already empties the legs,
  and a heavy session on top of it eats into the next days' recovery);
- H5 never the day after a race: a weekly `race` day (a parkrun) is a key session, and the day
  after it is for recovering from a maximal effort. Team judgement: no study measured lifting the
  day after a 5 km race; the harm is to recovery, not to a key run (which H3 protects), so H5 is
  the first rule to give way.
Preferences among legal pairs: quality-run days first (run, then lift at least 6 h later:
"hard days hard"; Doma & Deakin 2013; Robineau et al. 2016: 6 or 24 h between the running and
the lifting interfered less than none), then easy days, then rest days; then more spacing; then
the earlier days, so the answer is deterministic.
When no pair is legal the rules are relaxed in this order, one more at a time: H5, H4, then H3
before a quality session, then H3 before a long run (team judgement: from the least to the most
harm to the running week; a long run is the week's longest key session). H1 and H3 before a race,
and H2, are never relaxed; when even then no pair exists, one session is planned (one a week
maintains strength: Rønnestad et al. 2010, in-season maintenance in cyclists).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations


class RunType(StrEnum):
    REST = "rest"
    EASY = "easy"
    QUALITY = "quality"
    LONG = "long"
    RACE = "race"


class Rule(StrEnum):
    RACE_DAY = "race_day"
    SPACING = "spacing"
    LONG_DAY = "long_day"
    BEFORE_QUALITY = "before_quality"
    BEFORE_LONG = "before_long"
    BEFORE_RACE = "before_race"
    AFTER_RACE = "after_race"
    TWO_SESSIONS = "two_sessions"  # named in `.relaxed` when the week only fits one session


RELAX_ORDER: tuple[Rule, ...] = (
    Rule.AFTER_RACE,
    Rule.LONG_DAY,
    Rule.BEFORE_QUALITY,
    Rule.BEFORE_LONG,
)
_DAY_PREFERENCE = {RunType.QUALITY: 2, RunType.EASY: 1, RunType.REST: 0, RunType.LONG: -1}

Week = Mapping[int, RunType]


@dataclass(frozen=True)
class LiftDays:
    """The lift days (Monday = 0) and the rules the week forced us to relax, in RELAX_ORDER;
    `render/` explains them to the runner."""

    days: tuple[int, ...]
    relaxed: tuple[Rule, ...]


# The key runs: never lift the day before one (H3, H4), and the check-in's "key run tomorrow".
_EVE_RULES = {
    RunType.QUALITY: Rule.BEFORE_QUALITY,
    RunType.LONG: Rule.BEFORE_LONG,
    RunType.RACE: Rule.BEFORE_RACE,
}
KEY_RUNS = frozenset(_EVE_RULES)


def day_broken_rules(week: Week, day: int) -> set[Rule]:
    """The single-day rules (H1, H3, H4, H5) that lifting on `day` would break."""
    today = week.get(day, RunType.REST)
    tomorrow = week.get((day + 1) % 7, RunType.REST)
    yesterday = week.get((day - 1) % 7, RunType.REST)
    broken = set()
    if today is RunType.RACE:
        broken.add(Rule.RACE_DAY)
    if yesterday is RunType.RACE:
        broken.add(Rule.AFTER_RACE)
    if today is RunType.LONG:
        broken.add(Rule.LONG_DAY)
    if tomorrow in _EVE_RULES:
        broken.add(_EVE_RULES[tomorrow])
    return broken


def gap(a: int, b: int) -> int:
    """Days between two weekdays around the cyclic week (Mon-Thu: 3, Sat-Mon: 2)."""
    distance = abs(a - b) % 7
    return min(distance, 7 - distance)


def _allowed(week: Week, day: int, relaxed: set[Rule]) -> bool:
    return not (day_broken_rules(week, day) - relaxed)


def _score(week: Week, days: tuple[int, ...]) -> tuple:
    broken = sum(len(day_broken_rules(week, d)) for d in days)
    preference = sum(_DAY_PREFERENCE.get(week.get(d, RunType.REST), 0) for d in days)
    spacing = gap(*days) if len(days) == 2 else 0
    return (-broken, preference, spacing, tuple(-d for d in days))


def plan_lift_days(week: Week) -> LiftDays:
    """The two lift days for this running week, what was relaxed, and why."""
    for level in range(len(RELAX_ORDER) + 1):
        relaxed = set(RELAX_ORDER[:level])
        pairs = [
            pair
            for pair in combinations(range(7), 2)
            if gap(*pair) >= 2 and all(_allowed(week, d, relaxed) for d in pair)
        ]
        if pairs:
            best = max(pairs, key=lambda pair: _score(week, pair))
            return _result(week, best)
    singles = [(d,) for d in range(7) if _allowed(week, d, set(RELAX_ORDER))]
    if singles:
        return _result(week, max(singles, key=lambda single: _score(week, single)))
    return LiftDays((), (Rule.TWO_SESSIONS,))


def _result(week: Week, days: tuple[int, ...]) -> LiftDays:
    broken = set().union(*(day_broken_rules(week, d) for d in days))
    relaxed = tuple(rule for rule in RELAX_ORDER if rule in broken)
    if len(days) < 2:
        relaxed += (Rule.TWO_SESSIONS,)
    return LiftDays(tuple(sorted(days)), relaxed)
