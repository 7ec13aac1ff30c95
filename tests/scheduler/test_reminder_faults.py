"""What Telegram and the clock can do to a reminder: a 5xx, a timeout before or after the
message was delivered, the clock jumping two hours either way. Never twice, never silently
lost where a retry is safe."""

from datetime import date, timedelta

from tests.rig import ALICE
from tests.scheduler.test_reminders import _due_now, _lift_messages, _rows


async def test_a_server_error_is_retried_and_the_reminder_goes_once(rig):
    await _due_now(rig)
    rig.api.failures[ALICE.id] = ["server_error"]
    assert await rig.tick() == 0
    rig.now += timedelta(minutes=1)
    assert await rig.tick() == 1
    assert len(_lift_messages(rig, ALICE)) == 1


async def test_a_timeout_before_connecting_is_retried(rig):
    await _due_now(rig)
    rig.api.failures[ALICE.id] = ["connect_timeout"]
    assert await rig.tick() == 0
    rig.now += timedelta(minutes=1)
    assert await rig.tick() == 1
    assert len(_lift_messages(rig, ALICE)) == 1


async def test_a_timeout_after_telegram_delivered_is_not_sent_again(rig):
    await _due_now(rig)
    rig.api.failures[ALICE.id] = ["timeout_after_delivery"]
    await rig.tick()
    for _ in range(5):
        rig.now += timedelta(minutes=2)
        await rig.tick()
    assert len(_lift_messages(rig, ALICE)) == 1, "delivered once, never resent blindly"
    [row] = await _rows(rig, kind="lift", local_date=date(2026, 11, 24))
    assert row.status == "unconfirmed"


async def test_the_clock_jumping_two_hours_ahead_and_back_sends_once(rig):
    await _due_now(rig)  # Tuesday 07:30 Berlin: due now
    rig.now -= timedelta(minutes=1)
    assert await rig.tick() == 0
    rig.now += timedelta(hours=2)  # the clock jumps ahead
    assert await rig.tick() == 1
    rig.now -= timedelta(hours=2)  # and back
    assert await rig.tick() == 0
    rig.now += timedelta(hours=2)
    assert await rig.tick() == 0
    assert len(_lift_messages(rig, ALICE)) == 1


async def test_the_clock_jumping_two_hours_back_after_sending_does_not_resend(rig):
    await _due_now(rig)
    assert await rig.tick() == 1
    rig.now -= timedelta(hours=2)
    assert await rig.tick() == 0
    rig.now += timedelta(hours=4)
    assert await rig.tick() == 0
    assert len(_lift_messages(rig, ALICE)) == 1
    assert len(await _rows(rig, kind="lift", local_date=date(2026, 11, 24))) == 1
