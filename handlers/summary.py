"""/summary: the weekly summary on or off, and its day and time."""

from __future__ import annotations

from telegram import Update

from bot.context import RunLiftContext
from coaching import InputError
from handlers.common import confirm, reply, set_up_runner
from render import summary as texts


async def summary(update: Update, context: RunLiftContext) -> None:
    """/summary alone: whether it is on; `on`, `off`, or `sun 18:00` to choose and turn on."""
    if await set_up_runner(update, context) is None:
        return
    summaries = context.services.summaries
    if not context.args:
        await reply(update, texts.settings(summaries.settings()))
        return
    try:
        chosen = summaries.configure(list(context.args))
    except InputError as error:
        await reply(update, _refused(str(error), list(context.args)))
        return
    await confirm(update, context, texts.settings(chosen, changed=True))


def _refused(problem: str, words: list[str]) -> str:
    """A time such as 25:00 is named as not a time; anything else gets the usage."""
    clock = [word for word in words if ":" in word or "." in word]
    if problem == "time range" and clock:
        return texts.not_a_time(clock[0])
    return texts.USAGE
