"""Changing what was logged: /history's edit and delete, and /undo that asks before reaching
into an earlier day. The lift's next load is worked out again from the corrected log.

The rig's clock starts on Tuesday 24 November 2026 in Berlin (session A: press, squat,
deadlift at 80 kg); Thursday is session B (deadlift again).
"""

from models import ExerciseEntry, LoggedSet
from tests.handlers.helpers import onboard_by_buttons, working_kg
from tests.rig import ALICE, BOB


async def _open_entry(rig, label: str) -> str:
    """/history, Edit or delete, and the logged exercise labelled `label`."""
    await rig.send("/history")
    await rig.press("Edit or delete")
    return await rig.press(label)


async def test_editing_a_set_stores_it_and_works_the_next_load_out_again(rig):
    await onboard_by_buttons(rig)
    await onboard_by_buttons(rig, BOB)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    easy = await working_kg(rig, "deadlift")
    shown = await _open_entry(rig, "Deadlift")
    assert "1. 80 kg × 8" in shown and "2. 80 kg × 8, 3 in reserve" in shown
    await rig.press("Set 2")
    reply = await rig.send("80x5 rir0")
    assert "Corrected" in reply and "Deadlift 80 kg × 8,5, 0 in reserve" in reply
    assert await rig.count(LoggedSet, reps=5) == 1 and await rig.count(LoggedSet) == 2
    # The same as logging the corrected sets in the first place (Bob, same day and plan).
    await rig.send("/log deadlift 80x8 80x5 rir0", BOB)
    assert await working_kg(rig, "deadlift") == await working_kg(rig, "deadlift", BOB)
    assert await working_kg(rig, "deadlift") < easy
    assert "Next time" in reply


async def test_a_bad_corrected_set_gets_the_expected_form_and_changes_nothing(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    await _open_entry(rig, "Deadlift")
    await rig.press("Set 1")
    reply = await rig.send("eighty")
    assert "e.g." in reply
    assert await rig.count(LoggedSet, reps=8) == 2


async def test_deleting_asks_first_then_puts_the_lift_back_as_before_that_log(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    after_tuesday = await working_kg(rig, "deadlift")
    rig.travel(days=2)
    await rig.send("/log deadlift 85x8 85x8 rir1")
    await _open_entry(rig, "Thu 26 Nov · Deadlift")
    question = await rig.press("Delete")
    assert "Delete Deadlift 85 kg × 8,8" in question
    await rig.press("Keep it")
    assert await rig.count(ExerciseEntry) == 2
    await rig.press("Delete")
    reply = await rig.press("Yes, delete")
    assert "Deleted: Deadlift 85 kg × 8,8" in reply
    assert await rig.count(ExerciseEntry) == 1 and await rig.count(LoggedSet) == 2
    assert await working_kg(rig, "deadlift") == after_tuesday


async def test_deleting_an_earlier_log_judges_the_later_ones_again(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    rig.travel(days=2)
    await rig.send("/log deadlift 85x8 85x8 rir1")
    await _open_entry(rig, "Tue 24 Nov · Deadlift")
    await rig.press("Delete")
    await rig.press("Yes, delete")
    async with rig.database.session() as session:
        thursday = await session.get(ExerciseEntry, 2)
    assert thursday.previous_state["working_weight_kg"] == 80.0  # as onboarding left it
    assert await rig.count(ExerciseEntry) == 1


async def test_undo_asks_before_reaching_into_an_earlier_day(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    rig.travel(days=2)
    question = await rig.send("/undo")
    assert "Tuesday 24 November" in question and "Deadlift 80 kg × 8,8" in question
    assert await rig.count(ExerciseEntry) == 1
    await rig.press("Keep it")
    assert await rig.count(ExerciseEntry) == 1
    await rig.send("/undo")
    reply = await rig.press("Yes, remove it")
    assert "Removed: Deadlift 80 kg × 8,8" in reply
    assert await rig.count(ExerciseEntry) == 0


async def test_undo_of_today_says_what_it_removed_at_once(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    reply = await rig.send("/undo")
    assert "Removed: Deadlift 80 kg × 8,8" in reply
    assert await working_kg(rig, "deadlift") == 80.0


async def test_someone_elses_or_a_gone_entry_cannot_be_edited_or_deleted(rig):
    await onboard_by_buttons(rig)
    await onboard_by_buttons(rig, BOB)
    await rig.send("/log deadlift 80x8 80x8 rir3", BOB)
    await rig.send("/history")
    for data in ("hent:1", "hdel:1", "hdelok:1", "hset:1:1", "hdelok:x"):
        reply = await rig.press_data(data, ALICE)
        assert "Deleted" not in reply
    assert await rig.count(ExerciseEntry) == 1
    assert await rig.count(LoggedSet, user_id=BOB.id) == 2


async def test_a_corrected_set_reads_like_log_reps_alone_keep_its_weight_and_rpe_counts(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    await _open_entry(rig, "Deadlift")
    await rig.press("Set 2")
    reply = await rig.send("6 @9")
    assert "Corrected: Deadlift 80 kg × 8,6, 1 in reserve" in reply


async def test_a_correction_after_a_block_switch_leaves_the_switched_load(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    await rig.send("/done")
    rig.travel(days=1)
    await rig.send("/block 3x5")
    switched = await working_kg(rig, "deadlift")
    await _open_entry(rig, "Deadlift")
    await rig.press("Set 1")
    reply = await rig.send("80x8")
    assert "Corrected" in reply and "stays as it is" in reply
    assert await working_kg(rig, "deadlift") == switched


async def test_a_set_button_in_the_middle_of_logging_keeps_the_log(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    await _open_entry(rig, "Deadlift")
    await rig.send("/log squat")
    reply = await rig.press("Set 1")
    assert "middle of logging" in reply
    assert "Stored: Back squat 67.5 kg × 8,8" in await rig.send("67.5x8 67.5x8 rir2")


async def test_correcting_an_earlier_day_then_done_finishes_today_not_that_day(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    rig.travel(days=2)
    await rig.send("/log deadlift 82.5x8 82.5x8 rir3")
    await _open_entry(rig, "Tue 24 Nov · Deadlift")
    await rig.press("Set 1")
    reply = await rig.send("/done")
    assert "Thursday 26 November" in reply and "Tuesday 24 November" not in reply


async def test_an_edited_log_message_after_done_is_not_stored_again(rig):
    await onboard_by_buttons(rig)
    first = rig.updates.message(ALICE, "/log deadlift 80x8 80x8 rir3")
    await rig.deliver(first)
    await rig.send("/done")
    reply = await rig.deliver(rig.updates.edited(first, "/log deadlift 80x8 80x8 rir2"))
    assert "Already stored" in reply
    assert await rig.count(ExerciseEntry) == 1


async def test_ten_sets_get_their_buttons_in_rows_telegram_accepts(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 10x3@80 rir3")
    await _open_entry(rig, "Deadlift")
    rows = rig.api.last_message(ALICE.id).buttons
    assert all(len(row) <= 8 for row in rows) and sum(len(row) for row in rows) == 11


async def test_forged_set_numbers_and_odd_digits_are_stale_buttons(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log deadlift 80x8 80x8 rir3")
    for data in ("hset:1:0", "hset:1:3", "hent:²", "hent:99999999999"):
        await rig.press_data(data)
    assert await rig.count(LoggedSet) == 2


async def test_a_log_for_a_day_before_the_lifts_last_keeps_the_next_load(rig):
    await onboard_by_buttons(rig)
    rig.travel(days=2)  # Thursday
    await rig.send("/log deadlift 80x8 80x8 rir3")
    after_thursday = await working_kg(rig, "deadlift")
    reply = await rig.send("/log 2026-11-24 deadlift 60x8 rir3")  # Tuesday, remembered late
    assert "Stored" in reply and "earlier" in reply
    assert await working_kg(rig, "deadlift") == after_thursday
    assert await rig.count(LoggedSet, reps=8) == 3


async def test_deleting_one_lift_of_a_finished_session_keeps_it_finished(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await rig.send("/log deadlift 80x8 80x8 rir3")
    await rig.send("/done")
    await _open_entry(rig, "Deadlift")
    await rig.press("Delete")
    await rig.press("Yes, delete")
    today = await rig.send("/today")
    assert "Session A done" in today and "Not logged: Overhead press, Deadlift" in today
