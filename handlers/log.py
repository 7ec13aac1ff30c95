"""/log: report what was lifted, one exercise at a time, and see the next loads.

    /log ─┬─ (check-in from /today's "Start logging": soreness → key run tomorrow, asked only
          │    when the runner's week does not tell it)
          └─ PICK exercise ─┬─ SETS (typed, or "done as prescribed") ─ [CONFIRM a big jump]
                            │    └─ RIR (buttons) ─ stored ─ back to PICK
                            └─ CALIBRATE (set after set) ─ stored ─ back to PICK
    /log squat 60x8 60x8 rir2 stores at once; /done finishes; /cancel leaves.

What the conversation is in the middle of is the runner's `LogDraft`, so a restart resumes it;
whenever the conversation ends (done, cancelled, another command, timed out) the draft goes
too. Each exercise is committed before the reply that confirms it. The draft is the runner's,
while PTB keeps a conversation per chat and runner: a /log in a group and one in private share
(and end) one draft.
"""

from __future__ import annotations

import warnings
from datetime import timedelta

from telegram import Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.context import RunLiftContext
from bot.crash import crash_point
from coaching import (
    EXERCISES,
    Exercise,
    InputError,
    LogDraft,
    SetEntry,
    find_exercise,
    suggest_exercises,
)
from coaching.calibration import TARGET_REPS as CALIBRATION_REPS
from coaching.parsing import MAX_WEIGHT, parse_log_date, parse_logged_sets, parse_rir
from handlers import corrections
from handlers.blocks import offer_buttons
from handlers.common import (
    Buttons,
    Conversation,
    StaleButton,
    ask_for_text,
    button_data,
    is_private,
    one_per_row,
    reply,
    send_numbers,
    set_up_runner,
    source_of,
    step_aside,
    typed_text,
)
from render import blocks as block_texts
from render import training as texts
from render.common import NO, YES, load
from render.exercises import exercise_name
from services.training import CALIBRATED, Logged

CHECKIN_SORE, CHECKIN_RUN, PICK, SETS, RIR, CONFIRM, CALIBRATE, REOPEN = (
    "checkin_sore", "checkin_run", "pick", "sets", "rir", "confirm", "calibrate", "reopen",
)  # fmt: skip
END = Conversation.END
TEXT = filters.TEXT & ~filters.COMMAND
RIR_BUTTONS = [[(str(n), f"rir:{n}") for n in range(5)] + [("5+", "rir:5")]]
State = str | int
LOG_TIMEOUT_HOURS = 3


def _end(context: RunLiftContext) -> int:
    """End the conversation and its draft together."""
    context.services.training.end_log()
    return END


async def _workout(context: RunLiftContext):
    """The session being logged: the draft's day, or today."""
    return await context.services.training.open_session(context.services.training.draft().day)


# --- prompts -----------------------------------------------------------------------------------


async def _ask_pick(update: Update, context: RunLiftContext, workout) -> State:
    lifts = await context.services.training.lifts_to_pick(workout)
    buttons = [
        (texts.pick_button(exercise_name(exercise), logged), f"log:{exercise.key}")
        for exercise, logged in lifts
    ]
    hint = "" if is_private(update) else texts.REPLY_HINT
    await reply(update, texts.PICK_EXERCISE + hint, one_per_row(buttons))
    return PICK


async def _choose(update: Update, context: RunLiftContext, workout, exercise: Exercise) -> State:
    """An exercise picked: ask for its sets, or start calibrating it."""
    training = context.services.training
    draft = training.draft()
    if await training.needs_calibration(workout, exercise):
        weight = await training.calibration_start(exercise)
        training.save_draft(draft.calibrating(exercise.key, (), weight, 1))
        return await _ask_calibration(update, context, exercise, 1, weight)
    training.save_draft(draft.with_sets(exercise.key, (), None))
    kit = context.services.profile.kit()
    planned = next((x for x in training.view(workout).lifts if x.exercise == exercise), None)
    shown = None
    if planned is not None and planned.weight is not None:
        shown = texts.prescribed(planned, kit)
    buttons = [[(texts.AS_PRESCRIBED, "log:prescribed")]] if shown else None
    here = await context.services.groups.numbers_here(update.effective_chat.id, is_private(update))
    await ask_for_text(update, texts.ask_sets(exercise_name(exercise), shown if here else None),
                       buttons)  # fmt: skip
    return SETS


async def _ask_calibration(
    update: Update, context: RunLiftContext, exercise: Exercise, step: int, weight: float
) -> State:
    shown = load(context.services.profile.kit(), exercise, weight)
    buttons = [*RIR_BUTTONS, [(texts.COULD_NOT_FINISH, "rir:fail")]]
    prompt = texts.calibration_prompt(exercise_name(exercise), step, shown, CALIBRATION_REPS)
    # The weight is a number: private unless the member shares (the buttons stay here).
    await send_numbers(update, context, prompt, group_buttons=buttons)
    return CALIBRATE


# --- storing -----------------------------------------------------------------------------------


async def _store(
    update: Update,
    context: RunLiftContext,
    workout,
    exercise: Exercise,
    sets: list[SetEntry],
    rir: int | None,
) -> State:
    """Commit one exercise, then confirm it with the next loads."""
    training = context.services.training
    logged = await training.record_exercise(workout, exercise, sets, rir, source_of(update))
    if training.logging():
        training.save_draft(training.draft().picking())
    await context.services.commit()  # stored before the reply says so
    crash_point("after_log_commit")
    # A one-line /log ends here: no buttons that only an open /log would answer.
    return await _confirm(update, context, workout, logged, onwards=training.logging())


async def _confirm(
    update: Update, context: RunLiftContext, workout, logged: Logged, onwards: bool = True
) -> State:
    if logged.duplicate:
        await reply(update, texts.ALREADY_STORED)
        return PICK
    kit = context.services.profile.kit()
    text = texts.logged(logged.done, logged.records, kit)
    if logged.finished:
        await _send_summary(update, context, workout, text + "\n\n")
        return _end(context)
    # A rest timer only between sets of today's session, not for a day logged afterwards.
    live = workout.local_date == context.services.profile.today()
    rest = [[(texts.REST_BUTTON, "rest:start")]] if live else []
    more = [[(texts.NEXT_EXERCISE, "log:next"), (texts.FINISH, "log:finish")]]
    await send_numbers(update, context, text, rest, more if onwards else None)
    return PICK


async def _take_sets(
    update: Update, context: RunLiftContext, workout, exercise: Exercise, text: str
) -> State:
    """Typed sets for an exercise: check, then confirm a big jump, ask the RIR, or store."""
    training = context.services.training
    unit = context.services.profile.unit()
    prescribed = training.prescribed_weight(workout, exercise)
    try:
        sets, rir = parse_logged_sets(text, unit, prescribed, training.lightest_load(exercise))
    except InputError as error:
        training.save_draft(training.draft().with_sets(exercise.key, (), None))
        problem = str(error)
        if problem == "no weight":  # `8 8` or `3x8` with nothing prescribed: ask for it
            await ask_for_text(update, texts.NO_WEIGHT)
        else:
            await ask_for_text(update, texts.bad_sets(unit, MAX_WEIGHT[unit], problem == "effort"))
        return SETS
    jump = await training.implausible(workout, exercise, sets)
    if jump is not None:
        training.save_draft(training.draft().with_sets(exercise.key, tuple(sets), rir))
        await send_numbers(update, context, texts.confirm_jump(*jump, unit), group_buttons=[
            [(texts.CONFIRM_YES, "jump:yes"), (texts.CONFIRM_NO, "jump:no")]])  # fmt: skip
        return CONFIRM
    return await _after_sets(update, context, workout, exercise, sets, rir)


async def _after_sets(
    update: Update,
    context: RunLiftContext,
    workout,
    exercise: Exercise,
    sets: list[SetEntry],
    rir: int | None,
) -> State:
    """The sets are known: ask the last set's RIR (keeping them in the draft), or store."""
    if rir is None:
        training = context.services.training
        training.save_draft(training.draft().with_sets(exercise.key, tuple(sets), None))
        await reply(update, texts.ASK_RIR, RIR_BUTTONS)
        return RIR
    return await _store(update, context, workout, exercise, sets, rir)


# --- entry points ------------------------------------------------------------------------------


def _split_exercise(words: list[str], workout) -> tuple[Exercise | None, list[str]]:
    """The longest leading run of words naming an exercise, and the words after it."""
    for length in range(min(4, len(words)), 0, -1):
        exercise = find_exercise(" ".join(words[:length]), _session_lifts(workout))
        if exercise is not None:
            return exercise, words[length:]
    return None, words


def _session_lifts(workout) -> list[Exercise]:
    """The lifts of the session being logged: `press` or `squat` means one of them."""
    return [EXERCISES[lift.exercise] for lift in workout.prescription.lifts]


async def start_log(update: Update, context: RunLiftContext) -> State:
    """/log, /log yesterday, /log squat, /log squat 60x8 60x8 rir2."""
    words = list(context.args or [])
    if await set_up_runner(update, context) is None:
        return END
    training = context.services.training
    today = context.services.profile.today()
    day = today
    if words:
        try:
            day = parse_log_date(words[0], today) or today
        except InputError:
            await reply(update, texts.BAD_LOG_DATE)
            return _end(context)
        if words[0].lower() in ("today", "yesterday") or day != today:
            words = words[1:]
    if day != today:
        await reply(update, texts.logging_for(day))
    workout = await training.open_session(day)
    if workout.status == "done":
        if await training.stored_from(source_of(update)):  # an edit of a /log that was stored
            await reply(update, texts.ALREADY_STORED)
            return _end(context)
        return await _ask_reopen(update, context, workout, words)
    return await _log_words(update, context, workout, words)


async def _ask_reopen(update: Update, context: RunLiftContext, workout, words: list[str]) -> State:
    """A finished session: ask before adding to it, holding what was typed with /log."""
    day = workout.local_date
    context.services.training.save_draft(LogDraft(day, held=" ".join(words)))
    await reply(update, texts.add_to_finished(workout.session_name, day),
                [[(texts.ADD_TO_IT, "reopen:yes"), (texts.LEAVE_IT, "reopen:no")]])  # fmt: skip
    return REOPEN


async def _log_words(update: Update, context: RunLiftContext, workout, words: list[str]) -> State:
    """/log's words after the date: one line stored at once, else the conversation begins."""
    training = context.services.training
    if (clash := await training.clash(workout)) is not None:
        await reply(update, texts.clash_warning(clash, workout.local_date))
    day = workout.local_date
    exercise, rest = _split_exercise(words, workout)
    if exercise is not None and rest:  # one line: stored at once, nothing more to ask
        if day != context.services.profile.today() or training.logging():
            training.save_draft(LogDraft(day))  # no draft reads as today's: write others
        state = await _take_sets(update, context, workout, exercise, " ".join(rest))
        return _end(context) if state == PICK else state
    training.save_draft(LogDraft(day))
    if not words:
        return await _ask_pick(update, context, workout)
    if exercise is None:
        names = [exercise_name(e) for e in suggest_exercises(" ".join(words[:2]))]
        await ask_for_text(update, texts.unknown_exercise(" ".join(words), names))
        return PICK
    return await _choose(update, context, workout, exercise)


async def reopen_answer(update: Update, context: RunLiftContext) -> State:
    """Add to a finished session (what was typed with /log carries on), or leave it."""
    await update.callback_query.answer()
    training = context.services.training
    if button_data(update) != "reopen:yes":
        await reply(update, texts.LEFT_AS_IT_IS)
        return _end(context)
    draft = training.draft()
    workout = await training.open_session(draft.day)
    return await _log_words(update, context, workout, draft.held.split())


async def start_from_today(update: Update, context: RunLiftContext) -> State:
    """The "start logging" button under /today: the optional check-in first, once a session."""
    await update.callback_query.answer()
    if await set_up_runner(update, context) is None:
        return END
    training = context.services.training
    training.save_draft(LogDraft(context.services.profile.today()))
    workout = await _workout(context)
    if workout.status == "done":  # an older /today or reminder button
        return await _ask_reopen(update, context, workout, [])
    if not training.needs_checkin(workout):
        return await _ask_pick(update, context, workout)
    buttons = [[(str(n), f"sore:{n}") for n in range(6)],
               [(str(n), f"sore:{n}") for n in range(6, 11)],
               [(texts.SKIP_CHECKIN, "sore:skip")]]  # fmt: skip
    await reply(update, texts.ASK_SORENESS, buttons)
    return CHECKIN_SORE


# --- state callbacks ---------------------------------------------------------------------------


async def soreness_answer(update: Update, context: RunLiftContext) -> State:
    """Leg soreness tapped (or the check-in skipped)."""
    answer = button_data(update).removeprefix("sore:")
    if answer != "skip" and not (answer.isdigit() and 0 <= int(answer) <= 10):
        raise StaleButton(answer)
    await update.callback_query.answer()
    training = context.services.training
    workout = await _workout(context)
    kit = context.services.profile.kit()
    if answer == "skip":
        trim = training.skip_checkin(workout)
        if trim is not None:  # the week says a key run is tomorrow
            await send_numbers(update, context, texts.checkin_result(trim, kit))
        return await _ask_pick(update, context, workout)
    tomorrow = training.record_soreness(workout, int(answer))
    if tomorrow.known:  # the runner's week tells tomorrow's run: no need to ask
        trim = training.apply_known_run(workout, tomorrow)
        await send_numbers(update, context, texts.checkin_result(trim, kit, tomorrow.run))
        return await _ask_pick(update, context, workout)
    await reply(update, texts.ask_key_run(tomorrow.run),
                [[(YES, "keyrun:yes"), (NO, "keyrun:no")]])  # fmt: skip
    return CHECKIN_RUN


async def key_run_answer(update: Update, context: RunLiftContext) -> State:
    """A key run (quality, long, race) tomorrow? Upper body only if so, and say why."""
    await update.callback_query.answer()
    workout = await _workout(context)
    trim = context.services.training.record_key_run(workout, button_data(update) == "keyrun:yes")
    await send_numbers(update, context, texts.checkin_result(trim, context.services.profile.kit()))
    return await _ask_pick(update, context, workout)


async def pick_button(update: Update, context: RunLiftContext) -> State:
    """An exercise tapped (or Next exercise / Finish)."""
    await update.callback_query.answer()
    choice = button_data(update).removeprefix("log:")
    workout = await _workout(context)
    if choice == "finish":
        return await _finish(update, context, workout)
    if choice == "next" or choice not in EXERCISES:
        return await _ask_pick(update, context, workout)
    return await _choose(update, context, workout, EXERCISES[choice])


async def pick_text(update: Update, context: RunLiftContext) -> State:
    """An exercise typed by name."""
    typed = typed_text(update)
    workout = await _workout(context)
    exercise = find_exercise(typed, _session_lifts(workout))
    if exercise is None:
        names = [exercise_name(e) for e in suggest_exercises(typed)]
        await ask_for_text(update, texts.unknown_exercise(typed, names))
        return PICK
    return await _choose(update, context, workout, exercise)


def _draft_exercise(context: RunLiftContext) -> Exercise | None:
    return EXERCISES.get(context.services.training.draft().exercise or "")


async def typed_sets(update: Update, context: RunLiftContext) -> State:
    """Sets typed for the chosen exercise."""
    workout = await _workout(context)
    exercise = _draft_exercise(context)
    if exercise is None:
        return await _ask_pick(update, context, workout)
    return await _take_sets(update, context, workout, exercise, typed_text(update))


async def as_prescribed(update: Update, context: RunLiftContext) -> State:
    """The "done as prescribed" button: every prescribed set at the prescribed weight."""
    await update.callback_query.answer()
    workout = await _workout(context)
    exercise = _draft_exercise(context)
    sets = context.services.training.as_prescribed(workout, exercise) if exercise else []
    if not sets:
        return await _ask_pick(update, context, workout)
    return await _after_sets(update, context, workout, exercise, sets, None)


async def rir_answer(update: Update, context: RunLiftContext, text: str | None = None) -> State:
    """The last set's reps in reserve, tapped or typed: store the exercise."""
    if text is None:
        await update.callback_query.answer()
        text = button_data(update).removeprefix("rir:")
    try:
        rir = parse_rir(text)
    except InputError:
        await reply(update, texts.BAD_RIR, RIR_BUTTONS)
        return RIR
    workout = await _workout(context)
    draft, exercise = context.services.training.draft(), _draft_exercise(context)
    if not draft.sets or exercise is None:
        return await _ask_pick(update, context, workout)
    return await _store(update, context, workout, exercise, list(draft.sets), rir)


async def rir_text(update: Update, context: RunLiftContext) -> State:
    """Reps in reserve typed as text."""
    return await rir_answer(update, context, typed_text(update))


async def confirm_jump(update: Update, context: RunLiftContext) -> State:
    """A weight more than double the last one: store it, or type the sets again."""
    await update.callback_query.answer()
    training = context.services.training
    draft, exercise = training.draft(), _draft_exercise(context)
    workout = await _workout(context)
    if exercise is None:
        return await _ask_pick(update, context, workout)
    if button_data(update) == "jump:no" or not draft.sets:
        training.save_draft(draft.with_sets(exercise.key, (), None))
        await ask_for_text(update, texts.REENTER_SETS)
        return SETS
    return await _after_sets(update, context, workout, exercise, list(draft.sets), draft.rir)


async def calibration_answer(update: Update, context: RunLiftContext) -> State:
    """One calibration set reported by a button: the next, heavier set, or the weight found."""
    answer = button_data(update).removeprefix("rir:")
    if answer != "fail" and not (answer.isdigit() and int(answer) <= 10):
        raise StaleButton(answer)
    await update.callback_query.answer()
    return await _calibration_step(update, context, answer)


async def calibration_text(update: Update, context: RunLiftContext) -> State:
    """The reps in reserve of a calibration set typed (`2`, `5+`, `rir 2`, `@8`) instead of
    tapped; anything else asks again, keeping the sets done so far."""
    try:
        rir = parse_rir(typed_text(update))
    except InputError:
        exercise = _draft_exercise(context)
        draft = context.services.training.draft()
        if exercise is None or draft.calibration_weight is None:
            return await _ask_pick(update, context, await _workout(context))
        await reply(update, texts.BAD_CALIBRATION_ANSWER)
        return await _ask_calibration(update, context, exercise, draft.calibration_step,
                                      draft.calibration_weight)  # fmt: skip
    return await _calibration_step(update, context, str(rir))


async def _calibration_step(update: Update, context: RunLiftContext, answer: str) -> State:
    """`answer`: the reps in reserve, or "fail" (the reps could not all be done)."""
    training = context.services.training
    draft, exercise = training.draft(), _draft_exercise(context)
    if exercise is None or draft.calibration_weight is None:
        return await _ask_pick(update, context, await _workout(context))
    reps, rir = (CALIBRATION_REPS - 1, 0) if answer == "fail" else (CALIBRATION_REPS, int(answer))
    after, result = training.calibration_set(exercise, draft, reps, rir)
    if not result.done:
        training.save_draft(after)
        return await _ask_calibration(update, context, exercise, after.calibration_step,
                                      result.weight)  # fmt: skip
    workout = await _workout(context)
    found = (result.weight, CALIBRATED)
    logged = await training.record_exercise(
        workout, exercise, list(after.sets), rir, source_of(update), calibrated=found
    )
    training.save_draft(draft.picking())
    await context.services.commit()
    kit = context.services.profile.kit()
    shown = load(kit, exercise, result.weight)
    text = texts.calibrated(exercise_name(exercise), shown, result.reason, kit)
    await send_numbers(update, context, text)
    if logged.finished:
        await _send_summary(update, context, workout)
        return _end(context)
    return await _ask_pick(update, context, workout)


async def _finish(update: Update, context: RunLiftContext, workout) -> State:
    training = context.services.training
    if not await training.finish(workout):
        await reply(update, texts.NOTHING_LOGGED)
        return _end(context)
    await _send_summary(update, context, workout)
    return _end(context)


async def _send_summary(
    update: Update, context: RunLiftContext, workout, before: str = "", buttons: Buttons = ()
) -> None:
    """The finished session and the next loads; after steady progress, the next block offered."""
    training = context.services.training
    text = before + texts.session_summary(
        await training.summary(workout), context.services.profile.kit()
    )
    offer = training.block_offer()
    if offer is not None:
        text += "\n\n" + block_texts.block_offer(offer)
        buttons = [*buttons, *offer_buttons(offer)]
    await send_numbers(update, context, text, buttons or None)


async def done(update: Update, context: RunLiftContext) -> State:
    """/done: finish today's session with a summary and the next loads."""
    if await set_up_runner(update, context) is None:
        return END
    return await _finish(update, context, await _workout(context))


async def cancel(update: Update, context: RunLiftContext) -> State:
    """/cancel: leave /log; what was stored stays stored."""
    await reply(update, texts.LOG_CANCELLED)
    return _end(context)


async def timed_out(update: Update, context: RunLiftContext) -> State:
    """Hours without an answer: the conversation ends, and its draft with it."""
    return _end(context)


async def leave_for_other(update: Update, context: RunLiftContext) -> State:
    """Another conversation's command: /log ends (its draft too) and lets it through."""
    context.services.training.end_log()
    return await step_aside(update, context)


def build_log_conversation(other_commands: list[str], other_buttons: str) -> Conversation:
    """/log's steps in one place; commands and buttons (a pattern) that open the other
    conversation end it quietly, so never two conversations answer one message."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBUserWarning)  # buttons per chat and user, on purpose
        return Conversation(
            entry_points=[
                CommandHandler("log", start_log),
                CallbackQueryHandler(start_from_today, pattern=r"^today:log(\|\d+)?$"),
                CommandHandler("done", done),
                CallbackQueryHandler(corrections.ask_corrected_set, pattern=corrections.SET_BUTTON),
            ],
            states={
                CHECKIN_SORE: [CallbackQueryHandler(soreness_answer, pattern=r"^sore:")],
                CHECKIN_RUN: [CallbackQueryHandler(key_run_answer, pattern=r"^keyrun:")],
                PICK: [
                    CallbackQueryHandler(pick_button, pattern=r"^log:"),
                    MessageHandler(TEXT, pick_text),
                ],
                SETS: [
                    MessageHandler(TEXT, typed_sets),
                    CallbackQueryHandler(as_prescribed, pattern=r"^log:prescribed(\|\d+)?$"),
                    CallbackQueryHandler(pick_button, pattern=r"^log:"),
                ],
                RIR: [
                    CallbackQueryHandler(rir_answer, pattern=r"^rir:\d+(\|\d+)?$"),
                    MessageHandler(TEXT, rir_text),
                ],
                CONFIRM: [CallbackQueryHandler(confirm_jump, pattern=r"^jump:")],
                REOPEN: [CallbackQueryHandler(reopen_answer, pattern=r"^reopen:")],
                corrections.CORRECT: [MessageHandler(TEXT, corrections.corrected_set)],
                CALIBRATE: [
                    CallbackQueryHandler(calibration_answer, pattern=r"^rir:"),
                    MessageHandler(TEXT, calibration_text),
                ],
                Conversation.TIMEOUT: [TypeHandler(Update, timed_out)],
            },
            fallbacks=[
                CommandHandler("done", done),
                CommandHandler("cancel", cancel),
                CommandHandler(other_commands, leave_for_other),
                CallbackQueryHandler(leave_for_other, pattern=other_buttons),
            ],
            name="log",
            persistent=True,
            allow_reentry=True,
            # A session is over in an hour or so: later text is no longer an answer to /log.
            conversation_timeout=timedelta(hours=LOG_TIMEOUT_HOURS),
        )
