"""A new runner sets up by buttons or by typed commands, and nothing is ever wiped."""

from models import LiftState, RunDay, User
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE


async def test_onboarding_by_buttons_ends_with_a_summary_and_stores_everything(rig):
    summary = await onboard_by_buttons(rig)
    assert "All set" in summary
    assert "Europe/Berlin" in summary and "07:30" in summary and "full gym" in summary
    assert "Lift days: Tuesday and Thursday" in summary
    assert "Back squat: 67.5 kg (20 + 2.5 + 1.25 each side)" in summary
    user = await rig.get(User, ALICE.id)
    assert (user.units, user.timezone, user.reminder_time, user.equipment, user.onboarded) == (
        "kg", "Europe/Berlin", "07:30", "gym", True
    )  # fmt: skip
    assert await rig.count(RunDay, user_id=ALICE.id) == 3
    squat = await rig.get(LiftState, (ALICE.id, "back_squat"))
    assert squat.working_weight_kg == 67.5


async def test_the_week_keyboard_cycles_rest_easy_quality_long_race(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.send("Europe/Berlin")
    labels = []
    for _ in range(5):
        await rig.press("Monday")
        labels.append(next(b for b in rig.button_labels() if b.startswith("Monday")))
    assert labels == ["Monday: easy", "Monday: quality", "Monday: long", "Monday: race",
                      "Monday: rest"]  # fmt: skip


async def test_calibrate_all_finishes_setup(rig):
    await rig.send("/start")
    await rig.press("Pounds")
    await rig.send("America/New_York")
    await rig.press("Done")
    await rig.send("6:45")
    await rig.press("Dumbbells only")
    summary = await rig.press("Calibrate all")
    assert "All set" in summary and "Units: lb" in summary and "06:45" in summary
    assert "Dumbbell squat: calibrate in the first session" in summary
    states = await rig.count(LiftState, user_id=ALICE.id, working_weight_kg=None)
    assert states == 5


async def test_starting_loads_in_pounds_use_pound_plates(rig):
    await rig.send("/units lb")
    await rig.send("/timezone America/Chicago")
    await rig.send("/rundays wed=quality sun=long")
    await rig.send("/remind 18:00")
    await rig.send("/equipment barbell")
    reply = await rig.send("95x8 rir3")
    assert "Starting loads (2/5): Back squat" in reply
    state = await rig.get(LiftState, (ALICE.id, "overhead_press"))
    assert abs(state.working_weight_kg / 0.45359237 - 95) < 1e-6


async def test_settings_typed_as_commands(rig):
    await onboard_by_buttons(rig)
    assert "Saved: lb" in await rig.send("/units lb")
    assert "Saved: Asia/Kolkata" in await rig.send("/timezone asia/kolkata")
    reply = await rig.send("/rundays MON=easy Wednesday=Quality sat=long")
    assert "Saved: running week" in reply and "Lift days" in reply
    assert "reminders at 06:05" in await rig.send("/remind 6:05")
    user = await rig.get(User, ALICE.id)
    assert (user.units, user.timezone, user.reminder_time) == ("lb", "Asia/Kolkata", "06:05")
    assert await rig.count(RunDay, user_id=ALICE.id) == 3


async def test_changing_equipment_asks_only_for_the_new_lifts(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/equipment dumbbells")
    assert "Saved: dumbbells only" in reply and "(3/5): Dumbbell overhead press" in reply
    await rig.send("/cancel")
    # The dumbbell programme has lifts the runner has no weight for yet: /settings lists the
    # lifts carried over with their weights and the new ones as not set (none made up, none
    # marked calibrate), and choosing the equipment there asks for the new ones.
    reply = await rig.send("/settings")
    loads = reply.partition("Starting loads:\n")[2].splitlines()
    assert loads == ["  One-arm dumbbell press: 12 kg", "  Goblet squat: 22 kg",
                     "  Dumbbell overhead press: not set yet", "  Dumbbell squat: not set yet",
                     "  Dumbbell Romanian deadlift: not set yet"]  # fmt: skip
    reply = await rig.press("Equipment")
    reply = await rig.press("Dumbbells only")
    assert "Dumbbell overhead press" in reply
    assert await rig.get(LiftState, (ALICE.id, "back_squat")) is not None


async def test_start_again_offers_to_edit_and_wipes_nothing(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/start")
    assert "Welcome back" in reply and "nothing has been changed" in reply
    assert "Units" in rig.button_labels() and "Starting loads" in rig.button_labels()
    assert (await rig.get(User, ALICE.id)).onboarded
    assert await rig.count(LiftState, user_id=ALICE.id) == 5


async def test_settings_button_changes_one_part_and_returns_to_the_profile(rig):
    await onboard_by_buttons(rig)
    await rig.send("/settings")
    await rig.press("Reminder time")
    reply = await rig.send("19:15")
    assert "Reminders: 19:15" in reply and "All set" not in reply


async def test_settings_changes_one_starting_load(rig):
    await onboard_by_buttons(rig)
    await rig.send("/settings")
    await rig.press("Starting loads")
    await rig.press("Deadlift")
    reply = await rig.send("120x8 rir3")
    assert "Deadlift: 120 kg" in reply
    assert (await rig.get(LiftState, (ALICE.id, "back_squat"))).working_weight_kg == 67.5


async def test_cancel_leaves_and_keeps_answers(rig):
    await rig.send("/start")
    await rig.press("Pounds")
    assert "Stopped" in await rig.send("/cancel")
    assert (await rig.get(User, ALICE.id)).units == "lb"
    assert "Time zone" in await rig.send("/start")  # carries on where it stopped
    await rig.send("/cancel")
    assert "nothing to cancel" in (await rig.send("/cancel")).lower()


async def test_help_lists_every_command(rig):
    reply = await rig.send("/help")
    for command in ("/start", "/settings", "/units", "/timezone", "/rundays", "/remind",
                    "/equipment", "/cancel", "/deletedata", "/help"):  # fmt: skip
        assert command in reply


async def test_command_menus_are_set_per_chat_type(rig):
    scopes = [call["scope"]["type"] for call in rig.calls("setMyCommands")]
    assert scopes == ["all_private_chats", "all_group_chats"]


async def test_calibrate_can_be_typed_at_the_loads_step(rig):
    await rig.send("/units kg")
    await rig.send("/timezone Europe/Berlin")
    await rig.send("/rundays tue=quality")
    await rig.send("/remind 07:00")
    await rig.send("/equipment gym")
    assert "(2/5): Back squat" in await rig.send("calibrate")
    assert "All set" in await rig.send("Calibrate all")
    assert await rig.count(LiftState, user_id=ALICE.id, working_weight_kg=None) == 5
