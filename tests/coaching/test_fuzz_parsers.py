"""Every parser of typed text, fuzzed: whatever a person (or a script) sends, each parser
either returns something in range or raises InputError (what the handlers turn into "please
send ..."); never another exception, never an infinite or out-of-range number."""

import contextlib
import math
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coaching import InputError, Unit
from coaching.dates import MAX_RACE_DAYS_AHEAD, parse_race, parse_race_date
from coaching.parsing import (
    MAX_REPS,
    MAX_SETS,
    MAX_WEIGHT,
    parse_kit,
    parse_log_date,
    parse_logged_sets,
    parse_recent_set,
    parse_rir,
    parse_run_days,
    parse_time,
    parse_weekday,
    parse_weight,
)
from coaching.timezones import resolve_timezone
from tests.handlers.hostile import CORPUS

TODAY = date(2026, 11, 24)
# Random text, text made of the grammar's own words and odd digits, and the hostile corpus.

GRAMMAR = st.sampled_from(["x", "X", "×", "@", "rir", "rpe", "kg", "lb", ",", ".", ":", "-", " ",
                           "e", "nan", "inf", "_", "٣", "٠", "۷", "１", "\u200b", "\u202e", "/",
                           "jan", "feb", "29", "31", "2026", "10k", "marathon", "bar", "plates",
                           "dumbbells", "step", "mon", "tue=", "easy", "long", "5+"])  # fmt: skip
TEXT = st.one_of(
    st.text(max_size=80),
    st.lists(st.one_of(GRAMMAR, st.integers(-9999, 99999).map(str)), max_size=14).map("".join),
    st.sampled_from(CORPUS),
)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _finite_in_range(value: float, unit: Unit) -> None:
    assert math.isfinite(value) and 0 < value <= MAX_WEIGHT[unit]


@FUZZ
@given(TEXT, st.sampled_from(list(Unit)), st.sampled_from([None, 60.0]))
@example("1e309x8", Unit.KG, None)
@example("nan x 8", Unit.KG, None)
@example("٦٠x٨", Unit.KG, None)
def test_logged_sets(text, unit, prescribed):
    try:
        sets, rir = parse_logged_sets(text, unit, prescribed, 20.0)
    except InputError:
        return
    assert 1 <= len(sets) <= MAX_SETS
    for entry in sets:
        _finite_in_range(entry.weight, entry.unit)
        assert 1 <= entry.reps <= MAX_REPS
    assert rir is None or 0 <= rir <= 10


@FUZZ
@given(TEXT, st.sampled_from(list(Unit)))
def test_recent_set_weight_and_kit(text, unit):
    for parse in (lambda t: parse_recent_set(t, unit), lambda t: parse_weight(t, unit)):
        with contextlib.suppress(InputError):
            parse(text)
    try:
        change = parse_kit(text, unit)
    except InputError:
        return
    assert all(math.isfinite(v) and v > 0 for v in change.values)


@FUZZ
@given(TEXT)
@example("٠٧:٣٠")
@example("24:00")
def test_times_days_and_effort(text):
    for parse in (parse_time, parse_weekday, parse_rir, parse_run_days):
        try:
            value = parse(text)
        except InputError:
            continue
        if parse is parse_rir:
            assert 0 <= value <= 10
        if parse is parse_weekday:
            assert 0 <= value <= 6


@FUZZ
@given(TEXT)
@example("2026-02-30 marathon")
@example("31/04 10k")
@example("9999-12-31 5k")
def test_dates(text):
    for parse in (lambda t: parse_race(t, TODAY)[0], lambda t: parse_race_date(t, TODAY),
                  lambda t: parse_log_date(t, TODAY)):  # fmt: skip
        try:
            day = parse(text)
        except InputError:
            continue
        if day is not None:
            assert abs((day - TODAY).days) <= MAX_RACE_DAYS_AHEAD + 366


@FUZZ
@given(TEXT)
@example("../../etc/passwd")
@example("Europe/Berlin\u200b")
def test_time_zones(text):
    zone, suggestions = resolve_timezone(text)
    assert zone is None or "/" in zone or zone == "UTC"
    assert len(suggestions) <= 3
