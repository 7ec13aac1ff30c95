"""The exercise catalogue: every lift RunLift can prescribe, in one place.

Only compound lifts that train movements (the article: squats, deadlifts, cleans, jerks, bench
and overhead press). There is deliberately no isolation pattern, so no swap can reach one.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Pattern(StrEnum):
    SQUAT = "squat"
    HINGE = "hinge"
    PRESS = "press"
    POWER = "power"


class Implement(StrEnum):
    BARBELL = "barbell"
    TRAP_BAR = "trap bar"
    DUMBBELL = "dumbbell"


class Equipment(StrEnum):
    """What a runner trains with."""

    GYM = "gym"
    HOME_BARBELL = "barbell"
    DUMBBELLS = "dumbbells"


IMPLEMENTS_BY_EQUIPMENT: dict[Equipment, frozenset[Implement]] = {
    Equipment.GYM: frozenset(Implement),
    Equipment.HOME_BARBELL: frozenset({Implement.BARBELL}),
    Equipment.DUMBBELLS: frozenset({Implement.DUMBBELL}),
}


@dataclass(frozen=True)
class Exercise:
    key: str
    name: str
    pattern: Pattern
    implement: Implement
    per_arm: bool = False
    dumbbells_held: int = 0  # weights of dumbbell lifts are per dumbbell
    lower_body: bool = True
    aliases: tuple[str, ...] = ()

    def available_with(self, equipment: Equipment) -> bool:
        return self.implement in IMPLEMENTS_BY_EQUIPMENT[equipment]


def _lift(key: str, name: str, pattern: Pattern, implement: Implement, **kw) -> Exercise:
    return Exercise(key, name, pattern, implement, **kw)


_P, _S, _H, _W = Pattern.PRESS, Pattern.SQUAT, Pattern.HINGE, Pattern.POWER
_BB, _TB, _DB = Implement.BARBELL, Implement.TRAP_BAR, Implement.DUMBBELL

EXERCISES: dict[str, Exercise] = {
    e.key: e
    for e in (
        _lift("overhead_press", "Overhead press", _P, _BB,
              lower_body=False, aliases=("ohp", "press", "barbell press", "military press")),
        _lift("back_squat", "Back squat", _S, _BB,
              aliases=("squat", "bs", "barbell squat")),
        _lift("deadlift", "Deadlift", _H, _BB,
              aliases=("dl", "conventional deadlift")),
        _lift("one_arm_db_press", "One-arm dumbbell press", _P, _DB,
              per_arm=True, dumbbells_held=1, lower_body=False,
              aliases=("db press", "dumbbell press", "1-arm press", "one arm press",
                       "single arm press")),
        _lift("goblet_squat", "Goblet squat", _S, _DB,
              dumbbells_held=1, aliases=("goblet",)),
        _lift("bench_press", "Bench press", _P, _BB,
              lower_body=False, aliases=("bench", "bp")),
        _lift("power_clean", "Power clean", _W, _BB,
              aliases=("clean", "cleans")),
        _lift("push_jerk", "Push jerk", _W, _BB,
              aliases=("jerk", "jerks")),
        _lift("front_squat", "Front squat", _S, _BB,
              aliases=("fs",)),
        _lift("romanian_deadlift", "Romanian deadlift", _H, _BB,
              aliases=("rdl",)),
        _lift("trap_bar_deadlift", "Trap-bar deadlift", _H, _TB,
              aliases=("trap bar", "hex bar", "tbdl")),
        _lift("db_bench_press", "Dumbbell bench press", _P, _DB,
              dumbbells_held=2, lower_body=False, aliases=("db bench", "dumbbell bench")),
        _lift("push_press", "Push press", _P, _BB,
              lower_body=False, aliases=("pp",)),
        _lift("db_overhead_press", "Dumbbell overhead press", _P, _DB,
              dumbbells_held=2, lower_body=False, aliases=("db ohp", "dumbbell ohp")),
        _lift("db_squat", "Dumbbell squat", _S, _DB,
              dumbbells_held=2, aliases=("db squat",)),
        _lift("db_romanian_deadlift", "Dumbbell Romanian deadlift", _H, _DB,
              dumbbells_held=2, aliases=("db rdl", "dumbbell rdl")),
    )
}  # fmt: skip


def _normalise(name: str) -> str:
    return " ".join(name.lower().replace("_", " ").replace("-", " ").split())


_BY_NAME: dict[str, Exercise] = {}
for _exercise in EXERCISES.values():
    for _name in (_exercise.key, _exercise.name, *_exercise.aliases):
        _BY_NAME.setdefault(_normalise(_name), _exercise)


# Words that name a movement rather than one lift. They mean the lift of that movement in the
# runner's session when it has one ("press" on a dumbbells-only day is its dumbbell press), else
# the catalogue's lift of that alias.
_MOVEMENTS: dict[str, tuple[Pattern, Implement | None]] = {
    "press": (Pattern.PRESS, None), "squat": (Pattern.SQUAT, None),
    "deadlift": (Pattern.HINGE, None), "dl": (Pattern.HINGE, None),
    "db press": (Pattern.PRESS, Implement.DUMBBELL),
    "dumbbell press": (Pattern.PRESS, Implement.DUMBBELL),
}  # fmt: skip


def find_exercise(name: str, session: Sequence[Exercise] = ()) -> Exercise | None:
    """The exercise with this key, name or common abbreviation (any case), if any; a movement
    word (`press`, `squat`) is that movement's lift in `session` when it has one."""
    key = _normalise(name)
    if (movement := _MOVEMENTS.get(key)) is not None:
        pattern, implement = movement
        for exercise in session:
            if exercise.pattern is pattern and implement in (None, exercise.implement):
                return exercise
    return _BY_NAME.get(key)


def suggest_exercises(name: str, limit: int = 3) -> list[Exercise]:
    """Close matches for a misspelt exercise name, best first."""
    matches = difflib.get_close_matches(_normalise(name), list(_BY_NAME), n=limit * 3, cutoff=0.5)
    found: list[Exercise] = []
    for match in matches:
        if _BY_NAME[match] not in found:
            found.append(_BY_NAME[match])
    return found[:limit]


def swap_options(exercise: Exercise, equipment: Equipment) -> list[Exercise]:
    """Other catalogue lifts of the same movement pattern that this equipment allows."""
    return [
        other
        for other in EXERCISES.values()
        if other.pattern is exercise.pattern
        and other.key != exercise.key
        and other.available_with(equipment)
    ]
