"""The real `python -m bot` process against a Bot API server on 127.0.0.1, over HTTP."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from sqlalchemy import text

from bot.offline_api import FakeUser, plain_text
from models import Database
from tests.e2e.local_bot_api import LocalBotApi

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "424242:E2E-secret-token"
RUNNER = FakeUser(555, "Ada <Lovelace>")


def _start_bot(
    server: LocalBotApi, tmp_path: Path, database_url: str, **extra: str
) -> subprocess.Popen:
    """`python -m bot` with its output in a file (a full pipe would block its logging)."""
    env = {
        **os.environ,
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": server.base_url,
        "TELEGRAM_API_FILE_URL": server.file_url,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "DEBUG",
        **extra,
    }
    log = (tmp_path / "bot.log").open("a")  # a restart adds to it
    process = subprocess.Popen(
        [sys.executable, "-m", "bot"], cwd=tmp_path, env={**env, "PYTHONPATH": str(ROOT)},
        stdout=log, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    process.log_path = tmp_path / "bot.log"
    return process


def _rows(database_url: str, sql: str) -> list[tuple]:
    """What the database holds, read as the bot would (either backend)."""

    async def read() -> list[tuple]:
        database = Database.from_url(database_url)
        try:
            async with database.engine.connect() as connection:
                return [tuple(row) for row in await connection.execute(text(sql))]
        finally:
            await database.dispose()

    return asyncio.run(read())


def _wait_for(condition, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _texts(server: LocalBotApi) -> list[str]:
    """Every message text and button label the runner can see."""
    messages = server.api.sent_to(RUNNER.id)
    labels = [b["text"] for m in messages for row in m.buttons for b in row]
    return [plain_text(m.text) for m in messages] + labels


def _say(server: LocalBotApi, text: str, expect: str) -> None:
    server.push(server.updates.message(RUNNER, text))
    _wait_for(lambda: any(expect in t for t in _texts(server)), expect)


def _tap(server: LocalBotApi, label: str, expect: str) -> None:
    def with_button():
        return next(
            (m for m in reversed(server.api.sent_to(RUNNER.id))
             if any(label in b["text"] for row in m.buttons for b in row)),
            None,
        )  # fmt: skip

    _wait_for(lambda: with_button() is not None, f"a {label!r} button")  # it may follow a reply
    message = with_button()
    data = next(b["callback_data"] for row in message.buttons for b in row if label in b["text"])
    server.push(server.updates.press(RUNNER, message, data))
    _wait_for(lambda: any(expect in t for t in _texts(server)), expect)


def _stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGINT)
    process.wait(timeout=30)
    return process.log_path.read_text()


def test_onboarding_over_http_with_long_polling(server, tmp_path, database_url):
    process = _start_bot(server, tmp_path, database_url)
    try:
        _say(server, "/start", "1/6 Units")
        assert "Hi Ada <Lovelace>!" in _texts(server)[0]
        _tap(server, "Pounds", "2/6 Time zone")
        _say(server, "America/New_York", "3/6")
        _tap(server, "Wednesday", "Wednesday: easy")
        _tap(server, "Done", "4/6 Reminder")
        _say(server, "25:99", "HH:MM")
        _say(server, "06:15", "5/6 Equipment")
        _tap(server, "Dumbbells only", "6/6")
        _tap(server, "Calibrate all", "All set")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    assert server.tokens_seen == {TOKEN}
    assert TOKEN not in output, "the token must never be logged"
    methods = [call.method for call in server.api.calls]
    assert "setMyCommands" in methods and "getMe" in methods


def test_webhook_mode_checks_the_secret_token(server, tmp_path, database_url):
    port = 18443 + os.getpid() % 1000
    process = _start_bot(
        server, tmp_path, database_url, WEBHOOK_URL="https://bot.invalid/telegram",
        WEBHOOK_SECRET_TOKEN="hush", WEBHOOK_LISTEN="127.0.0.1", WEBHOOK_PORT=str(port),
    )  # fmt: skip
    try:
        _wait_for(lambda: any(c.method == "setWebhook" for c in server.api.calls), "setWebhook")
        set_webhook = next(c for c in server.api.calls if c.method == "setWebhook")
        assert set_webhook.params["secret_token"] == "hush"
        update = json.dumps(server.updates.message(RUNNER, "/help")).encode()

        def post(headers: dict[str, str]) -> int:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/telegram", data=update,
                headers={"Content-Type": "application/json", **headers},
            )  # fmt: skip
            try:
                return urllib.request.urlopen(request, timeout=10).status
            except urllib.error.HTTPError as error:
                return error.code

        _wait_for(lambda: _port_open(port), "the webhook port")
        assert post({}) == 403
        assert post({"X-Telegram-Bot-Api-Secret-Token": "wrong"}) == 403
        assert not _texts(server)
        assert post({"X-Telegram-Bot-Api-Secret-Token": "hush"}) == 200
        _wait_for(lambda: any("/deletedata" in t for t in _texts(server)), "the /help reply")
    finally:
        output = _stop(process)
    assert TOKEN not in output


def _port_open(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _set_up_by_commands(server: LocalBotApi) -> None:
    for command, expect in (("/units kg", "Saved: kg"), ("/timezone UTC", "Saved: UTC"),
                            ("/rundays mon=easy wed=quality sat=long", "Lift days"),
                            ("/remind 07:00", "Saved: reminders")):  # fmt: skip
        _say(server, command, expect)
    _tap(server, "Full gym", "6/6")
    _tap(server, "Calibrate all", "All set")


def test_training_over_http(server, tmp_path, database_url):
    process = _start_bot(server, tmp_path, database_url)
    try:
        _set_up_by_commands(server)
        _say(server, "/log squat 60x8 60x8 rir3", "Stored: Back squat 60 kg × 8,8, 3 in reserve")
        _say(server, "/history", "Back squat 60 kg × 8,8")
        _say(server, "/undo", "Removed: Back squat")
        _say(server, "/block", "Block 2 × 8")
        _say(server, "/block 3x6", "Now on 3 × 6")
        _say(server, "/block", "Block 3 × 6")
        _tap(server, "Switch to 2 × 8", "Now on 2 × 8")
    finally:
        output = _stop(process)
    assert TOKEN not in output


def test_a_group_over_http(server, tmp_path, database_url):
    group = -1005555555555
    coach = FakeUser(777, "Coach")
    server.api.chat_members[(group, coach.id)] = "creator"
    process = _start_bot(server, tmp_path, database_url)
    try:

        def said_in_group(expect: str) -> bool:
            return any(expect in plain_text(m.text) for m in server.api.sent_to(group))

        server.push(server.updates.bot_added(coach, group))
        _wait_for(lambda: said_in_group("/join"), "the introduction")
        server.push(server.updates.message(coach, "/join", group))
        _wait_for(lambda: said_in_group("Set up in a private chat first"), "the set-up link")
        server.push(server.updates.message(coach, "/groupsetup time 06:30", group))
        _wait_for(lambda: said_in_group("Reminder: 06:30"), "the group settings")
        server.push(server.updates.message(RUNNER, "/groupsetup time 05:00", group))
        _wait_for(lambda: said_in_group("Only the group's admins"), "the refusal")
        server.push(server.updates.message(coach, "/board", group))
        _wait_for(lambda: said_in_group("Coach: not set up yet"), "the board")
    finally:
        output = _stop(process)
    assert TOKEN not in output


def test_a_restart_that_numbers_updates_from_1_again_stores_a_new_log(
    server, tmp_path, database_url
):
    """Telegram numbers updates afresh after a week without any: a new /log that comes with
    the update id of one stored before a restart is a new set, stored too."""

    def stored() -> int:
        return sum("Stored: Back squat" in t for t in _texts(server))

    process = _start_bot(server, tmp_path, database_url)
    try:
        _set_up_by_commands(server)
        first = server.updates.message(RUNNER, "/log squat 60x8 60x8 rir3")
        server.push(first)
        _wait_for(lambda: stored() == 1, "the first set stored")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    server.updates.restart_update_ids()
    process = _start_bot(server, tmp_path, database_url)
    try:
        for _ in range(first["update_id"] - 1):
            server.push(server.updates.message(RUNNER, "/help"))
        second = server.updates.message(RUNNER, "/log squat 62.5x8 62.5x8 rir3")
        assert second["update_id"] == first["update_id"]
        server.push(second)
        _wait_for(lambda: stored() == 2, "the second set stored")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    assert not any("Already stored" in t for t in _texts(server))
    weights = _rows(database_url, "SELECT weight FROM logged_sets ORDER BY id")
    assert weights == [(60.0,), (60.0,), (62.5,), (62.5,)]
