"""The chart's data: a centred trend, caption changes from the trend inside the window, and a
bodyweight ratio only from a weigh-in near the session."""

from datetime import date, timedelta

import pytest

from coaching import EXERCISES, LoggedSet
from coaching.trends import SessionLift, bodyweight_on, lift_trend, smoothed

TODAY = date(2026, 11, 24)
SQUAT = EXERCISES["back_squat"]


def rising(count: int = 24) -> list[tuple[date, float]]:
    """Twice a week, +1 kg a session, with a zig-zag of ±3 kg on top."""
    return [(TODAY - timedelta(days=3.5 * (count - 1 - i)), 80.0 + i + (3 if i % 2 else -3))
            for i in range(count)]  # fmt: skip


def test_the_trend_goes_through_rising_points_not_below_them():
    points = rising()
    residuals = [v - t for (_, v), t in zip(points, smoothed(points), strict=True)]
    assert sum(residuals) / len(residuals) == pytest.approx(0, abs=0.5)
    assert sum(r > 0 for r in residuals) <= len(residuals) * 0.6  # not all above the line
    # and at the newest end too (where a trailing average lags most)
    assert abs(sum(residuals[-4:]) / 4) < 1.5


def test_a_straight_line_is_its_own_trend():
    points = [(TODAY + timedelta(days=3 * i), 50.0 + 0.5 * i) for i in range(9)]
    assert smoothed(points) == pytest.approx([v for _, v in points])
    assert smoothed(points[:2]) == pytest.approx([50.0, 50.5])


def _sessions(values: list[tuple[date, float]]) -> list[SessionLift]:
    # e1RM of w x 8 with 3 in reserve (Brzycki, 11 to failure) = w * 36 / 26
    return [SessionLift(day, (LoggedSet(v * 26 / 36, 8, 3),), None) for day, v in values]


def test_changes_start_inside_the_window_from_the_trend():
    values = rising(40)
    start = TODAY - timedelta(weeks=12)
    trend = lift_trend(SQUAT, _sessions(values), start, TODAY)
    shown = [p for p in trend.points]
    assert shown[0].day >= start
    assert trend.latest == pytest.approx(shown[-1].trend)
    twelve = next(c for c in trend.changes if c.weeks == 12)
    assert twelve.since == shown[0].day and twelve.full
    assert twelve.delta == pytest.approx(shown[-1].trend - shown[0].trend)


def test_a_ratio_needs_a_weigh_in_within_two_weeks():
    weights = [(TODAY - timedelta(days=60), 70.0), (TODAY, 60.0)]
    assert bodyweight_on(weights, TODAY - timedelta(days=10)) == 60.0
    assert bodyweight_on(weights, TODAY - timedelta(days=20)) is None
    assert bodyweight_on(weights, TODAY - timedelta(days=50)) == 70.0
    assert bodyweight_on([], TODAY) is None
    trend = lift_trend(SQUAT, _sessions(rising(12)), TODAY - timedelta(weeks=12), TODAY, weights)
    ratios = [p.per_bodyweight for p in trend.points]
    assert ratios[-1] is not None and ratios[0] is None
