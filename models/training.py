"""What a runner lifts: the state of each lift, sessions and logged sets. Weights in kg."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from coaching import Prescription, Reason
from models.base import Base, JSONOf, UTCDateTime, user_id_column

SOURCE_KEY_LENGTH = 80  # "q:" and a callback query id, or "m:", a chat id and a message id


class WithReason:
    """Why a weight is what it is: a reason code and its values (rendered at display time)."""

    reason_code: Mapped[str | None] = mapped_column(String(32))
    reason_values: Mapped[dict | None] = mapped_column(JSON)

    @property
    def reason(self) -> Reason | None:
        if self.reason_code is None:
            return None
        return Reason.from_json({"code": self.reason_code, "values": self.reason_values})

    @reason.setter
    def reason(self, reason: Reason | None) -> None:
        self.reason_code = reason.code.value if reason else None
        self.reason_values = dict(reason.values) if reason else None


class LiftState(WithReason, Base):
    """Where a runner stands on one exercise: the next working weight and why."""

    __tablename__ = "lift_states"

    user_id: Mapped[int] = user_id_column(primary_key=True)
    exercise: Mapped[str] = mapped_column(String(32), primary_key=True)
    working_weight_kg: Mapped[float | None] = mapped_column(Float)  # None: to be calibrated
    short_sessions_in_a_row: Mapped[int] = mapped_column(Integer, default=0)
    last_done: Mapped[date | None] = mapped_column(Date)
    reps: Mapped[int | None] = mapped_column(Integer)  # double progression; None: the block's


class WorkoutSession(Base):
    """One lifting session on one local date; its prescription is kept as it was given."""

    __tablename__ = "workout_sessions"
    __table_args__ = (UniqueConstraint("user_id", "local_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = user_id_column(index=True)
    session_name: Mapped[str] = mapped_column(String(1))  # "A" or "B"
    block: Mapped[str] = mapped_column(String(8), default="2x8")
    local_date: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="open")  # "open" or "done"
    prescription: Mapped[Prescription] = mapped_column(JSONOf(Prescription), nullable=True)
    soreness: Mapped[int | None] = mapped_column(Integer)
    key_run_tomorrow: Mapped[bool | None] = mapped_column(Boolean)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Brought in by /import: history only (not counted in the programme's A/B order).
    imported: Mapped[bool] = mapped_column(Boolean, default=False)


class ExerciseEntry(WithReason, Base):
    """One exercise logged in a session, with the lift state it replaced (for /undo)."""

    __tablename__ = "exercise_entries"
    # The same message or button press handled twice must store once (one may log several
    # lifts). Keyed by `source_key` (see bot.dedupe.origin), not by update id: Telegram
    # numbers updates afresh after a week without any.
    __table_args__ = (UniqueConstraint("user_id", "source_key", "exercise"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("workout_sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = user_id_column(index=True)
    exercise: Mapped[str] = mapped_column(String(32))
    rir: Mapped[int | None] = mapped_column(Integer)
    calibration: Mapped[bool] = mapped_column(Boolean, default=False)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    source_key: Mapped[str] = mapped_column(String(SOURCE_KEY_LENGTH))
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)
    previous_state: Mapped[dict | None] = mapped_column(JSON)  # None: there was no state
    next_weight_kg: Mapped[float | None] = mapped_column(Float)
    change: Mapped[str] = mapped_column(String(8), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())


class LoggedSet(Base):
    __tablename__ = "logged_sets"
    __table_args__ = (UniqueConstraint("entry_id", "set_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("exercise_entries.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("workout_sessions.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = user_id_column(index=True)
    exercise: Mapped[str] = mapped_column(String(32))
    set_number: Mapped[int] = mapped_column(Integer)
    weight: Mapped[float] = mapped_column(Float)  # as entered, in `unit`
    unit: Mapped[str] = mapped_column(String(2))
    reps: Mapped[int] = mapped_column(Integer)
    rir: Mapped[int | None] = mapped_column(Integer)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())
