"""Changing what was logged: /history's edit and delete buttons, and /undo.

    /history ─ Edit or delete ─ an exercise of the page ─┬─ Set N ─ the set typed again
                                                         └─ Delete ─ Yes, delete / Keep it
    /undo: the last logged exercise goes at once if it is today's; an earlier day's is asked.

Every change works the lift's next load out again from the corrected log
(`Training.correct_set`, `Training.delete_logged`). Buttons carry the logged exercise's id;
one that is gone or someone else's is a stale button. Correcting a set is a step of the /log
conversation (`CORRECT`), its target kept in the runner's log draft.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.context import RunLiftContext, StaleButton
from coaching import InputError, LogDraft
from handlers.common import (
    ask_for_text,
    button_data,
    button_fields,
    reply,
    send_numbers,
    typed_text,
)
from render import training as texts

CORRECT = "correct"
SET_BUTTON = r"^hset:\d{1,9}:\d{1,2}(\|\d+)?$"  # a set of a logged exercise: its id, the set
SET_BUTTONS_PER_ROW = 5  # Telegram shows at most 8 buttons in a row; a 10-set lift gets two rows


def _id(text: str) -> int:
    """A number of a button (its pattern allows ASCII digits only); else a stale button."""
    if not (text.isascii() and text.isdigit()):
        raise StaleButton(text)
    return int(text)


async def _entry(context: RunLiftContext, entry_id: str):  # -> models.ExerciseEntry
    """The runner's own logged exercise of a button, or a stale button."""
    entry = await context.services.training.entry(_id(entry_id))
    if entry is None:
        raise StaleButton(entry_id)
    return entry


async def choose_entry(update: Update, context: RunLiftContext) -> None:
    """Edit or delete: the exercises of this /history page, one button each."""
    (offset,) = button_fields(update, "hedit", 1)
    page = await context.services.reports.history(context.runner.id, _id(offset))
    await update.callback_query.answer()
    buttons = [
        [(texts.entry_button(summary.day, done), f"hent:{done.entry_id}")]
        for summary in page.sessions
        for done in summary.done
    ]
    await reply(update, texts.CHOOSE_ENTRY, buttons or None)


async def show_entry(update: Update, context: RunLiftContext) -> None:
    """One logged exercise set by set, with a button per set and one to delete it."""
    (entry_id,) = button_fields(update, "hent", 1)
    entry = await _entry(context, entry_id)
    await update.callback_query.answer()
    training = context.services.training
    done = await training.logged_exercise(entry)
    sets = [(texts.set_button(n), f"hset:{entry.id}:{n}") for n in range(1, len(done.sets) + 1)]
    rows = [sets[i : i + SET_BUTTONS_PER_ROW] for i in range(0, len(sets), SET_BUTTONS_PER_ROW)]
    buttons = [*rows, [(texts.DELETE_ENTRY, f"hdel:{entry.id}")]]
    text = texts.entry_text(done, await training.entry_day(entry))
    await send_numbers(update, context, text, buttons)


async def ask_delete(update: Update, context: RunLiftContext) -> None:
    (entry_id,) = button_fields(update, "hdel", 1)
    entry = await _entry(context, entry_id)
    await update.callback_query.answer()
    training = context.services.training
    done, day = await training.logged_exercise(entry), await training.entry_day(entry)
    buttons = [[(texts.YES_DELETE, f"hdelok:{entry.id}"), (texts.KEEP_IT, "hdelno")]]
    await send_numbers(update, context, texts.ask_delete(done, day), group_buttons=buttons)


async def delete(update: Update, context: RunLiftContext) -> None:
    """Deletion confirmed: from /history (`hdelok`) or from /undo (`hundo`)."""
    kind = button_data(update).partition(":")[0]
    (entry_id,) = button_fields(update, kind, 1)
    entry = await _entry(context, entry_id)
    await update.callback_query.answer()
    undo = kind == "hundo"
    removed = await context.services.training.delete_logged(entry, undo)
    await context.services.commit()  # removed before the reply says so
    await send_numbers(update, context, texts.removed(removed, undo))


async def keep(update: Update, context: RunLiftContext) -> None:
    await update.callback_query.answer()
    await reply(update, texts.KEPT)


async def undo(update: Update, context: RunLiftContext) -> None:
    """/undo: the last logged exercise goes (asked first when it is not today's)."""
    training = context.services.training
    last = await training.last_logged()
    if last is None:
        await reply(update, texts.NOTHING_TO_UNDO)
        return
    entry, day = last
    if day != context.services.profile.today():
        done = await training.logged_exercise(entry)
        buttons = [[(texts.YES_REMOVE, f"hundo:{entry.id}"), (texts.KEEP_IT, "hdelno")]]
        await send_numbers(update, context, texts.ask_undo(done, day), group_buttons=buttons)
        return
    removed = await training.delete_logged(entry, undo=True)
    await context.services.commit()
    await send_numbers(update, context, texts.removed(removed, undo=True))


# --- correcting one set: a step of the /log conversation ----------------------------------------


async def ask_corrected_set(update: Update, context: RunLiftContext) -> object:
    """Set N tapped: ask for it as it really was (not in the middle of logging: that would
    lose what is half-entered, so the log is finished or cancelled first)."""
    entry_id, number = button_fields(update, "hset", 2)
    entry = await _entry(context, entry_id)
    training = context.services.training
    done = await training.logged_exercise(entry)
    if not 1 <= _id(number) <= len(done.sets):
        raise StaleButton(number)
    await update.callback_query.answer()
    if training.logging() and training.draft().exercise is not None:
        await reply(update, texts.FINISH_LOG_FIRST)
        return None  # the conversation stays where it was
    today = context.services.profile.today()
    training.save_draft(LogDraft(today, correcting=(entry.id, int(number))))
    await ask_for_text(update, texts.ask_corrected_set(done, int(number)))
    return CORRECT


async def corrected_set(update: Update, context: RunLiftContext) -> object:
    """The set typed again: stored, and the lift's next load worked out again."""
    training = context.services.training
    entry_id, number = training.draft().correcting or (0, 0)
    entry = await training.entry(entry_id)
    training.end_log()
    if entry is None:  # deleted meanwhile
        await reply(update, texts.KEPT)
        return ConversationHandler.END
    unit = context.services.profile.unit()
    try:
        correction = await training.correct_set(entry, number, typed_text(update))
    except InputError:
        training.save_draft(
            LogDraft(context.services.profile.today(), correcting=(entry_id, number))
        )
        await ask_for_text(update, texts.bad_corrected_set(unit))
        return CORRECT
    if correction is None:
        await reply(update, texts.KEPT)
        return ConversationHandler.END
    await context.services.commit()  # stored before the reply says so
    await send_numbers(update, context, texts.corrected(correction, context.services.profile.kit()))
    return ConversationHandler.END
