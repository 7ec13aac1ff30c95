"""Around a race (issue 10, items 1 and 2): race week lifts nothing and says when lifting resumes;
the week after is lighter (or upper body only) for a while and never lowers the working weight."""

import math
from datetime import UTC, datetime

from tests.handlers.helpers import onboard_by_buttons, working_kg


async def test_race_week_today_and_plan_say_when_lifting_resumes(rig):
    await onboard_by_buttons(rig)  # lift days Tuesday and Thursday
    await rig.send("/race 2026-11-27 half")  # Friday; today, Tuesday, is three days out
    today = await rig.send("/today")
    assert "No lifting today" in today and "× 8" not in today
    assert "lifting resumes on Tuesday 1 December" in today
    plan = await rig.send("/plan")
    assert "× 8" not in plan and "lifting resumes on Tuesday 1 December" in plan


async def test_a_race_week_lift_day_reminder_says_no_lifting_and_when_it_resumes(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-27 half")
    await rig.tick()
    rig.now = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # Tuesday 07:30 in Berlin
    assert await rig.tick() == 1
    text = rig.last_text()
    assert "No lifting today" in text and "lifting resumes on Tuesday 1 December" in text
    assert "Overhead press" not in text and rig.button_labels() == []
    rig.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # the day after: nothing was missed
    await rig.tick()
    assert "No session logged" not in rig.last_text()


async def test_the_lighter_week_after_a_half_never_lowers_the_working_weight(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-29 half")  # Sunday
    deadlift_before = await working_kg(rig, "deadlift")
    rig.travel(days=9)  # Thursday 3 December: session B, four days after the race
    today = await rig.send("/today")
    assert "about 20 % lighter" in today
    assert "Deadlift" in today
    light = math.floor(deadlift_before * 0.8 / 2.5) * 2.5  # the kit's 2.5 kg steps, rounded down
    reply = await rig.send(f"/log deadlift {light}x8 {light}x8 rir3")
    assert "Stored" in reply
    assert await working_kg(rig, "deadlift") == deadlift_before
    rig.travel(days=5)  # Tuesday 8 December: the lighter week is over
    back = await rig.send("/today")
    assert "20 % lighter" not in back


async def test_after_a_marathon_the_first_week_is_upper_body_only(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-29 marathon")
    rig.travel(days=7)  # Tuesday 1 December
    today = await rig.send("/today")
    assert "upper body only" in today
    assert "Back squat" not in today and "Deadlift" not in today and "Goblet" not in today
    rig.travel(days=7)  # Tuesday 8 December: legs are back, no break cut for the race weeks
    back = await rig.send("/today")
    assert "Deadlift" in back or "Back squat" in back
    assert "lighter to ease back in" not in back


async def test_race_weeks_are_not_a_break_for_the_lifts_they_left_out(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-12-13 marathon")  # lower body stops 10 days out
    rig.travel(days=9)  # Thursday 3 December, the last lower-body day: one set each
    await rig.send("/log squat 60x8 rir3")
    await rig.send("/log deadlift 80x8 rir3")
    rig.travel(days=19)  # Tuesday 22 December, after the race week and the upper-body week
    today = await rig.send("/today")
    assert "Back squat" in today and "lighter to ease back in" not in today


async def test_a_race_added_or_removed_after_today_was_shown_changes_today(rig):
    await onboard_by_buttons(rig)
    assert "Back squat" in await rig.send("/today")  # shown, so stored as given
    await rig.send("/race 2026-11-27 half")
    assert "No lifting today" in await rig.send("/today")
    await rig.send("/race")
    await rig.press("Remove half on Friday 27 November")
    back = await rig.send("/today")
    assert "Back squat: 2 × 8" in back and "race" not in back.lower()


async def test_a_rest_day_names_the_next_day_with_lifting_after_the_race_week(rig):
    await onboard_by_buttons(rig)
    rig.travel(days=-1)  # Monday 23 November: a rest day
    await rig.send("/race 2026-11-27 half")  # Tuesday and Thursday are in race week
    reply = await rig.send("/today")
    assert "Next session: A on Tuesday 1 December" in reply


async def test_lifting_logged_in_race_week_never_adds_weight(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-27 half")  # Tuesday is three days out
    squat = await working_kg(rig, "back_squat")
    reply = await rig.send(f"/log squat {squat:g}x8 {squat:g}x8 rir5")
    assert "Stored" in reply
    assert await working_kg(rig, "back_squat") == squat
