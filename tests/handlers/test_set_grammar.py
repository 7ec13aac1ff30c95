"""One grammar for sets: what a runner types at set-up and in /log reads the same way, and what
is stored is what they meant (sets × reps at the prescribed weight, pounds converted before
judging, RPE as lifters write it, no fantasy records)."""

import pytest
from sqlalchemy import select

from models import LiftState, LoggedSet
from tests.handlers.helpers import dumbbells_only, onboard_by_buttons, working_kg

# Alice (kg, full gym) on Tuesday 24 November: session A prescribes overhead press 35 kg,
# back squat 67.5 kg and deadlift 80 kg, each 2 × 8; the bar weighs 20 kg.


async def _stored(rig) -> list[tuple[float, str, int, int | None]]:
    async with rig.database.session() as session:
        rows = await session.scalars(select(LoggedSet).order_by(LoggedSet.id))
        return [(s.weight, s.unit, s.reps, s.rir) for s in rows]


async def test_sets_times_reps_under_the_bar_are_stored_at_the_prescribed_weight(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/log squat 2x8 rir3")
    assert "Stored: Back squat 67.5 kg × 8,8, 3 in reserve" in reply
    assert await _stored(rig) == [(67.5, "kg", 8, None), (67.5, "kg", 8, 3)]


async def test_sets_times_reps_without_a_prescription_ask_for_the_weight(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/log front squat 3x5 rir2")  # not in the programme: nothing given
    assert "weight" in reply and "2x8@60" in reply
    assert await _stored(rig) == []


async def test_a_dumbbell_number_from_the_rack_is_a_weight(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log goblet 2x8 rir3")  # dumbbells from 2 kg: 2 kg × 8
    assert await _stored(rig) == [(2, "kg", 8, 3)]


async def test_reps_after_a_set_repeat_the_weight_just_typed(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 8 rir3")
    assert await _stored(rig) == [(60, "kg", 8, None), (60, "kg", 8, 3)]


async def test_pounds_typed_by_a_kilogram_runner_are_judged_after_conversion(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/log squat 135 lb x 8 rir3")  # 61.2 kg: no "more than double"
    assert "more than double" not in reply and "Stored: Back squat 135 lb × 8" in reply
    assert await _stored(rig) == [(135, "lb", 8, 3)]
    reply = await rig.send("/log ohp 200 lb x 8")  # 90.7 kg against 35 kg prescribed
    assert "90.7 kg is more than double today's prescribed 35 kg" in reply


async def test_records_from_pounds_are_shown_rounded_in_kilograms(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 60x8 60x8 rir3")
    reply = await rig.send("/log squat 155 lb x 8 rir2")  # 70.3 kg
    assert "New record: Back squat 70.3 kg × 8" in reply
    assert "70.31" not in reply


async def test_the_best_estimated_1rm_shows_the_estimate_itself(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 60x8 rir3")  # 60 × 36 / 26: 83.1 kg
    reply = await rig.send("/log squat 67.5x8 67.5x8 rir2")  # 67.5 × 36 / 27: 90 kg
    assert "New best estimated 1RM: Back squat 90 kg (from 67.5 kg × 8, 2 in reserve)" in reply


async def test_a_very_long_or_very_easy_set_claims_no_record(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 60x8 60x8 rir3")
    reply = await rig.send("/log squat 40x25 rir10")
    assert "Stored" in reply and "🏆" not in reply and "720" not in reply


async def test_thirty_reps_store_and_more_reps_or_reserve_get_the_expected_form(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/log squat 20x30 rir8")
    assert "Stored" in reply and "went wrong" not in reply and "🏆" not in reply
    for typed in ("/log dl 60x31 rir2", "/log dl 60x8 rir11", "/log dl 60x8 rpe 11"):
        assert "e.g. 60x8 60x8" in await rig.send(typed)
    assert len(await _stored(rig)) == 1


@pytest.mark.parametrize(
    ("typed", "rir"),
    [("@8", 2), ("rpe8", 2), ("rpe 8", 2), ("@8 RPE", 2), ("@ 10", 0), ("@8.5", 1),
     ("rir 2", 2), ("RIR2", 2), ("rir 5+", 5), ("rpe 5", 5)],
)  # fmt: skip
async def test_effort_as_lifters_write_it(rig, typed, rir):
    await onboard_by_buttons(rig)
    reply = await rig.send(f"/log squat 60x8 60x8 {typed}")
    assert f"{rir} in reserve" in reply
    assert (await _stored(rig))[-1] == (60, "kg", 8, rir)


@pytest.mark.parametrize(
    ("typed", "sets"),
    [("60 kg x 8", [(60, "kg", 8)]), ("135 lb x 8", [(135, "lb", 8)]),
     ("60x8, 60x8", [(60, "kg", 8)] * 2), ("60x8,60x8", [(60, "kg", 8)] * 2),
     ("8@60", [(60, "kg", 8)]), ("8@60 8@62.5", [(60, "kg", 8), (62.5, "kg", 8)]),
     ("2x8@60", [(60, "kg", 8)] * 2), ("2x8 @ 60 kg", [(60, "kg", 8)] * 2),
     ("60x8,7", [(60, "kg", 8), (60, "kg", 7)]), ("60,5x8", [(60.5, "kg", 8)]),
     ("3x5", [(67.5, "kg", 5)] * 3), ("8 8", [(67.5, "kg", 8)] * 2),
     ("60kg 8 8", [(60, "kg", 8)] * 2)],
)  # fmt: skip
async def test_set_forms_in_the_log_step(rig, typed, sets):
    await onboard_by_buttons(rig)
    await rig.send("/log squat")
    await rig.send(typed)
    await rig.press("3")
    assert [row[:3] for row in await _stored(rig)] == sets


async def test_a_lone_at_outside_rpe_range_is_refused_the_same_at_set_up_and_in_log(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.send("Europe/Berlin")
    await rig.send("tue=quality thu=easy sat=long")
    await rig.send("07:30")
    await rig.press("Full gym")
    at_set_up = await rig.send("10x8 @2")  # overhead press: neither 10 kg × 8 nor RIR 2
    assert "rir 2" in at_set_up and "rpe 8" in at_set_up
    assert await rig.count(LiftState, exercise="overhead_press") == 0
    await rig.send("40x8 @8")  # 40 kg × 8 at RPE 8: 2 in reserve
    for recent_set in ("80x5 rir2", "100x5", "14x8", "24x10"):
        await rig.send(recent_set)
    assert await working_kg(rig, "overhead_press") == 37.5  # as from "40x8 rir2"
    in_log = await rig.send("/log squat 10x8 @2")
    assert "rir 2" in in_log and "rpe 8" in in_log
    assert await _stored(rig) == []


async def test_set_up_reads_a_count_under_the_bar_as_sets_and_asks_for_the_weight(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.send("Europe/Berlin")
    await rig.send("tue=quality thu=easy sat=long")
    await rig.send("07:30")
    await rig.press("Full gym")
    reply = await rig.send("3x8 rir2")  # overhead press: 3 sets of 8, at what weight?
    assert "e.g. 60x8" in reply
    assert "(2/5)" in await rig.send("40x8 rpe 8")


async def test_a_glued_at_that_could_be_rpe_or_a_dumbbell_is_asked_about(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/log goblet 2x8@8")  # 2 sets at 8 kg, or 2 kg at RPE 8?
    assert "rpe 8" in reply and "8kg" in reply
    assert await _stored(rig) == []
    await rig.send("/log goblet 2x8@8kg rir3")
    assert await _stored(rig) == [(8, "kg", 8, None), (8, "kg", 8, 3)]


async def test_typed_rir_step_takes_rpe_too(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 60x8")
    assert "2 in reserve" in await rig.send("rpe 8")


async def test_a_movement_word_means_that_movement_in_todays_session(rig):
    await dumbbells_only(rig)
    reply = await rig.send("/log dumbbell press 8x8 8x8 rir3")
    assert "Stored: Dumbbell overhead press" in reply  # session A's press, not the one-arm one
    reply = await rig.send("/log squat 12.5x8 12.5x8 rir3")
    assert "Stored: Dumbbell squat" in reply
    reply = await rig.send("/log one arm press 8x8 rir3")
    assert "Stored: One-arm dumbbell press" in reply  # a lift's own name is that lift
