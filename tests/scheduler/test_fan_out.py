"""A minute's reminders fanned out through the real bot (HTTP and PTB's rate limiter) to a
local Bot API server that enforces Telegram's limits (tests/e2e/limited_bot_api.py).

Scaled down: a few hundred reminders here (about ten seconds at 30/s); bench/fanout.py runs the
full 10,000 and measures the rate against the cap (no timed assertions in tests)."""

from __future__ import annotations

from bench.fanout import deliver

AT_30_PER_SECOND = 150
PAID = 300


async def test_a_minutes_reminders_are_all_delivered_once_without_a_429(tmp_path):
    result = await deliver(tmp_path, AT_30_PER_SECOND)
    assert (result.delivered, result.sent) == (AT_30_PER_SECOND, AT_30_PER_SECOND)
    assert result.repeats == 0
    assert result.limited == 0


async def test_paid_broadcasts_are_all_delivered_once_against_the_1000_per_second_cap(tmp_path):
    result = await deliver(tmp_path, PAID, paid=True)
    assert (result.delivered, result.sent) == (PAID, PAID)
    assert result.repeats == 0
    assert result.limited == 0
