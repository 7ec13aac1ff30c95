"""Small helpers every handler shares: replying, keyboards, reading text and callback data."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.ext import Application, ApplicationHandlerStop, ConversationHandler

from bot.context import RunLiftContext, StaleButton
from bot.dedupe import origin
from render import common as texts
from render.common import OWNER_MARK
from services import Runner
from services.training import Source

Buttons = Sequence[Sequence[tuple[str, str]]]  # rows of (label, callback data)


def keyboard(rows: Buttons, owner: int | None = None) -> InlineKeyboardMarkup:
    mark = f"{OWNER_MARK}{owner}" if owner is not None else ""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=data + mark) for label, data in row]
            for row in rows
        ]
    )


def url_button(label: str, url: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, url=url)]])


def button_data(update: Update) -> str:
    """The pressed button's data, without its owner mark."""
    return (update.callback_query.data or "").split(OWNER_MARK)[0]


def button_fields(update: Update, prefix: str, count: int) -> list[str]:
    """`prefix:a:b` -> [a, b]; anything else is a stale (or forged) button."""
    head, _, rest = button_data(update).partition(":")
    fields = rest.split(":") if rest else []
    if head != prefix or len(fields) != count or not all(fields):
        raise StaleButton(button_data(update))
    return fields


async def refuse_others(update: Update, context: RunLiftContext) -> None:
    """A signed button pressed by someone else: tell them, and let nothing else happen.
    A press without data (a forged client) is stale here, once: PTB would hand it to every
    pattern handler, one per group, and each would answer it."""
    data = update.callback_query.data or ""
    if not data and not update.callback_query.game_short_name:
        await update.callback_query.answer(texts.STALE_BUTTON, show_alert=True)
        raise ApplicationHandlerStop
    _, mark, owner = data.partition(OWNER_MARK)
    if mark and owner != str(update.effective_user.id):
        await update.callback_query.answer(texts.NOT_YOUR_BUTTON, show_alert=True)
        raise ApplicationHandlerStop


def one_per_row(buttons: Iterable[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    return [[button] for button in buttons]


async def reply(update: Update, text: str, buttons: Buttons | None = None) -> Message:
    """Send `text` (HTML) to the chat the update came from; in a group, buttons are signed for
    the member who caused the update."""
    owner = None if is_private(update) else update.effective_user.id
    markup = keyboard(buttons, owner) if buttons else None
    return await update.effective_chat.send_message(text, reply_markup=markup)


async def confirm(
    update: Update, context: RunLiftContext, text: str, buttons: Buttons | None = None
) -> Message:
    """Reply to a change: committed first, so nobody is told of a change that was not stored."""
    await context.services.commit()
    return await reply(update, text, buttons)


async def ask_for_text(update: Update, text: str, buttons: Buttons | None = None) -> Message:
    """A question answered by typing. In a group (privacy mode: the bot only sees replies to
    its messages) the member is mentioned and asked to reply, via ForceReply(selective=True)."""
    if is_private(update):
        return await reply(update, text, buttons)
    sender = update.effective_user
    addressed = texts.mention(sender.id, sender.first_name) + ": " + text
    return await update.effective_chat.send_message(
        addressed, reply_markup=ForceReply(selective=True)
    )


def source_of(update: Update) -> Source:
    """Where a write caused by this update comes from: its chat, message and origin key (the
    same message or button press stores once, whatever update delivered it)."""
    message = update.effective_message
    return Source(update.effective_chat.id, message.message_id if message else None, origin(update))


def typed_text(update: Update) -> str:
    """The message text without invisible formatting characters (zero-width spaces etc.)."""
    text = update.effective_message.text or ""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == "private"


async def set_up_runner(update: Update, context: RunLiftContext) -> Runner | None:
    """The sender if they have finished set-up; otherwise None, after pointing them to /start."""
    if not context.runner.onboarded:
        await reply(update, texts.NEEDS_SETUP)
        return None
    return context.runner


async def pressed_by_owner(update: Update, owner: str) -> bool:
    """Whether the button was pressed by the user it was made for; if not, say so."""
    if str(update.effective_user.id) != owner:
        await update.callback_query.answer(texts.NOT_YOUR_BUTTON, show_alert=True)
        return False
    await update.callback_query.answer()
    return True


def private_link(bot_username: str, payload: str = "") -> str:
    return f"https://t.me/{bot_username}" + (f"?start={payload}" if payload else "")


def join_link(bot_username: str, group_id: int) -> str:
    return private_link(bot_username, f"join_{group_id}")


async def send_numbers(
    update: Update,
    context: RunLiftContext,
    text: str,
    buttons: Buttons | None = None,
    group_buttons: Buttons | None = None,
) -> None:
    """Loads and numbers go here if they may be shown here, else to the private chat (with a
    short note and `group_buttons` left in the group)."""
    if await context.services.groups.numbers_here(update.effective_chat.id, is_private(update)):
        await reply(update, text, [*(buttons or []), *(group_buttons or [])] or None)
        return
    chat_id = await _private_chat_or_link(update, context)
    if chat_id is None:
        return
    markup = keyboard(buttons) if buttons else None
    await update.get_bot().send_message(chat_id, text, reply_markup=markup)
    await reply(update, texts.sent_privately(context.runner.first_name), group_buttons)


async def numbers_chat(update: Update, context: RunLiftContext) -> int | None:
    """Where loads and numbers sent later go (`send_numbers`' rule): this chat, or the runner's
    private chat (saying so here); None when they must open it first (told here)."""
    if await context.services.groups.numbers_here(update.effective_chat.id, is_private(update)):
        return update.effective_chat.id
    chat_id = await _private_chat_or_link(update, context)
    if chat_id is not None:
        await reply(update, texts.sent_privately(context.runner.first_name))
    return chat_id


async def _private_chat_or_link(update: Update, context: RunLiftContext) -> int | None:
    """The runner's private chat; None when they have none yet (a link to open it, here)."""
    runner = context.runner
    if runner.private_chat_id is None:
        link = url_button(
            texts.OPEN_PRIVATE_CHAT, join_link(update.get_bot().username, update.effective_chat.id)
        )
        await update.effective_chat.send_message(
            texts.start_private_first(runner.first_name), reply_markup=link
        )
    return runner.private_chat_id


class Conversation(ConversationHandler):
    """A ConversationHandler that marks the updates it takes, so that catch-all handlers in
    later groups (unknown text, stale buttons) stay quiet about them."""

    async def handle_update(  # type: ignore[override]
        self,
        update: Update,
        application: Application,
        check_result: object,
        context: RunLiftContext,
    ) -> object:
        earlier = context.consumed
        context.consumed = True
        result = await super().handle_update(update, application, check_result, context)
        # Stepping aside gives back only this conversation's claim: when the other
        # conversation (an earlier group) took the update, the catch-alls stay quiet.
        context.consumed = context.consumed or earlier
        return result


async def step_aside(update: Update, context: RunLiftContext) -> int:
    """Another conversation's command or button: end this one quietly and let it through."""
    context.consumed = False
    return ConversationHandler.END
