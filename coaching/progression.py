"""Per-lift progression after each session, breaks, and personal records.

Rules (DESIGN section 2, issue 3):
- any working set under 5 reps -> cut about 10 % (the load left the 5-8 range);
- every prescribed set done, at or above the prescribed weight, reps at target:
  every set RIR >= 5 -> two increments; last set RIR >= 3 -> one increment; RIR 0-2 -> hold;
- short of target (a set missing, light or short of reps) -> hold; the second time running
  -> cut about 10 %;
- before a session, a break of 14+ days -> -10 %, 28+ days -> -20 %.
Cuts are rounded down to a loadable weight and always go at least one step lighter (unless
the load is already the lightest possible).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from coaching.catalogue import Exercise
from coaching.kit import Kit
from coaching.loads import rir_adjusted_1rm
from coaching.reasons import Reason, ReasonCode
from coaching.units import to_kg

MIN_REPS = 5
DELOAD_FACTOR = 0.9
BREAK_RULES: tuple[tuple[int, float], ...] = ((28, 0.8), (14, 0.9))  # (days off, factor)


class Change(StrEnum):
    UP_TWO = "up two"
    UP = "up"
    HOLD = "hold"
    DOWN = "down"


@dataclass(frozen=True)
class LoggedSet:
    weight: float
    reps: int
    rir: int | None = None  # often only the last set's RIR is reported


@dataclass(frozen=True)
class Target:
    """What one lift was prescribed that day, in the kit's units."""

    weight: float
    sets: int
    reps: int


@dataclass(frozen=True)
class Decision:
    weight: float  # the kit's units
    change: Change
    reason: Reason
    short_sessions_in_a_row: int


def _because(code: ReasonCode, kit: Kit, weight: float, **values: int) -> Reason:
    """A reason naming the next load (stored in kg, shown in the runner's units)."""
    return Reason(code, {"weight_kg": to_kg(weight, kit.unit), **values})


def cut(kit: Kit, exercise: Exercise, weight: float, factor: float) -> float:
    """`weight * factor` rounded down to loadable, at least one step lighter when possible."""
    options = kit.loadable(exercise)
    lighter = [w for w in options if w < weight - 1e-9]
    if not lighter:
        return options[0]
    return min(kit.round(exercise, weight * factor, down=True), lighter[-1])


def _every_set_rir(sets: Sequence[LoggedSet]) -> int | None:
    """The lowest RIR across sets; an unreported earlier set is taken as at least the last
    set's, since fatigue only lowers RIR as a session goes on."""
    known = [s.rir for s in sets if s.rir is not None]
    return min(known) if known else None


def progress(
    exercise: Exercise,
    prescription: Target,
    sets: Sequence[LoggedSet],
    kit: Kit,
    short_sessions_before: int = 0,
) -> Decision:
    """Next session's working weight for one lift, and why."""
    weight = prescription.weight
    if any(s.reps < MIN_REPS for s in sets):
        new = cut(kit, exercise, weight, DELOAD_FACTOR)
        reason = _because(ReasonCode.UNDER_MIN_REPS, kit, new, min_reps=MIN_REPS)
        return Decision(new, Change.DOWN, reason, 0)
    done = [s for s in sets if s.weight >= weight - 1e-9 and s.reps >= prescription.reps]
    if len(done) < prescription.sets:
        if short_sessions_before >= 1:
            new = cut(kit, exercise, weight, DELOAD_FACTOR)
            reason = _because(ReasonCode.SHORT_TWICE, kit, new)
            return Decision(new, Change.DOWN, reason, 0)
        reason = Reason(ReasonCode.SHORT, {"sets": prescription.sets, "reps": prescription.reps})
        return Decision(weight, Change.HOLD, reason, short_sessions_before + 1)
    last_rir = sets[-1].rir
    lowest_rir = _every_set_rir(sets)
    if lowest_rir is not None and lowest_rir >= 5:
        new = kit.step_up(exercise, weight, 2)
        return Decision(new, Change.UP_TWO, _because(ReasonCode.UP_TWO, kit, new), 0)
    if last_rir is not None and last_rir >= 3:
        new = kit.step_up(exercise, weight)
        return Decision(new, Change.UP, _because(ReasonCode.UP, kit, new, rir=last_rir), 0)
    if last_rir is None:
        return Decision(weight, Change.HOLD, Reason(ReasonCode.HOLD_NO_RIR), 0)
    return Decision(weight, Change.HOLD, Reason(ReasonCode.HOLD_LOW_RIR, {"rir": last_rir}), 0)


def after_break(kit: Kit, exercise: Exercise, weight: float, days_off: int) -> Decision | None:
    """The cut after a break from this lift (14+ days: -10 %, 28+: -20 %), or None."""
    for min_days, factor in BREAK_RULES:
        if days_off >= min_days:
            new = cut(kit, exercise, weight, factor)
            percent = round((1 - factor) * 100)
            reason = _because(ReasonCode.AFTER_BREAK, kit, new, days=days_off, percent=percent)
            return Decision(new, Change.DOWN, reason, 0)
    return None


@dataclass(frozen=True)
class Record:
    kind: str  # "weight" (heaviest for these reps) or "e1rm"
    weight: float
    reps: int
    value: float


def new_records(history: Sequence[LoggedSet], new_sets: Sequence[LoggedSet]) -> list[Record]:
    """Records the new sets beat: heaviest weight for a rep count, best RIR-adjusted e1RM.

    A first-ever session sets no records: there is nothing to beat yet.
    """
    if not history:
        return []
    records: list[Record] = []
    best_e1rm = max((_e1rm(s) for s in history), default=0.0)
    for s in new_sets:
        heaviest = max((h.weight for h in history if h.reps >= s.reps), default=0.0)
        if s.weight > heaviest + 1e-9 and not any(
            r.kind == "weight" and r.reps == s.reps for r in records
        ):
            records.append(Record("weight", s.weight, s.reps, s.weight))
        if _estimable(s) and _e1rm(s) > best_e1rm + 1e-9:
            best_e1rm = _e1rm(s)
            records = [r for r in records if r.kind != "e1rm"]
            records.append(Record("e1rm", s.weight, s.reps, best_e1rm))
    return records


# Reps to failure above this say little about strength (the formulas were fitted on sets of
# up to about 10-15 reps; Brzycki 1993), and people judge RIR within about a rep only up to
# 5 (Zourdos et al. 2016): such sets give no estimate.
MAX_REPS_TO_FAILURE = 15
MAX_RIR_FOR_ESTIMATE = 5


def _estimable(s: LoggedSet) -> bool:
    rir = s.rir or 0
    return rir <= MAX_RIR_FOR_ESTIMATE and s.reps + rir <= MAX_REPS_TO_FAILURE


def _e1rm(s: LoggedSet) -> float:
    """The set's RIR-adjusted e1RM; 0 for a set too long to estimate from."""
    return rir_adjusted_1rm(s.weight, s.reps, s.rir or 0) if _estimable(s) else 0.0


IMPLAUSIBLE_FACTOR = 2.0


def implausible_jump(weights: Sequence[float], reference: float | None) -> bool:
    """A logged weight more than double the last one (or the prescribed one): likely a typo."""
    return reference is not None and reference > 0 and max(weights) > IMPLAUSIBLE_FACTOR * reference
