"""Time zones: recognising one from what a runner types (`Europe/Berlin`, `berlin`), and local
reminder times as UTC instants, correct across daylight-saving changes:
- an ordinary day: the local time, once;
- spring forward (the local time does not exist, e.g. 02:30 in Berlin on the last Sunday of
  March): the first valid local time after the gap (03:00);
- fall back (the local time happens twice): the first occurrence (zoneinfo's fold=0).
"""

from __future__ import annotations

import difflib
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

POPULAR = ("Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
           "Asia/Kolkata", "Australia/Sydney")  # fmt: skip


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    """Lower-cased name -> canonical name, for region/city zones and UTC."""
    names = {z for z in zoneinfo.available_timezones() if "/" in z and not z.startswith("Etc/")}
    names.add("UTC")
    return {name.lower(): name for name in names}


@lru_cache(maxsize=1)
def _cities() -> dict[str, list[str]]:
    cities: dict[str, list[str]] = {}
    for name in _zones().values():
        city = name.rsplit("/", 1)[-1].lower()
        cities.setdefault(city, []).append(name)
    return cities


def resolve_timezone(text: str) -> tuple[str | None, list[str]]:
    """The zone meant by `text`, or None with up to three suggestions."""
    key = "_".join(text.strip().split()).lower()
    if not key or len(key) > 64:
        return None, []
    if key in _zones():
        return _zones()[key], []
    cities = _cities().get(key, [])
    if len(cities) == 1:
        return cities[0], []
    close = difflib.get_close_matches(key, list(_zones()), n=3, cutoff=0.6)
    close_cities = difflib.get_close_matches(key, list(_cities()), n=3, cutoff=0.6)
    suggestions = [_zones()[c] for c in close]
    for city in close_cities:
        suggestions.extend(_cities()[city])
    return None, list(dict.fromkeys(cities + suggestions))[:3]


def _exists(local: datetime) -> bool:
    return local.astimezone(UTC).astimezone(local.tzinfo).replace(tzinfo=None) == local.replace(
        tzinfo=None
    )


def local_to_utc(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of local time `at` on `day` in `zone`, by the rules above."""
    local = datetime.combine(day, at, tzinfo=zoneinfo.ZoneInfo(zone))
    while not _exists(local):  # inside a spring-forward gap: walk to its end
        local = (local + timedelta(minutes=1)).replace(second=0)
    return local.astimezone(UTC)


def parse_hhmm(text: str) -> time:
    hour, minute = text.split(":")
    return time(int(hour), int(minute))


def local_date(now: datetime, zone: str | None) -> date:
    """The calendar date at instant `now` in `zone` (UTC when the zone is not known yet)."""
    return now.astimezone(zoneinfo.ZoneInfo(zone or "UTC")).date()
