"""How each lift is named and cued to the runner (the catalogue in `coaching/` holds only
its identity and the names runners type)."""

from __future__ import annotations

from coaching import Exercise

CUES: dict[str, str] = {
    "overhead_press": (
        "Bar on the collarbones, squeeze glutes, press straight up until elbows lock."
    ),
    "back_squat": "Feet a little wider than hips, toes out slightly, thighs to parallel, drive up.",
    "deadlift": "Grip just outside the legs, flat back, push the floor away and stand tall.",
    "one_arm_db_press": "Dumbbell under the chin, press until the arm is straight beside the ear.",
    "goblet_squat": "Hold the bell at the chest, sit down between the knees, chest proud.",
    "bench_press": "Shoulder blades pinched, bar to mid-chest, press back over the shoulders.",
    "power_clean": "Pull from the floor, extend hips hard, catch the bar on the shoulders.",
    "push_jerk": "Short dip, drive with the legs, punch under the bar to lock out overhead.",
    "front_squat": "Bar on the front of the shoulders, elbows high, sit straight down.",
    "romanian_deadlift": (
        "Soft knees, push the hips back, bar close to the thighs, stop at mid-shin."
    ),
    "trap_bar_deadlift": "Stand centred in the bar, chest up, drive through the whole foot.",
    "db_bench_press": "Dumbbells over the shoulders, lower to chest level, press together.",
    "push_press": "A quick knee dip, then drive the bar overhead with legs and arms.",
    "db_overhead_press": (
        "A dumbbell in each hand at the shoulders, press both until the arms lock."
    ),
    "db_squat": "A dumbbell on each shoulder, sit down to parallel, stand up tall.",
    "db_romanian_deadlift": (
        "Dumbbells along the thighs, hips back, flat back, stand up by squeezing glutes."
    ),
}  # fmt: skip


def exercise_name(exercise: Exercise) -> str:
    """The lift's display name (one place to translate later)."""
    return exercise.name


def cue(exercise: Exercise) -> str:
    return CUES[exercise.key]
