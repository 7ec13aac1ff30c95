"""Bodyweight: reading a weigh-in as typed, and its trend.

A weigh-in is a number in the runner's units, optionally followed by a unit: `62.5`, `62,5`,
`62.5kg`, `138 lb`. A number typed in the other unit is converted (a kilogram runner may type
`138 lb`); stored in kilograms.

Plausible range: 30–250 kg (66–551 lb). It covers adult runners from the lightest elite
marathoners to heavy beginners, and catches the usual slips (`625` for 62.5, `6.25`, a weight
in the wrong unit without saying so, e.g. 138 typed by a kilogram runner). Only ASCII digits
are read (`int("٣٠")` is 30 in Python) and at most two decimals.

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
TREND_DAYS = 28
TREND_MIN_ENTRIES = 3
TREND_MIN_SPAN_DAYS = 7

_WEIGH_IN = re.compile(r"([0-9]{1,3}(?:[.,][0-9]{1,2})?)\s*(kg|kgs|lb|lbs)?")
_UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB}


class WeighInProblem(StrEnum):
    FORM = "form"  # not a number (with a unit)
    RANGE = "range"  # a number outside the plausible range


class WeighInError(ValueError):
    def __init__(self, problem: WeighInProblem, typed: str) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.typed = typed


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
    if match is None:
        raise WeighInError(WeighInProblem.FORM, text.strip())
    value = float(match.group(1).replace(",", "."))
    typed_unit = _UNITS[match.group(2)] if match.group(2) else unit
    if not MIN_KG <= to_kg(value, typed_unit) <= MAX_KG:
        raise WeighInError(WeighInProblem.RANGE, text.strip())
    if typed_unit is unit:
        return WeighIn(value, unit)
    return WeighIn(round(convert(value, typed_unit, unit), 1), unit, typed_unit)


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
