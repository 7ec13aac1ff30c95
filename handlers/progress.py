"""/progress (a chart of each lift's estimated 1RM, sent as a photo) and /records."""

from __future__ import annotations

from telegram import Update

from bot.context import RunLiftContext
from handlers.common import reply, send_numbers, set_up_runner
from render import charts
from render import progress as texts

EVERYTHING = "all"


async def show_progress(update: Update, context: RunLiftContext) -> None:
    """/progress [lift] [all]: the last 12 weeks (or everything) of the main lifts or one."""
    if await set_up_runner(update, context) is None:
        return
    words = [word.lower() for word in context.args or ()]
    everything = EVERYTHING in words
    name = " ".join(word for word in words if word != EVERYTHING)
    progress = context.services.progress
    lift = progress.lift_named(name) if name else None
    if name and lift is None:
        await reply(update, texts.PROGRESS_USAGE)
        return
    chart = await progress.chart(lift, everything)
    if chart.sessions < 2:
        earlier = not everything and (await progress.chart(lift, True)).sessions >= 2
        await send_numbers(update, context, texts.not_enough(lift, earlier))
        return
    caption = texts.progress_caption(chart)
    await context.services.commit()  # nothing was written: give the connection back first
    png = await charts.draw_off_loop(chart)  # off the event loop: others keep being answered
    await send_numbers(update, context, caption, photo=png)


async def show_records(update: Update, context: RunLiftContext) -> None:
    """/records: each lift's heaviest weight for 5, 6 and 8 reps and best e1RM, with days."""
    if await set_up_runner(update, context) is None:
        return
    progress = context.services.progress
    books = await progress.records()
    text = texts.records(books, context.services.profile.unit(), progress.today())
    await send_numbers(update, context, text)
