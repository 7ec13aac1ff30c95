"""Imported history sits beside the programme: /undo and corrections look through it, and it
never lands in a programme session.

The rig's clock starts on Tuesday 24 November 2026 (session A: press, squat 67.5 kg,
deadlift); the imported squats are from Tuesday 10 November.
"""

from sqlalchemy import select

from models import ExerciseEntry, WorkoutSession
from tests.handlers.helpers import onboard_by_buttons, working_kg
from tests.rig import ALICE

HEADER = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes\n"
)
OLD_SQUATS = HEADER + (
    "2026-11-10 07:30:12;Legs;Squat (Barbell);1;50;kg;8;8;;;0;;\n"
    "2026-11-10 07:30:12;Legs;Squat (Barbell);2;50;kg;8;8;;;0;;\n"
    "2026-11-10 07:30:12;Legs;Squat (Barbell);3;50;kg;8;8;;;0;;\n"
)


async def _import(rig, data: str, user=ALICE) -> str:
    return await rig.deliver(rig.updates.document(user, "strong.csv", data.encode(), "/import"))


async def _open_entry(rig, label: str) -> str:
    await rig.send("/history")
    await rig.press("Edit or delete")
    return await rig.press(label)


async def test_undo_after_an_import_puts_the_lift_back(rig):
    await onboard_by_buttons(rig)
    start = await working_kg(rig, "back_squat")
    assert "Next time: 70 kg" in await rig.send("/log squat 67.5x8 67.5x8 rir3")
    assert "back where it was" in await rig.send("/undo")
    assert await working_kg(rig, "back_squat") == start
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    assert "Imported 3 sets on 1 day" in await _import(rig, OLD_SQUATS)
    reply = await rig.send("/undo")
    assert "Removed: Back squat 67.5 kg × 8,8. The lift is back where it was." in reply
    assert "changed after this log" not in reply
    assert await working_kg(rig, "back_squat") == start
    # /today and /plan show today's squat at the same (restored) load.
    assert "Back squat: 2 × 8 at 67.5 kg" in await rig.send("/today")
    assert "Back squat: 2 × 8 at 67.5 kg" in await rig.send("/plan")


async def test_a_correction_after_an_import_is_worked_out_again(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await _import(rig, OLD_SQUATS)
    await _open_entry(rig, "Tue 24 Nov · Back squat")
    await rig.press("Set 2")
    reply = await rig.send("67.5x8 rir0")
    assert "Corrected" in reply and "Next time" in reply and "changed after" not in reply
    assert await working_kg(rig, "back_squat") < 67.5  # 0 in reserve: one step down


async def test_correcting_imported_history_moves_no_working_weight(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await _import(rig, OLD_SQUATS)
    await _open_entry(rig, "Tue 10 Nov · Back squat")
    await rig.press("Set 1")
    reply = await rig.send("55x8")
    assert "Corrected" in reply and "imported history" in reply
    assert await working_kg(rig, "back_squat") == 70
    await _open_entry(rig, "Tue 10 Nov · Back squat")
    await rig.press("Delete")
    reply = await rig.press("Yes, delete")
    assert "Deleted" in reply and "imported history" in reply
    assert await working_kg(rig, "back_squat") == 70
    assert "back where it was" in await rig.send("/undo")  # today's log is still the last one


async def test_an_import_never_fills_a_programme_session(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")  # Tuesday's session A is stored, then not lifted (missed)
    rig.travel(days=2)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await rig.send("/done")
    rig.travel(days=1)
    tuesday_and_thursday = HEADER + (
        "2026-11-24 07:30:12;Legs;Squat (Barbell);1;60;kg;8;;;;0;;\n"
        "2026-11-26 07:30:12;Legs;Deadlift (Barbell);1;80;kg;8;;;;0;;\n"
        "2026-11-10 07:30:12;Legs;Squat (Barbell);1;50;kg;8;8;;;0;;\n"
    )
    reply = await _import(rig, tuesday_and_thursday)
    assert "Imported 1 set on 1 day" in reply
    assert "2 sets skipped: RunLift has a programme session on that day" in reply
    async with rig.database.session() as session:
        rows = await session.execute(
            select(
                WorkoutSession.local_date, WorkoutSession.imported, ExerciseEntry.source_key
            ).join(ExerciseEntry, ExerciseEntry.session_id == WorkoutSession.id)
        )
        for day, imported, key in rows:
            assert imported == key.startswith("import:"), (day, key)
    board = await rig.send("/history")
    assert "Tue 24 Nov" not in board  # the missed session stays missed


async def test_an_import_checks_sets_as_log_does_and_says_what_it_skipped(rig):
    await onboard_by_buttons(rig)
    rows = HEADER + (
        "2026-11-10 07:30:12;Legs;Squat (Barbell);1;60;kg;40;;;;0;;\n"  # /log takes up to 30 reps
        "2026-11-10 07:30:12;Legs;Squat (Barbell);2;60;kg;30;;;;0;;\n"
        "2026-11-10 07:30:12;Legs;Deadlift (Barbell);1;1105;lbs;1;;;;0;;\n"  # over /log's 1100 lb
        "2026-11-10 07:30:12;Legs;Rest Timer;;0;kg;0;;;;90;;\n"
    )
    reply = await _import(rig, rows)
    assert "Imported 1 set on 1 day" in reply
    assert "2 rows skipped: a date, weight or reps I couldn't read" in reply
    assert "1 row of warm-ups, drop sets or rest timers skipped" in reply
    assert "outside the programme" not in reply


async def test_the_json_export_is_refused_as_the_profile_it_is(rig):
    await onboard_by_buttons(rig)
    await rig.send("/export")
    profile = rig.api.sent_to(ALICE.id)[-1].file.data
    reply = await rig.deliver(rig.updates.document(ALICE, "runlift.json", profile, "/import"))
    assert "only the CSV" in reply and "recognise the columns" not in reply
