"""/export (two documents: every set as CSV, the rest as JSON) and /import (a CSV back in)."""

from __future__ import annotations

import logging

from telegram import InputFile, Update
from telegram.error import TelegramError

from bot.context import RunLiftContext
from coaching.history_csv import MAX_BYTES, FileProblem, HistoryFileError
from handlers.common import confirm, reply, set_up_runner
from render import exports as texts

log = logging.getLogger(__name__)


async def export(update: Update, context: RunLiftContext) -> None:
    """/export: every logged set as CSV and the profile as JSON, as two documents."""
    if await set_up_runner(update, context) is None:
        return
    exports, today = context.services.exports, context.services.profile.today()
    sets = await exports.history()
    account = await exports.account()
    csv_name, json_name = texts.file_names(today)
    chat = update.effective_chat
    await chat.send_document(InputFile(texts.sets_csv(sets), filename=csv_name),
                             caption=texts.exported(len(sets)))  # fmt: skip
    data = texts.account_json(account, context.now(), len(sets))
    await chat.send_document(InputFile(data, filename=json_name), caption=texts.JSON_CAPTION)


async def import_history(update: Update, context: RunLiftContext) -> None:
    """/import alone: the next document is the file to import."""
    if await set_up_runner(update, context) is None:
        return
    context.services.exports.ask_for_file()
    await confirm(update, context, texts.SEND_THE_FILE)


async def receive_document(update: Update, context: RunLiftContext) -> None:
    """A document in the private chat: imported when its caption is /import or /import came
    just before; otherwise, how to import."""
    message = update.effective_message
    exports = context.services.exports
    asked = (message.caption or "").strip().lower().startswith("/import")
    if not asked and not exports.file_expected():
        await reply(update, texts.IMPORT_HOW)
        return
    if await set_up_runner(update, context) is None:
        return
    document = message.document
    if document.file_size is not None and document.file_size > MAX_BYTES:
        await reply(update, texts.import_refused(HistoryFileError(FileProblem.TOO_BIG)))
        return
    try:
        data = bytes(await (await document.get_file()).download_as_bytearray())
    except TelegramError:
        log.warning("Could not download an imported file", exc_info=True)
        await reply(update, texts.DOWNLOAD_FAILED)
        return
    try:
        result = await exports.import_file(data)
    except HistoryFileError as error:
        await confirm(update, context, texts.import_refused(error))  # the wait for a file ends
        return
    await confirm(update, context, texts.imported(result))
