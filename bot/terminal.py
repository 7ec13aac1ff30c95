"""The terminal chat: the same Application and handlers, Telegram replaced in-process.

Type as you would in Telegram (`/start`, `07:30`); buttons are numbered, type the number to
press one. `/quit` (or Ctrl-D) leaves. Uses the same database as the bot.
"""

from __future__ import annotations

import asyncio
import getpass
import sys
from typing import TextIO

from bot.application import build_application, prepare
from bot.offline_api import FakeUser, OfflineBotApi, SentMessage, UpdateFactory, plain_text
from bot.settings import Settings
from models import Database

TERMINAL_USER_ID = 1
BANNER = "RunLift terminal chat. Type /start to begin, a number to press a button, /quit to leave."


class TerminalChat:
    def __init__(self, settings: Settings, out: TextIO = sys.stdout) -> None:
        self.settings = settings
        self.out = out
        self.api = OfflineBotApi()
        self.updates = UpdateFactory(self.api)
        name = getpass.getuser().capitalize() or "You"
        self.user = FakeUser(TERMINAL_USER_ID, name)
        self.buttons: list[tuple[SentMessage, dict]] = []
        self._seen: dict[tuple[int, int], tuple[str, str]] = {}

    async def run(self, lines: asyncio.Queue[str | None] | None = None) -> None:
        database = Database.from_url(self.settings.database_url)
        await database.migrate()
        app = build_application(self.settings, request=self.api, database=database)
        async with app:
            await prepare(app)
            await app.start()  # the job queue runs, e.g. for timers
            print(BANNER, file=self.out)
            while (line := await self._read(lines)) is not None:
                if line.strip() in ("/quit", "/exit"):
                    break
                if line.strip():
                    await app.process_update(self.updates.to_update(self._update(line), app.bot))
                    self._show_new()
            await app.stop()
        await database.dispose()

    async def _read(self, lines: asyncio.Queue[str | None] | None) -> str | None:
        if lines is not None:
            return await lines.get()
        try:
            return await asyncio.to_thread(input, "you> ")
        except EOFError:
            return None

    def _update(self, line: str) -> dict:
        text = line.strip()
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            message, button = self.buttons[int(text) - 1]
            if "callback_data" in button:
                return self.updates.press(self.user, message, button["callback_data"])
        return self.updates.message(self.user, text)

    def _show_new(self) -> None:
        """Print every message the bot sent or edited since the last line typed."""
        for key, message in sorted(self.api.messages.items()):
            snapshot = (message.text, str(message.buttons))
            if self._seen.get(key) == snapshot:
                continue
            edited = key in self._seen
            self._seen[key] = snapshot
            prefix = "bot (edited)> " if edited else "bot> "
            print(prefix + plain_text(message.text), file=self.out)
            if message.buttons:
                self.buttons = [(message, b) for row in message.buttons for b in row]
                for number, (_, button) in enumerate(self.buttons, start=1):
                    target = button.get("url", "")
                    print(f"   [{number}] {button['text']} {target}".rstrip(), file=self.out)
        for call in self.api.calls:
            if call.method == "answerCallbackQuery" and call.params.get("text"):
                print(f"bot (notice)> {call.params['text']}", file=self.out)
        self.api.calls.clear()
