"""The terminal chat: the same Application and handlers, Telegram replaced in-process.

Type as you would in Telegram (`/start`, `07:30`); buttons are numbered, type the number to
press one (each chat keeps its newest buttons: a number presses one in the chat you are in). On
a scale of numbers (reps in reserve 0-4 and 5+, soreness 0-10) a number is the value, and the
scale's other buttons are lettered. `/quit` (or Ctrl-D) leaves. Uses the same database as the
bot. The bot's messages are printed when it sends them, so a rest timer or a reminder shows up
while the chat waits for the next line.

To run a club from one keyboard: `:as Bob` speaks as another user (the same user, with the
same data, in every run), `:group` moves to the shared group chat (`:private` back), `:admin`
makes the current user a group admin, `:added` adds the bot to the group (`:removed` removes
it), `:tick` runs the reminder tick now. `:send FILE [caption]` attaches a file (e.g.
`:send runlift.csv /import`); photos and documents the bot sends are saved under `chat-files/`
and their paths printed.
"""

from __future__ import annotations

import asyncio
import getpass
import hashlib
import re
import string
import sys
import time
from pathlib import Path
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
NAMED_USER_IDS = 1_000_000  # `:as NAME` users: from here on, by a hash of the name
GROUP_CHAT_ID = -1001
PROMPT = "you> "
FILES_DIR = Path("chat-files")  # where photos and documents from the bot are saved
_SCALE_LABEL = re.compile(r"[0-9]+\+?")  # "0" ... "10", "5+"
BANNER = (
    "RunLift terminal chat. Type /start to begin, a number to press a button, /quit to leave.\n"
    "Several users: :as NAME, :group / :private, :admin, :added, :removed, :tick. "
    "A file: :send PATH [caption]."
)


class TerminalChat:
    def __init__(
        self, settings: Settings, out: TextIO = sys.stdout, files_dir: Path = FILES_DIR
    ) -> None:
        self.settings = settings
        self.out = out
        self.files_dir = files_dir
        self.api = OfflineBotApi()
        self.api.listener = self._show_new  # bot messages appear as they are sent
        # Message ids go on from run to run (from the clock, in microseconds), as a chat's do:
        # a message of an earlier run is never mistaken for a new one.
        self.updates = UpdateFactory(self.api, first_message_id=time.time_ns() // 1000)
        name = getpass.getuser().capitalize() or "You"
        self.user = FakeUser(TERMINAL_USER_ID, name)
        self.users = {name.lower(): self.user}
        self.chat_id: int | None = None  # None: the current user's private chat
        # The newest buttons of each chat (a user's private chat, the group): a number typed
        # presses one of the chat you are in, whatever another chat was sent meanwhile.
        self.buttons: dict[int, list[tuple[SentMessage, dict]]] = {}
        self.app: Application | None = None
        self._seen: dict[tuple[int, int], tuple[str, str]] = {}
        self._prompting = False  # input() shows the prompt: print below it, then show it again
        self._answering = False  # a typed line is being handled: its replies are the answer

    async def run(self, lines: asyncio.Queue[str | None] | None = None) -> None:
        """Chat until /quit or the end of input: stdin, or `lines` (one `task_done` a line,
        once it is handled)."""
        database = Database.from_url(self.settings.database_url)
        await database.migrate()
        self.app = app = build_application(self.settings, request=self.api, database=database)
        async with app:
            await prepare(app)
            await app.start()  # the job queue runs, e.g. for timers
            print(BANNER, file=self.out)
            while (line := await self._read(lines)) is not None:
                if line.strip() in ("/quit", "/exit"):
                    break
                await self._handle(line.strip(), app)
                if lines is not None:
                    lines.task_done()
            await app.stop()
        if lines is not None:
            lines.task_done()  # the last line (None or /quit) is handled too
        await database.dispose()

    async def _handle(self, line: str, app: Application) -> None:
        if line.startswith(":"):
            await self._meta(line, app)
        elif line:
            self._answering = True
            try:
                await app.process_update(self.updates.to_update(self._update(line), app.bot))
            finally:
                self._answering = False

    async def _read(self, lines: asyncio.Queue[str | None] | None) -> str | None:
        if lines is not None:
            return await lines.get()
        # input() waits in a thread: the event loop goes on meanwhile (timers, reminders).
        self._prompting = True
        try:
            return await asyncio.to_thread(input, PROMPT)
        except EOFError:
            return None
        finally:
            self._prompting = False

    async def _meta(self, line: str, app: Application) -> None:
        """The terminal's own commands for playing several users in a group."""
        command, _, argument = line[1:].partition(" ")
        if command == "as" and argument.strip():
            name = argument.strip()
            self.user = self.users.setdefault(name.lower(), FakeUser(named_user_id(name), name))
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
        elif command == "removed":
            update = self.updates.bot_removed(self.user, GROUP_CHAT_ID)
            await app.process_update(self.updates.to_update(update, app.bot))
        elif command == "tick":
            job = app.job_queue.get_jobs_by_name(TICK_NAME)[0]
            await run_tick(RunLiftContext.from_job(job, app))
        elif command == "send" and argument.strip():
            await self._send_file(argument.strip(), app)
            return
        else:
            print(f"terminal: {BANNER.splitlines()[1]}", file=self.out)
            return
        where = "the group" if self.chat_id else "private chat"
        print(f"terminal: you are {self.user.first_name}, in {where}", file=self.out)

    async def _send_file(self, argument: str, app: Application) -> None:
        path_text, _, caption = argument.partition(" ")
        path = Path(path_text).expanduser()
        if not path.is_file():
            print(f"terminal: no such file: {path}", file=self.out)
            return
        update = self.updates.document(
            self.user, path.name, path.read_bytes(), caption.strip(), self.chat_id
        )
        self._answering = True
        try:
            await app.process_update(self.updates.to_update(update, app.bot))
        finally:
            self._answering = False

    def _save(self, key: tuple[int, int], message: SentMessage) -> str:
        """Write a photo or document the bot sent to the files folder; its path, to print."""
        assert message.file is not None
        self.files_dir.mkdir(parents=True, exist_ok=True)
        path = self.files_dir / f"{key[1]}-{message.file.name}"
        path.write_bytes(message.file.data)
        return f"[{message.file.kind} saved: {path.resolve()}] "

    def _update(self, text: str) -> dict:
        buttons = self.buttons.get(self.user.id if self.chat_id is None else self.chat_id, [])
        keys = button_keys([button for _, button in buttons])
        if text.lower() in keys:
            message, button = buttons[keys.index(text.lower())]
            if "callback_data" in button:
                return self.updates.press(self.user, message, button["callback_data"])
        return self.updates.message(self.user, text, self.chat_id)

    def _name_of(self, chat_id: int) -> str:
        return next((u.first_name for u in self.users.values() if u.id == chat_id), str(chat_id))

    def _show_new(self) -> None:
        """Print every message the bot sent or edited, and every notice, not printed yet."""
        lines: list[str] = []
        for key, message in sorted(self.api.messages.items()):
            snapshot = (message.text, str(message.buttons))
            if self._seen.get(key) == snapshot:
                continue
            edited = key in self._seen
            self._seen[key] = snapshot
            where = "group" if message.chat_id < 0 else self._name_of(message.chat_id)
            prefix = f"bot → {where}{' (edited)' if edited else ''}> "
            if message.file is not None and not edited:
                prefix += self._save(key, message)
            lines.append(prefix + plain_text(message.text))
            if message.buttons:
                shown = [(message, b) for row in message.buttons for b in row]
                self.buttons[message.chat_id] = shown
                lines += keyboard_lines([button for _, button in shown])
            elif self._answering and not edited:  # an answer without buttons: in its chat,
                self.buttons.pop(message.chat_id, None)  # a number typed next is text
        for call in self.api.calls:
            if call.method == "answerCallbackQuery" and call.params.get("text"):
                lines.append(f"bot (notice)> {call.params['text']}")
        self.api.calls.clear()
        if not lines:
            return
        if self._prompting:  # below the waiting prompt, which is shown again after
            lines = ["", *lines]
        print("\n".join(lines), file=self.out)
        if self._prompting:
            print(PROMPT, end="", file=self.out, flush=True)


def named_user_id(name: str) -> int:
    """The user id of `:as NAME`: the same name (in any case) is the same user in every run."""
    digest = hashlib.sha256(name.strip().lower().encode()).digest()
    return NAMED_USER_IDS + int.from_bytes(digest[:4], "big")


def _is_scale(label: str) -> bool:
    return _SCALE_LABEL.fullmatch(label) is not None


def button_keys(buttons: list[dict]) -> list[str]:
    """What to type for each button: its position, or on a scale of numbers the number itself
    (`2` is RIR 2, `5` the `5+` button), the scale's other buttons lettered."""
    if not any(_is_scale(b["text"]) for b in buttons):
        return [str(number) for number in range(1, len(buttons) + 1)]
    letters = iter(string.ascii_lowercase)
    return [b["text"].rstrip("+") if _is_scale(b["text"]) else next(letters) for b in buttons]


def keyboard_lines(buttons: list[dict]) -> list[str]:
    """The buttons as printed: a scale on one line, every other button on its own."""
    keys = button_keys(buttons)
    scale = [b["text"] for b in buttons if _is_scale(b["text"])]
    lines = ["   " + "  ".join(f"[{label}]" for label in scale)] if scale else []
    for key, button in zip(keys, buttons, strict=True):
        if not _is_scale(button["text"]):
            target = button.get("url", "")
            lines.append(f"   [{key}] {button['text']} {target}".rstrip())
    return lines
