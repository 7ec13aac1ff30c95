"""Forged or stale callback data gets the stale-button answer, never "something went wrong"."""

import pytest

from tests.handlers.helpers import onboard_by_buttons

FORGED = [
    "swap:no_such_lift",
    "swapto:back_squat:no_such_lift",
    "swapto:back_squat:deadlift",  # another movement pattern
    "swapto:back_squat",
    "move:not-a-date",
    "move:",
    "reslot:2026-11-24:not-a-date",
    "reslot:2026-11-24",
    "delete:yes",
    "hist:x:101",
    "race:del:x:101",
    "gdone:not-a-date|101",
    "set:nonsense",
    "setload:no_such_lift",
    "week:9",
]


@pytest.mark.parametrize("data", FORGED)
async def test_forged_buttons_get_the_stale_answer(rig, data):
    await onboard_by_buttons(rig)
    before = len(rig.api.messages)
    await rig.press_data(data)
    assert "older message" in rig.alerts()[-1]
    assert not any("went wrong" in m.text for m in list(rig.api.messages.values())[before:])


async def test_a_reslot_to_a_day_that_breaks_the_rules_is_refused(rig):
    await onboard_by_buttons(rig)  # Tuesday 24 November: lift days Tue and Thu
    # Friday is the eve of Saturday's long run: never a lift day.
    reply = await rig.press_data("reslot:2026-11-24:2026-11-27")
    assert "older message" in reply
    assert "now on" not in reply


async def test_forged_check_in_and_calibration_answers_get_the_stale_answer(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Start logging")
    await rig.press_data("sore:99")
    assert "older message" in rig.alerts()[-1]
    assert "How sore" in rig.last_text()  # still at the question
