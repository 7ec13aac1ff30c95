"""Edges of /log a new runner found: long sets, one-line buttons, /cancel's words."""

from tests.handlers.helpers import onboard_by_buttons


async def test_a_very_long_set_is_stored_without_crashing_or_a_fantasy_record(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 60x8 rir2")
    reply = await rig.send("/log squat 20x30 rir8")
    assert "Stored" in reply and "went wrong" not in reply
    assert "estimated 1RM" not in reply


async def test_a_one_line_log_offers_no_buttons_of_a_closed_log(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 60x8 rir2")
    labels = rig.button_labels()
    assert "Rest 2:00" in labels
    assert "Next exercise" not in labels and "Finish session" not in labels


async def test_cancel_in_log_talks_about_the_log(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat")
    reply = await rig.send("/cancel")
    assert "What you logged is stored" in reply and "settings" not in reply
