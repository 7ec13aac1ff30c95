"""What counts as an estimated 1RM and as a personal record: the one rule behind /records,
the chart's record markers, the record announced when a set is logged and a group's board.

- e1RM: Brzycki (1993) with reps + reps in reserve as reps to failure (Zourdos et al. 2016;
  Helms et al. 2016), as `coaching.loads.rir_adjusted_1rm`.
- A set's reserve is its own RIR, else the RIR of its exercise entry (the reserve the runner
  reported for that lift that day: /log stores it on a line's last set only, "60x8 60x8 rir3").
  A set with neither (a group's "done as prescribed" button before the runner answers) gives
  no e1RM: an unknown reserve is not "to failure", which would read about 10 % low at 8 reps.
  It still counts for weight records, which do not depend on reserve. The queries hand sets
  over with that reserve already resolved (`models.progress.logged_sets`).
- Reps to failure above 15 say little about strength (the formulas were fitted on sets of up to
  about 10-15 reps; Brzycki 1993), and people judge RIR within about a rep only up to 5
  (Zourdos et al. 2016): a set of more than 15 reps, or with more than 5 in reserve, sets no
  record of any kind, and a set gives an e1RM only when reps + RIR is 15 or fewer.
- Heaviest weight "for 5, 6 and 8 reps" (the programme's blocks: 3x5, 3x6, 2x8) is a rep max:
  the heaviest weight lifted for at least that many reps (70 kg x 8 is also a 5-rep best when
  nothing heavier was done for 5).
- A record beats something: a category with nothing in it before the session (a first session)
  is filled silently; ties are no record (the first date keeps it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from coaching.loads import rir_adjusted_1rm

MAX_REPS_TO_FAILURE = 15
MAX_RIR_FOR_ESTIMATE = 5
REP_TARGETS = (5, 6, 8)
_EPSILON = 1e-9  # weights compare after unit conversion: ignore float noise


class SetLike(Protocol):
    weight: float
    reps: int
    rir: int | None


def counts_for_records(reps: int, rir: int | None) -> bool:
    """Whether a set says enough about strength to set any record (reserve unknown: a
    weight record still)."""
    return reps <= MAX_REPS_TO_FAILURE and (rir is None or rir <= MAX_RIR_FOR_ESTIMATE)


def estimated_1rm(weight: float, reps: int, rir: int | None) -> float | None:
    """The set's RIR-adjusted e1RM; None for a set too long to estimate from, or whose
    reserve is unknown."""
    if rir is None or not counts_for_records(reps, rir) or reps + rir > MAX_REPS_TO_FAILURE:
        return None
    return rir_adjusted_1rm(weight, reps, rir)


@dataclass(frozen=True)
class Best:
    """One record: its value (a weight, or an e1RM), the set behind it and the day."""

    value: float
    weight: float
    reps: int
    rir: int | None = None
    day: date | None = None


@dataclass(frozen=True)
class Record:
    """A record a newly logged set set. `target`: the rep count it is the heaviest for."""

    kind: str  # "weight" (heaviest for `target` reps) or "e1rm"
    weight: float
    reps: int
    value: float  # the weight, or the estimated 1RM
    rir: int | None = None  # of the set the estimate came from
    target: int | None = None


@dataclass
class RecordBook:
    """One lift's records so far; `add` a session's sets to learn which records they set."""

    heaviest: dict[int, Best] = field(default_factory=dict)  # by rep target
    e1rm: Best | None = None

    def add(self, sets: Iterable[SetLike], day: date | None = None) -> list[Record]:
        """Take in one session's sets (in order); returns the records they set: each set that
        is now the heaviest for a rep target beaten (once, with the largest such target), then
        the best e1RM if it was beaten."""
        had_weights, had_e1rm = set(self.heaviest), self.e1rm is not None
        beaten: set[int] = set()
        e1rm_record: Record | None = None
        for s in sets:
            if not counts_for_records(s.reps, s.rir):
                continue
            for target in REP_TARGETS:
                best = self.heaviest.get(target)
                if s.reps >= target and (best is None or s.weight > best.weight + _EPSILON):
                    self.heaviest[target] = Best(s.weight, s.weight, s.reps, s.rir, day)
                    beaten |= {target} & had_weights
            estimate = estimated_1rm(s.weight, s.reps, s.rir)
            if estimate is not None and (not self.e1rm or estimate > self.e1rm.value + _EPSILON):
                self.e1rm = Best(estimate, s.weight, s.reps, s.rir, day)
                e1rm_record = (
                    Record("e1rm", s.weight, s.reps, estimate, s.rir) if had_e1rm else None
                )
        by_set: dict[tuple[float, int], Record] = {}
        for target in sorted(beaten):
            best = self.heaviest[target]
            by_set[(best.weight, best.reps)] = Record(
                "weight", best.weight, best.reps, best.weight, target=target
            )
        return [*by_set.values(), *([e1rm_record] if e1rm_record else [])]


def new_records(history: Iterable[SetLike], new_sets: Iterable[SetLike]) -> list[Record]:
    """The records `new_sets` set against everything logged before them for this lift."""
    book = RecordBook()
    book.add(history)
    return book.add(new_sets)


def best_e1rm(sets: Iterable[SetLike]) -> float | None:
    """The best e1RM among these sets (None: none gives an estimate)."""
    values = [estimated_1rm(s.weight, s.reps, s.rir) for s in sets]
    return max((v for v in values if v is not None), default=None)
