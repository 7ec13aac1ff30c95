"""PTB persistence that keeps only conversation states, in RunLift's own database.

PTB loads conversation states once at start-up and writes changes on `update_persistence`;
`flush_after_update` (registered last) calls it after every update, so a state is stored as
soon as it changes and a restart continues the conversation where it was.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BasePersistence, ContextTypes, PersistenceInput

from bot.crash import crash_point
from models import Database
from models.queries import conversation_states, save_conversation_state


class DatabasePersistence(BasePersistence[dict, dict, dict]):
    def __init__(self, database: Database) -> None:
        nothing_but_conversations = PersistenceInput(
            bot_data=False, chat_data=False, user_data=False, callback_data=False
        )
        super().__init__(store_data=nothing_but_conversations, update_interval=60)
        self.database = database

    async def get_conversations(self, name: str) -> dict[tuple[int, int], object]:
        async with self.database.session() as session:
            return dict(await conversation_states(session, name))

    async def update_conversation(
        self, name: str, key: tuple[int | str, ...], new_state: object | None
    ) -> None:
        chat_id, user_id = key[0], key[-1]
        state = None if new_state is None else str(new_state)
        async with self.database.session() as session:
            await save_conversation_state(session, name, int(chat_id), int(user_id), state)

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
