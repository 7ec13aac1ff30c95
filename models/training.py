"""What a runner lifts: the state of each lift, sessions and logged sets. Weights in kg."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, user_id_column


class LiftState(Base):
    """Where a runner stands on one exercise: the next working weight and why."""

    __tablename__ = "lift_states"

    user_id: Mapped[int] = user_id_column(primary_key=True)
    exercise: Mapped[str] = mapped_column(String(32), primary_key=True)
    working_weight_kg: Mapped[float | None] = mapped_column(Float)  # None: to be calibrated
    needs_calibration: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(256), default="")
    short_sessions_in_a_row: Mapped[int] = mapped_column(Integer, default=0)
    last_done: Mapped[date | None] = mapped_column(Date)


class WorkoutSession(Base):
    __tablename__ = "workout_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = user_id_column(index=True)
    session_name: Mapped[str] = mapped_column(String(1))  # "A" or "B"
    block: Mapped[str] = mapped_column(String(8), default="2x8")
    local_date: Mapped[date] = mapped_column(Date)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class LoggedSet(Base):
    __tablename__ = "logged_sets"
    # The same Telegram message stored twice would double a set: one row per source and set.
    __table_args__ = (UniqueConstraint("chat_id", "source_message_id", "exercise", "set_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
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
    source_update_id: Mapped[int | None] = mapped_column(BigInteger)
    source_message_id: Mapped[int | None] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
