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
from coaching.parsing import parse_logged_sets
from handlers.common import (
    ask_for_text,
    button_data,
    button_fields,
    confirm,
    reply,
    send_numbers,
    typed_text,
)
from render import training as texts

CORRECT = "correct"


async def _entry(context: RunLiftContext, entry_id: str):  # -> models.ExerciseEntry
    """The runner's own logged exercise of a button, or a stale button."""
    entry = await context.services.training.entry(int(entry_id)) if entry_id.isdigit() else None
    if entry is None:
        raise StaleButton(entry_id)
    return entry


async def choose_entry(update: Update, context: RunLiftContext) -> None:
    """Edit or delete: the exercises of this /history page, one button each."""
    (offset,) = button_fields(update, "hedit", 1)
    if not offset.isdigit():
        raise StaleButton(offset)
    await update.callback_query.answer()
    page = await context.services.reports.history(context.runner.id, int(offset))
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
    buttons = [sets, [(texts.DELETE_ENTRY, f"hdel:{entry.id}")]]
    text = texts.entry_text(done, await training.entry_day(entry))
    await send_numbers(update, context, text, buttons)


async def ask_delete(update: Update, context: RunLiftContext) -> None:
    (entry_id,) = button_fields(update, "hdel", 1)
    entry = await _entry(context, entry_id)
    await update.callback_query.answer()
    training = context.services.training
    done, day = await training.logged_exercise(entry), await training.entry_day(entry)
    buttons = [[(texts.YES_DELETE, f"hdelok:{entry.id}"), (texts.KEEP_IT, "hdelno")]]
    await reply(update, texts.ask_delete(done, day), buttons)


async def delete(update: Update, context: RunLiftContext) -> None:
    """Deletion confirmed: from /history (`hdelok`) or from /undo (`hundo`)."""
    kind = button_data(update).partition(":")[0]
    (entry_id,) = button_fields(update, kind, 1)
    entry = await _entry(context, entry_id)
    await update.callback_query.answer()
    removed = await context.services.training.delete_logged(entry)
    await confirm(update, context, (texts.undone if kind == "hundo" else texts.deleted)(removed))


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
        await reply(update, texts.ask_undo(done, day), buttons)
        return
    await confirm(update, context, texts.undone(await training.delete_logged(entry)))


# --- correcting one set: a step of the /log conversation ----------------------------------------


async def ask_corrected_set(update: Update, context: RunLiftContext) -> object:
    """Set N tapped: ask for it as it really was."""
    entry_id, number = button_fields(update, "hset", 2)
    entry = await _entry(context, entry_id)
    if not number.isdigit():
        raise StaleButton(number)
    await update.callback_query.answer()
    training = context.services.training
    day = await training.entry_day(entry)
    training.save_draft(LogDraft(day, entry.exercise, correcting=(entry.id, int(number))))
    done = await training.logged_exercise(entry)
    await ask_for_text(update, texts.ask_corrected_set(done, int(number)))
    return CORRECT


async def corrected_set(update: Update, context: RunLiftContext) -> object:
    """The set typed again: stored, and the lift's next load worked out again."""
    training = context.services.training
    correcting = training.draft().correcting
    entry = await training.entry(correcting[0]) if correcting else None
    if entry is None:
        training.end_log()
        return ConversationHandler.END
    unit, number = context.services.profile.unit(), correcting[1]
    done = await training.logged_exercise(entry)
    was = done.sets[number - 1] if number <= len(done.sets) else None
    kept = was.weight if was is not None and was.unit == unit else None
    lightest = training.lightest_load(done.exercise)
    try:  # the one set grammar; reps alone (`6`) keep the set's weight
        sets, rir = parse_logged_sets(typed_text(update), unit, kept, lightest)
        if len(sets) != 1:
            raise InputError("one set")
    except InputError:
        await ask_for_text(update, texts.bad_corrected_set(unit))
        return CORRECT
    done = await training.correct_set(entry, number, sets[0], rir)
    training.end_log()
    if done is None:
        await reply(update, texts.KEPT)
        return ConversationHandler.END
    await context.services.commit()  # stored before the reply says so
    await send_numbers(update, context, texts.corrected(done, context.services.profile.kit()))
    return ConversationHandler.END
