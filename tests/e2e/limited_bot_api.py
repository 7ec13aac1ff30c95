"""A local Bot API server that enforces Telegram's flood limits, answering 429 beyond them.

Limits (as leaky buckets, the way Telegram documents them and PTB's limiter counts): 30
messages/s overall, 1/s per chat, 20/min per group; a message sent with
`allow_paid_broadcast` counts against 1,000/s instead of the 30/s. Every accepted message is
recorded with its arrival time, so a test can check nothing was lost or sent twice.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

from tests.e2e.local_bot_api import LocalBotApi

SENDING = {"sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage"}


class Bucket:
    """`rate` per `period` seconds, at most `rate` at once."""

    def __init__(self, rate: float, period: float) -> None:
        self.capacity, self.leak = rate, rate / period
        self.level, self.at = 0.0, time.monotonic()

    def wait(self) -> float:
        """0 when one more is allowed now, else the seconds until it would be."""
        now = time.monotonic()
        self.level = max(0.0, self.level - (now - self.at) * self.leak)
        self.at = now
        return max(0.0, (self.level + 1 - self.capacity) / self.leak)

    def take(self) -> None:
        self.level += 1


class LimitedBotApi(LocalBotApi):
    def __init__(self, per_second: float = 30, paid_per_second: float = 1000) -> None:
        super().__init__()
        self.overall = Bucket(per_second, 1)
        self.paid = Bucket(paid_per_second, 1)
        self.chats: dict[int, Bucket] = {}
        self.limited = 0  # 429 answers given
        self.delivered: list[tuple[float, int]] = []  # (arrival, chat id) of each message
        self._guard = threading.Lock()
        self._server.socket.listen(1024)  # many connections at once (the default backlog is 5)
        self._server.RequestHandlerClass.protocol_version = "HTTP/1.1"  # keep-alive
        self._next_id = 0

    def answer(
        self, token: str, method: str, params: dict[str, Any], files: dict[str, tuple] | None = None
    ) -> tuple[int, bytes]:
        if method == "stats":
            return 200, json.dumps(self.stats()).encode()
        if method in SENDING:
            wait = self._admit(int(params["chat_id"]), bool(params.get("allow_paid_broadcast")))
            if wait:
                body = {"ok": False, "error_code": 429,
                        "description": f"Too Many Requests: retry after {int(wait) + 1}",
                        "parameters": {"retry_after": int(wait) + 1}}  # fmt: skip
                return 429, json.dumps(body).encode()
            if method == "sendMessage":  # answered here: fast enough to go past 1,000/s
                return 200, self._sent(params)
        return super().answer(token, method, params, files)

    def _sent(self, params: dict[str, Any]) -> bytes:
        with self._guard:
            self._next_id += 1
            message_id = self._next_id
        chat_id = int(params["chat_id"])
        chat = {"id": chat_id, "type": "group" if chat_id < 0 else "private"}
        message = {"message_id": message_id, "date": int(time.time()), "chat": chat,
                   "text": params.get("text", "")}  # fmt: skip
        return json.dumps({"ok": True, "result": message}).encode()

    def _admit(self, chat_id: int, paid: bool) -> float:
        with self._guard:
            if chat_id not in self.chats:  # groups have negative ids
                self.chats[chat_id] = Bucket(20, 60) if chat_id < 0 else Bucket(1, 1)
            buckets = (self.chats[chat_id], self.paid if paid else self.overall)
            wait = max(bucket.wait() for bucket in buckets)
            if wait:
                self.limited += 1
                return wait
            for bucket in buckets:
                bucket.take()
            self.delivered.append((time.monotonic(), chat_id))
            return 0.0

    def stats(self) -> dict[str, float]:
        return {"delivered": len(self.delivered), "repeats": self.repeats(),
                "limited": self.limited, "rate": self.rate()}  # fmt: skip

    def repeats(self) -> int:
        """Messages a chat got more than once."""
        return sum(n - 1 for n in Counter(chat for _, chat in self.delivered).values() if n > 1)

    def rate(self) -> float:
        """Messages per second from the first to the last."""
        if len(self.delivered) < 2:
            return 0.0
        return (len(self.delivered) - 1) / (self.delivered[-1][0] - self.delivered[0][0])


class LimitedServerProcess:
    """The limited server in a process of its own, so that its clock is not held up by the
    bot's work in the same interpreter (which would bunch arrivals and fake a flood)."""

    def __init__(self, per_second: float = 30, paid_per_second: float = 1000) -> None:
        root = Path(__file__).resolve().parents[2]
        command = [sys.executable, "-m", "tests.e2e.limited_bot_api", str(per_second),
                   str(paid_per_second)]  # fmt: skip
        self.process = subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True)
        self.base_url = self.process.stdout.readline().strip()

    def stats(self) -> dict[str, float]:
        request = urllib.request.Request(f"{self.base_url}0:stats/stats", data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.loads(answer.read())

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


if __name__ == "__main__":
    server = LimitedBotApi(float(sys.argv[1]), float(sys.argv[2]))
    server.start()
    print(server.base_url, flush=True)
    threading.Event().wait()  # until terminated
