"""Per-lift progression after each session, and breaks (records: coaching/records.py).

One rule in every block, judged against what was prescribed that day (a one-set day the bot
prescribed is judged as one set). With `t` the block's target reserve (`Block.target_rir`):

- every prescribed set done at (or above) the prescribed weight and reps, by the lowest RIR
  reported (reps done beyond the prescribed ones count as reserve too):
  >= t + 2 -> two steps up; >= t -> one step up; t - 1 -> hold; <= t - 2 -> one step down;
- a set under 5 reps -> about 10 % lighter at once (the load has left the 5-8 range; in 3x5
  a single rep short is only short);
- every step down goes back to the block's reps; where the kit's next lighter weight is far
  more than the cut, the weight stays and the reps drop by two instead (never under 5);
- target reps missed (5+ reps, short of the target) -> hold; the second session running ->
  about 10 % lighter;
- all reps done but at a lighter weight, or fewer sets than prescribed -> hold (not a miss);
- a heavier weight than prescribed done with reserve is judged as the weight done;
- a step up is at most about 10 % of the load; where the kit's next weight is a bigger jump,
  reps are added first (within the block's reps, never above 8) and the heavier weight comes
  with fewer reps, never under 5 (double progression); after clearly easy sets (t + 2 in
  reserve) a jump of up to MAX_TRIAL_JUMP is tried for 5 reps (in 3x5: at the same 5);
- a day the bot lightened or trimmed for a race (`Target.may_add` False) never adds weight, and
  a temporary cut (`Target.working`) leaves the working weight as it was.

Sources: the 10-12RM load done for 8 is the article's (2-4 in reserve); RIR-based autoregulation
(Helms et al. 2016; Zourdos et al. 2016: RIR is judged within about one rep, so one rep under
the target still holds and only two under steps back). The 10 % cuts, the 10 % cap per step and "two
sessions running" are team judgement: the usual linear-progression practice (one smallest
increment at a time, a ~10 % reset after repeated misses; Rippetoe & Kilgore, Starting
Strength), chosen so that one bad day never costs weight and no single step is a big jump.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from coaching.catalogue import Exercise
from coaching.kit import Kit
from coaching.loads import rir_adjusted_1rm
from coaching.programme import BLOCKS, MIN_REPS, Block
from coaching.reasons import Reason, ReasonCode
from coaching.records import MAX_REPS_TO_FAILURE
from coaching.units import to_kg

DELOAD_FACTOR = 0.9  # about 10 % lighter (team judgement, see the module's docstring)
MAX_STEP = 0.10  # a step up adds at most about 10 % (team judgement, see the docstring)
# The biggest jump tried for 5 reps after clearly easy sets when the estimate says "not yet"
# (team judgement: 6 -> 8 kg dumbbells yes, 6 -> 10 kg no; the example of too much).
MAX_TRIAL_JUMP = 1.35
# Before a session, days since the lift was last done -> factor (team judgement: strength
# holds for about 2 weeks and falls slowly after; Mujika & Padilla 2000 on detraining; loads
# return within a few sessions, so easing in costs little).
BREAK_RULES: tuple[tuple[int, float], ...] = ((28, 0.8), (14, 0.9))
_EPS = 1e-9


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
    block: Block = BLOCKS[0]
    working: float | None = None  # the working weight when `weight` is a temporary cut
    may_add: bool = True  # False: a race taper or the week after a race


@dataclass(frozen=True)
class Decision:
    weight: float  # the kit's units
    reps: int  # next session's reps for this lift (below the block's during double progression)
    change: Change
    reason: Reason
    short_sessions_in_a_row: int


def _because(code: ReasonCode, kit: Kit, weight: float, **values: int) -> Reason:
    """A reason naming the next load (stored in kg, shown in the runner's units)."""
    return Reason(code, {"weight_kg": to_kg(weight, kit.unit), **values})


def lighter(kit: Kit, exercise: Exercise, weight: float, factor: float | None) -> float | None:
    """`weight * factor` (None: one of the kit's increments down) at the nearest lighter
    loadable weight; None when the kit's nearest lighter weight overshoots that by more than
    MAX_STEP of the load (a rack with big gaps, only heavy plates): a cut would be a collapse."""
    want = weight * factor if factor is not None else weight - kit.increment(exercise, weight)
    options = [w for w in kit.loadable(exercise) if w < weight - _EPS]
    if not options:
        return None
    nearest = min(options, key=lambda w: (abs(w - want), -w))
    return nearest if nearest >= want - MAX_STEP * weight - _EPS else None


def capped_step_up(kit: Kit, exercise: Exercise, weight: float, steps: int = 1) -> float | None:
    """`steps` of the kit's increments heavier, but at most MAX_STEP more (micro-plates help);
    None when even the next loadable weight is a bigger jump than that."""
    ceiling = weight * (1 + MAX_STEP) + _EPS
    within = [w for w in kit.loadable(exercise) if weight + _EPS < w <= ceiling]
    if not within:
        return None
    wanted = kit.step_up(exercise, weight, steps)
    return max((w for w in within if w <= wanted + _EPS), default=within[0])


def progress(
    exercise: Exercise,
    target: Target,
    sets: Sequence[LoggedSet],
    kit: Kit,
    short_sessions_before: int = 0,
) -> Decision:
    """Next session's working weight and reps for one lift, and why."""
    if target.working is not None and target.working > target.weight + _EPS:
        reason = _because(ReasonCode.TEMPORARY_CUT, kit, target.working)
        return Decision(target.working, target.reps, Change.HOLD, reason, short_sessions_before)
    weight, reps = target.weight, target.reps
    # Under 5 reps the load has left the 5-8 range; in 3x5 one rep short is still only short.
    if any(s.reps < min(MIN_REPS, reps - 1) for s in sets):
        return _down(ReasonCode.UNDER_MIN_REPS, kit, exercise, target, DELOAD_FACTOR,
                     min_reps=MIN_REPS)  # fmt: skip
    if any(s.reps < reps for s in sets):
        if short_sessions_before >= 1:
            return _down(ReasonCode.SHORT_TWICE, kit, exercise, target, DELOAD_FACTOR)
        reason = Reason(ReasonCode.SHORT, {"sets": target.sets, "reps": reps})
        return Decision(weight, reps, Change.HOLD, reason, short_sessions_before + 1)
    if len(sets) < target.sets:
        reason = Reason(ReasonCode.FEWER_SETS, {"sets": target.sets, "reps": reps})
        return Decision(weight, reps, Change.HOLD, reason, short_sessions_before)
    done = sorted(s.weight for s in sets)[-target.sets]  # the lightest of the best sets
    if done < weight - _EPS:  # not a miss, nor a success: the count of misses stays
        reason = _because(ReasonCode.LIGHTER, kit, weight)
        return Decision(weight, reps, Change.HOLD, reason, short_sessions_before)
    return _by_reserve(exercise, target, kit.round(exercise, done, down=True), sets, kit)


def _by_reserve(
    exercise: Exercise, target: Target, weight: float, sets: Sequence[LoggedSet], kit: Kit
) -> Decision:
    """Every set done at `weight` (or heavier): the reserve left decides the next load."""
    reps, aim = target.reps, target.block.target_rir
    rir = _lowest_rir(sets)
    done_reps = min(s.reps for s in sets)
    if rir is None:
        return Decision(weight, reps, Change.HOLD, Reason(ReasonCode.HOLD_NO_RIR), 0)
    if rir <= aim - 2:
        at = replace(target, weight=weight)
        return _down(ReasonCode.DOWN_LOW_RIR, kit, exercise, at, None, rir=rir)
    if rir < aim:
        return Decision(weight, reps, Change.HOLD, Reason(ReasonCode.HOLD_LOW_RIR, {"rir": rir}), 0)
    if not target.may_add:
        return Decision(weight, reps, Change.HOLD, Reason(ReasonCode.TAPER_HOLD), 0)
    # Reps done beyond those prescribed were reserve too (8 asked, 10 done at 3 in reserve: 5).
    reserve = rir + max(0, done_reps - reps)
    steps = 2 if reserve >= aim + 2 else 1
    change = Change.UP_TWO if steps == 2 else Change.UP
    if reps < target.block.reps:  # double progression: back up to the block's reps first
        more = min(reps + steps, target.block.reps)
        return Decision(weight, more, change, Reason(ReasonCode.ADD_REPS, {"reps": more}), 0)
    heavier = capped_step_up(kit, exercise, weight, steps)
    if heavier is not None:
        code = ReasonCode.UP_TWO if steps == 2 else ReasonCode.UP
        return Decision(heavier, reps, change, _because(code, kit, heavier, rir=rir), 0)
    return _heavier_with_fewer_reps(exercise, target, weight, done_reps, rir, kit)


def _down(
    code: ReasonCode,
    kit: Kit,
    exercise: Exercise,
    target: Target,
    factor: float | None,
    **values: int,
) -> Decision:
    """Lighter next time (`lighter`), back at the block's reps; where the kit cannot go lighter
    sensibly, the same weight for two reps fewer (never under 5)."""
    weight, new = target.weight, lighter(kit, exercise, target.weight, factor)
    if new is None:
        fewer = max(MIN_REPS, target.reps - 2)
        reason = _because(code, kit, weight, next_reps=fewer, **values)
        return Decision(weight, fewer, Change.DOWN, reason, 0)
    return Decision(new, target.block.reps, Change.DOWN, _because(code, kit, new, **values), 0)


def _heavier_with_fewer_reps(
    exercise: Exercise, target: Target, weight: float, done_reps: int, rir: int, kit: Kit
) -> Decision:
    """The kit's next weight is more than MAX_STEP heavier: take it for fewer reps (never as
    many as today), leaving at least the reserve band's lower edge (the block's RIR - 1) by
    Brzycki from today's RIR-adjusted e1RM; hold while that is under 5 reps."""
    reps, aim = target.reps, target.block.target_rir
    heavier = next((w for w in kit.loadable(exercise) if w > weight + _EPS), None)
    if heavier is None:  # the heaviest the kit can load
        return Decision(weight, reps, Change.HOLD, Reason(ReasonCode.HOLD_TOP_OF_KIT), 0)
    to_failure = min(done_reps + rir, MAX_REPS_TO_FAILURE)
    e1rm = rir_adjusted_1rm(weight, to_failure)
    fewer = min(math.floor(37 - 36 * heavier / e1rm - (aim - 1)), reps - 1)
    easy = rir + max(0, done_reps - reps) >= aim + 2
    if fewer < MIN_REPS and easy and heavier <= weight * MAX_TRIAL_JUMP + _EPS:
        # Brzycki underrates runners at long sets (Richens & Cleather 2014) and "5+" may be
        # more: clearly easy sets try the next weight for 5; 0-1 in reserve there steps back.
        fewer = MIN_REPS
    if fewer < MIN_REPS:
        return Decision(
            weight, reps, Change.HOLD, _because(ReasonCode.HOLD_BIG_STEP, kit, heavier), 0
        )
    reason = _because(ReasonCode.UP_FEWER_REPS, kit, heavier, reps=fewer)
    return Decision(heavier, fewer, Change.UP, reason, 0)


def _lowest_rir(sets: Sequence[LoggedSet]) -> int | None:
    """The lowest RIR across sets; an unreported earlier set is taken as at least the last
    set's, since fatigue only lowers RIR as a session goes on."""
    known = [s.rir for s in sets if s.rir is not None]
    return min(known) if known else None


def after_break(
    kit: Kit, exercise: Exercise, weight: float, days_off: int
) -> tuple[float, Reason] | None:
    """The lighter weight after a break from this lift (14+ days: -10 %, 28+: -20 %), or None."""
    for min_days, factor in BREAK_RULES:
        if days_off >= min_days:
            new = lighter(kit, exercise, weight, factor)
            if new is None:  # the kit has nothing sensibly lighter: ease in by effort instead
                return None
            percent = round((1 - new / weight) * 100)
            return new, _because(ReasonCode.AFTER_BREAK, kit, new, days=days_off, percent=percent)
    return None


# Team judgement: a weight more than double the last one is almost always a slip (a missing
# decimal point, pounds typed as kilograms), and no runner doubles a lift between sessions.
IMPLAUSIBLE_FACTOR = 2.0


def implausible_jump(weights: Sequence[float], reference: float | None) -> bool:
    """A logged weight more than double the last one (or the prescribed one): likely a typo."""
    return reference is not None and reference > 0 and max(weights) > IMPLAUSIBLE_FACTOR * reference
