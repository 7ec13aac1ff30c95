"""Starting loads: from a recent set (never heavier than it, never below the kit's lightest
weight without saying so), calibration from bodyweight, and every lift of the equipment."""

from datetime import date

from models import BodyweightEntry, LiftState
from tests.handlers.helpers import working_kg
from tests.rig import ALICE


async def _set_up_to_loads(rig, equipment: str = "Full gym") -> None:
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.send("Europe/Berlin")
    await rig.send("tue=quality thu=easy sat=long")
    await rig.send("07:30")
    await rig.press(equipment)


async def test_a_long_set_never_starts_heavier_than_its_own_weight(rig):
    await _set_up_to_loads(rig)
    await rig.send("40x8")  # overhead press
    await rig.send("60x12 rir3")  # back squat: Brzycki alone would say 70.9 kg
    assert await working_kg(rig, "back_squat") == 60


async def test_a_load_below_the_empty_bar_is_the_bar_and_the_runner_is_told(rig):
    await _set_up_to_loads(rig)
    reply = await rig.send("15x8")  # overhead press: works out at about 12 kg
    assert "Overhead press: starting at 20 kg (empty bar)" in reply
    assert "lighter than the empty bar" in reply and "(2/5): Back squat" in reply
    assert await working_kg(rig, "overhead_press") == 20
    for recent_set in ("80x5 rir2", "100x5", "14x8", "24x10"):
        await rig.send(recent_set)
    today = await rig.send("/today")
    assert "Overhead press: 2 × 8 at 20 kg (empty bar)" in today
    assert "Why: from your 15 kg × 8: that works out at about 13.4 kg" in today


async def test_a_dumbbell_load_below_the_lightest_dumbbell_says_so(rig):
    await _set_up_to_loads(rig, "Dumbbells only")
    reply = await rig.send("1.5x8")
    assert "starting at 2 × 2 kg" in reply and "lighter than your lightest dumbbell" in reply


async def test_a_whole_number_lighter_than_any_dumbbell_counts_sets_and_asks_the_weight(rig):
    await _set_up_to_loads(rig, "Dumbbells only")
    assert "e.g. 60x8" in await rig.send("1x8")  # one set of 8, as /log reads it: what weight?
    assert await rig.count(LiftState) == 0


async def _calibrate_everything(rig) -> None:
    await _set_up_to_loads(rig)
    await rig.press("Calibrate all")


async def test_calibration_starts_the_deadlift_from_bodyweight(rig):
    await _calibrate_everything(rig)
    async with rig.database.session() as session:
        session.add(BodyweightEntry(user_id=ALICE.id, entry_date=date(2026, 1, 1), weight_kg=90))
        session.add(BodyweightEntry(user_id=ALICE.id, entry_date=date(2026, 11, 1), weight_kg=70))
        await session.commit()
    await rig.send("/log deadlift")
    assert "calibration set 1" in rig.last_text() and "30 kg (5 each side)" in rig.last_text()


async def test_without_bodyweight_the_deadlift_does_not_start_from_the_empty_bar(rig):
    await _calibrate_everything(rig)
    await rig.send("/log deadlift")
    assert "calibration set 1" in rig.last_text() and "25 kg (2.5 each side)" in rig.last_text()


async def test_a_failed_calibration_set_drops_about_ten_percent(rig):
    await _calibrate_everything(rig)
    await rig.send("/log squat")  # 0.35 x 60 kg = 21: 20 kg, without bodyweight
    for _ in range(4):
        await rig.press("5+")  # 25, 30, 35, 42.5
    assert "calibration set 5" in rig.last_text() and "42.5 kg" in rig.last_text()
    reply = await rig.press("Couldn't do them all")  # 42.5 x 0.9 = 38.25: 37.5 on the kit
    assert "working weight is 37.5 kg" in reply and "about 10 % lighter" in reply
    assert await working_kg(rig, "back_squat") == 37.5


async def test_after_switching_to_dumbbells_every_lift_can_be_given_a_starting_load(rig):
    await _set_up_to_loads(rig)
    for recent_set in ("40x8", "80x5 rir2", "100x5", "14x8", "24x10"):
        await rig.send(recent_set)
    reply = await rig.send("/equipment dumbbells")
    # The dumbbell programme has three lifts without a weight: they are asked for at once,
    # numbered among the five lifts of this equipment.
    assert "Saved: dumbbells only" in reply
    assert "Starting loads (3/5): Dumbbell overhead press" in reply
    await rig.send("/cancel")
    reply = await rig.send("/settings")
    loads = reply.partition("Starting loads:\n")[2].splitlines()
    assert len(loads) == 5 and "  Dumbbell squat: not set yet" in loads
    await rig.press("Starting loads")
    labels = rig.button_labels()
    assert len(labels) == 5 and "Dumbbell Romanian deadlift: not set yet" in labels
    await rig.press("Dumbbell Romanian deadlift")
    assert "Dumbbell Romanian deadlift: 2 × 14 kg" in await rig.send("16x8 rir1")
    await rig.send("/settings")
    await rig.press("Equipment")
    assert "(4/5): Dumbbell overhead press" in await rig.press("Dumbbells only")
