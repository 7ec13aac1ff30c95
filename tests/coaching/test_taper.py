"""Race taper and missed sessions."""

from datetime import date, timedelta

import pytest

from coaching import Distance, Phase, RunType, race_advice, reslot_missed

RACE = date(2027, 4, 12)


def _advice(days_out, distance):
    return race_advice(RACE - timedelta(days=days_out), [(RACE, distance)])


def test_far_from_a_race_nothing_changes():
    assert _advice(30, Distance.MARATHON).phase is Phase.NORMAL
    assert race_advice(RACE, []).phase is Phase.NORMAL


@pytest.mark.parametrize(
    ("distance", "taper_from", "last_lower"),
    [(Distance.MARATHON, 14, 10), (Distance.HALF, 14, 7), (Distance.TEN_K, 10, 5),
     (Distance.FIVE_K, 10, 5)],
)  # fmt: skip
def test_taper_windows(distance, taper_from, last_lower):
    assert _advice(taper_from + 1, distance).phase is Phase.NORMAL
    taper = _advice(taper_from, distance)
    assert taper.phase is Phase.TAPER and taper.sets_per_lift == 1 and taper.load_factor == 1
    assert _advice(last_lower, distance).lower_body
    assert not _advice(last_lower - 1, distance).lower_body
    assert _advice(0, distance).phase is Phase.NO_LIFTING
    assert _advice(3, distance).phase is Phase.NO_LIFTING


def test_the_week_after_is_twenty_percent_lighter():
    advice = _advice(-3, Distance.HALF)
    assert advice.phase is Phase.POST_RACE and advice.load_factor == pytest.approx(0.8)
    assert _advice(-8, Distance.HALF).phase is Phase.NORMAL


def test_the_nearest_race_rule_wins():
    day = date(2027, 4, 1)
    races = [(date(2027, 4, 3), Distance.FIVE_K), (date(2027, 4, 20), Distance.MARATHON)]
    assert race_advice(day, races).phase is Phase.NO_LIFTING


WEEK = {1: RunType.QUALITY, 3: RunType.EASY, 5: RunType.LONG}


def test_a_missed_session_moves_once_to_the_next_legal_day():
    # Lift days Tue (1) and Thu (3); Thu missed: Fri is the eve of the long run, Sat is the long
    # run, Sun is free.
    moved = reslot_missed(WEEK, (1, 3), 3, False)
    assert (moved.missed, moved.day, moved.moves_on, moved.already_moved) == (3, 6, None, False)


def test_a_missed_first_session_takes_the_next_lift_day_and_the_next_session_moves_on():
    # Tue missed with Thu two days later: Wed is too close to Thu, so the missed session is done
    # on Thursday and Thursday's moves on to the first legal later day, Sunday.
    shifted = reslot_missed(WEEK, (1, 3), 1, False)
    assert (shifted.day, shifted.moves_on) == (3, 6)


def test_a_missed_first_session_is_dropped_when_nothing_after_the_next_fits():
    # Monday quality too: Sunday is its eve, so Thursday's session has nowhere to go.
    week = {0: RunType.QUALITY, **WEEK}
    dropped = reslot_missed(week, (1, 3), 1, False)
    assert dropped.day is None and dropped.moves_on is None and not dropped.already_moved


def test_a_moved_session_missed_again_is_dropped():
    dropped = reslot_missed(WEEK, (1, 3), 6, True)
    assert dropped.day is None and dropped.already_moved
