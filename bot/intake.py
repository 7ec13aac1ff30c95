"""Updates in: long polling or a webhook, each acknowledging an update only once it was handled.

PTB's Updater acknowledges an update (the next getUpdates `offset`, or the webhook's 200) as
soon as it is queued, before any handler ran: an update whose handling failed because the
database was out would be lost. Here an update is handled first, then acknowledged; when the
database was out for it (`bot.context.postpone`), it is not acknowledged, and Telegram delivers
it and everything after it again. Updates are handled one at a time, in order, as PTB does
without `concurrent_updates`. On SIGTERM the update in hand is finished, then acknowledged.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from http import HTTPStatus

import tornado.httpserver
import tornado.web
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import Application

from bot.context import DATABASE_KEY, postponed
from models import Database

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0  # how long to wait before fetching an update the database was out for
POLL_TIMEOUT = 10  # seconds a getUpdates long poll waits for news
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


async def handle(application: Application, update: Update) -> bool:
    """Handle one update; False when the database was out for it (to be delivered again)."""
    await application.process_update(update)
    waiting = postponed(application.bot_data)
    if update.update_id in waiting:
        waiting.discard(update.update_id)
        return False
    return True


async def _sleep(stop: asyncio.Event, seconds: float) -> None:
    """Sleep, but wake at once when asked to stop."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def _fetch(application: Application, offset: int, stop: asyncio.Event) -> list[Update]:
    """One long poll, abandoned when asked to stop (what it would have brought is not
    acknowledged, so it comes again to the next process)."""
    fetch = asyncio.ensure_future(
        application.bot.get_updates(
            offset=offset, timeout=POLL_TIMEOUT, allowed_updates=Update.ALL_TYPES
        )
    )
    stopping = asyncio.ensure_future(stop.wait())
    await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
    stopping.cancel()
    if not fetch.done():
        fetch.cancel()
        return []
    return fetch.result()


async def poll(application: Application, stop: asyncio.Event, retry: float = RETRY_SECONDS) -> None:
    """Long polling until `stop` is set; then the handled updates are acknowledged."""
    await application.bot.delete_webhook()
    offset = 0
    while not stop.is_set():
        try:
            updates = await _fetch(application, offset, stop)
        except TelegramError as error:  # unreachable, 5xx or 429: wait, then the same offset
            log.warning("Fetching updates failed: %s", error)
            await _sleep(stop, retry)
            continue
        for update in updates:
            if not await handle(application, update):
                log.warning("Update %s will be fetched again in %s s", update.update_id, retry)
                await _sleep(stop, retry)
                break
            offset = update.update_id + 1
            if stop.is_set():
                break
    await _acknowledge(application, offset)


async def _acknowledge(application: Application, offset: int) -> None:
    if not offset:
        return
    try:
        await application.bot.get_updates(offset=offset, timeout=0)
    except TelegramError:
        log.warning("Could not acknowledge the last updates; they may come once more")


# --- the webhook -----------------------------------------------------------------------------


class Intake:
    """What the webhook's routes share: the Application, one lock so that updates are handled
    one at a time (as in polling), and a count of requests in hand for a graceful stop."""

    def __init__(self, application: Application, secret_token: str) -> None:
        self.application = application
        self.secret_token = secret_token
        self.lock = asyncio.Lock()
        self.in_hand = 0
        self.idle = asyncio.Event()
        self.idle.set()


def secret_matches(given: str | None, expected: str) -> bool:
    """Whether the request carries the webhook's secret, compared in constant time (a plain
    `!=` returns sooner the earlier the first wrong character, which leaks the secret)."""
    given_bytes = (given or "").encode("utf-8", "surrogateescape")
    return hmac.compare_digest(given_bytes, expected.encode("utf-8"))


class UpdateRoute(tornado.web.RequestHandler):
    """POST an update: 403 without the secret token; 200 once handled; 503 when the database
    was out (Telegram retries it later)."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, intake: Intake) -> None:
        self.intake = intake

    async def post(self) -> None:
        if not secret_matches(self.request.headers.get(SECRET_HEADER), self.intake.secret_token):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        try:
            update = Update.de_json(json.loads(self.request.body), self.intake.application.bot)
        except Exception as error:
            raise tornado.web.HTTPError(HTTPStatus.BAD_REQUEST) from error
        intake = self.intake
        intake.in_hand += 1
        intake.idle.clear()
        try:
            async with intake.lock:
                handled = await handle(intake.application, update)
        finally:
            intake.in_hand -= 1
            if not intake.in_hand:
                intake.idle.set()
        self.set_status(HTTPStatus.OK if handled else HTTPStatus.SERVICE_UNAVAILABLE)

    def log_exception(self, *args: object) -> None:  # our log says what matters
        pass


class HealthRoute(tornado.web.RequestHandler):
    """GET: 200 when the database answers, 503 when it does not (for a load balancer)."""

    SUPPORTED_METHODS = ("GET",)

    def initialize(self, intake: Intake) -> None:
        self.intake = intake

    async def get(self) -> None:
        database: Database = self.intake.application.bot_data[DATABASE_KEY]
        reachable = await database.reachable()
        self.set_status(HTTPStatus.OK if reachable else HTTPStatus.SERVICE_UNAVAILABLE)
        self.set_header("Content-Type", "application/json")
        self.finish({"database": "ok" if reachable else "unreachable"})


async def serve_webhook(
    application: Application,
    stop: asyncio.Event,
    *,
    listen: str,
    port: int,
    path: str,
    url: str,
    secret_token: str,
) -> None:
    """Serve `/<path>` (updates) and `/health` until `stop`; then stop listening, finish the
    updates in hand, and close."""
    intake = Intake(application, secret_token)
    routes = tornado.web.Application(
        [
            (rf"/{path.strip('/')}/?", UpdateRoute, {"intake": intake}),
            (r"/health/?", HealthRoute, {"intake": intake}),
        ],
        log_function=lambda _handler: None,
    )
    server = tornado.httpserver.HTTPServer(routes)
    server.listen(port, address=listen)
    await application.bot.set_webhook(
        url=url, secret_token=secret_token, allowed_updates=Update.ALL_TYPES
    )
    log.info("Webhook listening on %s:%s", listen, port)
    await stop.wait()
    server.stop()  # no new connections
    await intake.idle.wait()  # the updates in hand are finished
    await server.close_all_connections()
