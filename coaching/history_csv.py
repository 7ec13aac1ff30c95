"""Training history as CSV: the columns RunLift exports, and reading them back (or another
logger's export) into sets.

RunLift's own file (see `EXPORT_COLUMNS`) is comma-separated UTF-8 with a byte-order mark (so
a spreadsheet shows it as is), one row per set. Other loggers whose columns map plainly are
read too, recognised by their header:
- Strong: `Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;...`
  (`;` or `,`; newer files have `Weight (kg)`/`Weight (lbs)`; Set Order `W` (warm-up), `D`
  (drop set) and `Rest Timer` rows are skipped, `F` (to failure) is a set);
- Hevy: `title,start_time,...,exercise_title,...,set_index,set_type,weight_kg|weight_lbs,reps,
  ...,rpe` (warm-up and drop sets skipped).
Their exercise names ("Squat (Barbell)", "Overhead Press (Dumbbell)") map to catalogue lifts
when the name and the implement match one; anything else is reported as skipped by name. RPE
becomes reps in reserve as `/log` reads it (RIR = 10 − RPE, a half point rounded down;
Zourdos et al. 2016). A weight without a unit is in the runner's units.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from coaching.catalogue import Exercise, Implement, find_exercise
from coaching.parsing import MAX_REPS, MAX_RIR, MAX_WEIGHT
from coaching.units import Unit

EXPORT_COLUMNS = ("date", "session", "exercise", "lift", "set", "weight", "unit", "reps", "rir",
                  "e1rm")  # fmt: skip
MAX_BYTES = 2_000_000  # years of training fit in a few hundred kilobytes
MAX_ROWS = 50_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet may run as a formula


class FileProblem(StrEnum):
    TOO_BIG = "too_big"
    NOT_TEXT = "not_text"  # not UTF-8 text
    UNKNOWN_COLUMNS = "unknown_columns"  # a CSV whose header no format matches
    JSON_EXPORT = "json_export"  # RunLift's JSON export (the profile): only the CSV imports


class HistoryFileError(ValueError):
    def __init__(self, problem: FileProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


class Skip(StrEnum):
    """Why a row was not imported (counted by `ParsedHistory.skipped`)."""

    WARM_UP = "warm_up"  # warm-up, drop set or rest timer rows
    UNREADABLE = "unreadable"  # a date, weight or reps that cannot be read or are implausible


@dataclass(frozen=True)
class HistorySet:
    """One set read from a file; a day's sets of a lift keep the file's order."""

    day: date
    exercise: str  # catalogue key
    weight: float
    unit: Unit
    reps: int
    rir: int | None
    session: str = ""  # "A" or "B" when the file says so


@dataclass
class ParsedHistory:
    sets: list[HistorySet] = field(default_factory=list)
    skipped: Counter = field(default_factory=Counter)  # Skip -> rows
    unknown: Counter = field(default_factory=Counter)  # exercise name -> rows


def safe_cell(value: str) -> str:
    """A text cell a spreadsheet will not run as a formula (a leading ' shows it as text)."""
    return "'" + value if value.startswith(FORMULA_START) else value


# --- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Columns:
    """Where a format keeps each field (header names, lower case)."""

    day: str
    exercise: str
    set_order: str
    weight: str
    reps: str
    unit: str | None = None  # a column holding the unit
    fixed_unit: Unit | None = None  # the unit all weights are in
    rir: str | None = None
    rpe: str | None = None
    session: str | None = None
    lift: str | None = None  # a catalogue key (RunLift's own file)
    set_type: str | None = None


def _format_of(header: Sequence[str]) -> _Columns | None:
    names = set(header)
    if {"date", "lift", "set", "weight", "unit", "reps"} <= names:
        return _Columns("date", "exercise", "set", "weight", "reps", unit="unit", rir="rir",
                        session="session", lift="lift")  # fmt: skip
    if {"date", "exercise name", "set order", "reps"} <= names:
        weight, fixed = _weight_column(names, "weight", ("weight (kg)", "weight (lbs)"))
        unit = "weight unit" if "weight unit" in names else None
        return _Columns("date", "exercise name", "set order", weight, "reps", unit=unit,
                        fixed_unit=fixed, rpe="rpe")  # fmt: skip
    if {"start_time", "exercise_title", "set_index", "reps"} <= names:
        weight, fixed = _weight_column(names, "", ("weight_kg", "weight_lbs"))
        return _Columns("start_time", "exercise_title", "set_index", weight, "reps",
                        fixed_unit=fixed, rpe="rpe", set_type="set_type")  # fmt: skip
    return None


def _weight_column(
    names: set[str], plain: str, by_unit: tuple[str, str]
) -> tuple[str, Unit | None]:
    for name, unit in zip(by_unit, (Unit.KG, Unit.LB), strict=True):
        if name in names:
            return name, unit
    return plain, None


def parse_history(data: bytes, unit: Unit) -> ParsedHistory:
    """Every readable set of a history file (weights without a unit are in `unit`); raises
    HistoryFileError when the file is not one this module reads."""
    if len(data) > MAX_BYTES:
        raise HistoryFileError(FileProblem.TOO_BIG)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise HistoryFileError(FileProblem.NOT_TEXT) from error
    if text.lstrip().startswith("{"):
        raise HistoryFileError(FileProblem.JSON_EXPORT)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in next(rows, [])]
    columns = _format_of(header)
    if columns is None:
        raise HistoryFileError(FileProblem.UNKNOWN_COLUMNS)
    parsed = ParsedHistory()
    for number, row in enumerate(rows):
        if number >= MAX_ROWS:
            raise HistoryFileError(FileProblem.TOO_BIG)
        if any(cell.strip() for cell in row):
            _read_row(dict(zip(header, row, strict=False)), columns, unit, parsed, delimiter)
    return parsed


def _read_row(row: dict, columns: _Columns, unit: Unit, parsed: ParsedHistory, sep: str) -> None:
    cell = lambda name: _unquoted(row.get(name) or "") if name else ""  # noqa: E731
    order = cell(columns.set_order).lower()
    kind = cell(columns.set_type).lower()
    resting = "rest timer" in (order, cell(columns.exercise).lower())  # either column, by version
    if order in ("w", "d") or resting or kind in ("warmup", "dropset"):
        parsed.skipped[Skip.WARM_UP] += 1
        return
    name = cell(columns.exercise)
    exercise = _lift_by_key(cell(columns.lift)) or logger_exercise(name)
    if exercise is None:
        parsed.unknown[name or "?"] += 1
        return
    try:
        read = _set_of(cell, columns, exercise, unit, sep)
    except ValueError:
        parsed.skipped[Skip.UNREADABLE] += 1
        return
    parsed.sets.append(read)


def _set_of(cell, columns: _Columns, exercise: Exercise, unit: Unit, sep: str) -> HistorySet:
    """One row as a set; raises ValueError for anything unreadable or implausible."""
    day = _day(cell(columns.day))
    weight = _number(cell(columns.weight), sep)
    reps = _number(cell(columns.reps), sep)
    set_unit = columns.fixed_unit or _unit(cell(columns.unit), unit)
    # The limits /log applies (coaching.parsing): what it refuses is not imported either.
    if not (0 < weight <= MAX_WEIGHT[set_unit] and reps == int(reps) and 1 <= reps <= MAX_REPS):
        raise ValueError("implausible")
    rir = _rir(cell(columns.rir), cell(columns.rpe), sep)
    session = cell(columns.session).upper()
    return HistorySet(day, exercise.key, weight, set_unit, int(reps), rir,
                      session if session in ("A", "B") else "")  # fmt: skip


def _unquoted(value: str) -> str:
    """A cell as written, without the ' a spreadsheet-safe export put before = + - @."""
    value = value.strip()
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def _lift_by_key(key: str) -> Exercise | None:
    exercise = find_exercise(key) if key else None
    return exercise if exercise is not None and exercise.key == key else None


_IMPLEMENTS = {"barbell": Implement.BARBELL, "dumbbell": Implement.DUMBBELL,
               "kettlebell": Implement.DUMBBELL, "trap bar": Implement.TRAP_BAR,
               "hex bar": Implement.TRAP_BAR}  # fmt: skip
_PREFIX = {Implement.BARBELL: "", Implement.DUMBBELL: "dumbbell ", Implement.TRAP_BAR: "trap bar "}
_NAMED = re.compile(r"(?P<name>[^()]+?)\s*(?:\((?P<kit>[^()]*)\))?")


def logger_exercise(name: str) -> Exercise | None:
    """A logger's exercise name ("Squat (Barbell)", "Goblet Squat (Kettlebell)") as a
    catalogue lift with the same implement; None for anything else (machines, isolation)."""
    match = _NAMED.fullmatch(name.strip())
    if match is None:
        return None
    base, kit = match["name"].lower(), (match["kit"] or "").strip().lower()
    implement = _IMPLEMENTS.get(kit)
    if kit and implement is None:
        return None  # a machine, cable, band or bodyweight version: not the programme's lift
    candidates = [_PREFIX[implement] + base, base] if implement else [base]
    for candidate in candidates:
        exercise = find_exercise(candidate)
        if exercise is not None and implement in (None, exercise.implement):
            return exercise
    return None


def _day(text: str) -> date:
    """`2026-11-20`, `2026-11-20 07:30:12` (Strong) or `26 Jul 2025, 07:06` (Hevy)."""
    head = text.strip()
    if re.match(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", head):
        return date.fromisoformat(head[:10])
    return datetime.strptime(head.split(",")[0].strip(), "%d %b %Y").date()


def _number(text: str, sep: str) -> float:
    text = text.strip()
    if sep == ";" or "." not in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"[0-9]{1,6}(\.[0-9]{1,3})?", text):
        raise ValueError(text)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def _unit(text: str, default: Unit) -> Unit:
    text = text.strip().lower()
    if text in ("kg", "kgs"):
        return Unit.KG
    if text in ("lb", "lbs"):
        return Unit.LB
    if text:
        raise ValueError(text)
    return default


def _rir(rir: str, rpe: str, sep: str) -> int | None:
    """Reps in reserve as written, or from RPE (10 − RPE, a half point rounded down)."""
    if rir.strip():
        value = _number(rir, sep)
        return int(value) if value == int(value) and value <= MAX_RIR else None
    if rpe.strip():
        value = _number(rpe, sep)
        return int(10 - value) if 1 <= value <= 10 else None
    return None
