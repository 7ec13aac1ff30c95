"""Reading what runners type: a set such as `60x8`, a time such as `07:30`.

Only ASCII digits are accepted (Python's int() would take Arabic-Indic digits), the decimal
comma is accepted, and every number is range-checked after parsing, so `1e309`, `nan` and
`inf` never reach the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from coaching.units import Unit

MAX_WEIGHT = {Unit.KG: 500.0, Unit.LB: 1100.0}
MAX_REPS = 30
MAX_RIR = 10

_NUMBER = r"([0-9]{1,4}(?:[.,][0-9]{1,3})?)"
_SET = re.compile(rf"^{_NUMBER}\s*(kg|kgs|lb|lbs)?\s*[x×*]\s*([0-9]{{1,3}})$", re.IGNORECASE)
_TIME = re.compile(r"^([0-9]{1,2})[:.h]([0-9]{2})$")


class InputError(ValueError):
    """Text that is not what was asked for; the message says what was expected."""


@dataclass(frozen=True)
class SetEntry:
    weight: float
    reps: int
    unit: Unit


def parse_weight(text: str, unit: Unit) -> float:
    """A positive weight within range, decimal comma allowed."""
    if not re.fullmatch(_NUMBER, text):
        raise InputError("weight")
    weight = float(text.replace(",", "."))
    if not 0 < weight <= MAX_WEIGHT[unit]:
        raise InputError("weight range")
    return weight


def parse_set(text: str, unit: Unit) -> SetEntry:
    """`60x8`, `60 x 8`, `60kg x 8`, `135lbx5`, `60,5x8` -> weight, reps and unit."""
    match = _SET.fullmatch(text.strip())
    if not match:
        raise InputError("set")
    number, unit_text, reps_text = match.groups()
    if unit_text:
        unit = Unit.KG if unit_text.lower().startswith("kg") else Unit.LB
    weight = parse_weight(number, unit)
    reps = int(reps_text)
    if not 1 <= reps <= MAX_REPS:
        raise InputError("reps range")
    return SetEntry(weight, reps, unit)


def parse_time(text: str) -> time:
    """`07:30`, `7:30`, `19.05` -> a time of day."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        raise InputError("time")
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise InputError("time range")
    return time(hour, minute)


_DAYS = {
    **{name[:3]: i for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
    **{name: i for i, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))},
}  # fmt: skip
RUN_TYPES = ("rest", "easy", "quality", "long", "race")


def parse_weekday(text: str) -> int:
    """`tue`, `Tuesday` -> 1 (Monday = 0)."""
    day = _DAYS.get(text.strip().lower())
    if day is None:
        raise InputError("weekday")
    return day


_RIR = re.compile(r"^(?:rir\s*|@\s*)([0-9]{1,2})$", re.IGNORECASE)


def parse_run_days(text: str) -> dict[int, str]:
    """The days typed, rest days included: `thu=rest sat=long` -> {3: "rest", 5: "long"}."""
    week: dict[int, str] = {}
    for token in text.replace(",", " ").split():
        day_text, sep, run_text = token.partition("=")
        day = _DAYS.get(day_text.lower())
        run = run_text.lower()
        if not sep or day is None or run not in RUN_TYPES:
            raise InputError(token)
        if day in week:
            raise InputError(token)  # the same day twice
        week[day] = run
    if not week:
        raise InputError(text)
    return week


def parse_recent_set(text: str, unit: Unit) -> tuple[SetEntry, int]:
    """`60x8`, `60x8 rir2`, `60x8 @2` -> the set and the reps left in reserve (0 if not said)."""
    parts = text.strip().rsplit(maxsplit=1)
    rir = 0
    if len(parts) == 2 and (match := _RIR.fullmatch(parts[1].strip())):
        rir = int(match.group(1))
        if rir > MAX_RIR:
            raise InputError("rir range")
        text = parts[0]
    return parse_set(text, unit), rir


MAX_SETS = 10
_WEIGHT_UNIT = r"([0-9]{1,4}(?:[.,][0-9]{1,3})?)\s*(kg|kgs|lb|lbs)?"
_SETS_AT = re.compile(rf"^([0-9]{{1,2}})\s*[x×*]\s*([0-9]{{1,3}})\s*@\s*{_WEIGHT_UNIT}$", re.I)
_WEIGHT_REPS_LIST = re.compile(
    rf"^{_WEIGHT_UNIT}\s*[x×*]\s*([0-9]{{1,3}}(?:,[0-9]{{1,3}})*)$", re.I
)
_WEIGHT_ONLY = re.compile(r"^([0-9]{1,4}(?:[.,][0-9]{1,3})?)\s*(kg|kgs|lb|lbs)$", re.I)
_REPS_ONLY = re.compile(r"^[0-9]{1,3}$")
_RIR_TOKEN = re.compile(r"^rir\s*([0-9]{1,2})$", re.I)


def _unit_of(text: str | None, default: Unit) -> Unit:
    if not text:
        return default
    return Unit.KG if text.lower().startswith("kg") else Unit.LB


def _reps(text: str) -> int:
    reps = int(text)
    if not 1 <= reps <= MAX_REPS:
        raise InputError("reps range")
    return reps


def parse_rir(text: str) -> int:
    """Reps in reserve, 0-10 (`2`, `rir2`, `5+`)."""
    cleaned = text.strip().lower().removeprefix("rir").strip().rstrip("+")
    if not re.fullmatch(r"[0-9]{1,2}", cleaned) or int(cleaned) > MAX_RIR:
        raise InputError("rir")
    return int(cleaned)


def _tokens(text: str) -> list[str]:
    """Split on spaces, keeping `2x8 @ 60`, `60 x 8`, `60 kg` and `rir 2` together."""
    glued = re.sub(r"\s*([x×*@])\s*", r"\1", text.strip(), flags=re.I)
    glued = re.sub(r"(?<=[0-9])\s+(kg|kgs|lb|lbs)\b", r"\1", glued, flags=re.I)
    glued = re.sub(r"\brir\s+(?=[0-9])", "rir", glued, flags=re.I)
    return glued.split()


def parse_logged_sets(
    text: str, unit: Unit, prescribed: float | None = None
) -> tuple[list[SetEntry], int | None]:
    """Sets as runners type them, and the last set's RIR if given.

    `60x8 60x8`, `60x8,8`, `2x8@60`, `8 8` (at the prescribed weight), `60kg 8`, each optionally
    followed by `rir2`. Raises InputError for anything else or out of range.
    """
    sets: list[SetEntry] = []
    rir: int | None = None
    current: tuple[float, Unit] | None = None  # a weight given alone applies to following reps
    for token in _tokens(text):
        if rir is not None:
            raise InputError("rir must come last")
        if match := _RIR_TOKEN.fullmatch(token):
            rir = parse_rir(match.group(1))
        elif match := _SETS_AT.fullmatch(token):
            count, reps, number, unit_text = match.groups()
            entry_unit = _unit_of(unit_text, unit)
            weight = parse_weight(number, entry_unit)
            if not 1 <= int(count) <= MAX_SETS:
                raise InputError("sets range")
            sets += [SetEntry(weight, _reps(reps), entry_unit)] * int(count)
        elif match := _WEIGHT_REPS_LIST.fullmatch(token):
            number, unit_text, reps_list = match.groups()
            entry_unit = _unit_of(unit_text, unit)
            weight = parse_weight(number, entry_unit)
            sets += [SetEntry(weight, _reps(r), entry_unit) for r in reps_list.split(",")]
        elif match := _WEIGHT_ONLY.fullmatch(token):
            entry_unit = _unit_of(match.group(2), unit)
            current = (parse_weight(match.group(1), entry_unit), entry_unit)
        elif _REPS_ONLY.fullmatch(token):
            if current is None and prescribed is None:
                raise InputError("no weight")
            weight, entry_unit = current or (prescribed, unit)
            sets.append(SetEntry(weight, _reps(token), entry_unit))
        else:
            raise InputError(token)
    if not sets or len(sets) > MAX_SETS:
        raise InputError("sets")
    return sets, rir


def parse_log_date(text: str, today: date) -> date | None:
    """`today`, `yesterday` or an ISO date not in the future nor over 60 days back; else None."""
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "yesterday":
        return today - timedelta(days=1)
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", word):
        return None
    try:
        day = date.fromisoformat(word)
    except ValueError as error:
        raise InputError("date") from error
    if day > today or (today - day).days > 60:
        raise InputError("date range")
    return day


# --- the runner's kit: `bar 15`, `plates 20 10 5 2.5 1.25`, `dumbbells 2-24 step 2`, `reset` ---

_KIT_WORDS = {"bar": "bar", "plates": "plates", "plate": "plates", "dumbbells": "dumbbells",
              "dumbbell": "dumbbells", "db": "dumbbells", "reset": "reset"}  # fmt: skip
# Plausible ranges, so a typo never becomes a kit: bars from a 1 kg technique bar to a 50 kg
# strongman bar; plates from 0.25 kg micro-plates to 50 kg; dumbbells up to 100 kg.
KIT_RANGE = {
    "bar": {Unit.KG: (1.0, 50.0), Unit.LB: (2.0, 110.0)},
    "plates": {Unit.KG: (0.25, 50.0), Unit.LB: (0.5, 110.0)},
    "dumbbells": {Unit.KG: (0.5, 100.0), Unit.LB: (1.0, 220.0)},
}
MAX_PLATE_SIZES = 12  # different plate weights; each is owned in pairs, any number of pairs
MAX_DUMBBELLS = 60  # different dumbbell weights (pairs)
DUMBBELL_RANGE_STEP = {Unit.KG: 2.0, Unit.LB: 5.0}  # `2-24` alone: the usual rack's steps
_RANGE = re.compile(rf"^{_NUMBER}-{_NUMBER}(?:/{_NUMBER})?$")


@dataclass(frozen=True)
class KitChange:
    part: str  # "bar", "plates", "dumbbells" or "reset"
    values: tuple[float, ...] = ()  # ascending, distinct, in the runner's units


def parse_kit(text: str, unit: Unit) -> KitChange:
    """`bar 15`, `plates 20 10 5 2.5`, `dumbbells 4 6 8 12.5` or `2-24 step 2`, `reset`.

    Raises InputError("kit") for an unknown part, InputError(<part>) for its values.
    """
    words = _kit_words(text)
    part = _KIT_WORDS.get(words[0]) if words else None
    if part is None:
        raise InputError("kit")
    tokens = words[1:]
    if part == "reset":
        if tokens:
            raise InputError("kit")
        return KitChange(part)
    if part == "dumbbells":
        values = _dumbbell_values(tokens, unit)
    else:
        values = [_kit_weight(token, part, unit) for token in tokens]
    limit = {"bar": 1, "plates": MAX_PLATE_SIZES, "dumbbells": MAX_DUMBBELLS}[part]
    if not values or len(set(values)) > limit or (part == "bar" and len(values) != 1):
        raise InputError(part)
    return KitChange(part, tuple(sorted(set(values))))


def _kit_words(text: str) -> list[str]:
    """Words of a kit line: `, ` separates (a comma between digits is a decimal comma), and a
    range `2 - 24 step 2` becomes the one word `2-24/2`."""
    text = re.sub(r",(\s|$)", " ", text.lower())
    text = re.sub(r"\s*\bstep\b\s*", "/", text)
    text = re.sub(r"\s*([-/])\s*", r"\1", text)
    return text.split()


def _kit_weight(token: str, part: str, unit: Unit) -> float:
    if not re.fullmatch(_NUMBER, token):
        raise InputError(part)
    value = float(token.replace(",", "."))
    low, high = KIT_RANGE[part][unit]
    if not low <= value <= high or abs(value * 100 - round(value * 100)) > 1e-6:
        raise InputError(part)  # kit weights are in hundredths (plates add up exactly)
    return value


def _dumbbell_values(tokens: list[str], unit: Unit) -> list[float]:
    values: list[float] = []
    for token in tokens:
        match = _RANGE.fullmatch(token)
        if match is None:
            values.append(_kit_weight(token, "dumbbells", unit))
            continue
        first, last = (_kit_weight(t, "dumbbells", unit) for t in match.groups()[:2])
        step_text = match.group(3)
        step = (
            DUMBBELL_RANGE_STEP[unit] if step_text is None else float(step_text.replace(",", "."))
        )
        if last < first or step <= 0 or (last - first) / step >= MAX_DUMBBELLS:
            raise InputError("dumbbells")
        count = int((last - first) / step + 1e-9)
        values += [round(first + i * step, 2) for i in range(count + 1)]
    return values
