"""Reading sets and times as runners type them, and refusing what is not one."""

from datetime import time

import pytest

from coaching import InputError, Unit, parse_set, parse_time
from coaching.parsing import KitChange, parse_kit


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


# --- /kit --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bar 15", KitChange("bar", (15.0,))),
        ("Plates 20 10 5 2.5 1.25 0.5", KitChange("plates", (0.5, 1.25, 2.5, 5, 10, 20))),
        ("plates 20, 10, 5", KitChange("plates", (5, 10, 20))),
        ("dumbbells 4 6 8 10 12,5 15", KitChange("dumbbells", (4, 6, 8, 10, 12.5, 15))),
        ("dumbbells 2-8 step 2", KitChange("dumbbells", (2, 4, 6, 8))),
        ("db 2 - 8 / 3", KitChange("dumbbells", (2, 5, 8))),
        ("dumbbells 2-6 10 12", KitChange("dumbbells", (2, 4, 6, 10, 12))),
        ("reset", KitChange("reset")),
    ],
)
def test_kit_lines(text, expected):
    assert parse_kit(text, Unit.KG) == expected


def test_a_dumbbell_range_without_a_step_uses_the_units_usual_step():
    assert parse_kit("dumbbells 5-20", Unit.LB).values == (5, 10, 15, 20)


@pytest.mark.parametrize(
    "text, part",
    [
        ("", "kit"), ("kettlebells 8", "kit"), ("reset all", "kit"), ("bar", "bar"),
        ("bar 15 20", "bar"), ("bar 0", "bar"), ("bar 51", "bar"), ("bar nan", "bar"),
        ("bar ٣٠", "bar"), ("plates 20 ten", "plates"), ("plates 1.255", "plates"),
        ("plates 20,10,5", "plates"), ("plates " + " ".join(map(str, range(1, 14))), "plates"),
        ("dumbbells 24-2", "dumbbells"), ("dumbbells 2-24 step 0", "dumbbells"),
        ("dumbbells 1-100 step 0.5", "dumbbells"), ("dumbbells 1e309", "dumbbells"),
    ],
)  # fmt: skip
def test_bad_kit_lines_name_the_part_that_could_not_be_read(text, part):
    with pytest.raises(InputError) as error:
        parse_kit(text, Unit.KG)
    assert str(error.value) == part
