"""The one function that builds a session: programme, working weights, breaks, races, check-in."""

from datetime import date, timedelta

from coaching import (
    BLOCKS,
    Distance,
    Equipment,
    Kit,
    LiftStatus,
    Prescription,
    Reason,
    ReasonCode,
    SessionName,
    Unit,
    build_session,
    readiness,
    session_plan,
)

KIT = Kit.default(Unit.KG)
TUESDAY = date(2026, 11, 24)
PLAN_A = session_plan(SessionName.A, Equipment.GYM, BLOCKS[0])
FROM_SET = Reason(ReasonCode.FROM_SET, {"weight_kg": 60.0, "reps": 8, "rir": 2})
STATUSES = {
    "overhead_press": LiftStatus(30.0, FROM_SET, TUESDAY - timedelta(days=4)),
    "back_squat": LiftStatus(60.0, FROM_SET, TUESDAY - timedelta(days=4)),
    "deadlift": LiftStatus(80.0, FROM_SET, TUESDAY - timedelta(days=4)),
}


def _weights(session):
    return {lift.exercise.key: (lift.weight, lift.sets) for lift in session.lifts}


def test_a_normal_day_prescribes_the_block_at_the_working_weights():
    session = build_session(PLAN_A, STATUSES, KIT, TUESDAY)
    assert _weights(session) == {
        "overhead_press": (30.0, 2), "back_squat": (60.0, 2), "deadlift": (80.0, 2),
    }  # fmt: skip
    assert session.note is None and 45 <= session.minutes <= 60
    assert session.lifts[0].ramp and session.lifts[0].reason == FROM_SET


def test_race_week_has_no_lifts_only_the_reason():
    races = [(TUESDAY + timedelta(days=3), Distance.HALF)]
    session = build_session(PLAN_A, STATUSES, KIT, TUESDAY, races)
    assert session.no_lifting and session.lifts == () and session.minutes == 0
    assert session.note == Reason(ReasonCode.RACE_WEEK, {"days": 3, "distance": "half"})


def test_taper_keeps_the_weight_and_cuts_to_one_set():
    races = [(TUESDAY + timedelta(days=12), Distance.MARATHON)]
    session = build_session(PLAN_A, STATUSES, KIT, TUESDAY, races)
    assert {sets for _, sets in _weights(session).values()} == {1}
    assert _weights(session)["back_squat"][0] == 60.0


def test_the_week_after_a_race_is_lighter_but_the_working_weight_is_untouched():
    races = [(TUESDAY - timedelta(days=3), Distance.TEN_K)]
    session = build_session(PLAN_A, STATUSES, KIT, TUESDAY, races)
    assert _weights(session)["deadlift"][0] < 80.0
    assert STATUSES["deadlift"].working_weight == 80.0


def test_a_lift_without_a_weight_is_calibrated():
    statuses = {**STATUSES, "deadlift": LiftStatus(None)}
    deadlift = build_session(PLAN_A, statuses, KIT, TUESDAY).lifts[-1]
    assert deadlift.weight is None and deadlift.reason.code is ReasonCode.CALIBRATE


def test_a_break_cuts_the_weight_and_says_why():
    statuses = {**STATUSES, "back_squat": LiftStatus(60.0, FROM_SET, TUESDAY - timedelta(30))}
    squat = build_session(PLAN_A, statuses, KIT, TUESDAY).lifts[1]
    assert squat.weight < 60.0 and squat.reason.code is ReasonCode.AFTER_BREAK


def test_the_check_in_trims_sets_not_weights():
    trim = readiness(8, False)  # sore legs (a key run tomorrow: test_readiness.py)
    stored = Prescription.of(build_session(PLAN_A, STATUSES, KIT, TUESDAY), KIT)
    session = stored.after_checkin(trim).session(KIT)
    assert {sets for _, sets in _weights(session).values()} == {1}
    assert _weights(session)["deadlift"][0] == 80.0
    assert session.note == trim.reason


def test_a_prescription_is_stored_in_kg_and_read_back_in_pounds():
    session = build_session(PLAN_A, STATUSES, KIT, TUESDAY)
    stored = Prescription.from_json(Prescription.of(session, KIT).to_json())
    assert stored.lift("back_squat").weight_kg == 60.0
    in_pounds = stored.session(Kit.default(Unit.LB))
    squat = next(x for x in in_pounds.lifts if x.exercise.key == "back_squat")
    assert squat.weight == 130.0  # 60 kg is 132.3 lb: the nearest loadable is 130


def test_a_prescription_from_the_first_release_is_still_read():
    old = {"name": "B", "block": "2x8", "note": "taper for your half",
           "lifts": [{"exercise": "deadlift", "weight_kg": 80, "sets": 1, "reps": 8,
                      "reason": "from your 14 kg × 8"}]}  # fmt: skip
    stored = Prescription.from_json(old)
    assert stored.name is SessionName.B and stored.note is None
    assert stored.lift("deadlift").reason is None and stored.lift("deadlift").sets == 1
