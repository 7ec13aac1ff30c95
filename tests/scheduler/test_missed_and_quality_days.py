"""Reminders around key runs: the 6-hour advice on quality days, and a missed first session
re-slotted when the lift days are two days apart."""

from datetime import UTC, datetime, timedelta

from tests.rig import ALICE
from tests.scheduler.test_reminders import _lift_messages, _setup

WEEK = "tue=quality thu=easy sat=long"  # lift days Tuesday and Thursday


async def _miss_tuesday(rig) -> None:
    """Set up on Monday, then Wednesday's tick: Tuesday's session was missed."""
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    await _setup(rig, ALICE, "Europe/Berlin", WEEK, "07:30")
    await rig.tick()
    rig.now = datetime(2026, 11, 25, 6, 30, tzinfo=UTC)  # Wednesday: Tuesday was missed
    await rig.tick()


async def test_the_quality_day_reminder_says_to_lift_6_hours_after_the_run(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday
    await _setup(rig, ALICE, "Europe/Berlin", WEEK, "07:30")
    await rig.tick()
    rig.now = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # Tuesday 07:30: quality
    await rig.tick()
    rig.now = datetime(2026, 11, 26, 6, 30, tzinfo=UTC)  # Thursday 07:30: easy
    await rig.tick()
    tuesday, thursday = _lift_messages(rig, ALICE)
    assert "Quality-run day: run first, lift at least 6 hours after the run." in tuesday
    assert "6 hours" not in thursday


async def test_a_missed_first_session_takes_thursday_and_thursdays_moves_to_sunday(rig):
    await _miss_tuesday(rig)
    nudge = rig.last_text()
    assert "No session logged for Tuesday" in nudge and "dropped. The" not in nudge
    assert "Do it on Thursday, your next lift day" in nudge and "moves on to Sunday" in nudge
    done = await rig.press("Yes: Thursday, then Sunday")
    assert "now on Thursday 26 November, and the next one on Sunday 29 November" in done

    rig.now = datetime(2026, 11, 26, 6, 30, tzinfo=UTC)  # Thursday: the missed session A
    await rig.tick()
    assert "session A" in _lift_messages(rig, ALICE)[-1]
    for line in ("ohp 20x8 20x8 rir3", "squat 40x8 40x8 rir3", "dl 60x8 60x8 rir3"):
        await rig.send(f"/log {line}")
    rig.now = datetime(2026, 11, 29, 6, 30, tzinfo=UTC)  # Sunday: session B
    await rig.tick()
    assert "session B" in _lift_messages(rig, ALICE)[-1]
    assert "Session B" in await rig.send("/today")


async def test_the_missed_session_missed_again_on_thursday_is_dropped(rig):
    await _miss_tuesday(rig)
    await rig.press("Yes: Thursday, then Sunday")
    rig.now = datetime(2026, 11, 27, 6, 30, tzinfo=UTC)  # Friday: Thursday was missed too
    await rig.tick()
    assert "missed again on Thursday: dropped" in rig.last_text()
    rig.now += timedelta(days=2)  # Sunday still has a session: the programme carries on
    await rig.tick()
    assert "Session A" in await rig.send("/today")


async def test_a_stale_shift_offer_is_refused_after_thursday(rig):
    await _miss_tuesday(rig)
    rig.now = datetime(2026, 11, 27, 8, 0, tzinfo=UTC)  # Friday: too late to do it Thursday
    assert "older message" in await rig.press("Yes: Thursday, then Sunday")
