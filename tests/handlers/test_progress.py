"""/progress: a chart sent as a photo (or, before two sessions, what it will show) and /records.

Caption numbers are worked out here from the logged sets, independently of the bot's code:
Brzycki e1RM with reps + reserve as reps to failure (a set's reserve is its own, else the one
reported for its line; none known: no estimate), the best set per session; the trend a straight
line fitted to each session and its four nearest neighbours (two each side where there are), by
numpy; the trend now against the trend at the first drawn session from 4 (12) weeks back on
("in N weeks" when that session is within a week of it, else "since" its day).
"""

import asyncio
import threading
from dataclasses import replace
from datetime import date, timedelta

import numpy
import pytest
from sqlalchemy import select

from bot.context import BACKGROUND_KEY
from coaching import Prescription, SessionName
from coaching.session import PrescribedLift
from coaching.trends import ProgressChart
from models import BodyweightEntry, ExerciseEntry, LoggedSet, Race, User, WorkoutSession
from render import charts
from services import open_services
from services.progress import NotEnough
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, BOB, FakeUser

TODAY = date(2026, 11, 24)  # the rig's Tuesday
KG_PER_LB = 0.45359237


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (after checking the signature)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def e1rm(weight: float, reps: int, rir: int) -> float:
    return weight * 36 / (37 - (reps + rir))


def trend(dated: list[tuple[date, float]]) -> list[tuple[date, float]]:
    """Each session's value on the least-squares line through it and its 4 nearest sessions."""
    days = [d.toordinal() for d, _ in dated]
    out = []
    for i, day in enumerate(days):
        lo = max(0, min(i - 2, len(days) - 5))
        slope, offset = numpy.polyfit(days[lo : lo + 5], [v for _, v in dated[lo : lo + 5]], 1)
        out.append((dated[i][0], slope * day + offset))
    return out


def change(trended: list[tuple[date, float]], weeks: int) -> str:
    cutoff = TODAY - timedelta(weeks=weeks)
    since, value = next((d, v) for d, v in trended if d >= cutoff)
    amount = f"{trended[-1][1] - value:+.1f}".replace("-", "\u2212")
    if since - cutoff <= timedelta(days=7):
        return f"{amount} kg in {weeks} weeks"
    return f"{amount} kg since {since.day} {since:%b}"


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
    weights = [(TODAY - timedelta(days=10 * i), 62.0 - 0.01 * i) for i in range(80)]
    if bodyweight:  # every ten days: each session has one within 5 days
        async with rig.database.session() as db:
            for day, kg in weights:
                db.add(BodyweightEntry(user_id=ALICE.id, entry_date=day, weight_kg=kg))
            await db.commit()
    for command, start in (("/progress", TODAY - timedelta(weeks=12)), ("/progress all", None)):
        await rig.send(command)
        message = sent_photo(rig)
        width, height = png_size(message.file.data)
        # three lifts: two columns, two rows (the third spanning both) and the bodyweight panel
        extra = charts.BODYWEIGHT_HEIGHT_PX if bodyweight else 0
        assert (width, height) == (charts.WIDTH_PX, 2 * charts.PANEL_HEIGHT_PX + extra)
        for key, name in (("back_squat", "Back squat"), ("deadlift", "Deadlift"),
                          ("overhead_press", "Overhead press")):  # fmt: skip
            trended = trend([(d, v) for d, v in dated[key] if start is None or d >= start])
            latest = trended[-1][1]
            expected = f"{name} {latest:.1f} kg: {change(trended, 4)}, {change(trended, 12)}"
            assert expected in message.text
            if bodyweight:
                newest = dated[key][-1][1]
                assert f"{newest / 62.0:.2f} × bodyweight" in message.text


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


async def test_others_are_answered_while_a_chart_is_drawn(rig, monkeypatch):
    """Updates are handled one at a time: the chart is drawn and sent after /progress's update."""
    await onboard_by_buttons(rig)
    await onboard_by_buttons(rig, BOB)
    await rig.send("/log yesterday squat 65x8 65x8 rir3")
    await rig.send("/log squat 67.5x8 67.5x8 rir2")
    release, drawing = threading.Event(), threading.Event()
    draw = charts.progress_png

    def blocked(chart):
        drawing.set()
        release.wait(timeout=60)
        return draw(chart)

    monkeypatch.setattr(charts, "progress_png", blocked)
    try:
        await rig.send("/progress", wait=False)
        assert "Session A" in await rig.send("/today", BOB)  # answered meanwhile
        assert rig.api.last_message(ALICE.id).file is None  # the chart is still being drawn
    finally:
        release.set()
    await asyncio.gather(*rig.app.bot_data[BACKGROUND_KEY])
    assert drawing.is_set()
    assert "Back squat" in sent_photo(rig).text


async def test_the_working_weight_is_what_was_prescribed_in_the_runners_units(rig):
    await onboard_by_buttons(rig)
    await rig.send("/units lb")
    await rig.send("/log yesterday squat 145x8 145x8 rir3")
    rig.travel(days=2)
    await rig.send("/log squat 150x8 150x8 rir3")
    async with rig.database.session() as db:
        sessions = await db.scalars(select(WorkoutSession).order_by(WorkoutSession.local_date))
        prescribed = [(s.local_date, s.prescription.lift("back_squat").weight_kg / KG_PER_LB)
                      for s in sessions if s.prescription]  # fmt: skip
    assert len(prescribed) == 2
    async with open_services(rig.database, rig.now) as services:
        user = await services.session.get(User, ALICE.id)
        chart = await services.progress.chart(user=user)
    [squat] = chart.lifts
    assert [p.day for p in squat.points] == [day for day, _ in prescribed]
    assert [p.working for p in squat.points] == pytest.approx([w for _, w in prescribed])
    # The step line holds the newest weight up to the chart's right edge (a step line drawn
    # "post" would otherwise end where it starts and not show at all).
    days, weights = charts.working_steps(squat, chart.end)
    assert days[-1] > chart.end and weights[-1] == pytest.approx(prescribed[-1][1])


async def test_everything_logged_includes_imported_lifts_after_the_programmes(rig):
    await onboard_by_buttons(rig)
    for day, weight in (("2026-11-10", 50), ("2026-11-17", 52.5)):
        await rig.send(f"/log {day} bench {weight}x8 {weight}x8 rir2")
        await rig.send(f"/log {day} squat 60x8 60x8 rir3")
    await rig.send("/progress")
    assert "Bench press" not in sent_photo(rig).text  # the programme's lifts
    await rig.send("/progress all")
    text = sent_photo(rig).text
    assert "Back squat" in text and "Bench press" in text
    assert text.index("Back squat") < text.index("Bench press")


async def test_one_light_session_does_not_read_as_a_loss(rig):
    await onboard_by_buttons(rig)
    for days_ago, weight in ((21, 60), (17, 62.5), (14, 65), (10, 67.5), (7, 70), (3, 72.5)):
        day = TODAY - timedelta(days=days_ago)
        await rig.send(f"/log {day} squat {weight}x8 {weight}x8 rir3")
    await rig.send("/log squat 50x8 50x8 rir3")  # a light day: e1RM 69 after 105
    text = sent_photo_after(await rig.send("/progress"), rig)
    line = next(x for x in text.splitlines() if x.startswith("Back squat"))
    headline = float(line.split()[2])
    assert headline > e1rm(50, 8, 3) + 10  # the trend, not the light session
    assert "\u2212" not in line.split(":")[1]  # still a gain over the weeks shown


def sent_photo_after(_reply: str, rig) -> str:
    return sent_photo(rig).text


async def test_bodyweight_far_from_a_session_gives_no_ratio(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log 2026-10-01 squat 60x8 60x8 rir3")
    await rig.send("/log 2026-10-04 squat 62.5x8 62.5x8 rir3")
    async with rig.database.session() as session:
        session.add(BodyweightEntry(user_id=ALICE.id, entry_date=TODAY, weight_kg=60.0))
        await session.commit()
    await rig.send("/progress")
    message = sent_photo(rig)
    assert "× bodyweight" not in message.text
    assert "weigh-in within two weeks of a session" in message.text
    assert png_size(message.file.data)[1] == charts.PANEL_HEIGHT_PX  # no ratio panel


async def test_the_service_says_not_enough_and_whether_earlier_history_has_enough(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 60x8 rir3")
    rig.travel(days=3)
    await rig.send("/log squat 62.5x8 62.5x8 rir3")
    rig.travel(days=100)
    async with open_services(rig.database, rig.now) as services:
        user = await services.session.get(User, ALICE.id)
        assert await services.progress.chart(user=user) == NotEnough(earlier=True)
        assert isinstance(await services.progress.chart(everything=True, user=user), ProgressChart)


def test_an_odd_number_of_lifts_leaves_no_empty_cell_and_points_clear_the_frame():
    from matplotlib.dates import date2num

    from bench.charts import sample_chart

    chart = sample_chart(20, everything=False, bodyweight=False)
    chart = replace(chart, lifts=chart.lifts[:3])
    figure = charts._figure(chart)
    assert len(figure.axes) == 3
    left, right = figure.axes[0].get_xlim()
    assert right >= date2num(chart.end) + 2 and left <= date2num(chart.start) - 2


async def test_in_a_group_the_chart_goes_to_the_private_chat(rig):
    """Loads are not shown in a group unless the member shares them: a note there, the photo
    in private (decided inside the update, sent after it)."""
    club, coach = -1001111111111, FakeUser(110, "Coach")
    rig.api.chat_members[(club, coach.id)] = "creator"
    await rig.deliver(rig.updates.bot_added(coach, club))
    await onboard_by_buttons(rig)
    await rig.send("/join", ALICE, club)
    await rig.send("/log yesterday squat 65x8 65x8 rir3")
    await rig.send("/log squat 67.5x8 67.5x8 rir2")
    assert "sent the details to our private chat" in await rig.send("/progress", ALICE, club)
    assert "Back squat" in sent_photo(rig).text
    assert all(m.file is None for m in rig.api.sent_to(club))
