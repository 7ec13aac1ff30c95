"""Typed JSON columns: a prescription and a /log draft are stored and read only as their types."""

from datetime import date

import pytest
from sqlalchemy import text

from coaching import LogDraft, Prescription, Reason, ReasonCode, SessionName, SetEntry, Unit
from coaching.session import PrescribedLift
from models import Database, LiftState, User, WorkoutSession

WHY = Reason(ReasonCode.UP, {"weight_kg": 62.5, "rir": 3})
PRESCRIPTION = Prescription(
    SessionName.A, "2x8", (PrescribedLift("back_squat", 62.5, 2, 8, WHY),), None, "done"
)


@pytest.fixture
async def database(database_url):
    database = Database.from_url(database_url)
    await database.migrate()
    yield database
    await database.dispose()


async def test_a_prescription_and_a_draft_come_back_as_they_went_in(database):
    draft = LogDraft(date(2026, 11, 24), "back_squat", (SetEntry(60.0, 8, Unit.KG),), 2)
    async with database.session() as session:
        session.add(User(id=1, first_name="Ann", log_draft=draft))
        await session.flush()
        session.add(WorkoutSession(user_id=1, session_name="A", local_date=date(2026, 11, 24),
                                   prescription=PRESCRIPTION))  # fmt: skip
    async with database.session() as session:
        workout = (await session.execute(text("SELECT id FROM workout_sessions"))).scalar()
        assert (await session.get(WorkoutSession, workout)).prescription == PRESCRIPTION
        assert (await session.get(User, 1)).log_draft == draft


async def test_a_plain_dict_is_refused(database):
    with pytest.raises(Exception, match="expected Prescription"):
        async with database.session() as session:
            session.add(User(id=1, first_name="Ann"))
            await session.flush()
            session.add(WorkoutSession(user_id=1, session_name="A", local_date=date(2026, 11, 24),
                                       prescription={"lifts": []}))  # fmt: skip
            await session.flush()


async def test_a_reason_is_stored_as_a_code_and_values(database):
    async with database.session() as session:
        session.add(User(id=1, first_name="Ann"))
        await session.flush()
        state = LiftState(user_id=1, exercise="back_squat", working_weight_kg=62.5)
        state.reason = WHY
        session.add(state)
    async with database.session() as session:
        row = await session.execute(text("SELECT reason_code, reason_values FROM lift_states"))
        code, values = row.one()
        assert code == "up" and "62.5" in str(values)  # text on SQLite, JSON on PostgreSQL
        assert (await session.get(LiftState, (1, "back_squat"))).reason == WHY


async def test_a_draft_the_first_release_left_without_a_date_does_not_lock_the_runner_out(
    database,
):
    async with database.session() as session:
        await session.execute(text(
            "INSERT INTO users (id, first_name, week_confirmed, block, sessions_in_block, "
            "sessions_since_deload, onboarded, active, heads_up, log_draft) VALUES (1, 'Ann', "
            "TRUE, '2x8', 0, 0, TRUE, TRUE, FALSE, '{\"exercise\": null, \"sets\": null}')"
        ))  # fmt: skip
    async with database.session() as session:
        assert (await session.get(User, 1)).log_draft is None
