"""The offline rig: the real Application, Telegram's HTTP layer replaced by OfflineBotApi."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from telegram.ext import Application

from bot.application import build_application, prepare
from bot.context import BACKGROUND_KEY, CLOCK_KEY, RunLiftContext
from bot.offline_api import FakeUser, OfflineBotApi, SentMessage, UpdateFactory, plain_text
from bot.settings import Settings
from models import Database

ALICE = FakeUser(101, "Alice", "alice")
BOB = FakeUser(102, "Bob", "bob")
GROUP_ID = -1001234567890


class Rig:
    """Feeds updates to the bot as users would, and shows what the bot sent back."""

    def __init__(self, db_path: Path, url: str | None = None) -> None:
        self.url = url or f"sqlite+aiosqlite:///{db_path}"
        self.api = OfflineBotApi()
        self.updates = UpdateFactory(self.api)
        self.errors: list[BaseException] = []
        self.app: Application | None = None
        self.database: Database | None = None
        self.now = datetime(2026, 11, 24, 7, 0, tzinfo=UTC)  # a Tuesday morning in Berlin

    def travel(self, days: int = 0, hours: int = 0) -> None:
        """Move the bot's clock on."""
        self.now += timedelta(days=days, hours=hours)

    async def start(self) -> None:
        self.database = Database.from_url(self.url)
        await self.database.migrate()
        settings = Settings(_env_file=None, telegram_bot_token=None, database_url=self.url)
        self.app = build_application(
            settings, request=self.api, database=self.database, rate_limiter=False
        )
        self.app.bot_data[CLOCK_KEY] = lambda: self.now
        self.app.add_error_handler(self._record_error)
        await self.app.initialize()
        await prepare(self.app)

    async def stop(self) -> None:
        await self.app.shutdown()
        await self.database.dispose()

    async def restart(self) -> None:
        """A new process: a fresh Application on the same database (and the same Telegram)."""
        await self.stop()
        await self.start()

    async def _record_error(self, update: object, context) -> None:
        self.errors.append(context.error)

    async def _process(self, data: dict, wait: bool = True) -> list[SentMessage]:
        """Handle one update; with `wait`, also the background work it started (a chart)."""
        before = {key: (m.text, str(m.buttons)) for key, m in self.api.messages.items()}
        running = set(self.app.bot_data.get(BACKGROUND_KEY, ()))
        await self.app.process_update(self.updates.to_update(data, self.app.bot))
        started = set(self.app.bot_data.get(BACKGROUND_KEY, ())) - running
        if wait and started:
            await asyncio.gather(*started, return_exceptions=True)
        if self.errors:
            raise self.errors.pop(0)
        return [
            m
            for key, m in sorted(self.api.messages.items())
            if before.get(key) != (m.text, str(m.buttons))
        ]

    async def send(
        self, text: str, user: FakeUser = ALICE, chat_id: int | None = None, wait: bool = True
    ) -> str:
        """The user types `text`; returns everything the bot sent or edited, as plain text
        (without `wait`, what it sent before its background work, e.g. a chart, is done)."""
        sent = await self._process(self.updates.message(user, text, chat_id), wait)
        return "\n".join(plain_text(m.text) for m in sent)

    async def press(self, label: str, user: FakeUser = ALICE, chat_id: int | None = None) -> str:
        """The user taps the newest button labelled `label` (or, failing that, containing it)."""
        chat_id = user.id if chat_id is None else chat_id
        for matches in (lambda text: text == label, lambda text: label in text):
            for message in reversed(self.api.sent_to(chat_id)):
                for row in message.buttons:
                    for button in row:
                        data = button.get("callback_data", "")
                        _, mark, owner = data.partition("|")
                        if mark and owner != str(user.id):
                            continue  # signed for another member: not theirs to press
                        if matches(button["text"]) and data:
                            data = self.updates.press(user, message, button["callback_data"])
                            return await self.deliver(data)
        raise AssertionError(f"no button labelled {label!r} in chat {chat_id}")

    async def deliver(self, data: dict) -> str:
        """Deliver a prepared update (e.g. the same one twice, as Telegram sometimes does)."""
        sent = await self._process(data)
        return "\n".join(plain_text(m.text) for m in sent)

    async def press_data(
        self, data: str, user: FakeUser = ALICE, chat_id: int | None = None
    ) -> str:
        """Send a callback with exactly this data from the newest message (forged or stale)."""
        chat_id = user.id if chat_id is None else chat_id
        message = self.api.last_message(chat_id)
        sent = await self._process(self.updates.press(user, message, data))
        return "\n".join(plain_text(m.text) for m in sent)

    def last_text(self, chat_id: int = ALICE.id) -> str:
        return plain_text(self.api.last_message(chat_id).text)

    def button_labels(self, chat_id: int = ALICE.id) -> list[str]:
        message = self.api.last_message(chat_id)
        return [button["text"] for row in message.buttons for button in row]

    async def run_jobs(self, prefix: str) -> int:
        """Run the one-off jobs whose name starts with `prefix` now; returns how many."""
        jobs = [job for job in self.app.job_queue.jobs() if job.name.startswith(prefix)]
        for job in jobs:
            await job.run(self.app)
            job.schedule_removal()
        return len(jobs)

    async def tick(self) -> int:
        """One reminder tick at the rig's clock; returns how many reminders were sent."""
        from scheduler.delivery import run_tick

        context = RunLiftContext.from_job(self.app.job_queue.get_jobs_by_name("reminders")[0],
                                          self.app)  # fmt: skip
        return await run_tick(context)

    def calls(self, method: str) -> list[dict]:
        return [call.params for call in self.api.calls if call.method == method]

    def alerts(self) -> list[str]:
        return [c.get("text") or "" for c in self.calls("answerCallbackQuery") if c.get("text")]

    async def count(self, model, **where) -> int:
        async with self.database.session() as session:
            query = select(func.count()).select_from(model)
            for column, value in where.items():
                query = query.where(getattr(model, column) == value)
            return await session.scalar(query)

    async def get(self, model, key):
        async with self.database.session() as session:
            return await session.get(model, key)
