"""The check-in: a key run tomorrow leaves the legs out; very sore legs get one set per lift."""

from coaching import Prescription, RunType, build_session, readiness
from coaching.readiness import SORE, is_key_run
from coaching.reasons import ReasonCode
from tests.coaching.test_session import KIT, PLAN_A, STATUSES, TUESDAY


def test_nothing_reported_is_the_session_as_planned():
    ready = readiness(None, None)
    assert ready.as_planned and ready.lower_body and ready.sets_per_lift is None


def test_a_key_run_tomorrow_is_upper_body_only_at_the_full_sets():
    ready = readiness(2, True)
    assert not ready.lower_body and ready.sets_per_lift is None
    assert ready.reason.code is ReasonCode.CHECKIN_UPPER_ONLY
    assert ready.reason.values == {"soreness": -1, "run": ""}


def test_sore_legs_are_one_set_of_everything():
    ready = readiness(SORE, False)
    assert ready.lower_body and ready.sets_per_lift == 1
    assert ready.reason.code is ReasonCode.CHECKIN_TRIM


def test_both_leave_the_legs_out_and_trim_the_rest():
    ready = readiness(9, True, RunType.LONG)
    assert not ready.lower_body and ready.sets_per_lift == 1
    assert ready.reason.values == {"soreness": 9, "run": "long"}


def test_quality_long_and_race_are_key_runs():
    assert [r for r in RunType if is_key_run(r)] == [RunType.QUALITY, RunType.LONG, RunType.RACE]


def test_upper_body_only_leaves_squat_and_deadlift_out_of_the_stored_session():
    stored = Prescription.of(build_session(PLAN_A, STATUSES, KIT, TUESDAY), KIT)
    after = stored.after_checkin(readiness(None, True))
    assert [(x.exercise, x.sets, x.weight_kg) for x in after.lifts] == [("overhead_press", 2, 30.0)]
    assert after.checkin == "done" and after.note.code is ReasonCode.CHECKIN_UPPER_ONLY
    assert after.session(KIT).lifts[0].ramp  # still warmed up: the press is the first lift
