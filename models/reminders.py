"""Reminders to send: one row per chat, kind and local date, claimed by a periodic tick."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class Reminder(Base):
    __tablename__ = "reminders"
    __table_args__ = (
        UniqueConstraint("chat_id", "kind", "local_date"),
        Index("ix_reminders_status_due", "status", "due_at"),
        Index("ix_reminders_send_key", "send_key", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    user_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("groups.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # "lift", "heads_up", "missed"
    # The lift day a reminder is about (the day before for heads_up, after for missed).
    local_date: Mapped[date] = mapped_column(Date)
    lift_date: Mapped[date] = mapped_column(Date)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)  # UTC
    # due -> sending (claimed) -> sent; or missed, skipped, failed, blocked.
    status: Mapped[str] = mapped_column(String(16), default="due")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Crash safety (services/reminders.py): the idempotency key "u<user>|g<group>:<date>:<kind>",
    # written when the row is claimed (before the send; one row per key ever sends), and the
    # sent marker, Telegram's message id, written the moment Telegram has accepted the send.
    send_key: Mapped[str | None] = mapped_column(String(64))
    message_id: Mapped[int | None] = mapped_column(BigInteger)
