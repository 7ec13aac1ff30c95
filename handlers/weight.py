"""/weight: today's bodyweight, or the last weigh-ins and the trend."""

from __future__ import annotations

from telegram import Update

from bot.context import RunLiftContext
from coaching.bodyweight import WeighInError
from handlers.common import confirm, reply, set_up_runner
from render import bodyweight as texts


async def weight(update: Update, context: RunLiftContext) -> None:
    """/weight 62.5 stores today's weigh-in (a second one today replaces it); alone, the log."""
    if await set_up_runner(update, context) is None:
        return
    bodyweight, today = context.services.bodyweight, context.services.profile.today()
    typed = " ".join(context.args or [])
    if not typed:
        await reply(update, texts.weight_log(await bodyweight.log(), today))
        return
    try:
        stored = await bodyweight.weigh_in(typed)
    except WeighInError as error:
        await reply(update, texts.refused(error, bodyweight.unit()))
        return
    await confirm(update, context, texts.stored(stored, today))
