"""The twice-weekly programme: sessions A and B, blocks of the 5-8 rep range, duration.

The article's sessions: A = barbell press 2x8, squat 2x8, deadlift 2x8; B = one-arm dumbbell
press 2x8 each arm, goblet squat 2x8, deadlift 2x8; each after a thorough warm-up, about
2 minutes of rest after every set, 45-60 minutes in all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from coaching.catalogue import EXERCISES, Equipment, Exercise
from coaching.loads import load_for_reps, rir_adjusted_1rm


class SessionName(StrEnum):
    A = "A"
    B = "B"


@dataclass(frozen=True)
class Block:
    """A rep scheme inside the 5-8 range and the effort it is done at."""

    key: str
    sets: int
    reps: int
    target_rir: int  # reps left in reserve after the last rep: load = (reps + rir)-rep max

    def reps_for(self, lift_reps: int | None) -> int:
        """A lift's reps in this block: its own while building them up, never above the block's."""
        return min(lift_reps or self.reps, self.reps)


# The article: reps stay in the 5-8 range (strength, not hypertrophy or endurance).
MIN_REPS = 5
MAX_REPS = 8

# Start: 2x8 at a 10-12RM load (8 reps, ~3 in reserve). Later blocks: 3x6 at ~8RM, 3x5 at ~7RM.
# The heavier blocks are team judgement within the article's 5-8 reps: fewer reps nearer the
# rep max, as in Støren et al. 2008 (4x4RM half squats improved runners' economy), but never
# to failure (2 in reserve: Helms et al. 2016), and one more set to keep the weekly volume.
BLOCKS: tuple[Block, ...] = (
    Block("2x8", 2, 8, 3),  # a 10-12RM load (the article)
    Block("3x6", 3, 6, 2),  # about an 8RM
    Block("3x5", 3, 5, 2),  # about a 7RM
)
BLOCKS_BY_KEY = {block.key: block for block in BLOCKS}

# Offer the next block after steady progress: at least this many sessions in the block...
SESSIONS_BEFORE_NEXT_BLOCK = 12  # six weeks at two sessions a week (team judgement, below)
# ...and no lift cut back (deload) in the most recent this-many sessions: two weeks without a
# step back (team judgement: a runner still failing sets is not ready for heavier work).
CLEAN_SESSIONS_BEFORE_NEXT_BLOCK = 4

REST_SECONDS = 120  # the article: about 2 minutes after each set
# Session timing (team judgement, checked against the article's 45-60 minutes for a session):
GENERAL_WARMUP_MINUTES = 12.0  # the article's "thorough warm-up"
_SECONDS_PER_REP = 4.0  # a controlled heavy rep: about 1-2 s down, 1-2 s up, a breath
_RAMP_SET_MINUTES = 2.0  # a ramp set and the short pause after it
_CHANGEOVER_MINUTES = 2.0  # loading the bar, moving to the next station

_SESSION_LIFTS: dict[SessionName, tuple[str, str, str]] = {
    SessionName.A: ("overhead_press", "back_squat", "deadlift"),
    SessionName.B: ("one_arm_db_press", "goblet_squat", "deadlift"),
}

# Same-pattern substitutes when the runner's equipment lacks the article's implement.
_SUBSTITUTES: dict[Equipment, dict[str, str]] = {
    Equipment.GYM: {},
    Equipment.HOME_BARBELL: {
        "one_arm_db_press": "push_press",
        "goblet_squat": "front_squat",
    },
    Equipment.DUMBBELLS: {
        "overhead_press": "db_overhead_press",
        "back_squat": "db_squat",
        "deadlift": "db_romanian_deadlift",
    },
}


@dataclass(frozen=True)
class SessionPlan:
    name: SessionName
    block: Block
    exercises: tuple[Exercise, ...]


def session_for(completed_sessions: int) -> SessionName:
    """A, B, A, B... by sessions completed, not by weekday, so a missed week changes nothing."""
    return SessionName.A if completed_sessions % 2 == 0 else SessionName.B


def session_plan(
    name: SessionName,
    equipment: Equipment,
    block: Block = BLOCKS[0],
    swaps: dict[str, str] | None = None,
) -> SessionPlan:
    """The lifts of session A or B for this equipment, with the runner's own swaps applied."""
    exercises = []
    for key in _SESSION_LIFTS[name]:
        key = _SUBSTITUTES[equipment].get(key, key)
        key = (swaps or {}).get(key, key)
        exercise = EXERCISES[key]
        if not exercise.available_with(equipment):
            raise ValueError(f"{exercise.name} needs equipment the runner does not have")
        exercises.append(exercise)
    return SessionPlan(name, block, tuple(exercises))


def next_block(block: Block) -> Block | None:
    """The heavier block after this one, or None at the last."""
    index = BLOCKS.index(block)
    return BLOCKS[index + 1] if index + 1 < len(BLOCKS) else None


# Declined ("not now"), the offer comes back this many sessions later: two weeks (team
# judgement: often enough to be found, rarely enough not to nag).
SESSIONS_BETWEEN_OFFERS = 4


def should_offer_next_block(
    block: Block, sessions_in_block: int, sessions_since_deload: int
) -> bool:
    """Steady progress: 12+ sessions in this block and no deload in the last 4; then again
    every 4 sessions while the runner stays. Never forced.

    Twelve sessions is six weeks at two a week: the usual length of a training block (team
    judgement; the article's programme runs 2x8 with no end, the heavier blocks are ours)."""
    since = sessions_in_block - SESSIONS_BEFORE_NEXT_BLOCK
    return (
        ready_for_next_block(block, sessions_in_block, sessions_since_deload)
        and since % SESSIONS_BETWEEN_OFFERS == 0
    )


def ready_for_next_block(block: Block, sessions_in_block: int, sessions_since_deload: int) -> bool:
    """Steady progress earned: /block shows the next block as a choice from then on."""
    return (
        next_block(block) is not None
        and sessions_in_block >= SESSIONS_BEFORE_NEXT_BLOCK
        and sessions_since_deload >= CLEAN_SESSIONS_BEFORE_NEXT_BLOCK
    )


def block_load(weight: float, reps: int, old: Block, new: Block) -> float:
    """The working weight in block `new` at the strength `weight` for `reps` shows in block
    `old`: the same estimated 1RM through reps + the block's reserve (Brzycki 1993). 2x8 -> 3x6
    is about +11 %, 3x6 -> 3x5 about +3 %; unrounded (the kit rounds it)."""
    one_rm = rir_adjusted_1rm(weight, reps, old.target_rir)
    return load_for_reps(one_rm, new.reps, new.target_rir)


def exercise_minutes(exercise: Exercise, sets: int, reps: int, ramp_sets: int) -> float:
    """Time for one lift: ramp sets, working sets (each arm for one-arm lifts) and rests."""
    sides = 2 if exercise.per_arm else 1
    work = sets * (sides * reps * _SECONDS_PER_REP + REST_SECONDS) / 60
    return ramp_sets * _RAMP_SET_MINUTES + work + _CHANGEOVER_MINUTES


def estimate_minutes(lifts: Iterable[tuple[Exercise, int, int, int]]) -> int:
    """Whole minutes for (exercise, sets, reps, ramp sets) lifts plus the general warm-up."""
    total = GENERAL_WARMUP_MINUTES + sum(exercise_minutes(*lift) for lift in lifts)
    return round(total)
