"""One-rep-max estimates and the load for a target number of reps.

Sources:
- Epley (1985): 1RM = w * (1 + r/30).
- Brzycki (1993): 1RM = w * 36 / (37 - r). Both agree at r = 10 (100 kg x 10 -> 133.33 kg).
- NSCA %1RM-reps table (Baechle & Earle, Essentials of Strength Training and Conditioning).
- RIR-adjusted: reps + reps in reserve count as reps to failure (Zourdos et al. 2016;
  Helms et al. 2016). RPE = 10 - RIR.
- Runners manage far more reps at a given %1RM than lifters (Richens & Cleather 2014: 39.9 vs
  17.9 reps at 70 %), so RunLift prescribes by rep-max and RIR and shows e1RM only as a trend.
"""

from __future__ import annotations

# NSCA: reps to failure -> % of 1RM.
NSCA_PERCENT_1RM: dict[int, float] = {
    1: 100, 2: 95, 3: 93, 4: 90, 5: 87, 6: 85,
    7: 83, 8: 80, 9: 77, 10: 75, 11: 70, 12: 67,
}  # fmt: skip

# Reps to failure above this make every formula unreliable: ask for a heavier set instead.
MAX_REPS_FOR_ESTIMATE = 15

# The article: "a weight that you could lift for 10-12 repetitions", done for 8. The middle of
# that range, 11 reps to failure, is 8 reps with 3 in reserve.
START_TARGET_REPS = 8
START_TARGET_RIR = 3


def _check_reps(reps: int) -> None:
    if not 1 <= reps <= 36:
        raise ValueError(f"reps must be between 1 and 36, got {reps}")


def epley_1rm(weight: float, reps: int) -> float:
    """Epley (1985) estimated 1RM; a single is the 1RM itself."""
    _check_reps(reps)
    return weight if reps == 1 else weight * (1 + reps / 30)


def brzycki_1rm(weight: float, reps: int) -> float:
    """Brzycki (1993) estimated 1RM."""
    _check_reps(reps)
    return weight * 36 / (37 - reps)


def rir_adjusted_1rm(weight: float, reps: int, rir: int = 0) -> float:
    """Brzycki e1RM with reps + RIR as reps to failure (60 kg x 8 @ RIR 2 -> 80 kg)."""
    return brzycki_1rm(weight, reps + max(rir, 0))


def load_for_reps(one_rm: float, reps: int, rir: int = 0) -> float:
    """The weight that leaves `rir` in reserve after `reps`: Brzycki solved for the weight."""
    reps_to_failure = reps + rir
    _check_reps(reps_to_failure)
    return one_rm * (37 - reps_to_failure) / 36


def start_load_from_set(weight: float, reps: int, rir: int = 0) -> float:
    """Unrounded starting load for 8 reps with 3 in reserve, from one recent set; never more
    than the set's own weight.

    A set with more than 11 reps to failure (reps + RIR) was lighter than the 11RM target, and
    Brzycki would extrapolate up to a weight never lifted (60 x 12 @ 3 -> 70.9 kg). Rep-load
    curves measured on lifters overestimate how much heavier a runner can go: runners do far
    more reps at a given %1RM (Richens & Cleather 2014), so a long set flatters them. The
    weight actually lifted is already inside the article's band or lighter (8 reps at it leave
    3+ in reserve), and progression adds weight after the first session if it was easy (team
    judgement: start from what was lifted rather than from an extrapolation).

    Raises ValueError when the set is too long to estimate from (reps + RIR > 15).
    """
    if reps + rir > MAX_REPS_FOR_ESTIMATE:
        raise ValueError("a set of more than 15 reps to failure says little about strength")
    one_rm = rir_adjusted_1rm(weight, reps, rir)
    return min(weight, load_for_reps(one_rm, START_TARGET_REPS, START_TARGET_RIR))


def rpe_from_rir(rir: int) -> int:
    """RPE = 10 - RIR (Zourdos et al. 2016)."""
    return 10 - rir
