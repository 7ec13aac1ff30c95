"""/progress: a chart sent as a photo (or, before two sessions, what it will show) and /records.

Caption numbers are worked out here from the logged sets, independently of the bot's code:
Brzycki e1RM with reps + reserve as reps to failure (a set's reserve is its own, else the one
reported for its line; none known: no estimate), the best set per session, the newest session
against the last one at least 4 (12) weeks before today, or the first session when none is that
old.
"""

import threading
from datetime import date, timedelta

import pytest

from coaching import Prescription, SessionName
from coaching.session import PrescribedLift
from models import BodyweightEntry, ExerciseEntry, LoggedSet, Race, WorkoutSession
from render import charts
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE

TODAY = date(2026, 11, 24)  # the rig's Tuesday
KG_PER_LB = 0.45359237


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (after checking the signature)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def e1rm(weight: float, reps: int, rir: int) -> float:
    return weight * 36 / (37 - (reps + rir))


def change(dated: list[tuple[date, float]], weeks: int) -> str:
    old = [(d, v) for d, v in dated if d <= TODAY - timedelta(weeks=weeks)]
    since, value = old[-1] if old else dated[0]
    amount = f"{dated[-1][1] - value:+.1f}"
    return f"{amount} kg in {weeks} weeks" if old else f"{amount} kg since {since.day} {since:%b}"


def sent_photo(rig):
    message = rig.api.last_message(ALICE.id)
    assert message.file is not None and message.file.kind == "photo", message.text
    return message


async def test_before_two_sessions_a_text_says_what_will_appear(rig):
    await onboard_by_buttons(rig)
    for _ in range(2):  # no session, then one
        reply = await rig.send("/progress")
        assert "appears once you have logged two sessions" in reply
        assert rig.api.last_message(ALICE.id).file is None
        await rig.send("/log squat 67.5x8 67.5x8 rir3")
    assert "Fewer than two sessions" not in await rig.send("/progress squat")


async def test_two_sessions_give_a_phone_sized_photo_with_the_changes(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 65x8 65x8 rir3")
    await rig.send("/log squat 67.5x8 67.5x8 rir2")
    await rig.send("/progress")
    message = sent_photo(rig)
    assert message.file.mime_type == "image/png"
    width, height = png_size(message.file.data)
    assert width >= 1080 and height == charts.PANEL_HEIGHT_PX  # one lift logged: one panel
    first, second = e1rm(65, 8, 3), e1rm(67.5, 8, 2)
    since = f"+{second - first:.1f} kg since 23 Nov"
    assert f"Back squat {second:.1f} kg: {since}" in message.text
    assert "last 12 weeks, kg" in message.text


async def test_in_pounds_the_caption_and_axes_are_in_pounds(rig):
    await onboard_by_buttons(rig)
    await rig.send("/units lb")
    await rig.send("/log yesterday deadlift 185x8 185x8 rir3")
    await rig.send("/log deadlift 195x8 195x8 rir3")
    await rig.send("/progress deadlift")
    message = sent_photo(rig)
    assert png_size(message.file.data) == (charts.WIDTH_PX, charts.LARGE_HEIGHT_PX)
    latest = e1rm(195, 8, 3)
    assert f"Deadlift {latest:.1f} lb: +{latest - e1rm(185, 8, 3):.1f} lb since" in message.text
    assert "kg" not in message.text


async def test_with_bodyweight_a_strength_for_bodyweight_panel_and_ratio(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 65x8 65x8 rir3")
    await rig.send("/log squat 67.5x8 67.5x8 rir2")
    async with rig.database.session() as session:
        session.add(BodyweightEntry(user_id=ALICE.id, entry_date=TODAY, weight_kg=60.0))
        await session.commit()
    await rig.send("/progress")
    message = sent_photo(rig)
    _width, height = png_size(message.file.data)
    assert height == charts.PANEL_HEIGHT_PX + charts.BODYWEIGHT_HEIGHT_PX
    assert f"{e1rm(67.5, 8, 2) / 60:.2f} × bodyweight" in message.text


async def _seed(rig, sessions: int, unit: str = "kg") -> dict[str, list[tuple[date, float]]]:
    """`sessions` sessions, every 3 or 4 days up to today, each with squat, deadlift and press
    (two sets, the last with its reserve); 2x8 then 3x6; a race; returns each lift's best e1RM
    per session (kg), worked out here."""
    lifts = {"back_squat": 60.0, "deadlift": 80.0, "overhead_press": 30.0}
    dated: dict[str, list[tuple[date, float]]] = {key: [] for key in lifts}
    async with rig.database.session() as db:
        for i in range(sessions):
            day = TODAY - timedelta(days=(sessions - 1 - i) * 7 // 2)
            block, reps = ("2x8", 8) if i < sessions // 2 else ("3x6", 6)
            weights = {
                key: start + 2.5 * (i // 3) - 5 * (i % 5 == 4) for key, start in lifts.items()
            }
            prescription = Prescription(SessionName.A, block, tuple(
                PrescribedLift(key, w, 2, reps, None) for key, w in weights.items()))  # fmt: skip
            workout = WorkoutSession(user_id=ALICE.id, session_name="A", block=block,
                                     local_date=day, status="done",
                                     prescription=prescription)  # fmt: skip
            db.add(workout)
            await db.flush()
            for key, weight in weights.items():
                rir = 1 + i % 4
                entry = ExerciseEntry(session_id=workout.id, user_id=ALICE.id, exercise=key,
                                      rir=rir, chat_id=ALICE.id,
                                      source_key=f"seed:{i}")  # fmt: skip
                db.add(entry)
                await db.flush()
                for number, set_rir in ((1, None), (2, rir)):
                    db.add(LoggedSet(entry_id=entry.id, session_id=workout.id, user_id=ALICE.id,
                                     exercise=key, set_number=number, weight=weight, unit="kg",
                                     reps=reps, rir=set_rir, chat_id=ALICE.id))  # fmt: skip
                dated[key].append((day, e1rm(weight, reps, rir)))  # both sets: the line's
        db.add(Race(user_id=ALICE.id, race_date=TODAY - timedelta(days=30), distance="10k"))
        await db.commit()
    return dated


@pytest.mark.parametrize("bodyweight", [False, True])
async def test_two_hundred_sessions(rig, bodyweight):
    await onboard_by_buttons(rig)
    dated = await _seed(rig, 200)
    if bodyweight:
        async with rig.database.session() as db:
            db.add(BodyweightEntry(user_id=ALICE.id, entry_date=TODAY - timedelta(days=500),
                                   weight_kg=62.0))  # fmt: skip
            await db.commit()
    for command in ("/progress", "/progress all"):
        await rig.send(command)
        message = sent_photo(rig)
        width, height = png_size(message.file.data)
        # three lifts: two columns, two rows (and the bodyweight panel)
        extra = charts.BODYWEIGHT_HEIGHT_PX if bodyweight else 0
        assert (width, height) == (charts.WIDTH_PX, 2 * charts.PANEL_HEIGHT_PX + extra)
        for key, name in (("back_squat", "Back squat"), ("deadlift", "Deadlift"),
                          ("overhead_press", "Overhead press")):  # fmt: skip
            points = dated[key]
            expected = f"{name} {points[-1][1]:.1f} kg: {change(points, 4)}, {change(points, 12)}"
            assert expected in message.text
            if bodyweight:
                assert f"{points[-1][1] / 62:.2f} × bodyweight" in message.text


async def test_the_chart_is_drawn_off_the_event_loop(rig, monkeypatch):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 65x8 65x8 rir3")
    await rig.send("/log squat 67.5x8 67.5x8 rir2")
    threads = []
    draw = charts.progress_png

    def spy(chart):
        threads.append(threading.current_thread())
        return draw(chart)

    monkeypatch.setattr(charts, "progress_png", spy)
    await rig.send("/progress")
    sent_photo(rig)
    assert threads and threads[0] is not threading.main_thread()
    assert threads[0].name.startswith("chart")


async def test_an_unknown_lift_gets_the_usage(rig):
    await onboard_by_buttons(rig)
    assert "/progress squat" in await rig.send("/progress skipping")


async def test_older_sessions_are_pointed_to(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 65x8 65x8 rir3")
    rig.travel(days=3)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    rig.travel(days=120)
    reply = await rig.send("/progress squat")
    assert "Fewer than two sessions of your Back squat in the last 12 weeks" in reply
    assert "/progress back squat all" in reply
    await rig.send("/progress back squat all")
    sent_photo(rig)


async def test_records_come_from_the_logs_and_are_announced_once(rig):
    await onboard_by_buttons(rig)
    assert "No records yet" in await rig.send("/records")
    await rig.send("/log yesterday squat 65x8 65x8 rir3")  # the first session: nothing to beat
    reply = await rig.send("/log squat 70x6 70x6 70x6 rir2")  # heavier for 6 (and 5) reps
    assert "New record: Back squat 70 kg × 6" in reply
    assert "New best estimated 1RM" not in reply  # 70 x 6 @2: 86.9 < 65 x 8 @3: 90
    records = await rig.send("/records")
    # the first set of 70 x 6: the line's reserve is its too
    assert "5 reps: 70 kg × 6, 2 in reserve (24 Nov)" in records
    assert "6 reps: 70 kg × 6, 2 in reserve (24 Nov)" in records
    assert "8 reps: 65 kg × 8, 3 in reserve (23 Nov)" in records
    assert e1rm(65, 8, 3) == 90
    assert "Estimated 1RM: 90 kg, from 65 kg × 8, 3 in reserve (23 Nov)" in records
    rig.travel(days=3)
    reply = await rig.send("/log squat 70x6 70x6 70x6 rir2")  # the same again: no record
    assert "New record" not in reply
    reply = await rig.send("/log yesterday squat 60x20")  # long sets set no record
    assert "New record" not in reply and "New best" not in reply


async def test_a_better_set_is_announced_with_its_values_and_listed(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 65x8 65x8 rir3")
    reply = await rig.send("/log squat 75x8 75x8 rir3")
    assert "New record: Back squat 75 kg × 8" in reply
    best = e1rm(75, 8, 3)  # 75 x 36 / 26
    assert (
        f"New best estimated 1RM: Back squat {best:.1f} kg (from 75 kg × 8, 3 in reserve)" in reply
    )
    records = await rig.send("/records")
    assert f"Estimated 1RM: {best:.1f} kg, from 75 kg × 8, 3 in reserve (24 Nov)" in records
    assert "8 reps: 75 kg × 8, 3 in reserve (24 Nov)" in records
