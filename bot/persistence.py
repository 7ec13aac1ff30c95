"""PTB persistence that keeps only conversation states, in RunLift's own database.

PTB loads conversation states once at start-up and writes changes on `update_persistence`;
`flush_after_update` (registered last) calls it after every update, so a state is stored as
soon as it changes and a restart continues the conversation where it was.

Abandoned conversations expire: a state unchanged for EXPIRE_AFTER is not loaded at start-up,
and `expire_conversations` (an hourly job) deletes such rows. A process that has been up all
along still holds the state in PTB's memory until it restarts; PTB offers no public way to
drop it, and a conversation continued there is stored afresh.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from telegram import Update
from telegram.ext import BasePersistence, ContextTypes, PersistenceInput

from bot.crash import crash_point
from models import Database
from models.queries import (
    conversation_states,
    expire_conversation_states,
    save_conversation_state,
)

log = logging.getLogger(__name__)

EXPIRE_AFTER = timedelta(days=14)  # a set-up or log left this long is abandoned


class DatabasePersistence(BasePersistence[dict, dict, dict]):
    def __init__(self, database: Database) -> None:
        nothing_but_conversations = PersistenceInput(
            bot_data=False, chat_data=False, user_data=False, callback_data=False
        )
        super().__init__(store_data=nothing_but_conversations, update_interval=60)
        self.database = database
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)  # the bot's, once built

    async def get_conversations(self, name: str) -> dict[tuple[int, int], object]:
        since = self.clock() - EXPIRE_AFTER
        async with self.database.session() as session:
            return dict(await conversation_states(session, name, since))

    async def expire(self) -> int:
        """Delete conversation states unchanged for EXPIRE_AFTER; how many went."""
        async with self.database.session() as session:
            return await expire_conversation_states(session, self.clock() - EXPIRE_AFTER)

    async def update_conversation(
        self, name: str, key: tuple[int | str, ...], new_state: object | None
    ) -> None:
        chat_id, user_id = key[0], key[-1]
        state = None if new_state is None else str(new_state)
        async with self.database.session() as session:
            await save_conversation_state(
                session, name, int(chat_id), int(user_id), state, self.clock()
            )

    # Nothing else is persisted: the database tables are the source of truth.
    async def get_user_data(self) -> dict[int, dict]:
        return {}

    async def get_chat_data(self) -> dict[int, dict]:
        return {}

    async def get_bot_data(self) -> dict:
        return {}

    async def get_callback_data(self) -> None:
        return None

    async def update_user_data(self, user_id: int, data: dict) -> None:
        pass

    async def update_chat_data(self, chat_id: int, data: dict) -> None:
        pass

    async def update_bot_data(self, data: dict) -> None:
        pass

    async def update_callback_data(self, data: object) -> None:
        pass

    async def drop_chat_data(self, chat_id: int) -> None:
        pass

    async def drop_user_data(self, user_id: int) -> None:
        pass

    async def refresh_user_data(self, user_id: int, user_data: dict) -> None:
        pass

    async def refresh_chat_data(self, chat_id: int, chat_data: dict) -> None:
        pass

    async def refresh_bot_data(self, bot_data: dict) -> None:
        pass

    async def flush(self) -> None:
        pass


async def flush_after_update(_update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Store conversation states changed by this update before the next one is read."""
    crash_point("before_state_flush")  # the update's work committed, its new state not yet
    await context.application.update_persistence()


async def expire_conversations(context: ContextTypes.DEFAULT_TYPE) -> None:
    """The hourly housekeeping job; never raises (the next run tries again)."""
    try:
        gone = await context.application.persistence.expire()
    except Exception:
        log.exception("Expiring abandoned conversations failed")
        return
    if gone:
        log.info("Expired %s abandoned conversation(s)", gone)
