"""Adherence and progress figures for a group's board and a coach's view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum

from coaching.loads import rir_adjusted_1rm


def streak(weeks: Sequence[tuple[int, int]]) -> int:
    """Weeks in a row, newest last, in which every planned session was done."""
    count = 0
    for done, planned in reversed(weeks):
        if planned == 0 or done < planned:
            break
        count += 1
    return count


def relative_progress(
    before: Mapping[str, float | None], after: Mapping[str, float | None]
) -> float | None:
    """Mean percent change of each lift's best e1RM between two periods (lifts in both)."""
    changes = [
        (after[lift] / before[lift] - 1) * 100
        for lift in before
        if before[lift] and after.get(lift)
    ]
    return sum(changes) / len(changes) if changes else None


def two_missed_in_a_row(planned_days_done: Sequence[bool]) -> bool:
    """Whether the last two planned lift days (oldest first) both went without a session."""
    return len(planned_days_done) >= 2 and not any(planned_days_done[-2:])


# Runners judge their reserve within about a rep (Zourdos et al. 2016), so one rep of
# misjudged reserve is noise. The e1RM is the RIR-adjusted Brzycki estimate (coaching.records):
# at the programme's 8 reps with 2 in reserve, one rep more in reserve moves it by
# 36/(37-11) over 36/(37-10), 27/26 - 1, about 3.8 %. A smaller change over four weeks reads
# as flat.
FLAT_WITHIN = rir_adjusted_1rm(1.0, 8, 3) / rir_adjusted_1rm(1.0, 8, 2) - 1


class Trend(StrEnum):
    UP = "up"
    FLAT = "flat"
    DOWN = "down"


def e1rm_trend(by_session: Sequence[float]) -> Trend | None:
    """A lift's direction from its sessions' best e1RMs (oldest first): the last against the
    first; None with fewer than two sessions to compare."""
    if len(by_session) < 2 or by_session[0] <= 0:
        return None
    change = by_session[-1] / by_session[0] - 1
    if change > FLAT_WITHIN:
        return Trend.UP
    if change < -FLAT_WITHIN:
        return Trend.DOWN
    return Trend.FLAT
