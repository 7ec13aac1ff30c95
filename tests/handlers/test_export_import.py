"""/export sends every set as CSV and the rest as JSON; /import brings a CSV back (RunLift's
own, or Strong's) without duplicating and without moving working weights."""

import csv
import io
import json

from sqlalchemy import select

from models import LiftState, LoggedSet, WorkoutSession
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, BOB

STRONG = (
    "Date;Workout Name;Duration;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes\n"
    "2026-11-10 07:30:12;Legs;41m;Squat (Barbell);W;40;kg;8;;;;0;;\n"
    "2026-11-10 07:30:12;Legs;41m;Squat (Barbell);1;60;kg;8;8;;;0;;\n"
    "2026-11-10 07:30:12;Legs;41m;Squat (Barbell);2;60;kg;8;8,5;;;0;;\n"
    "2026-11-10 07:30:12;Legs;41m;Squat (Barbell);Rest Timer;0;kg;0;;;;90;;\n"
    "2026-11-10 07:30:12;Legs;41m;Leg Press (Machine);1;120;kg;10;;;;0;;\n"
    "2026-11-10 07:30:12;Legs;41m;Bicep Curl (Dumbbell);1;10;kg;12;;;;0;;\n"
    "2026-11-12 18:02:00;Upper;35m;Overhead Press (Barbell);1;75;lbs;6;;;;0;;\n"
    "2026-11-12 18:02:00;Upper;35m;Goblet Squat (Kettlebell);1;20;kg;10;7;;;0;;\n"
    "2026-11-12 18:02:00;Upper;35m;Deadlift (Barbell);1;abc;kg;5;;;;0;;\n"
)


async def _logged_history(rig) -> None:
    """Alice: set up on Tuesday 24 November, three sessions over a week, a weigh-in, a race."""
    await onboard_by_buttons(rig)
    await rig.send("/log ohp 35x8 35x8 rir3")
    await rig.send("/log squat 60x8 60x8 rir3")
    await rig.send("/log deadlift 80x8 80x8 rir3")
    await rig.send("/weight 62.5")
    await rig.send("/race 2027-04-12 half")
    rig.travel(days=2)  # Thursday
    await rig.send("/log goblet 24x8 24x7 rir1")
    await rig.send("/done")
    rig.travel(days=5)  # Tuesday
    await rig.send("/log deadlift 82.5x8 82.5x8 rir2")


async def _export(rig, user=ALICE) -> tuple[list[dict], dict, bytes]:
    await rig.send("/export", user)
    documents = [m.file for m in rig.api.sent_to(user.id)[-2:]]
    assert [d.name.rsplit(".", 1)[1] for d in documents] == ["csv", "json"]
    raw = documents[0].data
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    return rows, json.loads(documents[1].data), raw


async def _stored_sets(rig, user_id: int) -> list[tuple]:
    async with rig.database.session() as session:
        query = (
            select(WorkoutSession.local_date, WorkoutSession.session_name, LoggedSet.exercise,
                   LoggedSet.set_number, LoggedSet.weight, LoggedSet.unit, LoggedSet.reps,
                   LoggedSet.rir)
            .join(WorkoutSession, WorkoutSession.id == LoggedSet.session_id)
            .where(LoggedSet.user_id == user_id)
            .order_by(WorkoutSession.local_date, LoggedSet.entry_id, LoggedSet.set_number)
        )  # fmt: skip
        return [tuple(row) for row in await session.execute(query)]


def _as_stored(rows: list[dict]) -> list[tuple]:
    from datetime import date

    return [(date.fromisoformat(r["date"]), r["session"], r["lift"], int(r["set"]),
             float(r["weight"]), r["unit"], int(r["reps"]), int(r["rir"]) if r["rir"] else None)
            for r in rows]  # fmt: skip


async def _import(rig, data: bytes, user=BOB, caption="/import", name="runlift.csv") -> str:
    return await rig.deliver(rig.updates.document(user, name, data, caption))


async def test_the_export_is_every_logged_set_and_the_profile(rig):
    await _logged_history(rig)
    rows, account, raw = await _export(rig)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # a spreadsheet opens it as is
    assert list(rows[0]) == ["date", "session", "exercise", "lift", "set", "weight", "unit",
                             "reps", "rir", "e1rm"]  # fmt: skip
    assert _as_stored(rows) == await _stored_sets(rig, ALICE.id)
    assert len(rows) == 10
    goblet = next(r for r in rows if r["date"] == "2026-11-26" and r["set"] == "2")
    assert goblet["exercise"] == "Goblet squat" and goblet["rir"] == "1"
    assert goblet["session"] == "B"
    assert float(goblet["e1rm"]) == round(24 * 36 / (37 - (7 + 1)), 1)  # Brzycki, reps + RIR
    first = next(r for r in rows if r["set"] == "1")
    # its line's reserve (rir3, stored on the last set) is its own too
    assert first["rir"] == "" and float(first["e1rm"]) == round(35 * 36 / (37 - (8 + 3)), 1)
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r.values())
    assert account["profile"]["units"] == "kg"
    assert account["profile"]["timezone"] == "Europe/Berlin"
    assert account["run_week"] == {"tuesday": "quality", "thursday": "easy", "saturday": "long"}
    assert account["races"] == [{"date": "2027-04-12", "distance": "half"}]
    assert account["bodyweight"] == [{"date": "2026-11-24", "weight_kg": 62.5}]
    lifts = {w["lift"]: w["weight_kg"] for w in account["working_weights"]}
    async with rig.database.session() as session:
        states = await session.scalars(select(LiftState).where(LiftState.user_id == ALICE.id))
        assert lifts == {s.exercise: s.working_weight_kg for s in states}


async def test_an_export_imported_into_an_empty_account_reproduces_it_once(rig):
    await _logged_history(rig)
    rows, _, raw = await _export(rig)
    rig.travel(days=1)  # every exported day is in the past now
    await onboard_by_buttons(rig, BOB)
    async with rig.database.session() as session:
        before = {
            s.exercise: (s.working_weight_kg, s.reason_code)
            for s in await session.scalars(select(LiftState).where(LiftState.user_id == BOB.id))
        }
    today_before = await rig.send("/today", BOB)
    reply = await _import(rig, raw)
    assert "Imported 10 sets on 3 days" in reply
    assert await _stored_sets(rig, BOB.id) == await _stored_sets(rig, ALICE.id)
    again, _, _ = await _export(rig, BOB)
    assert again == rows
    reply = await _import(rig, raw)  # the same file again: nothing added
    assert "Nothing new to import" in reply and "10 sets skipped" in reply
    assert len(await _stored_sets(rig, BOB.id)) == 10
    async with rig.database.session() as session:
        after = {
            s.exercise: (s.working_weight_kg, s.reason_code)
            for s in await session.scalars(select(LiftState).where(LiftState.user_id == BOB.id))
        }
    assert after == before  # history only: no working weight moved
    assert await rig.send("/today", BOB) == today_before  # nor the A/B order
    assert "nothing to undo" in await rig.send("/undo", BOB)  # imported history is not undone


async def test_reimporting_into_the_account_it_came_from_adds_nothing(rig):
    await _logged_history(rig)
    _, _, raw = await _export(rig)
    reply = await _import(rig, raw, ALICE)
    # The last session is today's: it is for /log; the others are logged already.
    assert "Nothing new to import" in reply and "today or later" in reply
    assert len(await _stored_sets(rig, ALICE.id)) == 10


async def test_a_strong_export_maps_the_programme_lifts_and_reports_the_rest(rig):
    await onboard_by_buttons(rig, BOB)
    reply = await _import(rig, STRONG.encode(), name="strong.csv")
    assert "Imported 4 sets on 2 days" in reply
    assert "2 rows of warm-ups, drop sets or rest timers skipped" in reply
    assert "1 row skipped" in reply  # the deadlift of weight "abc"
    assert "2 sets of exercises outside the programme skipped" in reply
    assert "Leg Press (Machine)" in reply and "Bicep Curl (Dumbbell)" in reply
    stored = [row[2:] for row in await _stored_sets(rig, BOB.id)]
    assert stored == [
        ("back_squat", 1, 60.0, "kg", 8, 2),  # RPE 8: 2 in reserve
        ("back_squat", 2, 60.0, "kg", 8, 1),  # RPE 8.5: a half point rounds down
        ("overhead_press", 1, 75.0, "lb", 6, None),
        ("goblet_squat", 1, 20.0, "kg", 10, 3),
    ]
    history = await rig.send("/history", BOB)
    assert "Overhead press" in history and "imported" in history


async def test_import_first_then_the_file_as_the_next_message(rig):
    await onboard_by_buttons(rig, BOB)
    assert "Send the CSV now" in await rig.send("/import", BOB)
    assert "Imported 4 sets" in await _import(rig, STRONG.encode(), caption="")
    # Without /import, a document only gets the how-to.
    assert "caption /import" in await _import(rig, STRONG.encode(), caption="")


async def test_files_that_are_not_history_are_refused_and_change_nothing(rig):
    await onboard_by_buttons(rig, BOB)
    assert "don't recognise the columns" in await _import(rig, b"name,age\nBob,40\n")
    assert "isn't a CSV" in await _import(rig, b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert "too big" in await _import(rig, b"date,lift\n" + b"x" * 2_100_000)
    hostile = "date,session,exercise,lift,set,weight,unit,reps,rir,e1rm\n" \
              "2026-11-20,A,<b>=HYPERLINK(\"x\"),x,1,1e309,kg,8,,\n" \
              "2026-11-20,A,Back squat,back_squat,1,1e309,kg,8,,\n"  # fmt: skip
    reply = await _import(rig, hostile.encode())
    assert "Nothing new to import" in reply and '<b>=HYPERLINK("x")' in reply
    assert "1 row skipped" in reply
    assert await _stored_sets(rig, BOB.id) == []
