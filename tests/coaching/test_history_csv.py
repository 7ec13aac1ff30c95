"""Reading history files: RunLift's own, Strong's and Hevy's; logger names to programme lifts;
cells a spreadsheet would run are neutralised."""

from datetime import date

import pytest

from coaching.bodyweight import WeighInError, parse_weigh_in, weekly_trend
from coaching.history_csv import (
    FileProblem,
    HistoryFileError,
    Skip,
    logger_exercise,
    parse_history,
    safe_cell,
)
from coaching.records import estimated_1rm
from coaching.units import Unit

HEVY = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
    "set_type,weight_kg,reps,distance_km,duration_seconds,rpe\n"
    '"Lift A","26 Jul 2025, 07:06","26 Jul 2025, 07:50",,"Deadlift (Barbell)",,,0,warmup,60,5,,,\n'
    '"Lift A","26 Jul 2025, 07:06","26 Jul 2025, 07:50",,"Deadlift (Barbell)",,,1,normal,'
    "100,5,,,8\n"
    '"Lift A","26 Jul 2025, 07:06","26 Jul 2025, 07:50",,"Romanian Deadlift (Dumbbell)",,,0,'
    "normal,20,8,,,\n"
)


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Squat (Barbell)", "back_squat"),
        ("Deadlift (Barbell)", "deadlift"),
        ("Overhead Press (Barbell)", "overhead_press"),
        ("Overhead Press (Dumbbell)", "db_overhead_press"),
        ("Goblet Squat (Kettlebell)", "goblet_squat"),
        ("Deadlift (Trap bar)", "trap_bar_deadlift"),
        ("Bench Press (Dumbbell)", "db_bench_press"),
        ("Power Clean", "power_clean"),
        ("Squat (Smith Machine)", None),
        ("Deadlift (Dumbbell)", None),  # not the barbell deadlift
        ("Bicep Curl (Dumbbell)", None),
    ],
)
def test_logger_names_map_to_the_lift_with_the_same_implement(name, key):
    exercise = logger_exercise(name)
    assert (exercise.key if exercise else None) == key


def test_a_hevy_export_skips_warm_ups_and_reads_rpe():
    parsed = parse_history(HEVY.encode(), Unit.LB)
    assert [(s.day, s.exercise, s.weight, s.unit, s.reps, s.rir) for s in parsed.sets] == [
        (date(2025, 7, 26), "deadlift", 100.0, Unit.KG, 5, 2),
        (date(2025, 7, 26), "db_romanian_deadlift", 20.0, Unit.KG, 8, None),
    ]
    assert parsed.skipped[Skip.WARM_UP] == 1


def test_a_strong_file_with_commas_and_weight_in_its_header():
    text = (
        "Workout #,Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (lbs),Reps,"
        "RPE,Distance (meters),Seconds,Notes,Workout Notes\n"
        '1,2026-01-05 07:00:00,"A",2400,"Squat (Barbell)",1,135,8,,,,,\n'
        '1,2026-01-05 07:00:00,"A",2400,"Squat (Barbell)",F,135,6,10,,,,\n'
    )
    parsed = parse_history(text.encode(), Unit.KG)
    assert [(s.weight, s.unit, s.reps, s.rir) for s in parsed.sets] == [
        (135.0, Unit.LB, 8, None),
        (135.0, Unit.LB, 6, 0),
    ]


def test_files_that_cannot_be_history():
    for data, problem in (
        (b"a,b\n1,2\n", FileProblem.UNKNOWN_COLUMNS),
        (b"\xff\xfe\x00", FileProblem.NOT_TEXT),
        (b"", FileProblem.UNKNOWN_COLUMNS),
    ):
        with pytest.raises(HistoryFileError) as raised:
            parse_history(data, Unit.KG)
        assert raised.value.problem is problem


def test_a_cell_a_spreadsheet_would_run_is_shown_as_text():
    assert safe_cell("=1+2") == "'=1+2"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("-3") == "'-3"
    assert safe_cell("Back squat") == "Back squat"


def test_e1rm_as_records_judge_it():
    assert estimated_1rm(60, 8, 2) == pytest.approx(80.0)  # Brzycki(60, 10)
    assert estimated_1rm(60, 12, 4) is None  # 16 reps to failure: too long to say


def test_weigh_ins_and_their_trend():
    assert parse_weigh_in("62,5", Unit.KG).weight == 62.5
    assert parse_weigh_in("138 lbs", Unit.KG).weight == 62.6
    assert parse_weigh_in("62.555", Unit.KG).weight == 62.6  # to 0.1, as /weight shows it
    assert parse_weigh_in("138 pounds", Unit.KG).weight == 62.6
    for typed in ("29", "251kg", "٦٢", "62.5 stones", "inf", "1e3"):
        with pytest.raises(WeighInError):
            parse_weigh_in(typed, Unit.KG)
    start = date(2026, 11, 1)
    steady_loss = [(date(2026, 11, d), 70 - 0.1 * d) for d in range(1, 22, 2)]
    assert weekly_trend(steady_loss, date(2026, 11, 21)) == pytest.approx(-0.7)
    assert weekly_trend([(start, 70), (date(2026, 11, 3), 69)], date(2026, 11, 3)) is None
