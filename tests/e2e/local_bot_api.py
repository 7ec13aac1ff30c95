"""A Bot API server on 127.0.0.1 for end-to-end tests of the real `python -m bot` process.

It answers like OfflineBotApi (the same recorder), adds `getUpdates` long polling, and lets a
test queue updates as users would cause them.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

from bot.offline_api import OfflineBotApi, UpdateFactory


def _decode(value: str) -> Any:
    """PTB sends each parameter JSON-encoded, except plain strings."""
    try:
        return json.loads(value)
    except ValueError:
        return value


class LocalBotApi:
    def __init__(self) -> None:
        self.api = OfflineBotApi()
        self.updates = UpdateFactory(self.api)
        self.tokens_seen: set[str] = set()
        self._pending: list[dict[str, Any]] = []
        # Cleared by a test to hold every sendMessage until it is set again (an update "in hand").
        self.gate = threading.Event()
        self.gate.set()
        self.held = threading.Event()  # set when a sendMessage waits at the closed gate
        self.offsets: list[int] = []  # the offset of every getUpdates: what was acknowledged
        self._lock = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    @property
    def file_url(self) -> str:  # TELEGRAM_API_FILE_URL: where attached files are downloaded
        return f"http://127.0.0.1:{self._server.server_address[1]}/file/bot"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def push(self, update: dict[str, Any]) -> None:
        with self._lock:
            self._pending.append(update)
            self._lock.notify_all()

    def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        self.offsets.append(offset)
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), 2.0)
        with self._lock:
            self._pending = [u for u in self._pending if u["update_id"] >= offset]
            while not self._pending and time.monotonic() < deadline:
                self._lock.wait(deadline - time.monotonic())
            return list(self._pending)

    def answer(
        self, token: str, method: str, params: dict[str, Any], files: dict[str, tuple] | None = None
    ) -> tuple[int, bytes]:
        self.tokens_seen.add(token)
        if method == "getUpdates":
            body = {"ok": True, "result": self._get_updates(params)}
            return 200, json.dumps(body).encode()
        if method == "sendMessage" and not self.gate.is_set():
            self.held.set()
            self.gate.wait()
        with self._lock:
            request = _Params(params, files or {})
            return asyncio.run(self.api.do_request(f"/{method}", "POST", request))

    def download(self, path: str) -> tuple[int, bytes]:
        with self._lock:
            return asyncio.run(self.api.do_request(path, "GET"))

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw, kind = self.rfile.read(length), self.headers.get("Content-Type", "")
                files: dict[str, tuple] = {}
                if kind.startswith("application/json"):
                    params = json.loads(raw or b"{}")
                elif kind.startswith("multipart/form-data"):
                    params, files = _multipart(kind, raw)
                else:
                    params = {key: _decode(value) for key, value in parse_qsl(raw.decode())}
                _, token, method = self.path.rsplit("/", 2)
                self._reply(*server.answer(token.removeprefix("bot"), method, params, files))

            def do_GET(self) -> None:  # a file download: /file/bot<token>/<path>
                self._reply(*server.download(self.path))

            def _reply(self, status: int, body: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the bot stopped while a long poll was open

            def log_message(self, *args: object) -> None:
                pass

        return Handler


def _multipart(content_type: str, raw: bytes) -> tuple[dict[str, Any], dict[str, tuple]]:
    """A multipart/form-data body: its plain fields, and its files as (name, bytes, mime)."""
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    params: dict[str, Any] = {}
    files: dict[str, tuple] = {}
    for part in BytesParser(policy=HTTP).parsebytes(head + raw).iter_parts():
        name = part.get_param("name", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        if part.get_filename() is not None:
            files[name] = (part.get_filename(), data, part.get_content_type())
        else:
            params[name] = _decode(data.decode())
    return params, files


class _Params:
    """Quacks like PTB's RequestData for OfflineBotApi.do_request."""

    def __init__(self, parameters: dict[str, Any], files: dict[str, tuple]) -> None:
        self.parameters = parameters
        self.multipart_data = files
