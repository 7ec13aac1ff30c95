"""Local reminder times to UTC instants, correct across daylight-saving changes.

- An ordinary day: the local time, once.
- Spring forward (the local time does not exist, e.g. 02:30 in Berlin on the last Sunday of
  March): the first valid local time after the gap (03:00).
- Fall back (the local time happens twice): the first occurrence (zoneinfo's fold=0).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def _exists(local: datetime) -> bool:
    return local.astimezone(UTC).astimezone(local.tzinfo).replace(tzinfo=None) == local.replace(
        tzinfo=None
    )


def local_to_utc(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of local time `at` on `day` in `zone`, by the rules above."""
    local = datetime.combine(day, at, tzinfo=ZoneInfo(zone))
    while not _exists(local):  # inside a spring-forward gap: walk to its end
        local = (local + timedelta(minutes=1)).replace(second=0)
    return local.astimezone(UTC)


def parse_hhmm(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))
