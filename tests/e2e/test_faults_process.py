"""Faults the real `python -m bot` survives, over HTTP: a locked database, a second process on
the same SQLite file, a stop in the middle of an update, and the webhook's health route."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

from bot.offline_api import plain_text
from tests.e2e.local_bot_api import LocalBotApi
from tests.e2e.test_process import (
    ROOT,
    RUNNER,
    TOKEN,
    _port_open,
    _set_up_by_commands,
    _stop,
    _texts,
    _wait_for,
)

APOLOGY = "notebook is out of reach"


def start(server: LocalBotApi, tmp_path: Path, name: str = "bot", **extra: str):
    env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": server.base_url,
           "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'e2e.db'}", "LOG_LEVEL": "DEBUG",
           "PYTHONPATH": str(ROOT), **extra}  # fmt: skip
    log_path = tmp_path / f"{name}.log"
    process = subprocess.Popen([sys.executable, "-m", "bot"], cwd=tmp_path, env=env,
                               stdout=log_path.open("w"), stderr=subprocess.STDOUT)  # fmt: skip
    process.log_path = log_path
    return process


def stored_weights(tmp_path: Path) -> list[float]:
    with sqlite3.connect(tmp_path / "e2e.db") as database:
        return [w for (w,) in database.execute("SELECT weight FROM logged_sets ORDER BY id")]


def count(server: LocalBotApi, words: str) -> int:
    return sum(words in t for t in _texts(server))


def test_a_locked_database_gets_one_apology_and_the_set_is_stored_once_it_is_free(server, tmp_path):
    process = start(server, tmp_path)
    try:
        _set_up_by_commands(server)
        locker = sqlite3.connect(tmp_path / "e2e.db", isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")  # another writer holds the database
        try:
            server.push(server.updates.message(RUNNER, "/log squat 60x8 60x8 rir3"))
            _wait_for(lambda: count(server, APOLOGY) == 1, "the apology")
            assert not count(server, "Stored:")
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        _wait_for(lambda: count(server, "Stored: Back squat") == 1, "the set stored")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    assert count(server, APOLOGY) == 1, "one apology, however many retries"
    assert stored_weights(tmp_path) == [60.0, 60.0]
    assert "Database write failed (it is unreachable or locked)" in output
    with sqlite3.connect(tmp_path / "e2e.db") as database:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_second_process_on_the_same_sqlite_file_refuses_to_start(server, tmp_path):
    first = start(server, tmp_path)
    try:
        _wait_for(lambda: "RunLift is running" in first.log_path.read_text(), "the first bot")
        second = start(server, tmp_path, name="second")
        assert second.wait(timeout=30) != 0
        said = second.log_path.read_text()
        assert "Another RunLift process is already running on this database" in said
        assert "e2e.db.lock" in said
        server.push(server.updates.message(RUNNER, "/help"))
        _wait_for(lambda: count(server, "/deletedata") == 1, "the one answer")
    finally:
        output = _stop(first)
    assert first.returncode == 0, output


def test_a_stop_during_polling_finishes_the_update_in_hand_and_acknowledges_it(server, tmp_path):
    process = start(server, tmp_path)
    try:
        _wait_for(lambda: "RunLift is running" in process.log_path.read_text(), "the bot")
        server.gate.clear()  # Telegram is slow to take the reply
        update = server.updates.message(RUNNER, "/help")
        server.push(update)
        _wait_for(server.held.is_set, "the reply on its way")
        process.send_signal(signal.SIGTERM)
    finally:
        server.gate.set()
        output = _stop(process) if process.poll() is None else process.log_path.read_text()
    process.wait(timeout=30)
    assert process.returncode == 0, output
    assert count(server, "/deletedata") == 1
    assert server.offsets[-1] == update["update_id"] + 1, "acknowledged on the way out"


def _post(port: int, body: bytes, secret: str | None) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(f"http://127.0.0.1:{port}/telegram", data=body,
                                     headers=headers)  # fmt: skip
    try:
        return urllib.request.urlopen(request, timeout=30).status
    except urllib.error.HTTPError as error:
        return error.code


def _health(port: int) -> tuple[int, dict]:
    try:
        answer = urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=30)
        return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def start_webhook(server: LocalBotApi, tmp_path: Path, **extra: str):
    port = 19443 + os.getpid() % 1000
    process = start(server, tmp_path, WEBHOOK_URL="https://bot.invalid/telegram",
                    WEBHOOK_SECRET_TOKEN="hush", WEBHOOK_LISTEN="127.0.0.1",
                    WEBHOOK_PORT=str(port), **extra)  # fmt: skip
    _wait_for(lambda: _port_open(port), "the webhook port")
    return process, port


def test_webhook_health_secret_and_a_locked_database(server, tmp_path):
    process, port = start_webhook(server, tmp_path)
    try:
        assert _health(port) == (200, {"database": "ok"})
        log = json.dumps(server.updates.message(RUNNER, "/units lb")).encode()
        assert _post(port, log, None) == 403
        assert _post(port, log, "wrong") == 403
        assert not _texts(server), "nothing processed without the secret"
        locker = sqlite3.connect(tmp_path / "e2e.db", isolation_level=None)
        locker.execute("BEGIN IMMEDIATE")
        try:
            assert _post(port, log, "hush") == 503, "Telegram will deliver it again"
        finally:
            locker.execute("ROLLBACK")
            locker.close()
        assert count(server, APOLOGY) == 1
        assert _post(port, log, "hush") == 200  # Telegram's redelivery
        assert count(server, "Saved: lb") == 1
        assert _post(port, log, "hush") == 200  # and once more: a repeat is dropped
        assert count(server, "Saved: lb") == 1
        with sqlite3.connect(tmp_path / "e2e.db") as database:
            assert database.execute("SELECT units FROM users").fetchall() == [("lb",)]
    finally:
        output = _stop(process)
    assert process.returncode == 0, output


def test_a_stop_during_a_webhook_request_finishes_it(server, tmp_path):
    process, port = start_webhook(server, tmp_path)
    status: list[int] = []
    try:
        server.gate.clear()
        body = json.dumps(server.updates.message(RUNNER, "/help")).encode()
        request = threading.Thread(target=lambda: status.append(_post(port, body, "hush")))
        request.start()
        _wait_for(server.held.is_set, "the reply on its way")
        process.send_signal(signal.SIGTERM)
        server.gate.set()
        request.join(timeout=30)
    finally:
        server.gate.set()
        output = _stop(process) if process.poll() is None else process.log_path.read_text()
    process.wait(timeout=30)
    assert process.returncode == 0, output
    assert status == [200]
    assert any("/deletedata" in plain_text(m.text) for m in server.api.sent_to(RUNNER.id))
