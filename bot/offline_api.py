"""Telegram's Bot API, answered in-process: for the terminal chat and the offline tests.

`OfflineBotApi` replaces PTB's HTTP layer. It records every call, answers like Telegram does
(including its 400 errors for bad HTML, over-long texts and over-long callback data), and keeps
the messages it "sent" so a person or a test can read them and press their buttons.
`UpdateFactory` makes the updates a user would cause: messages, commands, button presses and
attached documents. Photos and documents the bot sends are kept with their bytes (`SentFile`);
a document a user attaches can be downloaded by the bot (getFile, then the file URL).
"""

from __future__ import annotations

import html
import json
import re
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import httpx
from telegram import Update
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

BOT_ID = 7_000_000_001
BOT_USERNAME = "RunLiftBot"
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64
MAX_CAPTION = 1024
FILE_METHODS = {"sendPhoto": "photo", "sendDocument": "document"}
_ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span",
                 "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"}  # fmt: skip
_ENTITY = re.compile(r"&(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);")
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?>")


class TelegramError400(Exception):
    pass


class _TagChecker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in _ALLOWED_TAGS:
            raise TelegramError400(f"Can't parse entities: unsupported start tag {tag}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            raise TelegramError400(f"Can't parse entities: unmatched end tag {tag}")


def check_html(text: str) -> None:
    """Raise TelegramError400 where Telegram would refuse this text with parse_mode HTML."""
    for i, char in enumerate(text):
        if char == "&" and not _ENTITY.match(text, i):
            raise TelegramError400("Can't parse entities: bare '&'")
        if char == "<" and not _TAG.match(text, i):
            raise TelegramError400("Can't parse entities: bare '<'")
    checker = _TagChecker()
    checker.feed(text)
    checker.close()
    if checker.stack:
        raise TelegramError400(f"Can't parse entities: no end tag for {checker.stack[-1]}")


def plain_text(html_text: str) -> str:
    """What a person sees: tags removed, entities decoded."""
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


@dataclass
class ApiCall:
    method: str
    params: dict[str, Any]


@dataclass(frozen=True)
class SentFile:
    kind: str  # "photo" or "document"
    name: str
    data: bytes
    mime_type: str


@dataclass
class SentMessage:
    chat_id: int
    message_id: int
    text: str  # a photo's or document's caption ("" without one)
    buttons: list[list[dict[str, Any]]] = field(default_factory=list)
    file: SentFile | None = None


def _chat(chat_id: int) -> dict[str, Any]:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Runner"}
    kind = "supergroup" if str(chat_id).startswith("-100") else "group"
    return {"id": chat_id, "type": kind, "title": "Running club"}


BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "RunLift", "username": BOT_USERNAME,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False}  # fmt: skip


class OfflineBotApi(BaseRequest):
    """A Bot API stand-in: records calls, keeps sent messages, refuses what Telegram refuses."""

    def __init__(self) -> None:
        self.calls: list[ApiCall] = []
        self.messages: dict[tuple[int, int], SentMessage] = {}
        self._next_message_id = 1000
        # Answers to give instead of success, per chat, for tests of Telegram's refusals:
        # "blocked" (403), "flood" (429, retry after 5 s), "network" (no answer at all),
        # ("migrated", new_chat_id) (400 with the supergroup's id), "server_error" (500),
        # "connect_timeout" (timed out before anything was sent), "timeout_after_delivery"
        # (the message is delivered, but the answer never comes back).
        self.failures: dict[int, list[object]] = {}
        # getChatMember answers: (chat id, user id) -> "creator", "administrator", "member"...
        self.chat_members: dict[tuple[int, int], str] = {}
        self._answered: set[str] = set()  # a callback query is answered at most once
        self.listener: Callable[[], None] | None = None  # told after every call, e.g. to print
        self.uploads: dict[str, tuple[str, bytes]] = {}  # file id -> (name, bytes) users attached

    @property
    def read_timeout(self) -> float | None:
        return None

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: object = None,
        write_timeout: object = None,
        connect_timeout: object = None,
        pool_timeout: object = None,
    ) -> tuple[int, bytes]:
        if "/file/" in url:  # a download of a file a user attached (after getFile)
            return self._download(url)
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        if request_data is not None and api_method in FILE_METHODS:
            params["_file"] = self._file_of(api_method, request_data)
        self.calls.append(ApiCall(api_method, params))
        try:
            return self._respond(api_method, params)
        finally:
            if self.listener is not None:
                self.listener()

    @staticmethod
    def _file_of(method: str, request_data: RequestData) -> SentFile:
        kind = FILE_METHODS[method]
        uploaded = request_data.multipart_data.get(kind)
        if uploaded is None:
            raise TelegramError400(f"there is no {kind} in the request")
        name, content, mime_type = uploaded[0], uploaded[1], uploaded[2]
        data = content if isinstance(content, bytes) else content.read()
        return SentFile(kind, name or kind, data, mime_type or "application/octet-stream")

    def _download(self, url: str) -> tuple[int, bytes]:
        file_id = url.rsplit("/", 1)[-1]
        if file_id not in self.uploads:
            return 404, b"Not Found"
        return 200, self.uploads[file_id][1]

    def _respond(self, method: str, params: dict[str, Any]) -> tuple[int, bytes]:
        failure = self._failure_for(method, params)
        if failure is not None:
            return failure
        try:
            result = self._answer(method, params)
        except TelegramError400 as error:
            body = {"ok": False, "error_code": 400, "description": f"Bad Request: {error}"}
            return 400, json.dumps(body).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _failure_for(self, method: str, params: dict[str, Any]) -> tuple[int, bytes] | None:
        queued = self.failures.get(int(params.get("chat_id") or 0))
        if method != "sendMessage" or not queued:
            return None
        kind = queued.pop(0)
        if kind == "network":
            raise NetworkError("connection reset (simulated)")
        if kind in ("connect_timeout", "timeout_after_delivery"):
            if kind == "timeout_after_delivery":
                self._answer(method, params)
                raise TimedOut() from httpx.ReadTimeout("no answer (simulated)")
            raise TimedOut() from httpx.ConnectTimeout("no connection (simulated)")
        if kind == "server_error":
            body = {"ok": False, "error_code": 500, "description": "Internal Server Error"}
            return 500, json.dumps(body).encode()
        if kind == "blocked":
            body = {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }
            return 403, json.dumps(body).encode()
        if kind == "flood":
            body = {"ok": False, "error_code": 429, "parameters": {"retry_after": 5},
                    "description": "Too Many Requests: retry after 5"}  # fmt: skip
            return 429, json.dumps(body).encode()
        _, new_chat_id = kind
        body = {"ok": False, "error_code": 400, "parameters": {"migrate_to_chat_id": new_chat_id},
                "description": "Bad Request: group chat was upgraded"}  # fmt: skip
        return 400, json.dumps(body).encode()

    def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method == "sendMessage":
            return self._send(params)
        if method in FILE_METHODS:
            return self._send_file(params)
        if method == "getFile":
            return self._file_info(str(params["file_id"]))
        if method in ("editMessageText", "editMessageReplyMarkup"):
            return self._edit(method, params)
        if method == "getChatMember":
            return self._chat_member(int(params["chat_id"]), int(params["user_id"]))
        if method == "answerCallbackQuery":
            query_id = str(params["callback_query_id"])
            if query_id in self._answered:
                raise TelegramError400("query is too old and response timeout expired or query "
                                       "ID is invalid")  # fmt: skip
            self._answered.add(query_id)
        return True

    def _chat_member(self, chat_id: int, user_id: int) -> dict[str, Any]:
        status = self.chat_members.get((chat_id, user_id), "member")
        member: dict[str, Any] = {"status": status, "user": {"id": user_id, "is_bot": False,
                                                             "first_name": "Member"}}  # fmt: skip
        if status == "creator":
            member["is_anonymous"] = False
        if status == "administrator":
            member.update(dict.fromkeys(
                ("can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                 "can_manage_video_chats", "can_restrict_members", "can_promote_members",
                 "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
                 "can_delete_stories"), False))  # fmt: skip
        return member

    def _check(self, params: dict[str, Any]) -> list[list[dict[str, Any]]]:
        text = params.get("text")
        if text is not None:
            if not str(text).strip():
                raise TelegramError400("message text is empty")
            if len(str(text)) > MAX_TEXT:
                raise TelegramError400("message is too long")
        caption = params.get("caption")
        if caption is not None and len(plain_text(str(caption))) > MAX_CAPTION:
            raise TelegramError400("message caption is too long")
        for value in (text, caption):
            if value is not None and params.get("parse_mode") == "HTML":
                check_html(str(value))
        markup = params.get("reply_markup") or {}
        if isinstance(markup, str):
            markup = json.loads(markup)
        rows = markup.get("inline_keyboard", [])
        for row in rows:
            for button in row:
                data = button.get("callback_data")
                if data is not None and len(data.encode()) > MAX_CALLBACK_DATA:
                    raise TelegramError400("BUTTON_DATA_INVALID")
        return rows

    def _message_json(self, message: SentMessage) -> dict[str, Any]:
        result: dict[str, Any] = {
            "message_id": message.message_id,
            "date": int(time.time()),
            "chat": _chat(message.chat_id),
            "from": BOT_USER,
            "text": plain_text(message.text),
        }
        if message.buttons:
            result["reply_markup"] = {"inline_keyboard": message.buttons}
        if message.file is not None:
            del result["text"]
            result["caption"] = plain_text(message.text)
            unique = f"{message.chat_id}-{message.message_id}"
            if message.file.kind == "photo":
                result["photo"] = [{"file_id": unique, "file_unique_id": unique,
                                    "width": 1080, "height": 1080}]  # fmt: skip
            else:
                result["document"] = {"file_id": unique, "file_unique_id": unique,
                                      "file_name": message.file.name,
                                      "mime_type": message.file.mime_type}  # fmt: skip
        return result

    def _send(self, params: dict[str, Any]) -> dict[str, Any]:
        rows = self._check(params)
        self._next_message_id += 1
        chat_id = int(params["chat_id"])
        message = SentMessage(chat_id, self._next_message_id, str(params["text"]), rows)
        self.messages[(chat_id, message.message_id)] = message
        return self._message_json(message)

    def _send_file(self, params: dict[str, Any]) -> dict[str, Any]:
        rows = self._check(params)
        self._next_message_id += 1
        chat_id = int(params["chat_id"])
        caption = str(params.get("caption") or "")
        message = SentMessage(chat_id, self._next_message_id, caption, rows, params["_file"])
        self.messages[(chat_id, message.message_id)] = message
        return self._message_json(message)

    def _file_info(self, file_id: str) -> dict[str, Any]:
        if file_id not in self.uploads:
            raise TelegramError400("wrong file_id or the file is temporarily unavailable")
        size = len(self.uploads[file_id][1])
        return {"file_id": file_id, "file_unique_id": file_id, "file_size": size,
                "file_path": f"documents/{file_id}"}  # fmt: skip

    def _edit(self, method: str, params: dict[str, Any]) -> Any:
        rows = self._check(params)
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self.messages.get(key)
        if message is None:
            raise TelegramError400("message to edit not found")
        if method == "editMessageText":
            message.text = str(params["text"])
        message.buttons = rows
        return self._message_json(message)

    # --- reading what was sent ---------------------------------------------------------------

    def sent_to(self, chat_id: int) -> list[SentMessage]:
        return [m for (chat, _), m in sorted(self.messages.items()) if chat == chat_id]

    def last_message(self, chat_id: int) -> SentMessage:
        return self.sent_to(chat_id)[-1]

    def message_json(self, chat_id: int, message_id: int) -> dict[str, Any]:
        return self._message_json(self.messages[(chat_id, message_id)])


@dataclass(frozen=True)
class FakeUser:
    id: int
    first_name: str
    username: str | None = None

    def json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.username:
            data["username"] = self.username
        return data


def _with_text(message: dict[str, Any], text: str) -> dict[str, Any]:
    """The message reading `text`, a leading /command marked as Telegram marks it."""
    message = {key: value for key, value in message.items() if key != "entities"}
    message["text"] = text
    if text.startswith("/"):
        command = text.split()[0]
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return message


class UpdateFactory:
    """Builds the updates Telegram would deliver when a user types or taps."""

    def __init__(self, api: OfflineBotApi, first_message_id: int = 0) -> None:
        self.api = api
        self._update_id = 0
        self._message_id = first_message_id

    def _next_update_id(self) -> int:
        self._update_id += 1
        return self._update_id

    def restart_update_ids(self) -> None:
        """Number updates from 1 again, as Telegram does after a week without updates (and
        a new terminal chat does at every run). Message ids go on: a chat never reuses one."""
        self._update_id = 0

    def message(self, user: FakeUser, text: str, chat_id: int | None = None) -> dict[str, Any]:
        chat_id = user.id if chat_id is None else chat_id
        self._message_id += 1
        message: dict[str, Any] = {
            "message_id": self._message_id,
            "date": int(time.time()),
            "chat": _chat(chat_id),
            "from": user.json(),
        }
        return {"update_id": self._next_update_id(), "message": _with_text(message, text)}

    def document(
        self, user: FakeUser, name: str, data: bytes, caption: str = "", chat_id: int | None = None
    ) -> dict[str, Any]:
        """The user attached a file (`caption` may hold a command, e.g. "/import")."""
        update = self.message(user, caption or "-", chat_id)
        message = update["message"]
        message.pop("text")
        message.pop("entities", None)
        file_id = f"upload-{message['message_id']}"
        self.api.uploads[file_id] = (name, data)
        message["document"] = {"file_id": file_id, "file_unique_id": file_id, "file_name": name,
                               "file_size": len(data)}  # fmt: skip
        if caption:
            message["caption"] = caption
            if caption.startswith("/"):
                length = len(caption.split()[0])
                message["caption_entities"] = [{"type": "bot_command", "offset": 0,
                                                "length": length}]  # fmt: skip
        return update

    def edited(self, update: dict[str, Any], text: str) -> dict[str, Any]:
        """The user edited the message of `update` to read `text`."""
        message = _with_text({**update["message"], "edit_date": int(time.time())}, text)
        return {"update_id": self._next_update_id(), "edited_message": message}

    def as_group(self, group_id: int, text: str) -> dict[str, Any]:
        """A message from an anonymous group admin (sent as the group itself)."""
        update = self.message(FakeUser(1087968824, "Group", "GroupAnonymousBot"), text, group_id)
        update["message"]["sender_chat"] = _chat(group_id)
        return update

    def bot_added(self, user: FakeUser, group_id: int) -> dict[str, Any]:
        """The bot was added to a group by `user`."""
        bot = {**BOT_USER}
        return {
            "update_id": self._next_update_id(),
            "my_chat_member": {
                "chat": _chat(group_id), "from": user.json(), "date": int(time.time()),
                "old_chat_member": {"status": "left", "user": bot},
                "new_chat_member": {"status": "member", "user": bot},
            },
        }  # fmt: skip

    def bot_removed(self, user: FakeUser, group_id: int) -> dict[str, Any]:
        """The bot was removed from a group by `user`."""
        bot = {**BOT_USER}
        return {
            "update_id": self._next_update_id(),
            "my_chat_member": {
                "chat": _chat(group_id), "from": user.json(), "date": int(time.time()),
                "old_chat_member": {"status": "member", "user": bot},
                "new_chat_member": {"status": "kicked", "user": bot, "until_date": 0},
            },
        }  # fmt: skip

    def migrated(self, group_id: int, supergroup_id: int) -> dict[str, Any]:
        """The service message in an old group that became a supergroup."""
        self._message_id += 1
        message = {"message_id": self._message_id, "date": int(time.time()),
                   "chat": _chat(group_id), "migrate_to_chat_id": supergroup_id}  # fmt: skip
        return {"update_id": self._next_update_id(), "message": message}

    def press(self, user: FakeUser, message: SentMessage, data: str) -> dict[str, Any]:
        return {
            "update_id": self._next_update_id(),
            "callback_query": {
                "id": uuid.uuid4().hex,  # unique for good, like Telegram's
                "from": user.json(),
                "chat_instance": str(message.chat_id),
                "message": self.api.message_json(message.chat_id, message.message_id),
                "data": data,
            },
        }

    @staticmethod
    def to_update(data: dict[str, Any], bot: Any) -> Update:
        return Update.de_json(data, bot)
