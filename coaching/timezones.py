"""Recognising an IANA time zone from what a runner types (`Europe/Berlin`, `berlin`)."""

from __future__ import annotations

import difflib
import zoneinfo
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
