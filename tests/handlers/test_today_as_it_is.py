"""/today shows the day as it is: what is logged (✅ and what was done), what remains, the
finished session after /done; /log after /done asks first; a long-run or race day warns once.

The rig's clock starts on Tuesday 24 November 2026 in Berlin. Alice's week: Tue quality, Thu
easy, Sat long -> lift days Tuesday (session A: press, squat, deadlift) and Thursday.
"""

from models import ExerciseEntry, WorkoutSession
from tests.handlers.helpers import onboard_by_buttons


async def test_logged_lifts_are_ticked_with_what_was_done_and_the_rest_remain(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    today = await rig.send("/today")
    assert "✅ Back squat: 67.5 kg × 8,8, 3 in reserve" in today
    assert "Back squat: 2 × 8" not in today  # no longer prescribed: it is done
    assert "1. Overhead press: 2 × 8 at 35 kg" in today and "Deadlift: 2 × 8 at 80 kg" in today
    assert "2 of 3 lifts to go" in today
    assert "Start logging" in rig.button_labels()


async def test_after_done_today_shows_the_finished_session_and_what_was_left_out(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await rig.send("/done")
    today = await rig.send("/today")
    assert "Session A done" in today and "Back squat 67.5 kg × 8,8, 3 in reserve" in today
    assert "Not logged: Overhead press, Deadlift" in today
    assert "Next session: B on Thursday 26 November" in today
    assert "Start logging" not in rig.button_labels()


async def test_the_header_agrees_with_a_trimmed_one_set_day(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Start logging")
    await rig.press("8")  # sore legs: one set per lift
    today = await rig.send("/today")
    assert "1 × 8 at" in today
    assert "block 2 × 8" not in today and "1 set a lift today" in today


async def test_log_after_done_asks_before_reopening_the_session(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await rig.send("/done")
    question = await rig.send("/log deadlift 80x8 80x8 rir3")
    assert "already finished" in question
    assert await rig.count(ExerciseEntry) == 1  # nothing stored before the answer
    reply = await rig.press("Add to it")
    assert "Stored: Deadlift 80 kg × 8,8" in reply
    assert await rig.count(ExerciseEntry) == 2
    question = await rig.send("/log")
    assert "already finished" in question
    reply = await rig.press("Leave it")
    assert "stays as it is" in reply
    assert await rig.count(ExerciseEntry) == 2


async def test_logging_on_a_long_run_day_warns_once(rig):
    await onboard_by_buttons(rig)
    rig.travel(days=4)  # Saturday: the long run
    first = await rig.send("/log squat 67.5x8 67.5x8 rir3")
    assert "long run" in first and "Stored" in first
    second = await rig.send("/log deadlift 80x8 80x8 rir3")
    assert "Stored" in second and "long run" not in second
    async with rig.database.session() as session:
        workout = await session.get(WorkoutSession, 1)
    assert workout.local_date.isoformat() == "2026-11-28"


async def test_logging_on_a_race_day_warns(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-24 5k")
    reply = await rig.send("/log squat 67.5x8 67.5x8 rir3")
    assert "race day" in reply and "Stored" in reply


async def test_done_names_the_lifts_left_out_and_one_next_load_per_lift(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await rig.send("/log squat 67.5x8 67.5x5 rir0")  # the same lift again: the last one counts
    summary = await rig.send("/done")
    assert "Not logged: Overhead press, Deadlift" in summary
    upcoming = summary.split("Next time")[1]
    assert upcoming.count("Back squat") == 1


async def test_an_older_start_logging_button_after_done_asks_too(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await rig.send("/done")
    question = await rig.press("Start logging")
    assert "already finished" in question


async def test_a_swap_after_the_check_in_keeps_its_trim(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Start logging")
    await rig.press("8")  # sore legs: one set per lift
    await rig.send("/cancel")
    await rig.send("/today")
    await rig.press("Swap an exercise")
    await rig.press("Deadlift")
    await rig.press("Trap-bar deadlift")
    await rig.press("From now on")
    today = await rig.send("/today")
    assert "1 set a lift today" in today and "Trap-bar deadlift" in today
