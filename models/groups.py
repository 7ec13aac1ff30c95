"""Group chats that follow RunLift together, and their members."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, ForeignKey, Integer, String, func, true
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class Group(Base):
    __tablename__ = "groups"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(256), default="")
    timezone: Mapped[str | None] = mapped_column(String(64))
    reminder_time: Mapped[str | None] = mapped_column(String(5))
    fixed_days: Mapped[list[int] | None] = mapped_column(JSON)  # None: members' own days
    weekly_summary: Mapped[bool] = mapped_column(Boolean, default=True)
    summary_day: Mapped[int] = mapped_column(Integer, default=6)  # Monday = 0: Sunday
    introduced: Mapped[bool] = mapped_column(Boolean, default=False)
    # False once the bot was removed (or Telegram refused a message): no reminders until it is
    # added back.
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    reminders_planned_until: Mapped[date | None] = mapped_column(Date, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())


class GroupMember(Base):
    __tablename__ = "group_members"

    group_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    share: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, server_default=func.now())
    # Set when the member leaves; the row stays (with the /share choice) for a return, which
    # sets joined_at anew: a member is counted from their latest joining.
    left_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
