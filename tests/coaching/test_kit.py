"""Loadable weights: bar + pairs of plates, dumbbells the runner owns."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coaching import EXERCISES, Kit, Unit, convert, from_kg, to_kg

SQUAT = EXERCISES["back_squat"]
GOBLET = EXERCISES["goblet_squat"]
KG, LB = Kit.default(Unit.KG), Kit.default(Unit.LB)


def _is_loadable(kit: Kit, weight: float) -> bool:
    return any(abs(weight - w) < 1e-9 for w in kit.loadable(SQUAT))


@pytest.mark.parametrize(
    ("kit", "weight", "plates"),
    [
        (KG, 62.5, (20, 1.25)),
        (KG, 72.5, (25, 1.25)),
        (KG, 72.5 + 2 * 5, (25, 5, 1.25)),
        (KG, 20, ()),
        (LB, 135, (45,)),
        (LB, 185, (45, 25)),
    ],
)
def test_plate_breakdown_per_side(kit, weight, plates):
    assert kit.plates_per_side(SQUAT, weight) == plates


def test_unusual_plate_sets_are_loaded_exactly():
    kit = Kit(plates=(15.0, 10.0))
    assert kit.loadable(SQUAT)[:4] == (20.0, 40.0, 50.0, 60.0)
    assert kit.round(SQUAT, 44) == 40.0
    assert kit.plates_per_side(SQUAT, 70) == (15, 10)


def test_dumbbells_round_to_the_set_and_step_to_the_next():
    assert KG.round(GOBLET, 15) == 14
    assert KG.step_up(GOBLET, 16) == 18
    assert KG.step_up(GOBLET, 16, 2) == 20


def test_barbell_increment_is_two_and_a_half_kg_or_five_lb():
    assert KG.step_up(SQUAT, 60) == 62.5
    assert LB.step_up(SQUAT, 135) == 140


@given(st.floats(min_value=20, max_value=300), st.sampled_from([KG, LB]))
def test_rounding_is_loadable_and_within_one_increment(weight, kit):
    weight = max(weight, kit.bar)
    rounded = kit.round(SQUAT, weight)
    assert _is_loadable(kit, rounded)
    assert abs(rounded - weight) <= kit.increment(SQUAT, weight)


@given(st.floats(min_value=2, max_value=50))
def test_dumbbell_rounding_is_owned_and_within_one_step(weight):
    rounded = KG.round(GOBLET, weight)
    assert rounded in KG.dumbbells
    assert abs(rounded - weight) <= KG.increment(GOBLET, weight)


@given(st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_kg_lb_round_trip(weight):
    assert to_kg(from_kg(weight, Unit.LB), Unit.LB) == pytest.approx(weight, rel=1e-12, abs=1e-9)
    assert convert(convert(weight, Unit.KG, Unit.LB), Unit.LB, Unit.KG) == pytest.approx(
        weight, rel=1e-12, abs=1e-9
    )


def test_one_hundred_kg_is_about_220_lb():
    assert from_kg(100, Unit.LB) == pytest.approx(220.46, abs=0.01)


def test_a_stored_kg_weight_comes_back_loadable_in_the_kits_units():
    assert KG.from_kg(SQUAT, 61.3) == 62.5
    assert LB.from_kg(SQUAT, 61.235) == 135  # 135 lb stored as kg, read back in lb
