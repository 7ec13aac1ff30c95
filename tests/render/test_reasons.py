"""Reasons are data until they are shown: every code has words, in the runner's units."""

import pytest

from coaching import EXERCISES, Kit, Reason, ReasonCode, Unit
from render.reasons import MESSAGES, reason_text

KG, LB = Kit.default(Unit.KG), Kit.default(Unit.LB)
SAMPLE_VALUES = {
    "weight_kg": 61.235, "reps": 8, "rir": 2, "min_reps": 5, "sets": 2, "days": 3,
    "percent": 10, "distance": "half", "soreness": 8, "key_run": 1, "block": "3x6",
    "resumes": "2026-12-01",
}  # fmt: skip


@pytest.mark.parametrize("code", list(ReasonCode))
def test_every_reason_code_has_words(code):
    assert code in MESSAGES
    text = reason_text(Reason(code, SAMPLE_VALUES), KG, EXERCISES["back_squat"])
    assert text and "{" not in text


def test_a_starting_load_reads_in_the_units_of_today_not_of_the_day_it_was_set():
    reason = Reason(ReasonCode.FROM_SET, {"weight_kg": 14.0, "reps": 8, "rir": 0})
    assert reason_text(reason, KG) == "from your 14 kg × 8"
    assert reason_text(reason, LB) == "from your 30.9 lb × 8"


def test_the_next_load_is_shown_as_the_runner_can_load_it():
    reason = Reason(ReasonCode.UP, {"weight_kg": 61.235, "rir": 3})  # 135 lb, stored in kg
    squat = EXERCISES["back_squat"]
    assert reason_text(reason, LB, squat) == "all reps done with 3 in reserve: up to 135 lb"
    assert reason_text(reason, KG, squat) == "all reps done with 3 in reserve: up to 60 kg"


def test_no_reason_is_no_text():
    assert reason_text(None, KG) == ""
