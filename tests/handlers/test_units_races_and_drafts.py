"""What the service layer promised a runner: reasons in today's units, no lifting in race week,
and a /log draft that ends with the conversation."""

from models import User
from tests.handlers.helpers import onboard_by_buttons


async def test_after_switching_to_pounds_loads_and_reasons_read_in_pounds(rig):
    await onboard_by_buttons(rig)  # overhead press from "40x8": a 32.5 kg start
    await rig.send("/units lb")
    today = await rig.send("/today")
    assert "Why: from your 88.2 lb × 8" in today  # 40 kg, said in pounds
    assert " kg" not in today
    settings = await rig.send("/settings")
    assert "Units: lb" in settings and " kg" not in settings


async def test_race_week_shows_no_session_and_says_why(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-27 half")  # Friday: Tuesday is three days out
    today = await rig.send("/today")
    assert "No lifting today" in today and "Race week (3 days to your half)" in today
    assert "Overhead press" not in today
    assert rig.button_labels() == []
    plan = await rig.send("/plan")
    assert "× 8" not in plan and "no lifting" in plan


async def test_cancel_and_other_commands_end_the_log_draft(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat")
    assert (await rig.get(User, 101)).log_draft.exercise == "back_squat"
    await rig.send("/cancel")
    assert (await rig.get(User, 101)).log_draft is None
    await rig.send("/log squat")
    await rig.send("/settings")  # another conversation's command: /log steps aside
    assert (await rig.get(User, 101)).log_draft is None
    assert "I didn't understand" in await rig.send("60x8 60x8")  # no longer taken as sets


async def test_a_finished_one_line_log_leaves_no_draft(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 80x5 80x5 rir2")
    assert (await rig.get(User, 101)).log_draft is None


async def test_a_one_line_log_after_an_unfinished_log_for_yesterday_stores_today(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday")
    await rig.send("/log squat 60x8 60x8")
    await rig.press("3")
    history = await rig.send("/history")
    assert "Tuesday 24 November" in history and "Monday 23 November" not in history


async def test_logging_in_race_week_does_not_count_as_a_session(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-27 half")
    reply = await rig.send("/log ohp 30x8 rir2")
    assert "Stored" in reply and "Session A done" not in reply
    assert (await rig.get(User, 101)).sessions_in_block == 0


async def test_an_anonymous_admin_asking_for_a_session_is_asked_to_write_as_themselves(rig):
    reply = await rig.deliver(rig.updates.as_group(-1001, "/today"))
    assert "send that as yourself" in reply
    assert await rig.get(User, 1087968824) is None
