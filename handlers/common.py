"""Small helpers every handler shares: replying, keyboards, reading text, the current runner."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import ForceReply, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import Application, ApplicationHandlerStop, ConversationHandler

from bot.context import RunLiftContext
from handlers import texts
from models import User
from models.queries import get_or_create_user

Buttons = Sequence[Sequence[tuple[str, str]]]  # rows of (label, callback data)

# In groups, a button is signed with the id of the member it was made for ("rir:3|101"): only
# that member may press it (see `refuse_others`), and handlers read it with `button_data`.
OWNER_MARK = "|"


def keyboard(rows: Buttons, owner: int | None = None) -> InlineKeyboardMarkup:
    mark = f"{OWNER_MARK}{owner}" if owner is not None else ""
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=data + mark) for label, data in row]
            for row in rows
        ]
    )


def button_data(update: Update) -> str:
    """The pressed button's data, without its owner mark."""
    return update.callback_query.data.split(OWNER_MARK)[0]


async def refuse_others(update: Update, context: RunLiftContext) -> None:
    """A signed button pressed by someone else: tell them, and let nothing else happen."""
    data = update.callback_query.data or ""
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


async def ask_for_text(update: Update, text: str, buttons: Buttons | None = None) -> Message:
    """A question answered by typing. In a group (privacy mode: the bot only sees replies to
    its messages) the member is mentioned and asked to reply, via ForceReply(selective=True)."""
    if is_private(update):
        return await reply(update, text, buttons)
    sender = update.effective_user
    addressed = texts.mention(sender.id, sender.first_name or "runner") + ": " + text
    return await update.effective_chat.send_message(
        addressed, reply_markup=ForceReply(selective=True)
    )


def typed_text(update: Update) -> str:
    """The message text without invisible formatting characters (zero-width spaces etc.)."""
    text = update.effective_message.text or ""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()


def is_private(update: Update) -> bool:
    return update.effective_chat is not None and update.effective_chat.type == "private"


async def current_user(session: AsyncSession, update: Update) -> User:
    """The runner who sent this update; created on first contact."""
    sender = update.effective_user
    private_chat = update.effective_chat.id if is_private(update) else None
    return await get_or_create_user(session, sender.id, sender.first_name or "", private_chat)


async def set_up_runner(session: AsyncSession, update: Update) -> User | None:
    """The sender if they have finished set-up; otherwise None, after pointing them to /start."""
    user = await current_user(session, update)
    if not user.onboarded:
        await reply(update, texts.NEEDS_SETUP)
        return None
    return user


async def pressed_by_owner(update: Update, owner: str) -> bool:
    """Whether the button was pressed by the user it was made for; if not, say so."""
    if str(update.effective_user.id) != owner:
        await update.callback_query.answer(texts.NOT_YOUR_BUTTON, show_alert=True)
        return False
    await update.callback_query.answer()
    return True


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
        context.consumed = True
        return await super().handle_update(update, application, check_result, context)


async def step_aside(update: Update, context: RunLiftContext) -> int:
    """Another conversation's command or button: end this one quietly and let it through."""
    context.consumed = False
    return ConversationHandler.END
