"""Reading what runners type: sets such as `60x8 rir2`, a time such as `07:30`, their kit.

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


# --- sets: one grammar for set-up's recent set and /log ---------------------------------------
#
# Words, after `_words` glues `60 kg x 8`, `2x8 @ 60` and `rpe 8` together:
#   60x8  60kgx8,8  135lbx5   weight x reps (one set per reps count)
#   3x8                       sets x reps, when 3 is a whole number up to MAX_SETS that cannot be
#                             a load for the lift (under the empty bar or the lightest dumbbell):
#                             at the weight in force (typed before, else prescribed)
#   2x8@60  8@60  2x8@60kg    sets x reps (or reps) at a weight
#   60kg                      a weight for the reps that follow
#   8                         reps at the weight in force
#   rir2  rir5+  2rir         effort, last: reps in reserve (0-10)
#   rpe8  @8rpe  8rpe         effort, last: RPE said in words (1-10, half points)
#   @8                        `@` and a number: RPE when it is 6-10 (the RPE scale lifters use),
#                             a weight otherwise (only after reps, and only a load the lift can
#                             take); when it could be both (2x8@8 on dumbbells from 2 kg) it is
#                             refused, never guessed.
# RPE to RIR: 10 - RPE, a half point rounded down (@8.5, "1, maybe 2 left", is 1): fewer in
# reserve never adds weight too soon (Zourdos et al. 2016; Helms et al. 2016).

MAX_SETS = 10
RPE_AFTER_AT = (6.0, 10.0)  # a bare `@N` is RPE only in this range
_N = r"[0-9]{1,4}(?:[.,][0-9]{1,3})?"
_R = r"[0-9]{1,3}"
_U = r"kgs?|lbs?"
_SET_WORD = re.compile(
    rf"(?P<first>{_N})(?P<unit>{_U})?x(?P<reps>{_R}(?:,{_R})*)"
    rf"(?:@(?P<at>{_N})(?P<at_unit>{_U})?(?P<said>rpe)?)?"
)
_REPS_AT = re.compile(rf"(?P<reps>{_R})@(?P<at>{_N})(?P<at_unit>{_U})?(?P<said>rpe)?")
_WEIGHT_WORD = re.compile(rf"(?P<weight>{_N})(?P<unit>{_U})")
_RIR_WORD = re.compile(rf"rir(?P<a>{_N})\+?|(?P<b>{_N})\+?rir")
_RPE_WORD = re.compile(rf"(?:rpe@?|@)(?P<a>{_N})rpe|rpe@?(?P<b>{_N})|(?P<c>{_N})rpe")
_LONE_AT = re.compile(rf"@(?P<at>{_N})")


@dataclass(frozen=True)
class _Word:
    """What one word says: sets (reps each; weight None: the weight in force), a weight
    for what follows, or the effort."""

    reps: tuple[int, ...] = ()
    weight: tuple[float, Unit] | None = None
    rir: int | None = None


def _words(text: str) -> list[str]:
    """Lower case, one word per set or effort: `60 kg x 8` -> `60kgx8`, `2x8 @ 60` -> `2x8@60`,
    `rpe 8` / `@8 RPE` -> `rpe8` / `@8rpe`, `60x8, 60x8` and `60x8,60x8` -> two words (while
    `60x8,8` and `60,5x8` stay one)."""
    text = text.strip().lower().replace("×", "x").replace("*", "x")
    text = re.sub(r";|,(?=\s)", " ", text)
    text = re.sub(rf"(?<=[0-9])\s+(?=(?:{_U})\b)", "", text)
    text = re.sub(r"(?<=[0-9gbs])\s*x\s*(?=[0-9])", "x", text)
    text = re.sub(r"@\s*(?=rpe)", " ", text)  # `@rpe8`, `@ RPE 8`: the effort in words
    text = re.sub(r"\s*@\s*", "@", text)
    text = re.sub(r"\b(rir|rpe)\s+(?=[0-9@])", r"\1", text)
    text = re.sub(r"(?<=[0-9+])\s+(?=(?:rir|rpe)\b)", "", text)
    text = re.sub(rf"([x@][0-9.,]*?[0-9]),(?=[0-9.]+(?:{_U})?[x@])", r"\1 ", text)
    return text.split()


def _reps(text: str) -> int:
    reps = int(text)
    if not 1 <= reps <= MAX_REPS:
        raise InputError("reps range")
    return reps


def _weight(number: str, unit_text: str | None, unit: Unit) -> tuple[float, Unit]:
    if unit_text:
        unit = Unit.KG if unit_text.startswith("kg") else Unit.LB
    return parse_weight(number, unit), unit


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _rir(text: str) -> int:
    """`rir N`: a whole number of reps, 0-10."""
    if not re.fullmatch(r"[0-9]{1,2}", text) or int(text) > MAX_RIR:
        raise InputError("effort")
    return int(text)


def _rpe(text: str, lowest: float = 1.0) -> int:
    """RPE in half points from `lowest` to 10, as reps in reserve (a half point rounds down)."""
    rpe = _number(text)
    if not lowest <= rpe <= 10 or rpe * 2 != int(rpe * 2):
        raise InputError("effort")
    return int(10 - rpe)


def _is_rpe(text: str) -> bool:
    low, high = RPE_AFTER_AT
    return low <= _number(text) <= high


def _count(text: str) -> int | None:
    """`text` as a number of sets (a whole number up to MAX_SETS), else None."""
    return int(text) if text.isdigit() and 1 <= int(text) <= MAX_SETS else None


def _could_load(value: float, lightest: float | None) -> bool:
    """Whether this many (runner's units) can be a load for the lift (None: any can)."""
    return lightest is None or value >= lightest - 1e-9


def _effort_word(word: str) -> int | None:
    """The reps in reserve an effort word gives (`rir2`, `rpe8`, `@8`), None if not one."""
    if match := _RIR_WORD.fullmatch(word):
        return _rir(match["a"] or match["b"])
    if match := _RPE_WORD.fullmatch(word):
        return _rpe(match["a"] or match["b"] or match["c"])
    if match := _LONE_AT.fullmatch(word):
        return _rpe(match["at"], lowest=RPE_AFTER_AT[0])
    return None


def _read_word(word: str, unit: Unit, lightest: float | None) -> _Word:
    rir = _effort_word(word)
    if rir is not None:
        return _Word(rir=rir)
    if match := _WEIGHT_WORD.fullmatch(word):
        return _Word(weight=_weight(match["weight"], match["unit"], unit))
    if re.fullmatch(_R, word):
        return _Word(reps=(_reps(word),))
    if match := _REPS_AT.fullmatch(word):
        plain = _Word(reps=(_reps(match["reps"]),))
        return _at(plain, 1, match, unit, lightest)
    if match := _SET_WORD.fullmatch(word):
        reps = tuple(_reps(r) for r in match["reps"].split(","))
        count = None if match["unit"] else _count(match["first"])
        if count is not None and not _could_load(count, lightest):
            if len(reps) > 1:
                raise InputError("set")  # `2x8,8` under the bar: neither sets nor a load
            plain = _Word(reps=reps * count)
        else:
            plain = _Word(reps=reps, weight=_weight(match["first"], match["unit"], unit))
        if match["at"] is None:
            return plain
        if len(reps) > 1:
            raise InputError("set")
        return _at(plain, count, match, unit, lightest)
    raise InputError("set")


def _at(
    plain: _Word, count: int | None, match: re.Match, unit: Unit, lightest: float | None
) -> _Word:
    """A set word with `@N`: `count` sets at the weight N, or the plain set at RPE N.

    `plain` is the word read without its `@N`; `count` the number of sets it would be (None
    when its first number is a weight, as in `60x8@8`).
    """
    at, reps = match["at"], plain.reps[:1]
    if match["said"]:
        return _Word(plain.reps, plain.weight, _rpe(at))
    if match["at_unit"]:
        if count is None:
            raise InputError("set")
        return _Word(reps * count, _weight(at, match["at_unit"], unit))
    as_load = count is not None and _could_load(_number(at), lightest)
    if _is_rpe(at):
        if as_load:
            raise InputError("effort")  # 2x8@8 with an 8 kg dumbbell: sets at 8, or RPE 8?
        return _Word(plain.reps, plain.weight, _rpe(at))
    if not as_load:
        raise InputError("effort")  # 60x8@2, 10x8@2 on a barbell: not a load, not an RPE
    return _Word(reps * count, _weight(at, None, unit))


def parse_logged_sets(
    text: str, unit: Unit, prescribed: float | None = None, lightest: float | None = None
) -> tuple[list[SetEntry], int | None]:
    """Sets as runners type them (see the grammar above), and the last set's RIR if given.

    `prescribed`: today's weight for reps typed alone; `lightest`: the lift's lightest load
    (both in the runner's units), so that `2x8` under the empty bar reads as 2 sets of 8.
    Raises InputError naming what could not be read ("no weight": reps, but no weight).
    """
    sets: list[SetEntry] = []
    rir: int | None = None
    in_force = None if prescribed is None else (prescribed, unit)
    for word in _words(text):
        if rir is not None:
            raise InputError("effort last")
        read = _read_word(word, unit, lightest)
        in_force = read.weight or in_force
        if read.reps and in_force is None:
            raise InputError("no weight")
        sets += [SetEntry(in_force[0], reps, in_force[1]) for reps in read.reps]
        rir = read.rir
    if not sets:
        raise InputError("sets")
    if len(sets) > MAX_SETS:
        raise InputError("sets range")
    return sets, rir


def parse_recent_set(text: str, unit: Unit, lightest: float | None = None) -> tuple[SetEntry, int]:
    """Set-up's recent set, read by the same grammar: one set with its weight (`60x8 rir2`,
    `60 kg x 8 @8`, `8@60`) and the reps left in reserve (0 if not said)."""
    sets, rir = parse_logged_sets(text, unit, None, lightest)
    if len(sets) != 1:
        raise InputError("one set")
    return sets[0], rir or 0


def parse_rir(text: str) -> int:
    """Reps in reserve answered alone: `2`, `5+` (the button), or an effort word (`rir 2`,
    `rpe 8`, `@8`) read as in a set line."""
    words = _words(text)
    if len(words) == 1 and re.fullmatch(r"[0-9]{1,2}\+?", words[0]):
        return _rir(words[0].rstrip("+"))
    try:
        rir = _effort_word(words[0]) if len(words) == 1 else None
    except InputError:
        rir = None
    if rir is None:
        raise InputError("rir")
    return rir


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
