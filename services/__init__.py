"""Every decision that needs the database, behind one facade bound to one unit of work.

`bot.context.unit_of_work` opens `Services` for each handler call (one per update, unless a
conversation steps aside and lets a later handler take the same update) and the reminder tick
opens one per step; nothing above this package builds SQL, writes ORM objects or makes a
coaching decision.

    async with open_services(database, now, sender) as services:
        session = await services.training.today()

The unit of work commits when the block ends and rolls back if it raises; `commit()` makes
what is done so far durable earlier (a logged set is stored before the reply says so).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from models import Database, User
from models.queries import get_or_create_user
from services.bodyweight import Bodyweight
from services.exports import Exports
from services.groups import Groups
from services.profile import Profile
from services.progress import Progress
from services.reminders import Reminders
from services.reports import Reports
from services.summaries import Summaries
from services.training import Training

Runner = User  # what handlers hold of the sender (read its fields; change it through services)


@dataclass(frozen=True)
class Sender:
    """Who sent an update: their Telegram id and name, and the private chat if it came from one."""

    user_id: int
    first_name: str
    private_chat_id: int | None


class Services:
    def __init__(self, session: AsyncSession, now: datetime, runner: User | None) -> None:
        self.session = session
        self.now = now  # one reading of the clock for the whole unit of work
        self.runner = runner
        self.training = Training(self)
        self.profile = Profile(self)
        self.groups = Groups(self)
        self.reminders = Reminders(self)
        self.reports = Reports(self)
        self.progress = Progress(self)
        self.bodyweight = Bodyweight(self)
        self.exports = Exports(self)
        self.summaries = Summaries(self)

    def for_runner(self, runner: User, now: datetime | None = None) -> Services:
        """The same unit of work seen as `runner` (the reminder tick acts for each runner),
        its clock at `now` if given."""
        return Services(self.session, now or self.now, runner)

    async def commit(self) -> None:
        """Make everything so far durable now; later work runs in a new transaction."""
        await self.session.commit()


@asynccontextmanager
async def open_services(
    database: Database, now: datetime, sender: Sender | None = None
) -> AsyncIterator[Services]:
    """One unit of work with the sender's runner loaded (created on first contact)."""
    async with database.session() as session:
        runner = None
        if sender is not None:
            runner = await get_or_create_user(
                session, sender.user_id, sender.first_name, sender.private_chat_id
            )
        yield Services(session, now, runner)


__all__ = ["Runner", "Sender", "Services", "open_services"]
