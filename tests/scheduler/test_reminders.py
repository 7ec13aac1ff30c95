"""Reminders through the real Application with a travelled clock (no sleeping)."""

import contextlib
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from models import Reminder, User
from services import open_services
from services.reminders import SENDING_TIMEOUT, Reminders
from tests.rig import ALICE, BOB, FakeUser

CAROL = FakeUser(103, "Carol")


async def _setup(rig, user, zone: str, week: str, at: str, loads: bool = False) -> None:
    for command in ("/units kg", f"/timezone {zone}", f"/rundays {week}", f"/remind {at}",
                    "/equipment gym"):  # fmt: skip
        await rig.send(command, user)
    if not loads:
        await rig.press("Calibrate all", user)
        return
    for recent_set in ("40x8", "60x8", "80x8", "14x8", "20x8"):
        await rig.send(recent_set, user)


def _lift_messages(rig, user) -> list[str]:
    return [m.text for m in rig.api.sent_to(user.id) if "Lift day: session" in m.text]


async def _rows(rig, **where) -> list[Reminder]:
    async with rig.database.session() as session:
        query = select(Reminder).order_by(Reminder.due_at)
        for column, value in where.items():
            query = query.where(getattr(Reminder, column) == value)
        return list(await session.scalars(query))


async def test_reminders_land_on_the_planners_days_at_local_time_in_three_zones(rig):
    rig.now = datetime(2026, 11, 23, 0, 0, tzinfo=UTC)  # Monday
    await _setup(rig, ALICE, "Europe/Berlin", "tue=quality thu=easy sat=long", "07:30")
    await _setup(rig, BOB, "Asia/Kolkata", "tue=quality thu=easy sat=long", "07:30")
    await _setup(rig, CAROL, "America/New_York", "tue=quality thu=easy sat=long", "07:30")
    await rig.tick()
    for user, utc_hour in ((ALICE, (6, 30)), (BOB, (2, 0)), (CAROL, (12, 30))):
        lifts = await _rows(rig, user_id=user.id, kind="lift")
        days = [(r.local_date.isoformat(), r.due_at.replace(tzinfo=UTC)) for r in lifts][:2]
        assert days == [
            ("2026-11-24", datetime(2026, 11, 24, *utc_hour, tzinfo=UTC)),
            ("2026-11-26", datetime(2026, 11, 26, *utc_hour, tzinfo=UTC)),
        ]


async def test_a_reminder_goes_out_once_at_its_time_with_the_session(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    await _setup(rig, ALICE, "Europe/Berlin", "tue=quality thu=easy sat=long", "07:30")
    await rig.tick()
    rig.now = datetime(2026, 11, 24, 6, 29, tzinfo=UTC)
    assert await rig.tick() == 0
    rig.now += timedelta(minutes=1)
    assert await rig.tick() == 1
    assert await rig.tick() == 0
    [text] = _lift_messages(rig, ALICE)
    assert "session A" in text and "Overhead press: calibrate" in text
    assert rig.button_labels() == ["Open today's session"]
    assert "Session A" in await rig.press("Open today's session")
    await rig.restart()
    assert await rig.tick() == 0  # a new process does not send it again


async def _dst_case(rig, zone: str, sunday: date, at: str, utc: datetime) -> None:
    rig.now = datetime.combine(sunday - timedelta(days=3), datetime.min.time(), tzinfo=UTC)
    await _setup(rig, ALICE, zone, "wed=quality sun=quality", at)  # lift days Wed and Sun
    await rig.tick()
    rig.now = utc - timedelta(minutes=1)
    assert await rig.tick() == 0
    for minutes in (1, 30, 60, 90, 120):  # the whole repeated or skipped hour, and beyond
        rig.now = utc - timedelta(minutes=1) + timedelta(minutes=minutes)
        await rig.tick()
    assert len(_lift_messages(rig, ALICE)) == 1
    [row] = await _rows(rig, kind="lift", local_date=sunday)
    assert (row.status, row.sent_at.replace(tzinfo=UTC)) == ("sent", utc)


async def test_spring_forward_in_berlin_sends_once_at_the_end_of_the_gap(rig):
    await _dst_case(rig, "Europe/Berlin", date(2027, 3, 28), "02:30",
                    datetime(2027, 3, 28, 1, 0, tzinfo=UTC))  # fmt: skip


async def test_fall_back_in_berlin_sends_once_at_the_first_occurrence(rig):
    await _dst_case(rig, "Europe/Berlin", date(2027, 10, 31), "02:30",
                    datetime(2027, 10, 31, 0, 30, tzinfo=UTC))  # fmt: skip


async def test_spring_forward_in_new_york(rig):
    await _dst_case(rig, "America/New_York", date(2027, 3, 14), "02:30",
                    datetime(2027, 3, 14, 7, 0, tzinfo=UTC))  # fmt: skip


async def test_fall_back_in_new_york(rig):
    await _dst_case(rig, "America/New_York", date(2027, 11, 7), "01:30",
                    datetime(2027, 11, 7, 5, 30, tzinfo=UTC))  # fmt: skip


async def _due_now(rig, loads: bool = False) -> None:
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    await _setup(rig, ALICE, "Europe/Berlin", "tue=quality thu=easy sat=long", "07:30", loads)
    await rig.tick()
    rig.now = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)


async def _claimed_then_died(rig) -> None:
    async with open_services(rig.database, rig.now) as services:
        assert len(await services.reminders.claim()) == 1
    await rig.restart()  # the process died before sending


async def test_a_crash_between_claim_and_send_sends_it_once_after_the_reclaim_timeout(rig):
    await _due_now(rig)
    await _claimed_then_died(rig)
    assert await rig.tick() == 0  # a live sender could still be on it: not yet
    rig.now += SENDING_TIMEOUT + timedelta(minutes=1)
    assert await rig.tick() == 1
    assert await rig.tick() == 0
    [text] = _lift_messages(rig, ALICE)
    assert "session A" in text
    [row] = await _rows(rig, kind="lift", local_date=date(2026, 11, 24))
    assert (row.status, row.send_key, row.attempts) == ("sent", "u101:2026-11-24:lift", 1)
    assert row.message_id is not None


async def test_a_crash_with_a_claim_older_than_the_grace_window_marks_it_missed(rig):
    await _due_now(rig)
    await _claimed_then_died(rig)
    rig.travel(hours=7)  # down longer than the 6 h grace window
    await rig.tick()
    assert _lift_messages(rig, ALICE) == []
    [row] = await _rows(rig, kind="lift", local_date=date(2026, 11, 24))
    assert row.status == "missed"


async def test_a_crash_between_send_and_record_never_sends_twice(rig, monkeypatch):
    await _due_now(rig)

    async def crash(*_args):
        raise SystemExit("the process died")

    monkeypatch.setattr(Reminders, "record", crash)
    with contextlib.suppress(SystemExit):
        await rig.tick()
    monkeypatch.undo()
    assert len(_lift_messages(rig, ALICE)) == 1
    await rig.restart()
    await rig.tick()
    rig.now += SENDING_TIMEOUT + timedelta(minutes=1)
    await rig.tick()  # reclaimed: its message id says it went out
    assert len(_lift_messages(rig, ALICE)) == 1
    [row] = await _rows(rig, kind="lift", local_date=date(2026, 11, 24))
    assert row.status == "sent"


async def test_the_documented_window_a_crash_before_the_message_id_is_written_resends(
    rig, monkeypatch
):
    """Telegram accepted the message, the process died before its id was written: the one
    case where a reminder goes out twice (services/reminders.py says so)."""
    await _due_now(rig)

    class Died(BaseException):
        """The process died (SystemExit inside a task would stop the event loop itself)."""

    async def crash(*_args):
        raise Died

    monkeypatch.setattr(Reminders, "mark_sent", crash)
    with contextlib.suppress(Died):
        await rig.tick()
    monkeypatch.undo()
    await rig.restart()
    rig.now += SENDING_TIMEOUT + timedelta(minutes=1)
    await rig.tick()
    assert len(_lift_messages(rig, ALICE)) == 2


async def test_a_second_row_with_the_same_key_is_skipped_not_sent(rig):
    await _due_now(rig)
    [row] = await _rows(rig, kind="lift", local_date=date(2026, 11, 24))
    async with rig.database.session() as session:  # e.g. planned under another chat id
        session.add(Reminder(chat_id=999, user_id=ALICE.id, kind="lift", local_date=row.local_date,
                             lift_date=row.lift_date, due_at=row.due_at, status="due",
                             attempts=0))  # fmt: skip
    assert await rig.tick() == 1
    assert len(_lift_messages(rig, ALICE)) == 1 and rig.api.sent_to(999) == []
    statuses = {r.chat_id: r.status for r in await _rows(rig, kind="lift", lift_date=row.lift_date)}
    assert statuses == {ALICE.id: "sent", 999: "skipped"}


async def test_two_hours_of_downtime_sends_late_with_a_note(rig):
    await _due_now(rig)
    rig.now += timedelta(hours=2)
    assert await rig.tick() == 1
    assert "A little late" in _lift_messages(rig, ALICE)[0]


async def test_two_days_of_downtime_marks_old_reminders_missed(rig):
    await _due_now(rig)
    rig.now += timedelta(days=2, hours=1)  # Thursday 08:30 Berlin: Tuesday's is too old
    await rig.tick()
    [tuesday] = await _rows(rig, kind="lift", local_date=date(2026, 11, 24))
    assert tuesday.status == "missed"
    texts = _lift_messages(rig, ALICE)
    assert len(texts) == 1 and "session A" in texts[0]  # Thursday's, late but in the window


async def test_blocked_bot_pauses_that_runner_and_others_still_get_theirs(rig):
    await _due_now(rig)
    await _setup(rig, BOB, "Europe/Berlin", "tue=quality thu=easy sat=long", "07:30")
    rig.api.failures[ALICE.id] = ["blocked"]
    assert await rig.tick() == 1  # Bob's
    alice = await rig.get(User, ALICE.id)
    assert alice.active is False
    [row] = await _rows(rig, user_id=ALICE.id, kind="lift", local_date=date(2026, 11, 24))
    assert row.status == "blocked"
    await rig.tick()
    assert not [r for r in await _rows(rig, user_id=ALICE.id, status="due")]
    await rig.send("/resume")
    await rig.tick()
    assert [r for r in await _rows(rig, user_id=ALICE.id, status="due")]


async def test_flood_control_and_network_errors_retry_later(rig):
    await _due_now(rig)
    rig.api.failures[ALICE.id] = ["flood", "network"]
    assert await rig.tick() == 0  # 429: retry after 5 s
    [row] = await _rows(rig, kind="lift", local_date=date(2026, 11, 24))
    assert row.status == "due" and row.attempts == 0
    rig.now += timedelta(seconds=5)
    assert await rig.tick() == 0  # network error: back off a minute
    rig.now += timedelta(minutes=1)
    assert await rig.tick() == 1
    assert len(_lift_messages(rig, ALICE)) == 1


async def test_pause_and_resume(rig):
    await _due_now(rig)
    assert "paused" in await rig.send("/pause 2")
    assert await rig.tick() == 0
    rig.now += timedelta(days=2)
    assert await rig.tick() == 0
    await rig.send("/resume")
    rig.now = datetime(2026, 12, 1, 6, 30, tzinfo=UTC)  # next Tuesday
    assert await rig.tick() == 1
    assert "Reminders paused. /resume brings them back." in await rig.send("/pause")  # no end date
    assert "1–52" in await rig.send("/pause 99")


async def test_changing_time_zone_between_planning_and_sending(rig):
    await _due_now(rig)
    rig.now = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)
    await rig.send("/timezone America/New_York")
    rig.now = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)
    assert await rig.tick() == 0  # 06:30 UTC is 01:30 in New York
    rig.now = datetime(2026, 11, 24, 12, 30, tzinfo=UTC)
    assert await rig.tick() == 1


async def test_a_race_in_twelve_days_tapers_this_weeks_sessions(rig):
    await _due_now(rig, loads=True)
    reply = await rig.send("/race 2026-12-06 half")
    assert "Race added: half on Sunday 6 December" in reply
    await rig.tick()
    text = _lift_messages(rig, ALICE)[0]
    assert "Taper for your half" in text
    assert "1 × 8" in text and "2 × 8" not in text
    assert "Taper" in await rig.send("/today")
    listing = await rig.send("/race")
    assert "half on Sunday 6 December" in listing
    await rig.press("Remove half")
    assert "No races yet" in await rig.send("/race")
    assert "in the past" in await rig.send("/race 2020-01-01 half")
    assert "5k, 10k" in await rig.send("/race 2027-01-01 parkrun")


async def test_race_week_has_no_lift_reminders(rig):
    await _due_now(rig)
    await rig.send("/race 2026-11-27 10k")  # Friday: Tue and Thu are race week
    await rig.tick()
    assert _lift_messages(rig, ALICE) == []


async def test_missed_session_nudge_offers_the_next_legal_day(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    await _setup(rig, ALICE, "Europe/Berlin", "tue=quality sun=long", "07:30")  # Tue and Fri
    await rig.tick()
    rig.now = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)  # Wednesday: Tuesday was missed
    await rig.tick()
    nudge = rig.last_text()
    assert "No session logged for Tuesday" in nudge and "Wednesday" in nudge
    assert "now on Wednesday" in await rig.press("Move it to Wednesday")
    assert "Session A" in await rig.send("/today")


async def test_no_nudge_when_the_session_was_done(rig):
    await _due_now(rig)
    await rig.tick()
    for line in ("ohp 20x8 20x8 rir3", "squat 40x8 40x8 rir3", "dl 60x8 60x8 rir3"):
        await rig.send(f"/log {line}")
    rig.now += timedelta(days=1)
    await rig.tick()
    assert not [m for m in rig.api.sent_to(ALICE.id) if "No session logged" in m.text]
    rows = await _rows(rig, kind="missed", local_date=date(2026, 11, 25))
    assert [r.status for r in rows] == ["skipped"]


async def test_heads_up_the_evening_before(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    await _setup(rig, ALICE, "Europe/Berlin", "tue=quality thu=easy sat=long", "07:30")
    assert "20:00" in await rig.send("/headsup on")
    rig.now = datetime(2026, 11, 23, 19, 0, tzinfo=UTC)  # Monday 20:00 in Berlin
    assert await rig.tick() == 1
    assert "Heads-up: session A is tomorrow" in rig.last_text()


async def test_ten_thousand_reminders_due_in_one_minute_all_go_once_paced(rig):
    rig.now = datetime(2026, 11, 24, 6, 0, tzinfo=UTC)
    count = 10_000
    async with rig.database.session() as session:
        for i in range(count):
            uid = 500_000 + i
            session.add(User(id=uid, first_name=f"R{i}", private_chat_id=uid, units="kg",
                             timezone="Europe/Berlin", reminder_time="07:30", equipment="gym",
                             week_confirmed=True, onboarded=True,
                             reminders_planned_until=date(2026, 12, 31)))  # fmt: skip
        await session.flush()
        session.add_all(
            Reminder(chat_id=500_000 + i, user_id=500_000 + i, kind="heads_up",
                     local_date=date(2026, 11, 24), lift_date=date(2026, 11, 25),
                     due_at=rig.now + timedelta(seconds=i % 60), status="due")
            for i in range(count)
        )  # fmt: skip
    rig.now += timedelta(minutes=1)
    per_tick = []
    while sent := await rig.tick():
        per_tick.append(sent)
    assert sum(per_tick) == count
    assert max(per_tick) <= 900  # paced: one tick sends what Telegram allows in 30 s
    chats = [c["chat_id"] for c in rig.calls("sendMessage")]
    assert len(chats) == len(set(chats)) == count
    assert await rig.tick() == 0


async def test_moving_todays_reminder_to_an_hour_already_past_sends_nothing_late(rig):
    await _due_now(rig)
    rig.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # 10:00 in Berlin, reminder not yet sent
    await rig.send("/remind 08:00")
    assert await rig.tick() == 0
    assert not _lift_messages(rig, ALICE)
    rig.now = datetime(2026, 11, 26, 7, 0, tzinfo=UTC)  # Thursday 08:00 in Berlin
    assert await rig.tick() == 1
    assert "A little late" not in _lift_messages(rig, ALICE)[0]


async def test_no_lift_reminder_once_the_session_is_done(rig):
    await _due_now(rig)
    rig.now = datetime(2026, 11, 24, 5, 0, tzinfo=UTC)  # an early bird logs before 07:30
    for line in ("ohp 20x8 20x8 rir3", "squat 40x8 40x8 rir3", "dl 60x8 60x8 rir3"):
        await rig.send(f"/log {line}")
    rig.now = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)
    assert await rig.tick() == 0
    assert not _lift_messages(rig, ALICE)


async def test_finished_reminders_older_than_a_month_are_forgotten(rig):
    await _due_now(rig)
    assert await rig.tick() == 1
    rig.now += timedelta(days=31)
    await rig.tick()
    assert await _rows(rig, kind="lift", local_date=date(2026, 11, 24)) == []
    assert await _rows(rig, status="due")  # what is still to come stays
