"""Reading what runners type (sets, effort, times, days, their kit), and refusing what is not
one: each table says what is accepted and what is stored, or why it is refused."""

from datetime import date, time

import pytest

from coaching import InputError, Unit
from coaching.parsing import (
    KitChange,
    parse_kit,
    parse_log_date,
    parse_logged_sets,
    parse_recent_set,
    parse_rir,
    parse_run_days,
    parse_time,
)

# Back squat for a kilogram runner: a 20 kg bar (the lightest load), 67.5 kg prescribed today.
KG, LB = Unit.KG, Unit.LB
BAR, TODAY = 20.0, 67.5


def _sets(text: str, unit: Unit = KG, prescribed: float | None = TODAY, lightest=BAR):
    sets, rir = parse_logged_sets(text, unit, prescribed, lightest)
    return [(s.weight, s.reps, s.unit) for s in sets], rir


@pytest.mark.parametrize(
    ("text", "sets", "rir"),
    [
        # weight x reps, in any spacing, case, sign and unit
        ("60x8", [(60, 8, KG)], None),
        ("60 x 8", [(60, 8, KG)], None),
        ("60X8", [(60, 8, KG)], None),
        ("62.5×8", [(62.5, 8, KG)], None),
        ("60*8", [(60, 8, KG)], None),
        ("60,5x8", [(60.5, 8, KG)], None),
        ("60kg x 8", [(60, 8, KG)], None),
        ("60 kg x 8", [(60, 8, KG)], None),
        ("135 lb x 8", [(135, 8, LB)], None),
        ("135lbsx5", [(135, 5, LB)], None),
        # several sets
        ("60x8 60x8", [(60, 8, KG)] * 2, None),
        ("60x8, 60x8", [(60, 8, KG)] * 2, None),
        ("60x8,60x8", [(60, 8, KG)] * 2, None),
        ("60x8; 62.5x6", [(60, 8, KG), (62.5, 6, KG)], None),
        ("60x8,8,7", [(60, 8, KG), (60, 8, KG), (60, 7, KG)], None),
        ("60x8 8", [(60, 8, KG)] * 2, None),  # reps alone: the weight just typed
        ("60kg 8 8", [(60, 8, KG)] * 2, None),
        ("8 8", [(TODAY, 8, KG)] * 2, None),  # reps alone: the prescribed weight
        # sets x reps: a whole number up to 10 that cannot be a load (under the bar)
        ("2x8", [(TODAY, 8, KG)] * 2, None),
        ("10x3", [(TODAY, 3, KG)] * 10, None),
        ("60kg 2x8", [(60, 8, KG)] * 2, None),
        ("2x8@60", [(60, 8, KG)] * 2, None),
        ("2x8 @ 60", [(60, 8, KG)] * 2, None),
        ("2x8@60kg", [(60, 8, KG)] * 2, None),
        ("2x8 @ 135 lb", [(135, 8, LB)] * 2, None),
        ("8@60", [(60, 8, KG)], None),  # reps at weight
        ("8@60 6@65", [(60, 8, KG), (65, 6, KG)], None),
        # effort, last: reps in reserve or RPE (RIR = 10 - RPE, half points down)
        ("60x8 rir2", [(60, 8, KG)], 2),
        ("60x8 rir 2", [(60, 8, KG)], 2),
        ("60x8 RIR 5+", [(60, 8, KG)], 5),
        ("60x8 2 rir", [(60, 8, KG)], 2),
        ("60x8 @8", [(60, 8, KG)], 2),
        ("60x8@8", [(60, 8, KG)], 2),
        ("60x8 @ 9", [(60, 8, KG)], 1),
        ("60x8 rpe8", [(60, 8, KG)], 2),
        ("60x8 rpe 8", [(60, 8, KG)], 2),
        ("60x8 @rpe8", [(60, 8, KG)], 2),
        ("60x8 @ RPE 8", [(60, 8, KG)], 2),
        ("60x8 @8 RPE", [(60, 8, KG)], 2),
        ("60x8 8rpe", [(60, 8, KG)], 2),
        ("60x8 @10", [(60, 8, KG)], 0),
        ("60x8 @8.5", [(60, 8, KG)], 1),
        ("60x8 @9,5", [(60, 8, KG)], 0),
        ("60x8 @6", [(60, 8, KG)], 4),
        ("60x8 rpe 5", [(60, 8, KG)], 5),  # "rpe" said: any RPE from 1
        ("3x5@8", [(TODAY, 5, KG)] * 3, 2),  # 8 kg is no squat load: RPE 8
        ("8@8", [(TODAY, 8, KG)], 2),
        ("8 8 @8", [(TODAY, 8, KG)] * 2, 2),
        ("2x8@60 rpe7", [(60, 8, KG)] * 2, 3),
    ],
)
def test_logged_sets_are_read(text, sets, rir):
    assert _sets(text) == (sets, rir)


def test_a_rack_dumbbell_is_a_weight_not_a_set_count():
    assert _sets("2x8", lightest=2.0) == ([(2, 8, KG)], None)
    assert _sets("1x8", lightest=2.0) == ([(TODAY, 8, KG)], None)
    assert _sets("3x8@20", lightest=2.0) == ([(20, 8, KG)] * 3, None)


def test_without_the_lift_known_every_number_before_x_is_a_weight():
    assert _sets("2x8", lightest=None) == ([(2, 8, KG)], None)


def test_pounds_runners_read_the_same_way():
    assert _sets("135x8 rpe 8", LB, 185, 45) == ([(135, 8, LB)], 2)
    assert _sets("2x8", LB, 185, 45) == ([(185, 8, LB)] * 2, None)
    assert _sets("60 kg x 8", LB, 185, 45) == ([(60, 8, KG)], None)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "sets"), ("x8", "set"), ("60x", "set"), ("0x8", "weight range"),
        ("60x0", "reps range"), ("-60x8", "set"), ("60x31", "reps range"),
        ("1000x8", "weight range"), ("501kg x 8", "weight range"), ("nan x 8", "set"),
        ("inf", "set"), ("1e309x8", "set"), ("٦٠x٨", "set"), ("60x8x8", "set"),
        ("6\u200b0x8", "set"), ("squat", "set"), ("60x8 rir11", "effort"),
        ("60x8 rir -1", "set"), ("60x8 rpe 11", "effort"), ("60x8 rpe 0", "effort"),
        ("60x8 rir2.5", "effort"), ("60x8 @8.3", "effort"), ("60x8 rir2 60x8", "effort last"),
        ("60x8 rir2 rpe8", "effort last"), ("12x8@60", "effort"),
        ("60x8 @2", "effort"), ("60x8 @11", "effort"), ("10x8 @2", "effort"),
        ("60x8 " * 11, "sets range"), ("2x8 2x8 2x8 2x8 2x8 2x8", "sets range"),
        ("60kg", "sets"), ("rir2", "sets"), ("60x8,", "set"),
    ],
)  # fmt: skip
def test_bad_logged_sets_are_refused(text, kind):
    with pytest.raises(InputError) as error:
        _sets(text)
    assert str(error.value) == kind


@pytest.mark.parametrize("text", ["8 8", "2x8", "3x5@8"])
def test_reps_without_any_weight_ask_for_it(text):
    with pytest.raises(InputError) as error:
        _sets(text, prescribed=None)
    assert str(error.value) == "no weight"


def test_an_at_that_could_be_rpe_or_a_dumbbell_is_refused():
    with pytest.raises(InputError) as error:
        _sets("2x8@8", lightest=2.0)  # 2 sets at 8 kg, or 2 kg at RPE 8?
    assert str(error.value) == "effort"
    assert _sets("2x8@8kg", lightest=2.0) == ([(8, 8, KG)] * 2, None)
    assert _sets("2x8 rpe 8", lightest=2.0) == ([(2, 8, KG)], 2)


# --- the set-up form: one recent set with its weight, and the effort (0 in reserve if unsaid)


@pytest.mark.parametrize(
    ("text", "weight", "reps", "unit", "rir"),
    [("60x8", 60, 8, KG, 0), ("60 x 8 rir2", 60, 8, KG, 2), ("60kg x 8 rir 2", 60, 8, KG, 2),
     ("135lbx5", 135, 5, LB, 0), ("60,5x8", 60.5, 8, KG, 0), ("60x8 @8", 60, 8, KG, 2),
     ("60x8 rpe 9", 60, 8, KG, 1), ("60x8@10", 60, 8, KG, 0), ("8@60", 60, 8, KG, 0),
     ("15x8", 15, 8, KG, 0), ("60x8 rir 5+", 60, 8, KG, 5)],
)  # fmt: skip
def test_recent_sets_are_read(text, weight, reps, unit, rir):
    entry, reserve = parse_recent_set(text, KG, BAR)
    assert (entry.weight, entry.reps, entry.unit, reserve) == (weight, reps, unit, rir)


@pytest.mark.parametrize(
    ("text", "kind"),
    [("10x8 @2", "effort"), ("60x8 @2", "effort"), ("3x8", "no weight"), ("8", "no weight"),
     ("60x8 60x8", "one set"), ("60x8,8", "one set"), ("2x8@60", "one set"), ("x8", "set"),
     ("0x8", "weight range"), ("60x100", "reps range"), ("60x8 rir11", "effort"), ("", "sets")],
)  # fmt: skip
def test_bad_recent_sets_are_refused(text, kind):
    with pytest.raises(InputError) as error:
        parse_recent_set(text, KG, BAR)
    assert str(error.value) == kind


@pytest.mark.parametrize("text", ["10x8 @2", "3x5@8", "60x8 @8", "8 8 @8", "2x8@60"])
def test_set_up_and_log_read_the_same_text_the_same_way(text):
    """Whatever set-up accepts, /log stores the same; what /log refuses, set-up refuses."""
    try:
        logged = parse_logged_sets(text, KG, None, BAR)
    except InputError as error:
        logged = str(error)
    try:
        entry, rir = parse_recent_set(text, KG, BAR)
        recent = ([entry], rir)
    except InputError as error:
        recent = str(error)
    if isinstance(recent, tuple):
        assert logged == recent
    else:
        assert isinstance(logged, str) or recent == "one set"


# --- reps in reserve typed at the RIR step -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "rir"),
    [("0", 0), ("2", 2), ("10", 10), ("5+", 5), ("rir2", 2), ("RIR 3", 3), ("rir 5+", 5),
     ("rpe 8", 2), ("@8", 2), ("@9.5", 0), (" 4 ", 4)],
)  # fmt: skip
def test_rir_answers_are_read(text, rir):
    assert parse_rir(text) == rir


@pytest.mark.parametrize("text", ["11", "-1", "", "two", "2.5", "@2", "rpe 11", "٢", "2 2"])
def test_bad_rir_answers_are_refused(text):
    with pytest.raises(InputError):
        parse_rir(text)


# --- times, days, the running week ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("07:30", time(7, 30)), ("7:05", time(7, 5)), ("19.05", time(19, 5)), ("6h45", time(6, 45)),
     (" 23:59 ", time(23, 59)), ("0:00", time(0, 0))],
)  # fmt: skip
def test_times_are_read(text, value):
    assert parse_time(text) == value


@pytest.mark.parametrize("text", ["25:99", "24:00", "7", "07:5", "noon", "٠٧:٣٠", "7:60", ""])
def test_bad_times_are_refused(text):
    with pytest.raises(InputError):
        parse_time(text)


@pytest.mark.parametrize(
    ("text", "week"),
    [("tue=quality thu=easy sat=long", {1: "quality", 3: "easy", 5: "long"}),
     ("Tuesday=Quality, sat=long", {1: "quality", 5: "long"}),
     ("mon=rest sun=race", {0: "rest", 6: "race"}), ("mon=rest", {0: "rest"})],
)  # fmt: skip
def test_run_weeks_are_read(text, week):
    assert parse_run_days(text) == week  # rest days too: typed days replace tapped ones


@pytest.mark.parametrize(
    "text", ["", "tue", "tue=tempo", "tues=easy", "tue=easy tue=long", "tue = easy", "=long"]
)
def test_bad_run_weeks_are_refused(text):
    with pytest.raises(InputError):
        parse_run_days(text)


TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "day"),
    [("today", TUESDAY), ("Yesterday", date(2026, 11, 23)), ("2026-11-20", date(2026, 11, 20)),
     ("2026-09-25", date(2026, 9, 25)), ("squat", None), ("60x8", None)],
)  # fmt: skip
def test_log_dates_are_read(text, day):
    assert parse_log_date(text, TUESDAY) == day


@pytest.mark.parametrize("text", ["2026-11-25", "2026-09-24", "2026-02-30", "2026-13-01"])
def test_bad_log_dates_are_refused(text):
    with pytest.raises(InputError):
        parse_log_date(text, TUESDAY)


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
