"""Bodyweight: reading a weigh-in as typed, and its trend.

A weigh-in is a number in the runner's units, optionally followed by a unit: `62.5`, `62,5`,
`62.5kg`, `138 lb`, `138 pounds`, `62.5 kilos`. A number typed in the other unit is converted (a
kilogram runner may type `138 lb`); stored in kilograms, to 0.1 of the runner's unit (what
/weight shows: a scale reads no finer, so `62.55555` is 62.6).

Plausible range: 30–250 kg (66–551 lb). It covers adult runners from the lightest elite
marathoners to heavy beginners, and catches the usual slips (`625` for 62.5, `6.25`, a weight
in the wrong unit without saying so, e.g. 138 typed by a kilogram runner). Only ASCII digits
are read (`int("٣٠")` is 30 in Python). A number out of range without a unit that is in range
in the other unit (62.5 from a pound runner) is refused with that unit suggested.

A weigh-in more than BIG_CHANGE away from the last one is stored but flagged (our judgement:
bodyweight swings by about 1-2 % from day to day with water and food, and real change over a
few weeks stays well under 10 %, so a bigger jump is almost always a slip or the wrong unit; it
is stored rather than asked about, because sending the right number the same day replaces it).

The trend is the least-squares slope of the weigh-ins of the last four weeks, per week, once
there are at least three spanning at least a week: a day's water swing (±1 kg is common) moves
a single reading, not a slope through several.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from coaching.units import Unit, convert, to_kg

MIN_KG, MAX_KG = 30.0, 250.0
BIG_CHANGE = 0.10  # a fraction of the last weigh-in (see above)
TREND_DAYS = 28
TREND_MIN_ENTRIES = 3
TREND_MIN_SPAN_DAYS = 7

_WEIGH_IN = re.compile(r"([0-9]{1,6}(?:[.,][0-9]{1,6})?)\s*([a-z]+)?")
_UNITS = {
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms"), Unit.KG),
    **dict.fromkeys(("lb", "lbs", "pound", "pounds"), Unit.LB),
}


class WeighInProblem(StrEnum):
    FORM = "form"  # not a number (with a unit)
    RANGE = "range"  # a number outside the plausible range


class WeighInError(ValueError):
    def __init__(self, problem: WeighInProblem, typed: str, other: WeighIn | None = None) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.typed = typed
        self.other = other  # the number read in the other unit, when that is in range


@dataclass(frozen=True)
class WeighIn:
    """A weigh-in as typed, in the runner's units (`typed_unit`: the unit typed, if other)."""

    weight: float
    unit: Unit
    typed_unit: Unit | None = None

    @property
    def kg(self) -> float:
        return to_kg(self.weight, self.unit)


def parse_weigh_in(text: str, unit: Unit) -> WeighIn:
    """`62.5`, `62,5 kg`, `138lb` -> a weigh-in in `unit`; raises WeighInError."""
    typed = text.strip().lower()
    match = _WEIGH_IN.fullmatch(typed)
    if match is None or (match.group(2) and match.group(2) not in _UNITS):
        raise WeighInError(WeighInProblem.FORM, text.strip())
    value = float(match.group(1).replace(",", "."))
    typed_unit = _UNITS[match.group(2)] if match.group(2) else unit
    if not _plausible(value, typed_unit):
        other = Unit.LB if typed_unit is Unit.KG else Unit.KG
        hint = WeighIn(value, other) if not match.group(2) and _plausible(value, other) else None
        raise WeighInError(WeighInProblem.RANGE, text.strip(), hint)
    if typed_unit is unit:
        return WeighIn(round(value, 1), unit)
    return WeighIn(round(convert(value, typed_unit, unit), 1), unit, typed_unit)


def _plausible(value: float, unit: Unit) -> bool:
    return MIN_KG <= to_kg(value, unit) <= MAX_KG


def change_from(weight: float, last: float) -> float | None:
    """The change from the `last` weigh-in as a fraction of it when it is more than
    BIG_CHANGE (same units), else None."""
    change = (weight - last) / last
    return change if abs(change) > BIG_CHANGE else None


def weekly_trend(entries: Sequence[tuple[date, float]], today: date) -> float | None:
    """Change per week (the entries' unit) over the last TREND_DAYS, or None with too little."""
    recent = [(day, value) for day, value in entries if day > today - timedelta(days=TREND_DAYS)]
    if len(recent) < TREND_MIN_ENTRIES:
        return None
    xs = [(day - recent[0][0]).days for day, _ in recent]
    if max(xs) - min(xs) < TREND_MIN_SPAN_DAYS:
        return None
    ys = [value for _, value in recent]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return slope * 7
