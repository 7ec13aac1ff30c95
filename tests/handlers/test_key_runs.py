"""Key runs around lifting: the check-in knows tomorrow's run from the week, a key run tomorrow
leaves the legs out, a weekly race blocks the days around it, and quality days say to lift 6 h
after the run.

The rig's clock starts on Tuesday 24 November 2026 in Berlin. Alice's week: Tue quality, Thu
easy, Sat long -> lift days Tuesday (session A) and Thursday (session B).
"""

from models import WorkoutSession
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE

ALL_QUALITY = "/rundays " + " ".join(
    f"{day}=quality" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
)


async def _check_in(rig, soreness: str) -> str:
    await rig.send("/today")
    await rig.press("Start logging")
    return await rig.press(soreness)


async def test_a_planned_lift_day_is_not_asked_about_tomorrow(rig):
    await onboard_by_buttons(rig)
    reply = await _check_in(rig, "3")
    assert "tomorrow" in reply and "rest day" in reply and "Full session as planned" in reply
    assert "Is a quality session" not in reply
    assert rig.button_labels() == ["Overhead press", "Back squat", "Deadlift"]


async def test_a_key_run_the_week_knows_leaves_the_legs_out_and_the_session_ends_sooner(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send(ALL_QUALITY)  # every day is a quality day's eve: Mon and Thu
    assert "Monday and Thursday" in reply and "day before quality" in reply
    assert "the check-in leaves the leg lifts out" in reply
    rig.travel(days=2)  # Thursday, the day before Friday's quality session
    reply = await _check_in(rig, "2")
    assert "Upper body only" in reply and "your week has a quality session tomorrow" in reply
    assert "Is a quality session" not in reply
    assert rig.button_labels() == ["Overhead press"]
    today = await rig.send("/today")
    assert "Overhead press: 2 × 8" in today and "Back squat" not in today
    await rig.send("/log")
    await rig.press("Overhead press")
    await rig.press("Done as prescribed")
    assert "Session A done" in await rig.press("3")


async def test_skipping_the_check_in_still_applies_the_known_key_run(rig):
    await onboard_by_buttons(rig)
    await rig.send(ALL_QUALITY)
    rig.travel(days=2)
    reply = await _check_in(rig, "Skip check-in")
    assert "Upper body only" in reply and rig.button_labels() == ["Overhead press"]


async def test_a_moved_session_asks_and_a_yes_means_upper_body_only(rig):
    await onboard_by_buttons(rig)
    await rig.send("/rundays tue=quality sun=long")  # lift days Tue and Fri
    await rig.send("/today")
    await rig.press("Move to another day")
    await rig.press("Wednesday 25 November")
    rig.travel(days=1)
    question = await _check_in(rig, "2")
    assert "Is a quality session, long run or race tomorrow?" in question
    reply = await rig.press("Yes")
    assert "Upper body only" in reply and "you have a key run tomorrow" in reply
    assert rig.button_labels() == ["Overhead press"]


async def test_sore_legs_and_a_key_run_are_upper_body_one_set(rig):
    await onboard_by_buttons(rig)
    await rig.send(ALL_QUALITY)
    rig.travel(days=2)
    reply = await _check_in(rig, "8")
    assert "one set per lift" in reply and "8/10" in reply
    async with rig.database.session() as session:
        workout = await session.get(WorkoutSession, 1)
        lifts = [(x.exercise, x.sets) for x in workout.prescription.lifts]
    assert lifts == [("overhead_press", 1)]


async def test_a_weekly_race_blocks_the_day_after_it(rig):
    await onboard_by_buttons(rig)
    # Without the day after the race blocked, Wednesday and Sunday would be the lift days.
    reply = await rig.send("/rundays wed=quality sat=race")
    assert "Lift days: Monday and Wednesday" in reply


async def test_when_only_the_day_after_a_race_is_left_the_runner_is_told(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/rundays mon=race thu=race")
    assert "Lift days: Tuesday and Saturday" in reply and "relaxed: day after race" in reply


async def test_today_on_a_quality_day_says_to_lift_6_hours_after_the_run(rig):
    await onboard_by_buttons(rig)
    assert "at least 6 hours after" in await rig.send("/today")  # Tuesday: quality
    rig.travel(days=2)  # Thursday: easy
    assert "6 hours" not in await rig.send("/today")


async def test_a_typed_week_with_a_race_keeps_working(rig):
    await onboard_by_buttons(rig, ALICE)
    reply = await rig.send("/rundays tue=quality thu=easy sat=race")
    assert "Lift days: Tuesday and Thursday" in reply
