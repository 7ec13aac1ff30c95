"""Local reminder times across daylight-saving changes (pure)."""

from datetime import UTC, date, datetime, time

import pytest

from coaching.timezones import local_to_utc


@pytest.mark.parametrize(
    ("day", "at", "zone", "utc"),
    [
        (date(2026, 11, 24), time(7, 30), "Europe/Berlin", datetime(2026, 11, 24, 6, 30)),
        (date(2026, 11, 24), time(7, 30), "Asia/Kolkata", datetime(2026, 11, 24, 2, 0)),
        (date(2026, 11, 24), time(7, 30), "America/New_York", datetime(2026, 11, 24, 12, 30)),
        # Spring forward: 02:30 does not exist; the first valid time after the gap is 03:00.
        (date(2027, 3, 28), time(2, 30), "Europe/Berlin", datetime(2027, 3, 28, 1, 0)),
        (date(2027, 3, 14), time(2, 30), "America/New_York", datetime(2027, 3, 14, 7, 0)),
        # Fall back: 02:30 (Berlin) and 01:30 (New York) happen twice; the first counts.
        (date(2027, 10, 31), time(2, 30), "Europe/Berlin", datetime(2027, 10, 31, 0, 30)),
        (date(2027, 11, 7), time(1, 30), "America/New_York", datetime(2027, 11, 7, 5, 30)),
        # A time outside the change is unaffected on those days.
        (date(2027, 3, 28), time(7, 30), "Europe/Berlin", datetime(2027, 3, 28, 5, 30)),
    ],
)
def test_local_to_utc(day, at, zone, utc):
    assert local_to_utc(day, at, zone) == utc.replace(tzinfo=UTC)
