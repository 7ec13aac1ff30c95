"""/block: see the rep block, take the next one when offered, or go back."""

from __future__ import annotations

from telegram import Update

from bot.context import RunLiftContext
from coaching.programme import BLOCKS, Block
from handlers.common import Buttons, StaleButton, button_fields, confirm, reply, set_up_runner
from render import blocks as texts


def block_buttons(current: Block) -> Buttons:
    return [[(texts.switch_label(b), f"block:{b.key}")] for b in BLOCKS if b != current]


def offer_buttons(offer: Block) -> Buttons:
    return [[(texts.switch_label(offer), f"block:{offer.key}"), (texts.NOT_NOW, "block:stay")]]


async def show_block(update: Update, context: RunLiftContext) -> None:
    """/block shows the block and the others; `/block 3x6` switches."""
    if await set_up_runner(update, context) is None:
        return
    training = context.services.training
    if context.args:
        key = "".join(context.args).lower().replace("×", "x")
        block = await training.change_block(key)
        if block is None:
            await reply(update, texts.BLOCK_EXPECTED)
            return
        await confirm(update, context, texts.block_changed(block))
        return
    current = training.block()
    await reply(update, texts.block_text(current, training.block_offer()), block_buttons(current))


async def choose_block(update: Update, context: RunLiftContext) -> None:
    """A block button: switch, or stay where the runner is."""
    [key] = button_fields(update, "block", 1)
    await update.callback_query.answer()
    training = context.services.training
    if key == "stay":
        await reply(update, texts.staying(training.block()))
        return
    block = await training.change_block(key)
    if block is None:
        raise StaleButton(key)
    await confirm(update, context, texts.block_changed(block))
