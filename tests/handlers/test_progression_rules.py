"""Progression as a runner meets it (issue 10, item 3): doing the work never costs weight."""

from tests.handlers.helpers import onboard_by_buttons, working_kg


async def test_a_one_set_day_after_the_check_in_is_judged_as_one_set(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Start logging")
    await rig.press_data("sore:8")  # sore legs: one set per lift
    if "No" in rig.button_labels():  # asked about tomorrow's run (a rest day)
        await rig.press("No")
    squat = await working_kg(rig, "back_squat")
    await rig.press("Back squat")
    await rig.press("Done as prescribed")
    reply = await rig.press("3")
    assert "short of" not in reply
    assert await working_kg(rig, "back_squat") > squat


async def test_lighter_sets_with_every_rep_never_deload(rig):
    await onboard_by_buttons(rig)
    squat = await working_kg(rig, "back_squat")
    lighter = squat - 5
    for _ in range(2):
        reply = await rig.send(f"/log squat {lighter:g}x8 {lighter:g}x8 rir3")
        assert "Stored" in reply
        rig.travel(days=7)
    assert await working_kg(rig, "back_squat") == squat


async def test_two_by_eight_ground_out_steps_down_one_increment(rig):
    await onboard_by_buttons(rig)
    squat = await working_kg(rig, "back_squat")
    reply = await rig.send(f"/log squat {squat:g}x8 {squat:g}x8 rir0")
    assert "heavier than the block aims for" in reply
    assert await working_kg(rig, "back_squat") == squat - 2.5
