"""/log: report what was lifted, one exercise at a time, and see the next loads.

    /log ─┬─ (check-in from /today's "Start logging": soreness → key run tomorrow)
          └─ PICK exercise ─┬─ SETS (typed, or "done as prescribed") ─ [CONFIRM a big jump]
                            │    └─ RIR (buttons) ─ stored ─ back to PICK
                            └─ CALIBRATE (set after set) ─ stored ─ back to PICK
    /log squat 60x8 60x8 rir2 stores at once; /done finishes; /cancel leaves.

What the conversation is in the middle of lives in the runner's `log_draft`, so a restart
resumes it. Each exercise is committed before the reply that confirms it.
"""

from __future__ import annotations

import warnings
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.context import RunLiftContext
from coaching import (
    EXERCISES,
    Exercise,
    InputError,
    SetEntry,
    Unit,
    calibration_next,
    convert,
    find_exercise,
    format_weight,
    suggest_exercises,
)
from coaching.parsing import MAX_WEIGHT, parse_log_date, parse_logged_sets, parse_rir
from coaching.progression import implausible_jump
from coaching.readiness import readiness
from handlers import texts
from handlers.common import (
    Conversation,
    ask_for_text,
    button_data,
    current_user,
    is_private,
    one_per_row,
    reply,
    set_up_runner,
    step_aside,
    typed_text,
)
from handlers.groups import numbers_here, send_numbers
from handlers.today import day_text
from models import LiftState, User, WorkoutSession
from models.profile import kit_for, unit_of, week_of
from models.training_queries import entries_of, last_set, sets_of
from models.workouts import (
    Logged,
    calibration_weight,
    finish_session,
    local_today,
    open_session,
    planned_lift,
    record_exercise,
    sets_text,
)

CHECKIN_SORE, CHECKIN_RUN, PICK, SETS, RIR, CONFIRM, CALIBRATE = (
    "checkin_sore", "checkin_run", "pick", "sets", "rir", "confirm", "calibrate",
)  # fmt: skip
END = Conversation.END
TEXT = filters.TEXT & ~filters.COMMAND
RIR_BUTTONS = [[(str(n), f"rir:{n}") for n in range(5)] + [("5+", "rir:5")]]
State = str | int
LOG_TIMEOUT_HOURS = 3

# --- the draft ---------------------------------------------------------------------------------


def _draft(user: User) -> dict:
    return dict(user.log_draft or {})


def _update_draft(user: User, **changes: object) -> dict:
    draft = {**_draft(user), **changes}
    user.log_draft = draft  # a new dict, so SQLAlchemy sees the JSON change
    return draft


def _day(user: User, context: RunLiftContext) -> date:
    stored = _draft(user).get("date")
    return date.fromisoformat(stored) if stored else local_today(user, context.now())


async def _workout(db: AsyncSession, user: User, context: RunLiftContext) -> WorkoutSession:
    """The session being logged: the draft's day, or today."""
    return await open_session(db, user, _day(user, context))


def _sets_from_draft(draft: dict) -> list[SetEntry]:
    return [SetEntry(w, r, Unit(u)) for w, r, u in draft.get("sets") or []]


# --- prompts -----------------------------------------------------------------------------------


async def _ask_pick(update: Update, db: AsyncSession, user: User, workout: WorkoutSession) -> State:
    logged = {entry.exercise for entry in await entries_of(db, workout.id)}
    buttons = [
        (("✅ " if lift["exercise"] in logged else "") + EXERCISES[lift["exercise"]].name,
         f"log:{lift['exercise']}")
        for lift in workout.prescription["lifts"]
    ]  # fmt: skip
    hint = "" if is_private(update) else texts.REPLY_HINT
    await reply(update, texts.PICK_EXERCISE + hint, one_per_row(buttons))
    return PICK


def _prescribed_text(user: User, planned: dict | None, exercise: Exercise) -> str | None:
    if planned is None or planned["weight_kg"] is None:
        return None
    kit = kit_for(user)
    weight = kit.from_kg(exercise, planned["weight_kg"])
    return f"{planned['sets']} × {planned['reps']} at {kit.describe(exercise, weight)}"


async def _choose(
    update: Update, db: AsyncSession, user: User, workout: WorkoutSession, exercise: Exercise
) -> State:
    """An exercise picked: ask for its sets, or start calibrating it."""
    planned = planned_lift(workout, exercise.key)
    state = await db.get(LiftState, (user.id, exercise.key))
    no_weight = state is None or state.working_weight_kg is None
    if no_weight and (planned is None or planned["weight_kg"] is None):
        weight = calibration_weight(user, exercise)
        _update_draft(user, exercise=exercise.key, sets=[], cal_weight=weight, cal_step=1)
        return await _ask_calibration(update, user, exercise, 1, weight)
    _update_draft(user, exercise=exercise.key, sets=None, rir=None)
    prescribed = _prescribed_text(user, planned, exercise)
    buttons = [[(texts.AS_PRESCRIBED, "log:prescribed")]] if prescribed else None
    shown = prescribed if await numbers_here(update, db, user) else None
    await ask_for_text(update, texts.ask_sets(exercise.name, shown), buttons)
    return SETS


async def _ask_calibration(
    update: Update, user: User, exercise: Exercise, step: int, weight: float
) -> State:
    shown = kit_for(user).describe(exercise, weight)
    buttons = [*RIR_BUTTONS, [(texts.COULD_NOT_FINISH, "rir:fail")]]
    await reply(update, texts.calibration_prompt(exercise.name, step, shown, 8), buttons)
    return CALIBRATE


# --- storing -----------------------------------------------------------------------------------


def _source(update: Update) -> tuple[int, int, int | None]:
    message = update.effective_message
    return update.effective_chat.id, update.update_id, message.message_id if message else None


async def _store(
    update: Update,
    db: AsyncSession,
    user: User,
    workout: WorkoutSession,
    exercise: Exercise,
    sets: list[SetEntry],
    rir: int | None,
) -> State:
    """Commit one exercise, then confirm it with the next loads."""
    logged = await record_exercise(db, user, workout, exercise, sets, rir, _source(update))
    if _draft(user).get("exercise"):
        _update_draft(user, exercise=None, sets=None, rir=None)
    await db.commit()  # stored before the reply says so
    return await _confirm(update, db, user, workout, exercise, logged)


async def _confirm(
    update: Update,
    db: AsyncSession,
    user: User,
    workout: WorkoutSession,
    exercise: Exercise,
    logged: Logged,
) -> State:
    if logged.duplicate:
        await reply(update, texts.ALREADY_STORED)
        return PICK
    kit = kit_for(user)
    next_weight = kit.from_kg(exercise, logged.entry.next_weight_kg)
    text = texts.logged(exercise.name, sets_text(logged.sets), logged.entry.rir,
                        kit.describe(exercise, next_weight), logged.entry.reason)  # fmt: skip
    for record in logged.records:
        shown = f"{exercise.name} {format_weight(record.weight, kit.unit)} × {record.reps}"
        text += "\n" + texts.record_line(record.kind, shown)
    rest = [[(texts.REST_BUTTON, "rest:start")]]
    if logged.finished:
        await send_numbers(
            update, db, user, text + "\n\n" + await _summary(db, user, workout), rest
        )
        return END
    onwards = [[(texts.NEXT_EXERCISE, "log:next"), (texts.FINISH, "log:finish")]]
    await send_numbers(update, db, user, text, rest, onwards)
    return PICK


async def _summary(db: AsyncSession, user: User, workout: WorkoutSession) -> str:
    kit = kit_for(user)
    done, upcoming = [], []
    for entry in await entries_of(db, workout.id):
        exercise = EXERCISES[entry.exercise]
        sets = [SetEntry(s.weight, s.reps, Unit(s.unit)) for s in await sets_of(db, entry.id)]
        effort = f", {entry.rir} in reserve" if entry.rir is not None else ""
        done.append(f"{exercise.name} {sets_text(sets)}{effort}")
        weight = kit.from_kg(exercise, entry.next_weight_kg)
        upcoming.append(f"{exercise.name}: {kit.describe(exercise, weight)} ({entry.reason})")
    return texts.session_summary(workout.session_name, day_text(workout.local_date), done,
                                 upcoming)  # fmt: skip


async def _take_sets(
    update: Update,
    db: AsyncSession,
    user: User,
    workout: WorkoutSession,
    exercise: Exercise,
    text: str,
) -> State:
    """Typed sets for an exercise: check, then confirm a big jump, ask the RIR, or store."""
    unit = unit_of(user)
    planned = planned_lift(workout, exercise.key)
    kit = kit_for(user)
    prescribed = None
    if planned is not None and planned["weight_kg"] is not None:
        prescribed = kit.from_kg(exercise, planned["weight_kg"])
    try:
        sets, rir = parse_logged_sets(text, unit, prescribed)
    except InputError:
        _update_draft(user, exercise=exercise.key, sets=None, rir=None)
        await ask_for_text(update, texts.bad_sets(unit.value, int(MAX_WEIGHT[unit])))
        return SETS
    last = await last_set(db, user.id, exercise.key)
    reference = convert(last.weight, Unit(last.unit), unit) if last else prescribed
    weights = [s.weight for s in sets]
    if implausible_jump(weights, reference):
        _update_draft(user, exercise=exercise.key, sets=_draft_sets(sets), rir=rir)
        shown = format_weight(max(weights), unit)
        await reply(update, texts.confirm_jump(shown, format_weight(reference, unit)),
                    [[(texts.CONFIRM_YES, "jump:yes"), (texts.CONFIRM_NO, "jump:no")]])  # fmt: skip
        return CONFIRM
    return await _after_sets(update, db, user, workout, exercise, sets, rir)


def _draft_sets(sets: list[SetEntry]) -> list[list]:
    return [[s.weight, s.reps, s.unit.value] for s in sets]


async def _after_sets(
    update: Update,
    db: AsyncSession,
    user: User,
    workout: WorkoutSession,
    exercise: Exercise,
    sets: list[SetEntry],
    rir: int | None,
) -> State:
    """The sets are known: ask the last set's RIR (keeping them in the draft), or store."""
    if rir is None:
        _update_draft(user, exercise=exercise.key, sets=_draft_sets(sets), rir=None)
        await reply(update, texts.ASK_RIR, RIR_BUTTONS)
        return RIR
    return await _store(update, db, user, workout, exercise, sets, rir)


# --- entry points ------------------------------------------------------------------------------


def _split_exercise(words: list[str]) -> tuple[Exercise | None, list[str]]:
    """The longest leading run of words naming an exercise, and the words after it."""
    for length in range(min(4, len(words)), 0, -1):
        exercise = find_exercise(" ".join(words[:length]))
        if exercise is not None:
            return exercise, words[length:]
    return None, words


async def start_log(update: Update, context: RunLiftContext) -> State:
    """/log, /log yesterday, /log squat, /log squat 60x8 60x8 rir2."""
    words = list(context.args or [])
    async with context.db() as db:
        user = await set_up_runner(db, update)
        if user is None:
            return END
        today = local_today(user, context.now())
        day = today
        if words:
            try:
                day = parse_log_date(words[0], today) or today
            except InputError:
                await reply(update, texts.BAD_LOG_DATE)
                return END
            if words[0].lower() in ("today", "yesterday") or day != today:
                words = words[1:]
        if user.log_draft != {"date": day.isoformat()}:  # a fresh draft, written only if new
            user.log_draft = {"date": day.isoformat()}
        if day != today:
            await reply(update, texts.logging_for(day_text(day)))
        workout = await open_session(db, user, day)
        if not words:
            return await _ask_pick(update, db, user, workout)
        exercise, rest = _split_exercise(words)
        if exercise is None:
            names = [e.name for e in suggest_exercises(" ".join(words[:2]))]
            await ask_for_text(update, texts.unknown_exercise(" ".join(words), names))
            return PICK
        if not rest:
            return await _choose(update, db, user, workout, exercise)
        state = await _take_sets(update, db, user, workout, exercise, " ".join(rest))
        return END if state == PICK else state  # stored at once: nothing more to ask


async def start_from_today(update: Update, context: RunLiftContext) -> State:
    """The "start logging" button under /today: the optional check-in first, once a session."""
    await update.callback_query.answer()
    async with context.db() as db:
        user = await set_up_runner(db, update)
        if user is None:
            return END
        day = local_today(user, context.now())
        user.log_draft = {"date": day.isoformat()}
        workout = await open_session(db, user, day)
        if "checkin" in workout.prescription:
            return await _ask_pick(update, db, user, workout)
        buttons = [[(str(n), f"sore:{n}") for n in range(6)],
                   [(str(n), f"sore:{n}") for n in range(6, 11)],
                   [(texts.SKIP_CHECKIN, "sore:skip")]]  # fmt: skip
        await reply(update, texts.ASK_SORENESS, buttons)
        return CHECKIN_SORE


# --- state callbacks ---------------------------------------------------------------------------


async def soreness_answer(update: Update, context: RunLiftContext) -> State:
    """Leg soreness tapped (or the check-in skipped)."""
    await update.callback_query.answer()
    answer = button_data(update).removeprefix("sore:")
    async with context.db() as db:
        user = await current_user(db, update)
        workout = await _workout(db, user, context)
        if answer == "skip":
            workout.prescription = {**workout.prescription, "checkin": "skipped"}
            return await _ask_pick(update, db, user, workout)
        workout.soreness = int(answer)
        tomorrow = week_of(user).get((workout.local_date.weekday() + 1) % 7)
        await reply(update, texts.ask_key_run(tomorrow.value if tomorrow else "rest"),
                    [[(texts.YES, "keyrun:yes"), (texts.NO, "keyrun:no")]])  # fmt: skip
        return CHECKIN_RUN


async def key_run_answer(update: Update, context: RunLiftContext) -> State:
    """Quality or long run tomorrow? Trim today's session if needed and say why."""
    await update.callback_query.answer()
    async with context.db() as db:
        user = await current_user(db, update)
        workout = await _workout(db, user, context)
        workout.key_run_tomorrow = button_data(update) == "keyrun:yes"
        ready = readiness(workout.soreness, workout.key_run_tomorrow)
        prescription = {**workout.prescription, "checkin": "done"}
        if ready.sets_per_lift is not None:
            prescription["lifts"] = [
                {**lift, "sets": min(lift["sets"], ready.sets_per_lift)}
                for lift in prescription["lifts"]
            ]
            prescription["note"] = ready.reason
        workout.prescription = prescription
        await reply(update, ready.reason or texts.AS_PLANNED)
        return await _ask_pick(update, db, user, workout)


async def pick_button(update: Update, context: RunLiftContext) -> State:
    """An exercise tapped (or Next exercise / Finish)."""
    await update.callback_query.answer()
    choice = button_data(update).removeprefix("log:")
    async with context.db() as db:
        user = await current_user(db, update)
        workout = await _workout(db, user, context)
        if choice == "finish":
            return await _finish(update, db, user, workout)
        if choice == "next" or choice not in EXERCISES:
            return await _ask_pick(update, db, user, workout)
        return await _choose(update, db, user, workout, EXERCISES[choice])


async def pick_text(update: Update, context: RunLiftContext) -> State:
    """An exercise typed by name."""
    typed = typed_text(update)
    async with context.db() as db:
        user = await current_user(db, update)
        exercise = find_exercise(typed)
        if exercise is None:
            names = [e.name for e in suggest_exercises(typed)]
            await ask_for_text(update, texts.unknown_exercise(typed, names))
            return PICK
        workout = await _workout(db, user, context)
        return await _choose(update, db, user, workout, exercise)


async def typed_sets(update: Update, context: RunLiftContext) -> State:
    """Sets typed for the chosen exercise."""
    async with context.db() as db:
        user = await current_user(db, update)
        workout = await _workout(db, user, context)
        exercise = EXERCISES.get(_draft(user).get("exercise") or "")
        if exercise is None:
            return await _ask_pick(update, db, user, workout)
        return await _take_sets(update, db, user, workout, exercise, typed_text(update))


async def as_prescribed(update: Update, context: RunLiftContext) -> State:
    """The "done as prescribed" button: every prescribed set at the prescribed weight."""
    await update.callback_query.answer()
    async with context.db() as db:
        user = await current_user(db, update)
        draft = _draft(user)
        workout = await _workout(db, user, context)
        planned = planned_lift(workout, draft.get("exercise") or "")
        if planned is None or planned["weight_kg"] is None:
            return await _ask_pick(update, db, user, workout)
        exercise = EXERCISES[planned["exercise"]]
        kit = kit_for(user)
        weight = kit.from_kg(exercise, planned["weight_kg"])
        sets = [SetEntry(weight, planned["reps"], kit.unit)] * planned["sets"]
        return await _after_sets(update, db, user, workout, exercise, sets, None)


async def rir_answer(update: Update, context: RunLiftContext, text: str | None = None) -> State:
    """The last set's reps in reserve, tapped or typed: store the exercise."""
    if text is None:
        await update.callback_query.answer()
        text = button_data(update).removeprefix("rir:")
    async with context.db() as db:
        user = await current_user(db, update)
        try:
            rir = parse_rir(text)
        except InputError:
            await reply(update, texts.BAD_RIR, RIR_BUTTONS)
            return RIR
        workout = await _workout(db, user, context)
        draft = _draft(user)
        if not draft.get("sets") or draft.get("exercise") not in EXERCISES:
            return await _ask_pick(update, db, user, workout)
        exercise = EXERCISES[draft["exercise"]]
        return await _store(update, db, user, workout, exercise, _sets_from_draft(draft), rir)


async def rir_text(update: Update, context: RunLiftContext) -> State:
    """Reps in reserve typed as text."""
    return await rir_answer(update, context, typed_text(update))


async def confirm_jump(update: Update, context: RunLiftContext) -> State:
    """A weight more than double the last one: store it, or type the sets again."""
    await update.callback_query.answer()
    async with context.db() as db:
        user = await current_user(db, update)
        draft = _draft(user)
        if draft.get("exercise") not in EXERCISES:
            return await _ask_pick(update, db, user, await _workout(db, user, context))
        if button_data(update) == "jump:no" or not draft.get("sets"):
            _update_draft(user, sets=None, rir=None)
            await ask_for_text(update, texts.REENTER_SETS)
            return SETS
        workout = await _workout(db, user, context)
        exercise = EXERCISES[draft["exercise"]]
        sets = _sets_from_draft(draft)
        return await _after_sets(update, db, user, workout, exercise, sets, draft.get("rir"))


async def calibration_answer(update: Update, context: RunLiftContext) -> State:
    """One calibration set reported: the next, heavier set, or the working weight found."""
    await update.callback_query.answer()
    answer = button_data(update).removeprefix("rir:")
    async with context.db() as db:
        user = await current_user(db, update)
        draft = _draft(user)
        exercise = EXERCISES.get(draft.get("exercise") or "")
        if exercise is None or "cal_weight" not in draft:
            return await _ask_pick(update, db, user, await _workout(db, user, context))
        weight, step = draft["cal_weight"], draft["cal_step"]
        reps, rir = (7, 0) if answer == "fail" else (8, int(answer))
        kit = kit_for(user)
        sets = [*(draft.get("sets") or []), [weight, reps, kit.unit.value]]
        result = calibration_next(exercise, kit, weight, reps, rir, step - 1)
        if not result.done:
            _update_draft(user, sets=sets, cal_weight=result.weight, cal_step=step + 1)
            return await _ask_calibration(update, user, exercise, step + 1, result.weight)
        workout = await _workout(db, user, context)
        entries = [SetEntry(w, r, Unit(u)) for w, r, u in sets]
        logged = await record_exercise(db, user, workout, exercise, entries, rir, _source(update),
                                       calibrated_weight=result.weight)  # fmt: skip
        _update_draft(user, exercise=None, sets=None, cal_weight=None, cal_step=None)
        await db.commit()
        shown = kit.describe(exercise, result.weight)
        await send_numbers(update, db, user, texts.calibrated(exercise.name, shown, result.reason))
        if logged.finished:
            await reply(update, await _summary(db, user, workout))
            return END
        return await _ask_pick(update, db, user, workout)


async def _finish(update: Update, db: AsyncSession, user: User, workout: WorkoutSession) -> State:
    if not await entries_of(db, workout.id):
        await reply(update, texts.NOTHING_LOGGED)
        return END
    await finish_session(db, user, workout)
    user.log_draft = None
    await send_numbers(update, db, user, await _summary(db, user, workout))
    return END


async def done(update: Update, context: RunLiftContext) -> State:
    """/done: finish today's session with a summary and the next loads."""
    async with context.db() as db:
        user = await set_up_runner(db, update)
        if user is None:
            return END
        return await _finish(update, db, user, await _workout(db, user, context))


async def cancel(update: Update, context: RunLiftContext) -> State:
    """/cancel: leave /log; what was stored stays stored."""
    async with context.db() as db:
        user = await current_user(db, update)
        user.log_draft = None
    await reply(update, texts.CANCELLED)
    return END


def build_log_conversation(other_commands: list[str]) -> Conversation:
    """/log's steps in one place; commands of other conversations end it quietly."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBUserWarning)  # buttons per chat and user, on purpose
        return Conversation(
            entry_points=[
                CommandHandler("log", start_log),
                CallbackQueryHandler(start_from_today, pattern=r"^today:log(\|\d+)?$"),
                CommandHandler("done", done),
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
                CALIBRATE: [CallbackQueryHandler(calibration_answer, pattern=r"^rir:")],
            },
            fallbacks=[
                CommandHandler("done", done),
                CommandHandler("cancel", cancel),
                CommandHandler(other_commands, step_aside),
                CallbackQueryHandler(step_aside, pattern=r"^(set|setload):"),
            ],
            name="log",
            persistent=True,
            allow_reentry=True,
            # A session is over in an hour or so: later text is no longer an answer to /log.
            conversation_timeout=timedelta(hours=LOG_TIMEOUT_HOURS),
        )
