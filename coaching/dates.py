"""Reading a race as runners write it: `/race 2026-12-13 half`, `13/12/2026 marathon`,
`tomorrow 10k`, `half 13 December`. A date that cannot be used says why, as data."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from coaching.parsing import InputError
from coaching.taper import Distance

MAX_RACE_DAYS_AHEAD = 2 * 365  # further than two years ahead is almost surely a typo

_DISTANCES = {
    "5k": Distance.FIVE_K, "5km": Distance.FIVE_K, "10k": Distance.TEN_K,
    "10km": Distance.TEN_K, "half": Distance.HALF, "21k": Distance.HALF, "hm": Distance.HALF,
    "half-marathon": Distance.HALF, "halfmarathon": Distance.HALF,
    "marathon": Distance.MARATHON, "42k": Distance.MARATHON, "full": Distance.MARATHON,
    "ultra": Distance.ULTRA,
}  # fmt: skip
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}  # first three letters
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$")
_NUMERIC = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})(?:[/.-]([0-9]{2}|[0-9]{4}))?$")
_DAY_MONTH = re.compile(r"^([0-9]{1,2})(?:st|nd|rd|th)? ([a-z]{3,9})\.?(?: ([0-9]{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]{3,9})\.? ([0-9]{1,2})(?:st|nd|rd|th)?,?(?: ([0-9]{4}))?$")


class RaceProblem(StrEnum):
    NO_DISTANCE = "no_distance"
    DISTANCE = "distance"  # `typed`: the word that is not a distance
    NO_DATE = "no_date"
    DATE_FORM = "date_form"  # `typed`: the date as written
    AMBIGUOUS = "ambiguous"  # `days`: the two readings, day first
    NO_SUCH_DATE = "no_such_date"  # `typed`
    PAST = "past"  # `days`: the date
    TOO_FAR = "too_far"  # `days`: the date


@dataclass(eq=False)
class RaceInputError(InputError):
    problem: RaceProblem
    typed: str = ""
    days: tuple[date, ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        return f"{self.problem}: {self.typed}"


def parse_race(text: str, today: date) -> tuple[date, Distance]:
    """A race's date (today up to two years ahead) and distance, in either order."""
    words = " ".join(text.lower().replace("half marathon", "half").split()).split()
    distances = [w for w in words if w in _DISTANCES]
    rest = [w for w in words if w not in _DISTANCES]
    if not distances:
        unknown = [w for w in rest if re.fullmatch(r"[0-9]+(k|km|mi|m)|[a-z]+", w)]
        unknown = [w for w in unknown if w not in ("today", "tomorrow") and w[:3] not in _MONTHS]
        if unknown:
            raise RaceInputError(RaceProblem.DISTANCE, unknown[-1])
        raise RaceInputError(RaceProblem.NO_DISTANCE)
    if not rest:
        raise RaceInputError(RaceProblem.NO_DATE)
    day = parse_race_date(" ".join(rest), today)
    if day < today:
        raise RaceInputError(RaceProblem.PAST, days=(day,))
    if (day - today).days > MAX_RACE_DAYS_AHEAD:
        raise RaceInputError(RaceProblem.TOO_FAR, days=(day,))
    return day, _DISTANCES[distances[0]]


def parse_race_date(text: str, today: date) -> date:
    """`2026-12-13`, `13/12/2026` (day first; `05/12/2026` could be either and is asked back),
    `13.12.26`, `13/12` (the next one), `13 December`, `Dec 13 2026`, `today`, `tomorrow`."""
    if text in ("today", "tomorrow"):
        return today + timedelta(days=text == "tomorrow")
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
        return _date(year, month, day, text)
    if match := _NUMERIC.match(text):
        first, second = int(match[1]), int(match[2])
        year = _year(match[3])
        if first != second and first <= 12 and second <= 12:
            readings = (_dated(year, second, first, text, today),
                        _dated(year, first, second, text, today))  # fmt: skip
            ahead = [day for day in readings if day >= today]
            if len(ahead) == 1 and year is not None:  # the other reading is past: not a race
                return ahead[0]
            raise RaceInputError(RaceProblem.AMBIGUOUS, text, readings)
        return _dated(year, second, first, text, today)
    for pattern, day_group, month_group in ((_DAY_MONTH, 1, 2), (_MONTH_DAY, 2, 1)):
        if (match := pattern.match(text)) and match[month_group][:3] in _MONTHS:
            month = _MONTHS[match[month_group][:3]]
            return _dated(_year(match[3]), month, int(match[day_group]), text, today)
    raise RaceInputError(RaceProblem.DATE_FORM, text)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    return 2000 + int(text) if len(text) == 2 else int(text)


def _dated(year: int | None, month: int, day: int, text: str, today: date) -> date:
    """A date with its year, or without one the next such date from today on."""
    if year is not None:
        return _date(year, month, day, text)
    for candidate in (today.year, today.year + 1):
        try:
            found = date(candidate, month, day)
        except ValueError:
            continue
        if found >= today:
            return found
    raise RaceInputError(RaceProblem.NO_SUCH_DATE, text)


def _date(year: int, month: int, day: int, text: str) -> date:
    try:
        return date(year, month, day)
    except ValueError as error:
        raise RaceInputError(RaceProblem.NO_SUCH_DATE, text) from error
