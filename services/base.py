"""What every service area shares: the update's database session, clock and runner."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from coaching.timezones import local_date
from models import User

if TYPE_CHECKING:
    from services import Services


class NoRunner(LookupError):
    """The update has no person behind it (sent as a chat: an anonymous admin, a channel)."""


class Area:
    """One area of the services facade (training, profile, ...), bound to one unit of work."""

    def __init__(self, services: Services) -> None:
        self.services = services

    @property
    def db(self) -> AsyncSession:
        return self.services.session

    @property
    def now(self) -> datetime:
        return self.services.now

    @property
    def runner(self) -> User:
        """The sender, loaded (or created) when the update arrived."""
        runner = self.services.runner
        if runner is None:
            raise NoRunner
        return runner

    def today(self, user: User | None = None) -> date:
        """Today in the runner's (or `user`'s) time zone."""
        user = user or self.runner
        return local_date(self.now, user.timezone)
