"""Reading a race's date and distance as runners write them."""

from datetime import date

import pytest

from coaching.dates import RaceInputError, RaceProblem, parse_race
from coaching.taper import Distance

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "day", "distance"),
    [
        ("2026-12-13 half", date(2026, 12, 13), Distance.HALF),
        ("13/12/2026 marathon", date(2026, 12, 13), Distance.MARATHON),
        ("13.12.26 10k", date(2026, 12, 13), Distance.TEN_K),
        ("5/5/2027 5k", date(2027, 5, 5), Distance.FIVE_K),  # both readings the same day
        ("tomorrow 10k", date(2026, 11, 25), Distance.TEN_K),
        ("today ultra", TODAY, Distance.ULTRA),
        ("half 13 December", date(2026, 12, 13), Distance.HALF),
        ("Apr 12 2027 half marathon", date(2027, 4, 12), Distance.HALF),
        ("13/1 half", date(2027, 1, 13), Distance.HALF),  # no year: the next one
        ("05/12/2026 half", date(2026, 12, 5), Distance.HALF),  # 12 May 2026 is past
    ],
)
def test_plain_forms_are_read(typed, day, distance):
    assert parse_race(typed, TODAY) == (day, distance)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("05/12/2027 half", RaceProblem.AMBIGUOUS),  # 5 December or 12 May: both ahead
        ("05/03 half", RaceProblem.AMBIGUOUS),
        ("2026-02-30 half", RaceProblem.NO_SUCH_DATE),
        ("2026-11-23 half", RaceProblem.PAST),
        ("2029-01-01 half", RaceProblem.TOO_FAR),
        ("2026-12-13", RaceProblem.NO_DISTANCE),
        ("2026-12-13 15k", RaceProblem.DISTANCE),
        ("half", RaceProblem.NO_DATE),
        ("next sunday half", RaceProblem.DATE_FORM),
        ("٣٠/١٢/٢٠٢٦ half", RaceProblem.DATE_FORM),
    ],
)
def test_unusable_races_say_why(typed, problem):
    with pytest.raises(RaceInputError) as caught:
        parse_race(typed, TODAY)
    assert caught.value.problem is problem


def test_an_ambiguous_date_offers_only_days_ahead():
    with pytest.raises(RaceInputError) as caught:
        parse_race("05/03 half", TODAY)
    assert caught.value.days == (date(2027, 3, 5), date(2027, 5, 3))
