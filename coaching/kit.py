"""What a runner can load: bar and plates, dumbbells. Every prescribed weight is loadable.

Barbell weight = bar + pairs of the runner's plates (any number of each plate); a dumbbell
weight = one the runner owns. Weights are in the kit's own unit.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

from coaching.catalogue import Exercise, Implement
from coaching.units import Unit, from_kg

_CENTS = 100  # plate arithmetic in hundredths, so 1.25 kg plates add up exactly
_MAX_PER_SIDE = 300  # kg or lb per side; beyond any runner's needs

DEFAULT_BAR = {Unit.KG: 20.0, Unit.LB: 45.0}
DEFAULT_TRAP_BAR = {Unit.KG: 25.0, Unit.LB: 55.0}
DEFAULT_PLATES = {
    Unit.KG: (25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25),
    Unit.LB: (45.0, 35.0, 25.0, 10.0, 5.0, 2.5),
}
# DESIGN: default dumbbell step 2 kg / 5 lb.
DEFAULT_DUMBBELLS = {
    Unit.KG: tuple(float(w) for w in range(2, 52, 2)),
    Unit.LB: tuple(float(w) for w in range(5, 125, 5)),
}
BARBELL_INCREMENT = {Unit.KG: 2.5, Unit.LB: 5.0}


@dataclass(frozen=True)
class Kit:
    unit: Unit = Unit.KG
    bar: float = 20.0
    trap_bar: float = 25.0
    plates: tuple[float, ...] = field(default=DEFAULT_PLATES[Unit.KG])
    dumbbells: tuple[float, ...] = field(default=DEFAULT_DUMBBELLS[Unit.KG])

    @classmethod
    def default(cls, unit: Unit) -> Kit:
        return cls(
            unit=unit,
            bar=DEFAULT_BAR[unit],
            trap_bar=DEFAULT_TRAP_BAR[unit],
            plates=DEFAULT_PLATES[unit],
            dumbbells=DEFAULT_DUMBBELLS[unit],
        )

    def bar_for(self, exercise: Exercise) -> float:
        return self.trap_bar if exercise.implement is Implement.TRAP_BAR else self.bar

    def loadable(self, exercise: Exercise) -> tuple[float, ...]:
        """Every weight this kit can put on this exercise, ascending."""
        if exercise.implement is Implement.DUMBBELL:
            return _sorted_weights(self.dumbbells)
        return _bar_weights(self.bar_for(exercise), self.plates)

    def round(self, exercise: Exercise, weight: float, *, down: bool = False) -> float:
        """The nearest loadable weight (ties and `down=True` go lighter)."""
        options = self.loadable(exercise)
        i = bisect.bisect_left(options, weight)
        if i < len(options) and abs(options[i] - weight) < 1e-9:
            return options[i]
        lower = options[i - 1] if i > 0 else options[0]
        upper = options[i] if i < len(options) else options[-1]
        if down:
            return lower
        return lower if weight - lower <= upper - weight else upper

    def from_kg(self, exercise: Exercise, weight_kg: float) -> float:
        """A stored weight (kg) in this kit's units, rounded to what can be loaded."""
        return self.round(exercise, from_kg(weight_kg, self.unit))

    def step_up(self, exercise: Exercise, weight: float, steps: int = 1) -> float:
        """`steps` increments heavier: 2.5 kg / 5 lb on a bar, the next dumbbell(s) up."""
        if exercise.implement is Implement.DUMBBELL:
            options = self.loadable(exercise)
            i = bisect.bisect_right(options, weight + 1e-9)
            return options[min(i + steps - 1, len(options) - 1)]
        return self.round(exercise, weight + steps * BARBELL_INCREMENT[self.unit])

    def increment(self, exercise: Exercise, weight: float) -> float:
        """One increment at this weight: the bar step, or the gap between neighbouring dumbbells."""
        if exercise.implement is Implement.DUMBBELL:
            options = self.loadable(exercise)
            if len(options) < 2:
                return 0.0
            i = min(max(bisect.bisect_left(options, weight), 1), len(options) - 1)
            return options[i] - options[i - 1]
        return BARBELL_INCREMENT[self.unit]

    def plates_per_side(self, exercise: Exercise, weight: float) -> tuple[float, ...]:
        """The fewest plates (heaviest first) on each side for `weight`; () for an empty bar."""
        side = round((weight - self.bar_for(exercise)) / 2 * _CENTS)
        return tuple(p / _CENTS for p in _fewest_plates(self.plates, side))


@lru_cache(maxsize=64)
def _sorted_weights(dumbbells: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(sorted(set(dumbbells)))


@lru_cache(maxsize=64)
def _bar_weights(bar: float, plates: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(bar + 2 * side / _CENTS for side in _side_sums(plates))


@lru_cache(maxsize=16)
def _plate_table(plates: tuple[float, ...]) -> tuple[list[int], list[int]]:
    """For each per-side load in hundredths: the fewest plates making it, and the last plate used.

    A coin-change table, so unusual plate sets (only 10s and 15s, say) are handled exactly.
    """
    coins = sorted({round(p * _CENTS) for p in plates if p > 0})
    limit = _MAX_PER_SIDE * _CENTS
    unreachable = limit + 1
    fewest = [0] + [unreachable] * limit
    last = [0] * (limit + 1)
    for total in range(1, limit + 1):
        for coin in coins:
            if coin <= total and fewest[total - coin] + 1 < fewest[total]:
                fewest[total] = fewest[total - coin] + 1
                last[total] = coin
    return fewest, last


@lru_cache(maxsize=16)
def _side_sums(plates: tuple[float, ...]) -> tuple[int, ...]:
    """Every per-side load (in hundredths) reachable with any number of these plates."""
    fewest, _ = _plate_table(plates)
    return tuple(i for i, count in enumerate(fewest) if count < len(fewest))


def _fewest_plates(plates: tuple[float, ...], side: int) -> list[int]:
    """The fewest plates (heaviest first) making `side` hundredths; empty if impossible."""
    fewest, last = _plate_table(plates)
    if not 0 < side < len(fewest) or fewest[side] >= len(fewest):
        return []
    used: list[int] = []
    while side > 0:
        used.append(last[side])
        side -= last[side]
    return sorted(used, reverse=True)
