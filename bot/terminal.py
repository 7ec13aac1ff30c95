"""The terminal chat: the same Application and handlers, Telegram replaced in-process.

Type as you would in Telegram (`/start`, `07:30`); buttons are numbered, type the number to
press one. `/quit` (or Ctrl-D) leaves. Uses the same database as the bot.

To run a club from one keyboard: `:as Bob` speaks as another user, `:group` moves to the
shared group chat (`:private` back), `:admin` makes the current user a group admin, `:added`
adds the bot to the group, `:tick` runs the reminder tick now.
"""

from __future__ import annotations

import asyncio
import getpass
import sys
from typing import TextIO

from telegram.ext import Application

from bot.application import build_application, prepare
from bot.context import RunLiftContext
from bot.offline_api import FakeUser, OfflineBotApi, SentMessage, UpdateFactory, plain_text
from bot.settings import Settings
from handlers.groups import ADMIN_CACHE_KEY
from models import Database
from scheduler import TICK_NAME
from scheduler.delivery import run_tick

TERMINAL_USER_ID = 1
GROUP_CHAT_ID = -1001
BANNER = (
    "RunLift terminal chat. Type /start to begin, a number to press a button, /quit to leave.\n"
    "Several users: :as NAME, :group / :private, :admin, :added, :tick."
)


class TerminalChat:
    def __init__(self, settings: Settings, out: TextIO = sys.stdout) -> None:
        self.settings = settings
        self.out = out
        self.api = OfflineBotApi()
        self.updates = UpdateFactory(self.api)
        name = getpass.getuser().capitalize() or "You"
        self.user = FakeUser(TERMINAL_USER_ID, name)
        self.users = {name.lower(): self.user}
        self.chat_id: int | None = None  # None: the current user's private chat
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
                if line.strip().startswith(":"):
                    await self._meta(line.strip(), app)
                elif line.strip():
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

    async def _meta(self, line: str, app: Application) -> None:
        """The terminal's own commands for playing several users in a group."""
        command, _, argument = line[1:].partition(" ")
        if command == "as" and argument.strip():
            name = argument.strip()
            user_id = TERMINAL_USER_ID + len(self.users)
            self.user = self.users.setdefault(name.lower(), FakeUser(user_id, name))
        elif command == "group":
            self.chat_id = GROUP_CHAT_ID
        elif command == "private":
            self.chat_id = None
        elif command == "admin":
            self.api.chat_members[(GROUP_CHAT_ID, self.user.id)] = "administrator"
            app.bot_data.pop(ADMIN_CACHE_KEY, None)  # an earlier "not an admin" is forgotten
        elif command == "added":
            update = self.updates.bot_added(self.user, GROUP_CHAT_ID)
            await app.process_update(self.updates.to_update(update, app.bot))
        elif command == "tick":
            job = app.job_queue.get_jobs_by_name(TICK_NAME)[0]
            await run_tick(RunLiftContext.from_job(job, app))
        else:
            print("terminal: :as NAME, :group, :private, :admin, :added, :tick", file=self.out)
            return
        where = "the group" if self.chat_id else "private chat"
        print(f"terminal: you are {self.user.first_name}, in {where}", file=self.out)

    def _update(self, line: str) -> dict:
        text = line.strip()
        if text.isdigit() and 1 <= int(text) <= len(self.buttons):
            message, button = self.buttons[int(text) - 1]
            if "callback_data" in button:
                return self.updates.press(self.user, message, button["callback_data"])
        return self.updates.message(self.user, text, self.chat_id)

    def _name_of(self, chat_id: int) -> str:
        return next((u.first_name for u in self.users.values() if u.id == chat_id), str(chat_id))

    def _show_new(self) -> None:
        """Print every message the bot sent or edited since the last line typed."""
        for key, message in sorted(self.api.messages.items()):
            snapshot = (message.text, str(message.buttons))
            if self._seen.get(key) == snapshot:
                continue
            edited = key in self._seen
            self._seen[key] = snapshot
            where = "group" if message.chat_id < 0 else self._name_of(message.chat_id)
            prefix = f"bot → {where}{' (edited)' if edited else ''}> "
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
