"""The callback context every handler receives: PTB's, plus the database."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import CLOCK_KEY, utc_now
from models import Database

DATABASE_KEY = "database"


class RunLiftContext(CallbackContext[ExtBot, dict, dict, dict]):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        # Set when a conversation took this update, so catch-alls in later groups stay quiet.
        self.consumed = False

    def now(self) -> datetime:
        """The current time (UTC); tests replace the clock in bot_data."""
        return self.application.bot_data.get(CLOCK_KEY, utc_now)()

    @property
    def database(self) -> Database:
        return self.application.bot_data[DATABASE_KEY]

    def db(self) -> AbstractAsyncContextManager[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        return self.database.session()


RunLiftApp = Application[ExtBot, RunLiftContext, dict, dict, dict, None]
