"""Help, deleting one's data, and the answers for anything no other handler took."""

from __future__ import annotations

import logging

from telegram import Update

from bot.context import RunLiftContext, without_database
from handlers.common import (
    button_fields,
    pressed_by_owner,
    private_link,
    reply,
    typed_text,
    url_button,
)
from render import common as texts
from render import onboarding
from render.commands import HELP, HELP_WORDS

log = logging.getLogger(__name__)


@without_database
async def show_help(update: Update, context: RunLiftContext) -> None:
    """/help: every command, and why lifting helps running."""
    await reply(update, HELP)


@without_database
async def private_only(update: Update, context: RunLiftContext) -> None:
    """/start or /settings in a group: set-up happens in the private chat."""
    button = url_button(texts.OPEN_PRIVATE_CHAT, private_link(context.bot.username, "setup"))
    await update.effective_message.reply_text(texts.USE_PRIVATE_CHAT, reply_markup=button)


@without_database
async def group_only(update: Update, context: RunLiftContext) -> None:
    """A group command sent in a private chat."""
    await reply(update, texts.GROUP_ONLY)


@without_database
async def nothing_to_cancel(update: Update, context: RunLiftContext) -> None:
    """/cancel outside any conversation."""
    if not context.consumed:
        await reply(update, texts.NOTHING_TO_CANCEL)


@without_database
async def ask_delete(update: Update, context: RunLiftContext) -> None:
    """/deletedata: ask for confirmation with buttons only the asker can press."""
    user_id = update.effective_user.id
    buttons = [
        [(onboarding.DELETE_YES, f"delete:yes:{user_id}")],
        [(onboarding.DELETE_NO, f"delete:no:{user_id}")],
    ]
    await reply(update, onboarding.CONFIRM_DELETE, buttons)


async def confirm_delete(update: Update, context: RunLiftContext) -> None:
    """The confirmation button: delete every row about the runner, or keep everything."""
    choice, owner = button_fields(update, "delete", 2)
    if not await pressed_by_owner(update, owner):
        return
    if choice == "yes":
        await context.services.profile.delete_everything()
        await context.services.commit()  # gone before the runner is told so
        await update.callback_query.edit_message_text(onboarding.DELETED)
    else:
        await update.callback_query.edit_message_text(onboarding.KEPT)


@without_database
async def not_understood(update: Update, context: RunLiftContext) -> None:
    """Private text or a command no handler took: point to /help (`help` typed: the help)."""
    if context.consumed:
        return
    if typed_text(update).lower().rstrip("!.") in HELP_WORDS:
        await reply(update, HELP)
        return
    await reply(update, texts.NOT_UNDERSTOOD)


@without_database
async def stale_button(update: Update, context: RunLiftContext) -> None:
    """A button nobody handles any more (an old message, a finished conversation)."""
    if not context.consumed:
        await update.callback_query.answer(texts.STALE_BUTTON, show_alert=True)


async def on_error(update: object, context: RunLiftContext) -> None:
    """Log the traceback and tell the user, in one sentence; never raise from here."""
    try:
        log.error("Error while handling an update", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            await update.effective_chat.send_message(texts.SOMETHING_WENT_WRONG)
    except Exception:  # the chat may be gone or Telegram unreachable; the log has it
        log.warning("Could not tell the user about the error", exc_info=True)
