"""The "done as prescribed" buttons on a group's lift-day reminder."""

from __future__ import annotations

from datetime import date

from telegram import Update

from bot.context import RunLiftContext
from coaching import EXERCISES, SetEntry
from coaching.programme import BLOCKS_BY_KEY
from handlers import texts
from handlers.common import OWNER_MARK, button_data, current_user, reply
from models.profile import kit_for
from models.training_queries import entries_of
from models.workouts import open_session, record_exercise


async def done_as_prescribed(update: Update, context: RunLiftContext) -> None:
    """Log the member's whole session of that day as prescribed (only their own button)."""
    query = update.callback_query
    if OWNER_MARK not in (query.data or ""):  # forged: every real one is signed
        await query.answer(texts.NOT_YOUR_BUTTON, show_alert=True)
        return
    day = date.fromisoformat(button_data(update).removeprefix("gdone:"))
    async with context.db() as db:
        user = await current_user(db, update)
        workout = await open_session(db, user, day)
        logged = {entry.exercise for entry in await entries_of(db, workout.id)}
        kit = kit_for(user)
        # "As prescribed" means the prescription's reps with the block's planned reserve.
        rir = BLOCKS_BY_KEY[workout.block].target_rir if workout.block in BLOCKS_BY_KEY else 3
        stored, needs_calibration = [], False
        for lift in workout.prescription["lifts"]:
            exercise = EXERCISES[lift["exercise"]]
            if lift["exercise"] in logged:
                continue
            if lift["weight_kg"] is None:
                needs_calibration = True
                continue
            weight = kit.from_kg(exercise, lift["weight_kg"])
            sets = [SetEntry(weight, lift["reps"], kit.unit)] * lift["sets"]
            source = (update.effective_chat.id, update.update_id, query.message.message_id)
            await record_exercise(db, user, workout, exercise, sets, rir, source)
            stored.append(exercise.name)
    if not stored:
        await query.answer(texts.ALREADY_LOGGED_TODAY, show_alert=True)
        return
    await query.answer()
    text = texts.group_done(user.first_name, ", ".join(stored))
    if needs_calibration:
        text += "\n" + texts.CALIBRATE_FIRST
    await reply(update, text)
