"""Reading sets and times as runners type them, and refusing what is not one."""

from datetime import time

import pytest

from coaching import InputError, Unit, parse_set, parse_time


@pytest.mark.parametrize(
    ("text", "weight", "reps", "unit"),
    [("60x8", 60, 8, Unit.KG), ("60 x 8", 60, 8, Unit.KG), ("60kg x 8", 60, 8, Unit.KG),
     ("135lbx5", 135, 5, Unit.LB), ("60,5x8", 60.5, 8, Unit.KG), ("62.5×8", 62.5, 8, Unit.KG),
     ("60X8", 60, 8, Unit.KG)],
)  # fmt: skip
def test_sets_are_read(text, weight, reps, unit):
    entry = parse_set(text, Unit.KG)
    assert (entry.weight, entry.reps, entry.unit) == (weight, reps, unit)


@pytest.mark.parametrize(
    "text",
    ["x8", "60x", "0x8", "60x0", "-60x8", "-5x8", "60x100", "1000x8", "nan x 8", "inf",
     "1e309x8", "abc", "٦٠x٨", "60x8x8", "", "6\u200b0x8"],
)  # fmt: skip
def test_bad_sets_are_refused(text):
    with pytest.raises(InputError):
        parse_set(text, Unit.KG)


@pytest.mark.parametrize(("text", "value"), [("07:30", time(7, 30)), ("7:05", time(7, 5))])
def test_times_are_read(text, value):
    assert parse_time(text) == value


@pytest.mark.parametrize("text", ["25:99", "24:00", "7", "07:5", "noon", "٠٧:٣٠"])
def test_bad_times_are_refused(text):
    with pytest.raises(InputError):
        parse_time(text)
