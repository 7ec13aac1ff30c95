"""The exercise catalogue: compound lifts only, swaps within a pattern."""

import pytest

from coaching import EXERCISES, Equipment, Pattern, find_exercise, suggest_exercises, swap_options

ISOLATION_WORDS = ("curl", "extension", "raise", "fly", "kickback", "calf", "crunch")


def test_the_articles_lifts_are_all_there():
    for key in ("overhead_press", "back_squat", "deadlift", "one_arm_db_press", "goblet_squat"):
        assert key in EXERCISES
    for key in ("bench_press", "power_clean", "push_jerk"):
        assert key in EXERCISES


def test_no_isolation_exercise_exists():
    for exercise in EXERCISES.values():
        assert exercise.pattern in set(Pattern)
        assert not any(word in exercise.name.lower() for word in ISOLATION_WORDS)


@pytest.mark.parametrize(
    ("typed", "key"),
    [("ohp", "overhead_press"), ("DL", "deadlift"), ("goblet", "goblet_squat"),
     ("Back Squat", "back_squat"), ("squat", "back_squat"), ("rdl", "romanian_deadlift")],
)  # fmt: skip
def test_names_and_abbreviations_are_found(typed, key):
    found = find_exercise(typed)
    assert found is not None and found.key == key


def test_misspelt_names_get_suggestions():
    assert find_exercise("deadlfit") is None
    assert EXERCISES["deadlift"] in suggest_exercises("deadlfit")


@pytest.mark.parametrize("equipment", list(Equipment))
def test_swaps_stay_in_pattern_and_equipment(equipment):
    for exercise in EXERCISES.values():
        for other in swap_options(exercise, equipment):
            assert other.pattern is exercise.pattern
            assert other.available_with(equipment)
            assert other is not exercise


def test_dumbbells_only_can_swap_deadlift_to_dumbbell_rdl():
    options = swap_options(EXERCISES["deadlift"], Equipment.DUMBBELLS)
    assert EXERCISES["db_romanian_deadlift"] in options


def test_a_movement_word_means_that_movement_in_the_session_else_the_catalogues_lift():
    dumbbell_day = [EXERCISES[k] for k in ("db_overhead_press", "db_squat", "db_romanian_deadlift")]
    assert find_exercise("dumbbell press", dumbbell_day).key == "db_overhead_press"
    assert find_exercise("Squat", dumbbell_day).key == "db_squat"
    assert find_exercise("deadlift", dumbbell_day).key == "db_romanian_deadlift"
    assert find_exercise("press", dumbbell_day).key == "db_overhead_press"
    assert find_exercise("one arm press", dumbbell_day).key == "one_arm_db_press"
    assert find_exercise("front squat", dumbbell_day).key == "front_squat"
    gym_day = [EXERCISES[k] for k in ("overhead_press", "back_squat", "deadlift")]
    assert find_exercise("dumbbell press", gym_day).key == "one_arm_db_press"  # none in it
    assert find_exercise("squat").key == "back_squat"
