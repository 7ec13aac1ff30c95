"""The training loop: /today, /log, /done, /undo, /history, /plan, as a runner uses them."""

import pytest

from models import ExerciseEntry, LoggedSet, User, WorkoutSession
from tests.handlers.helpers import onboard_by_buttons, working_kg
from tests.rig import ALICE, BOB, GROUP_ID

# The rig's clock starts on Tuesday 24 November 2026, 08:00 in Berlin. Alice's week:
# Tue quality, Thu easy, Sat long -> lift days Tuesday (session A) and Thursday (session B).


async def _log_by_buttons(rig, exercise: str, rir: str) -> str:
    await rig.press(exercise)
    await rig.press("Done as prescribed")
    return await rig.press(rir)


async def test_a_whole_week_loads_rise_after_easy_sets_and_hold_after_a_hard_one(rig):
    await onboard_by_buttons(rig)
    today = await rig.send("/today")
    assert "Session A" in today and "Overhead press: 2 × 8 at 35 kg (5 + 2.5 each side)" in today
    assert "Ramp: 20 kg × 8" in today and "Cue:" in today and "Why: from your 40 kg × 8" in today
    assert "about 2 minutes" in today and "min" in today
    assert rig.button_labels() == ["Start logging", "Swap an exercise", "Move to another day"]

    await rig.press("Start logging")
    await rig.press("Skip check-in")
    assert "Next time: 37.5 kg" in await _log_by_buttons(rig, "Overhead press", "3")
    await _log_by_buttons(rig, "Back squat", "2")  # hard: hold
    summary = await _log_by_buttons(rig, "Deadlift", "5+")
    assert "Session A done" in summary and "Deadlift: 85 kg" in summary
    assert (await working_kg(rig, "overhead_press"), await working_kg(rig, "back_squat")) == (
        37.5,
        67.5,
    )

    rig.travel(days=1)  # Wednesday: rest
    reply = await rig.send("/today")
    assert "Rest day" in reply and "Next session: B on Thursday 26 November" in reply

    rig.travel(days=1)  # Thursday: session B, logged by text
    assert "Session B" in await rig.send("/today")
    await rig.send("/log")
    await rig.send("one arm press")
    assert "How many more reps" in await rig.send("12x8 12x8")
    await rig.press("4")
    await rig.send("goblet")
    await rig.send("22x8,8 rir3")
    await rig.send("deadlift")
    await rig.send("85x8 85x7")  # short of target: hold
    summary = await rig.press("0")
    assert "Session B done" in summary
    assert await working_kg(rig, "deadlift") == 85
    assert await working_kg(rig, "goblet_squat") == 24

    rig.travel(days=5)  # next Tuesday: session A again with the new loads
    today = await rig.send("/today")
    assert "Session A" in today
    assert "Overhead press: 2 × 8 at 37.5 kg" in today and "Back squat: 2 × 8 at 67.5 kg" in today
    assert await rig.count(WorkoutSession, user_id=ALICE.id, status="done") == 2


async def test_today_before_onboarding_points_to_start(rig):
    assert "/start" in await rig.send("/today")
    assert "/start" in await rig.send("/log squat 60x8")


async def test_one_line_log_stores_at_once_with_records(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/log squat 67.5x8 67.5x8 rir3")
    assert "Stored: Back squat 67.5 kg × 8,8, 3 in reserve" in reply
    assert "Next time: 70 kg" in reply
    reply = await rig.send("/log yesterday squat 72.5x8 rir2")
    # Judged against what came before 23 November (nothing): no record, however late sent.
    assert "Logging for Monday 23 November" in reply and "New record" not in reply
    assert await rig.count(ExerciseEntry, user_id=ALICE.id) == 2
    assert await rig.count(WorkoutSession, user_id=ALICE.id) == 2
    rig.travel(days=2)
    assert "New record: Back squat 75 kg × 8" in await rig.send("/log squat 75x8 rir2")


@pytest.mark.parametrize(
    ("typed", "sets"),
    [("60x8 60x8", [(60, 8), (60, 8)]), ("60x8,8", [(60, 8), (60, 8)]),
     ("2x8@60", [(60, 8), (60, 8)]), ("8 8", [(67.5, 8), (67.5, 8)]), ("60kg 8", [(60, 8)]),
     ("60,5x8", [(60.5, 8)]), ("60 X 8 60 x 7", [(60, 8), (60, 7)])],
)  # fmt: skip
async def test_every_set_form_is_understood(rig, typed, sets):
    await onboard_by_buttons(rig)
    await rig.send("/log squat")
    await rig.send(typed)
    await rig.press("3")
    stored = await _stored_sets(rig)
    assert [(s.weight, s.reps) for s in stored] == sets


async def _stored_sets(rig):
    from sqlalchemy import select

    async with rig.database.session() as session:
        return list(await session.scalars(select(LoggedSet).order_by(LoggedSet.id)))


BAD_SETS = ["x8", "60x", "0x8", "60x0", "-60x8", "60x100", "1000x8", "nan x 8", "inf",
            "1e309x8", "٦٠x٨", "squat", "60x8 rir11", "🏋️", "9" * 4096]  # fmt: skip


@pytest.mark.parametrize("typed", BAD_SETS)
async def test_bad_sets_get_the_expected_form_and_store_nothing(rig, typed):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift")
    reply = await rig.send(typed)
    assert "e.g. 60x8 60x8" in reply
    assert await rig.count(LoggedSet) == 0
    assert "How many more reps" in await rig.send("80x8 80x8")  # the step still works


async def test_rir_outside_0_to_10_is_refused(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8")
    assert "0 to 10" in await rig.send("11")
    assert "0 to 10" in await rig.send("-1")
    assert "Stored" in await rig.send("2")


async def test_unknown_exercise_names_get_suggestions(rig):
    await onboard_by_buttons(rig)
    assert "Did you mean: Deadlift" in await rig.send("/log deadlfit 80x8")
    assert "Did you mean" in await rig.send("gobelt")
    assert "Goblet squat" in await rig.send("goblet")


async def test_a_weight_more_than_double_asks_for_confirmation(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat")
    assert "more than double" in await rig.send("150x8 150x8")
    assert "send the sets again" in await rig.press("No, let me fix it")
    assert await rig.count(LoggedSet) == 0
    await rig.send("150x8 150x8")
    await rig.press("Yes, store it")
    assert "Stored: Back squat 150 kg" in await rig.press("2")


async def test_undo_removes_the_last_exercise_and_restores_the_lift(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir5")
    assert await working_kg(rig, "deadlift") == 85
    assert "Removed: Deadlift 80 kg × 8,8" in await rig.send("/undo")
    assert await working_kg(rig, "deadlift") == 80
    assert await rig.count(LoggedSet) == 0
    assert "nothing to undo" in await rig.send("/undo")


async def test_undo_reopens_a_finished_session(rig):
    await onboard_by_buttons(rig)
    for line in ("ohp 35x8 35x8 rir3", "squat 67.5x8 67.5x8 rir3", "dl 80x8 80x8 rir3"):
        reply = await rig.send(f"/log {line}")
    assert "Session A done" in reply
    await rig.send("/undo")
    assert await rig.count(WorkoutSession, status="done") == 0
    assert (await rig.get(User, ALICE.id)).sessions_in_block == 0


async def test_history_pages_through_past_sessions(rig):
    await onboard_by_buttons(rig)
    for days_back in range(7, 0, -1):
        rig.travel(days=-days_back)
        await rig.send(f"/log squat {60 + days_back}x8 rir3")
        rig.travel(days=days_back)
    first = await rig.send("/history")
    assert first.count("session") == 5 and "61 kg" in first and "67 kg" not in first
    assert rig.button_labels() == ["◀ Older", "✏️ Edit or delete"]
    older = await rig.press("Older")
    assert "67 kg" in older and "61 kg" not in older
    assert "61 kg" in await rig.press("Newer")
    await rig.press("Older", BOB, chat_id=ALICE.id)
    assert "someone else" in rig.alerts()[-1]


async def test_plan_shows_this_weeks_lift_days_with_loads(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/plan")
    assert "Tuesday 24 November · session A" in reply
    assert "Thursday 26 November · session B" in reply
    assert "Goblet squat: 2 × 8 at 22 kg" in reply


async def test_the_same_update_delivered_twice_stores_once(rig):
    await onboard_by_buttons(rig)
    update = rig.updates.message(ALICE, "/log squat 67.5x8 67.5x8 rir3")
    await rig.deliver(update)
    assert await rig.deliver(update) == ""
    await rig.restart()  # a new process has forgotten the update; the database has not
    assert "Already stored" in await rig.deliver(update)
    assert await rig.count(ExerciseEntry) == 1 and await rig.count(LoggedSet) == 2


async def test_updates_from_two_chats_out_of_order_each_store_once(rig):
    await onboard_by_buttons(rig, ALICE)
    await onboard_by_buttons(rig, BOB)
    later = rig.updates.message(BOB, "/log squat 67.5x8 rir3", GROUP_ID)
    earlier = rig.updates.message(ALICE, "/log squat 67.5x8 rir3")
    earlier["update_id"], later["update_id"] = later["update_id"], earlier["update_id"]
    await rig.deliver(later)
    await rig.deliver(earlier)
    assert await rig.count(ExerciseEntry, user_id=ALICE.id) == 1
    assert await rig.count(ExerciseEntry, user_id=BOB.id) == 1


async def test_two_runners_interleave_log_in_a_group_without_mixing(rig):
    await onboard_by_buttons(rig, ALICE)
    await onboard_by_buttons(rig, BOB)
    await rig.send("/log squat", ALICE, GROUP_ID)
    await rig.send("/log deadlift", BOB, GROUP_ID)
    await rig.send("70x8 70x8", ALICE, GROUP_ID)
    await rig.send("100x8 100x8", BOB, GROUP_ID)
    await rig.press("3", BOB, GROUP_ID)
    await rig.press("2", ALICE, GROUP_ID)
    stored = {(s.user_id, s.exercise, s.weight) for s in await _stored_sets(rig)}
    assert stored == {(ALICE.id, "back_squat", 70), (BOB.id, "deadlift", 100)}


async def test_a_restart_in_the_middle_of_log_continues(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log")
    await rig.press("Back squat")
    await rig.restart()
    assert "How many more reps" in await rig.send("67.5x8 67.5x8")
    await rig.restart()
    assert "Stored: Back squat 67.5 kg × 8,8, 3 in reserve" in await rig.press("3")


async def test_check_in_trims_to_one_set_and_says_why(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Start logging")
    # Wednesday is a rest day in Alice's week: known, so not asked (issue 10, item 6).
    reply = await rig.press("8")
    assert "Is a quality session" not in reply and "a rest day tomorrow" in reply
    assert "One set per lift today" in reply and "sore (8/10)" in reply
    await rig.press("Back squat")
    await rig.press("Done as prescribed")
    await rig.press("3")
    assert [(s.weight, s.reps) for s in await _stored_sets(rig)] == [(67.5, 8)]
    assert "One set per lift today" in await rig.send("/today")


async def _set_up_to_calibrate_all(rig) -> None:
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.send("Europe/Berlin")
    await rig.send("tue=quality thu=easy")
    await rig.send("07:00")
    await rig.press("Full gym")
    await rig.press("Calibrate all")


async def test_calibration_climbs_and_sets_the_starting_weight(rig):
    await _set_up_to_calibrate_all(rig)
    assert "Overhead press: calibrate" in await rig.send("/today")
    await rig.send("/log ohp")
    assert "calibration set 1" in rig.last_text() and "20 kg" in rig.last_text()
    assert "calibration set 2" in await rig.press("5+")  # easy: heavier
    assert "25 kg" in rig.last_text()
    reply = await rig.press("3")
    assert "working weight is 25 kg" in reply
    assert await working_kg(rig, "overhead_press") == 25


async def test_a_calibration_set_can_be_answered_by_typing(rig):
    await _set_up_to_calibrate_all(rig)
    await rig.send("/log ohp")
    assert "calibration set 2" in await rig.send("5+")  # typed, not tapped
    reply = await rig.send("25x8 rir4")  # not an answer: asked again, the climb kept
    assert "Tap how many more" in reply and "calibration set 2" in reply
    assert "working weight is 25 kg" in await rig.send("rir 3")
    assert await working_kg(rig, "overhead_press") == 25


async def test_rest_timer_sends_a_message_when_the_rest_is_over(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await rig.press("Rest 2:00")
    assert "I'll tell you" in rig.alerts()[-1]
    assert await rig.run_jobs("rest") == 1
    assert "time for the next set" in rig.last_text()


async def test_swap_keeps_the_pattern_and_applies_to_today(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Swap an exercise")
    await rig.press("Deadlift")
    assert all(b in rig.button_labels() for b in ("Romanian deadlift", "Trap-bar deadlift"))
    assert "Back squat" not in rig.button_labels()
    await rig.press("Trap-bar deadlift")
    await rig.press("From now on")
    assert "Trap-bar deadlift: calibrate" in await rig.send("/today")
    assert (await rig.get(User, ALICE.id)).swaps == {"deadlift": "trap_bar_deadlift"}


async def test_move_offers_only_legal_days_and_moves_the_session(rig):
    await onboard_by_buttons(rig, ALICE)
    await rig.send("/rundays tue=quality sat=long")  # lift days Tue and Thu
    await rig.send("/today")
    await rig.press("Move to another day")
    # Wed is next to Thu, Thu is the next session, Fri is the long run's eve.
    assert "stays" in rig.last_text()


async def test_moving_a_session_to_a_legal_later_day(rig):
    await onboard_by_buttons(rig, ALICE)
    await rig.send("/rundays tue=quality sun=long")  # lift days Tue and Fri
    await rig.send("/today")
    await rig.press("Move to another day")
    assert rig.button_labels() == ["Wednesday 25 November"]
    assert "now on Wednesday" in await rig.press("Wednesday 25 November")
    assert "Next session: A on Wednesday 25 November" in await rig.send("/today")
    rig.travel(days=1)
    assert "Session A" in await rig.send("/today")
    await rig.press_data("move:2026-11-29")  # a forged, illegal day
    assert "stays" in rig.last_text()
