"""The terminal chat as a person uses it: bot messages appear when they are sent, a user
played with `:as` is the same user in every run, and numbers on a scale mean their value."""

import asyncio
import io
from pathlib import Path

from bot.settings import Settings
from bot.terminal import FILES_DIR, TerminalChat
from handlers.history import rest_over

ONBOARDING = ("/start", "1", "Europe/Berlin", "2", "2", "8", "07:30", "1", "2")
REST_OVER = "⏱ 2 minutes: time for the next set."


class Session:
    """One run of the terminal chat, fed a line at a time; `say` returns once the line is
    handled and the chat waits for the next one."""

    def __init__(self, url: str, files_dir: Path = FILES_DIR) -> None:
        self.out = io.StringIO()
        settings = Settings(_env_file=None, telegram_bot_token=None, database_url=url)
        self.chat = TerminalChat(settings, self.out, files_dir=files_dir)
        self.lines: asyncio.Queue[str | None] = asyncio.Queue()
        self.task: asyncio.Task | None = None

    async def __aenter__(self) -> "Session":
        self.task = asyncio.create_task(self.chat.run(self.lines))
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.lines.put_nowait(None)
        await self.task

    async def say(self, *lines: str) -> str:
        """Type the lines; what the bot printed meanwhile."""
        before = len(self.out.getvalue())
        for line in lines:
            self.lines.put_nowait(line)
            async with asyncio.timeout(60):  # a hang fails the test instead
                await self.lines.join()
        return self.out.getvalue()[before:]


async def test_a_rest_timer_shows_while_the_chat_waits_for_the_next_line(database_url):
    async with Session(database_url) as session:
        await session.say(*ONBOARDING)
        assert "Rest 2:00" in await session.say("/log squat 60x8 rir3")
        assert "Timer on" in await session.say("1")
        (timer,) = [j for j in session.chat.app.job_queue.jobs() if j.name.startswith("rest:")]
        assert timer.callback is rest_over
        before = len(session.out.getvalue())
        await timer.run(session.chat.app)  # two minutes later, nothing typed meanwhile
        assert REST_OVER in session.out.getvalue()[before:]


async def test_a_user_played_with_as_is_found_again_in_the_next_run(database_url):
    async with Session(database_url) as first:
        await first.say(":as Bob", *ONBOARDING)
        bob = first.chat.user.id
    async with Session(database_url) as second:
        await second.say(":as Carol", ":as bob")  # another order, another case
        assert second.chat.user.id == bob
        assert "Stored: Back squat 60 kg" in await second.say("/log squat 60x8 rir3")


async def test_a_new_run_numbering_updates_from_1_again_stores_every_new_log(database_url):
    async with Session(database_url) as first:
        await first.say(*ONBOARDING)
        assert "Stored: Back squat 60 kg" in await first.say("/log squat 60x8 rir3")
    async with Session(database_url) as second:
        # As many logs as the first run had updates: one of them comes with the update id,
        # and one with the message number, that the first run's /log had.
        replies = [await second.say("/log squat 60x8 rir3") for _ in range(len(ONBOARDING) + 1)]
    assert all("Stored: Back squat 60 kg" in reply for reply in replies)
    assert not any("Already stored" in reply for reply in replies)


async def test_typing_a_number_on_the_rir_scale_records_that_rir(database_url):
    async with Session(database_url) as session:
        await session.say(*ONBOARDING)
        keyboard = await session.say("/log squat 60x8")
        assert "[0]  [1]  [2]  [3]  [4]  [5+]" in keyboard
        assert "60 kg × 8, 2 in reserve" in await session.say("2")
        await session.say("/log deadlift 100x8")
        assert "100 kg × 8, 5 in reserve" in await session.say("5")


async def test_a_number_after_a_reply_without_buttons_is_text_not_an_old_button(database_url):
    async with Session(database_url) as session:
        await session.say(*ONBOARDING)
        assert "Rest 2:00" in await session.say("/log squat 60x8 rir3")
        await session.say("/help")  # a reply without buttons
        reply = await session.say("1")
        assert "Timer on" not in reply
        assert not [j for j in session.chat.app.job_queue.jobs() if j.name.startswith("rest:")]


async def test_a_photo_from_the_bot_is_saved_and_its_path_printed(database_url, tmp_path):
    async with Session(database_url, tmp_path / "files") as session:
        await session.say("/start")
        before = len(session.out.getvalue())
        bot = session.chat.app.bot
        await bot.send_photo(session.chat.user.id, photo=b"\x89PNG fake", caption="Your chart")
        printed = session.out.getvalue()[before:]
        (saved,) = list((tmp_path / "files").iterdir())
        assert saved.read_bytes() == b"\x89PNG fake"
        assert f"[photo saved: {saved.resolve()}] Your chart" in printed


async def test_send_attaches_a_file_and_a_missing_one_is_named(database_url, tmp_path):
    attached = tmp_path / "history.csv"
    attached.write_text("date,exercise\n")
    async with Session(database_url, tmp_path / "files") as session:
        await session.say(*ONBOARDING)
        assert "no such file" in await session.say(":send nowhere.csv /import")
        await session.say(f":send {attached} /import")
        uploads = session.chat.api.uploads
        assert [name for name, _ in uploads.values()] == ["history.csv"]


async def test_buttons_are_remembered_per_chat_and_a_number_presses_in_the_chat_you_are_in(
    database_url,
):
    async with Session(database_url) as session:
        await session.say(*ONBOARDING, ":added", ":group", "/join", ":private")
        assert "Rest 2:00" in await session.say("/log squat 60x8 rir3")  # a timer button
        await session.say(":group")
        assert "week of" in await session.say("/board")  # the group's reply, no buttons
        await session.say(":private")
        assert "Timer on" in await session.say("1")  # the private chat's button, still there
