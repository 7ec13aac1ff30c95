"""The time, in one place, so tests can travel (handlers never call datetime.now())."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

CLOCK_KEY = "clock"
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)
