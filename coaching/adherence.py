"""Adherence and progress figures for a group's board and a coach's view."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


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
