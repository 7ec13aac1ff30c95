"""A runner and what they told us: units, time zone, reminder time, kit, running week, races."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    Integer,
    String,
    UniqueConstraint,
    func,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coaching import LogDraft
from models.base import Base, JSONOf, UTCDateTime, user_id_column


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    first_name: Mapped[str] = mapped_column(String(256), default="")
    private_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    units: Mapped[str | None] = mapped_column(String(2))  # None until asked: kg is assumed
    timezone: Mapped[str | None] = mapped_column(String(64))
    reminder_time: Mapped[str | None] = mapped_column(String(5))  # local "HH:MM"
    equipment: Mapped[str | None] = mapped_column(String(16))
    # Loadable kit in the runner's units; None means the defaults for those units.
    bar_weight: Mapped[float | None] = mapped_column(Float)
    plates: Mapped[list[float] | None] = mapped_column(JSON)
    dumbbells: Mapped[list[float] | None] = mapped_column(JSON)
    week_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Programme position: the rep block and how steady progress has been in it.
    block: Mapped[str] = mapped_column(String(8), default="2x8")
    sessions_in_block: Mapped[int] = mapped_column(Integer, default=0)
    sessions_since_deload: Mapped[int] = mapped_column(Integer, default=0)
    swaps: Mapped[dict[str, str] | None] = mapped_column(JSON)  # programme lift -> chosen lift
    # A session moved by the runner from one date to a later one (local dates).
    moved_from: Mapped[date | None] = mapped_column(Date)
    moved_to: Mapped[date | None] = mapped_column(Date)
    # What /log is in the middle of: survives restarts; None outside /log.
    log_draft: Mapped[LogDraft | None] = mapped_column(JSONOf(LogDraft))
    onboarded: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False: paused or blocked us
    paused_until: Mapped[date | None] = mapped_column(Date)
    heads_up: Mapped[bool] = mapped_column(Boolean, default=False)  # a note the evening before
    # The weekly summary (opt-in): its local weekday (Monday = 0) and time "HH:MM".
    weekly_summary: Mapped[bool] = mapped_column(Boolean, default=False)
    summary_day: Mapped[int] = mapped_column(Integer, default=6)
    summary_time: Mapped[str] = mapped_column(String(5), default="18:00")
    # /import sent without a file: the next document (soon after) is the one to import.
    import_asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Reminders are planned up to this local date; None: plan again (something changed).
    reminders_planned_until: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())

    run_days: Mapped[list[RunDay]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class RunDay(Base):
    """One weekday of the runner's usual week; weekdays without a row are rest days."""

    __tablename__ = "run_days"

    user_id: Mapped[int] = user_id_column(primary_key=True)
    weekday: Mapped[int] = mapped_column(Integer, primary_key=True)  # Monday = 0
    run_type: Mapped[str] = mapped_column(String(16))


class Race(Base):
    __tablename__ = "races"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = user_id_column(index=True)
    race_date: Mapped[date] = mapped_column(Date)
    distance: Mapped[str] = mapped_column(String(16))


class BodyweightEntry(Base):
    """One weigh-in a day (a second one that day replaces the first)."""

    __tablename__ = "bodyweight_entries"
    __table_args__ = (UniqueConstraint("user_id", "entry_date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = user_id_column(index=True)
    entry_date: Mapped[date] = mapped_column(Date)
    weight_kg: Mapped[float] = mapped_column(Float)
