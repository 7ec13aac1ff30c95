"""/progress (a chart of each lift's estimated 1RM, sent as a photo) and /records."""

from __future__ import annotations

from telegram import Bot, Update

from bot.context import RunLiftContext, in_background
from coaching.trends import ProgressChart
from handlers.common import numbers_chat, reply, send_numbers, set_up_runner
from render import charts
from render import progress as texts
from services.progress import NotEnough

EVERYTHING = "all"


async def show_progress(update: Update, context: RunLiftContext) -> None:
    """/progress [lift] [all]: the last 12 weeks (or everything) of the main lifts or one.
    The chart's data is read here; it is drawn and sent after the update is done, so that the
    bot answers others meanwhile (updates are handled one at a time)."""
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
    if isinstance(chart, NotEnough):
        earlier = chart.earlier and not everything
        await send_numbers(update, context, texts.not_enough(lift, earlier))
        return
    chat_id = await numbers_chat(update, context)
    if chat_id is not None:
        caption = texts.progress_caption(chart)
        in_background(context, _draw_and_send(update.get_bot(), chat_id, chart, caption), update)


async def _draw_and_send(bot: Bot, chat_id: int, chart: ProgressChart, caption: str) -> None:
    png = await charts.draw_off_loop(chart)  # off the event loop too
    await bot.send_photo(chat_id, png, caption=caption, filename=charts.FILE_NAME)


async def show_records(update: Update, context: RunLiftContext) -> None:
    """/records: each lift's heaviest weight for 5, 6 and 8 reps and best e1RM, with days."""
    if await set_up_runner(update, context) is None:
        return
    progress = context.services.progress
    books = await progress.records()
    text = texts.records(books, context.services.profile.unit(), progress.today())
    await send_numbers(update, context, text)
