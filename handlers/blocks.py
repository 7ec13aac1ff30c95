"""/block: see the rep block, take the next one when offered, or go back."""

from __future__ import annotations

from telegram import Update

from bot.context import RunLiftContext
from coaching.programme import BLOCKS_BY_KEY, Block
from handlers.common import Buttons, StaleButton, button_fields, confirm, reply, set_up_runner
from render import blocks as texts


def block_buttons(choices: list[Block]) -> Buttons:
    return [[(texts.switch_label(b), f"block:{b.key}")] for b in choices]


def offer_buttons(offer: Block) -> Buttons:
    return [[(texts.switch_label(offer), f"block:{offer.key}"), (texts.NOT_NOW, "block:stay")]]


async def show_block(update: Update, context: RunLiftContext) -> None:
    """/block shows the block and the others; `/block 3x6` switches."""
    if await set_up_runner(update, context) is None:
        return
    training = context.services.training
    if context.args:
        await _switch(update, context, "".join(context.args).lower().replace("×", "x"))
        return
    current, choices = training.block(), training.block_choices()
    offer = next((b for b in choices if b.reps < current.reps), None)
    await reply(update, texts.block_text(current, offer), block_buttons(choices) or None)


async def _switch(update: Update, context: RunLiftContext, key: str) -> None:
    """Switch to block `key` (not while today's session is half logged)."""
    training = context.services.training
    if key == training.block().key:
        await reply(update, texts.already_on(training.block()))
        return
    if key not in BLOCKS_BY_KEY:
        await reply(update, texts.BLOCK_EXPECTED)
        return
    if await training.session_under_way():  # half a session judged in each block: no
        await reply(update, texts.FINISH_FIRST)
        return
    block = await training.change_block(key)
    await confirm(update, context, texts.block_changed(block))


async def choose_block(update: Update, context: RunLiftContext) -> None:
    """A block button: switch, or stay where the runner is."""
    [key] = button_fields(update, "block", 1)
    await update.callback_query.answer()
    training = context.services.training
    if key == "stay":
        await reply(update, texts.staying(training.block()))
        return
    if key not in BLOCKS_BY_KEY:
        raise StaleButton(key)
    await _switch(update, context, key)
