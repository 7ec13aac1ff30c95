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


# Big cities (many of them marathon cities) without a zone of their own, and names that mean
# places in different zones (the runner picks).
CITY_ZONES: dict[str, tuple[str, ...]] = {
    "mumbai": ("Asia/Kolkata",), "delhi": ("Asia/Kolkata",), "new_delhi": ("Asia/Kolkata",),
    "bangalore": ("Asia/Kolkata",), "bengaluru": ("Asia/Kolkata",),
    "beijing": ("Asia/Shanghai",), "osaka": ("Asia/Tokyo",), "kyoto": ("Asia/Tokyo",),
    "san_francisco": ("America/Los_Angeles",), "seattle": ("America/Los_Angeles",),
    "boston": ("America/New_York",), "washington": ("America/New_York",),
    "philadelphia": ("America/New_York",), "miami": ("America/New_York",),
    "atlanta": ("America/New_York",), "houston": ("America/Chicago",),
    "dallas": ("America/Chicago",), "austin": ("America/Chicago",),
    "munich": ("Europe/Berlin",), "hamburg": ("Europe/Berlin",), "frankfurt": ("Europe/Berlin",),
    "barcelona": ("Europe/Madrid",), "milan": ("Europe/Rome",), "geneva": ("Europe/Zurich",),
    "manchester": ("Europe/London",), "edinburgh": ("Europe/London",),
    "rio_de_janeiro": ("America/Sao_Paulo",), "cape_town": ("Africa/Johannesburg",),
    "portland": ("America/Los_Angeles", "America/New_York"),  # Oregon, Maine
}  # fmt: skip


def _key(text: str) -> str:
    """`Europe / Berlin` -> `europe/berlin`, `New York` -> `new_york`."""
    return "_".join(text.replace(" /", "/").replace("/ ", "/").split()).lower()


def _exact(key: str) -> list[str]:
    """The zones a whole name means: a zone's name, a city (a zone's last part), or a city of
    the table above."""
    if key in _zones():
        return [_zones()[key]]
    return _one_per_clock(_cities().get(key, [])) or list(CITY_ZONES.get(key, ()))


def _same_clock(a: str, b: str) -> bool:
    """Two names of one clock (old and new names of a zone): the same offsets all year."""
    instants = [datetime(year, month, 15, tzinfo=UTC) for year in (2000, 2026) for month in
                range(1, 13)]  # fmt: skip
    za, zb = zoneinfo.ZoneInfo(a), zoneinfo.ZoneInfo(b)
    return all(t.astimezone(za).utcoffset() == t.astimezone(zb).utcoffset() for t in instants)


def _one_per_clock(zones: list[str]) -> list[str]:
    """One name per distinct clock, the current-style name first (`America/Argentina/Buenos_
    Aires` rather than `America/Buenos_Aires`: a continent, then the deeper path)."""
    continents = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe",
                  "Indian", "Pacific")  # fmt: skip
    ranked = sorted(zones, key=lambda z: (z.split("/")[0] not in continents, -z.count("/"), z))
    kept: list[str] = []
    for zone in ranked:
        if not any(_same_clock(zone, other) for other in kept):
            kept.append(zone)
    return kept


def _candidates(text: str) -> list[str]:
    """What the runner may have meant: the whole text, the part before a comma (`Berlin,
    Germany`), then ever shorter leading words (`New York City` -> `New York`)."""
    words = text.split(",")[0].split()
    keys = [_key(text), _key(text.split(",")[0])]
    keys += ["_".join(words[:n]).lower() for n in range(len(words) - 1, 0, -1)]
    return list(dict.fromkeys(k for k in keys if k))


def resolve_timezone(text: str) -> tuple[str | None, list[str]]:
    """The zone meant by `text`, or None with up to three suggestions (the choices, when a
    name means places in different zones)."""
    key = _key(text)
    if not key or len(key) > 64:
        return None, []
    for candidate in _candidates(text):
        zones = _exact(candidate)
        if len(zones) == 1:
            return zones[0], []
        if zones:
            return None, zones[:3]
    close = difflib.get_close_matches(key, list(_zones()), n=3, cutoff=0.6)
    close_cities = difflib.get_close_matches(key, list(_cities()), n=3, cutoff=0.6)
    suggestions = [_zones()[c] for c in close]
    for city in close_cities:
        suggestions.extend(_one_per_clock(_cities()[city]))
    return None, list(dict.fromkeys(suggestions))[:3]


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
