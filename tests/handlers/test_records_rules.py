"""One rule for what a set says about strength and one history for what counts as a record:
a set's reserve is its own, else the one reported for its lift that day (no reserve known: no
e1RM); a log is judged against what came before its day, however late it was sent; imported
history counts for records, never for sessions done."""

import csv
import io
from datetime import UTC, date, datetime, timedelta

from tests.handlers.helpers import onboard_by_buttons
from tests.handlers.test_groups_coaching import CLUB, COACH, _club, _press_own, _reminder_on
from tests.rig import ALICE


def brzycki(weight: float, reps_to_failure: int) -> float:
    return weight * 36 / (37 - reps_to_failure)


async def _exported_rows(rig) -> list[dict]:
    await rig.send("/export")
    data = rig.api.sent_to(ALICE.id)[-2].file.data
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


async def test_every_set_of_a_line_takes_the_reserve_reported_for_it(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 60x8 rir3")
    rows = await _exported_rows(rig)
    assert [r["rir"] for r in rows] == ["", "3"]  # as logged
    expected = f"{brzycki(60, 8 + 3):.1f}"  # 83.1, not 74.5 for the first set
    assert [r["e1rm"] for r in rows] == [expected, expected]
    records = await rig.send("/records")
    assert f"Estimated 1RM: {expected} kg, from 60 kg × 8, 3 in reserve" in records


async def test_a_group_button_session_without_its_reserve_does_not_read_as_a_drop(rig):
    await _club(rig)
    rig.now = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)  # Tuesday
    await rig.send("/log deadlift 80x8 80x8 rir3", ALICE)
    reminder = await _reminder_on(rig, date(2026, 11, 26))  # Thursday: the button, no answer
    await _press_own(rig, ALICE, reminder)
    await onboard_by_buttons(rig, COACH)
    await rig.send("/team", COACH, CLUB)
    alice = rig.last_text(COACH.id).split("Alice:")[1].split("•")[0]
    # Thursday's sets have no reserve yet: no estimate to compare with Tuesday's.
    assert "deadlift down" not in alice and "deadlift" not in alice.split("e1RM")[1]


async def test_a_log_sent_late_is_judged_against_what_came_before_its_day(rig):
    await onboard_by_buttons(rig)  # Tuesday 24 November
    await rig.send("/log squat 70x8 70x8 rir3")
    reply = await rig.send("/log 2026-11-20 squat 75x8 75x8 rir3")
    assert "New record" not in reply and "New best" not in reply  # nothing before 20 November
    records = await rig.send("/records")
    assert "8 reps: 75 kg × 8, 3 in reserve (20 Nov)" in records
    rig.travel(days=2)
    reply = await rig.send("/log squat 77.5x8 77.5x8 rir3")
    assert "New record: Back squat 77.5 kg × 8" in reply


async def test_a_set_without_any_reserve_sets_weight_records_but_no_estimate(rig):
    await _club(rig)
    reminder = await _reminder_on(rig, date(2026, 11, 24))  # the button; the reserve unanswered
    await _press_own(rig, ALICE, reminder)
    records = await rig.send("/records", ALICE)
    deadlift = records.split("Deadlift")[1].split("\n\n")[0]
    assert "8 reps: " in deadlift and "8 reps: —" not in deadlift
    assert "Estimated 1RM" not in records  # not "to failure": unknown
    await rig.press("3", ALICE)  # answered: the last set of each lift says it
    assert "Estimated 1RM" in await rig.send("/records", ALICE)


IMPORTED = (
    "date,session,exercise,lift,set,weight,unit,reps,rir,e1rm\n"
    "2026-11-25,,Back squat,back_squat,1,60,kg,8,3,\n"
    "2026-11-27,,Back squat,back_squat,1,62.5,kg,8,3,\n"
)


async def test_imported_history_is_no_session_done_in_the_weekly_summary(rig):
    await onboard_by_buttons(rig)  # Tuesday 24 November
    await rig.send("/log squat 55x8 55x8 rir3")
    rig.travel(days=4)  # Saturday
    reply = await rig.deliver(rig.updates.document(ALICE, "runlift.csv", IMPORTED.encode(),
                                                   "/import"))  # fmt: skip
    assert "2 sets" in reply or "2 days" in reply, reply
    await rig.send("/summary sun 18:00")
    while rig.now < datetime(2026, 11, 29, 17, 0, tzinfo=UTC):
        rig.now = min(rig.now + timedelta(hours=6), datetime(2026, 11, 29, 17, 0, tzinfo=UTC))
        await rig.tick()
    [text] = [m.text for m in rig.api.sent_to(ALICE.id) if "Your week" in m.text]
    assert "Sessions: 1 of 2 planned." in text  # Tuesday; the imported days are history
    assert "Back squat 62.5 kg × 8" in text  # imported history still counts for records
