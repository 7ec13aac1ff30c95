"""Recognising a time zone from what a runner types."""

import pytest

from coaching.timezones import resolve_timezone


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Berlin", "Europe/Berlin"),
        ("europe / berlin", "Europe/Berlin"),
        ("Berlin, Germany", "Europe/Berlin"),
        ("london uk", "Europe/London"),
        ("New York City", "America/New_York"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),  # two names, one clock
        ("Mumbai", "Asia/Kolkata"),  # a city without a zone of its own
    ],
)
def test_names_runners_type_resolve(typed, zone):
    assert resolve_timezone(typed) == (zone, [])


def test_a_name_of_places_in_different_zones_offers_them():
    assert resolve_timezone("Portland") == (None, ["America/Los_Angeles", "America/New_York"])


def test_a_misspelt_zone_is_suggested_not_guessed():
    zone, suggestions = resolve_timezone("Europe/Berln")
    assert zone is None and suggestions[0] == "Europe/Berlin"
