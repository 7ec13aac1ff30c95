"""/kit: show and set the runner's bar, plates and dumbbells.

Part of the set-up conversation (handlers/setup.py wires it), so the /settings button and the
typed answers after a button share its persisted states. `/kit bar 15`, `/kit plates ...`,
`/kit dumbbells ...` and `/kit reset` work anywhere; the buttons only in a private chat.
"""

from __future__ import annotations

import functools

from telegram import Update
from telegram.ext import ConversationHandler, MessageHandler, filters

from bot.context import RunLiftContext, StaleButton
from handlers.common import button_fields, confirm, is_private, one_per_row, reply, typed_text
from render import kit as texts

END = ConversationHandler.END
PARTS = (texts.BAR, texts.PLATES, texts.DUMBBELLS)
State = str | int


def _kit_message(context: RunLiftContext) -> str:
    profile = context.services.profile
    return texts.kit_text(profile.kit(), profile.own_kit_parts())


async def show_kit(update: Update, context: RunLiftContext) -> State:
    """The kit, with a button per part in a private chat."""
    buttons = None
    if is_private(update):
        buttons = one_per_row((label, f"kit:{part}") for label, part in texts.KIT_BUTTONS)
    await reply(update, _kit_message(context), buttons)
    return END


async def kit_command(update: Update, context: RunLiftContext) -> State:
    """/kit shows the kit; `/kit bar 15` (plates, dumbbells, reset) changes it."""
    if not context.args:
        return await show_kit(update, context)
    return await _change(update, context, " ".join(context.args), END)


async def kit_button(update: Update, context: RunLiftContext) -> State:
    """A part tapped: ask for its values (reset needs none)."""
    (part,) = button_fields(update, "kit", 1)
    if part not in (*PARTS, texts.RESET):
        raise StaleButton(part)
    await update.callback_query.answer()
    if part == texts.RESET:
        return await _change(update, context, texts.RESET, END)
    await reply(update, texts.ask_part(part, context.services.profile.unit()))
    return f"kit:{part}"


async def kit_typed(update: Update, context: RunLiftContext, part: str) -> State:
    """The values of the part asked for, typed."""
    return await _change(update, context, f"{part} {typed_text(update)}", f"kit:{part}")


async def _change(update: Update, context: RunLiftContext, text: str, retry: State) -> State:
    """Apply a kit change and show the kit; on bad input say what was expected."""
    profile = context.services.profile
    refusal = profile.change_kit(text)
    if refusal is not None:
        await reply(update, texts.bad_kit(refusal.typed, profile.unit()))
        return retry
    intro = texts.KIT_RESET + "\n" if text == texts.RESET else ""
    await confirm(update, context, intro + _kit_message(context))
    return END


def kit_states() -> dict[str, list]:
    """The conversation states waiting for a typed part."""
    text = filters.TEXT & ~filters.COMMAND
    return {
        f"kit:{part}": [MessageHandler(text, functools.partial(kit_typed, part=part))]
        for part in PARTS
    }
