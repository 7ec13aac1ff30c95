"""The callback context every handler receives: PTB's, plus the database."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager

from sqlalchemy.ext.asyncio import AsyncSession
from telegram.ext import Application, CallbackContext, ExtBot

from models import Database

DATABASE_KEY = "database"


class RunLiftContext(CallbackContext[ExtBot, dict, dict, dict]):
    @property
    def database(self) -> Database:
        return self.application.bot_data[DATABASE_KEY]

    def db(self) -> AbstractAsyncContextManager[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        return self.database.session()


RunLiftApp = Application[ExtBot, RunLiftContext, dict, dict, dict, None]
