"""Onboarding and settings: one conversation, each step a small function.

`/start` walks a new runner through six steps; `/settings` (or `/start` again) shows the profile
with a button per part; `/units kg`, `/timezone Europe/Berlin`, `/rundays ...`, `/remind 07:30`
and `/equipment dumbbells` set a part directly. Every answer is stored as soon as it is given,
and the conversation state is persisted, so a restart continues where the runner was.
"""

from __future__ import annotations

import functools
import warnings

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.context import RunLiftContext
from coaching import DAY_NAMES, EXERCISES, Exercise, InputError, convert, start_load_from_set, to_kg
from coaching.parsing import MAX_WEIGHT, parse_recent_set, parse_run_week, parse_time
from coaching.timezones import POPULAR, resolve_timezone
from handlers import texts
from handlers.common import (
    Buttons,
    Conversation,
    button_data,
    current_user,
    is_private,
    keyboard,
    one_per_row,
    reply,
    step_aside,
    typed_text,
)
from handlers.groups import join_from_link
from handlers.profile import load_lines, summary
from models import User
from models.profile import kit_for, lift_days_of, missing_lifts, unit_of
from models.queries import lift_states, run_week, set_lift_state, set_run_week
from scheduler.planning import replan

# Conversation states. A starting load being changed from /settings is "load:<exercise key>".
UNITS, TIMEZONE, WEEK, REMIND, EQUIPMENT, LOADS = (
    "units", "timezone", "week", "remind", "equipment", "loads",
)  # fmt: skip
END = Conversation.END
COMMAND_STEPS = {"units": UNITS, "timezone": TIMEZONE, "rundays": WEEK, "remind": REMIND,
                 "equipment": EQUIPMENT}  # fmt: skip
_CYCLE = ("rest", "easy", "quality", "long")
TEXT = filters.TEXT & ~filters.COMMAND
State = str | int


# --- prompts ---------------------------------------------------------------------------------


def _week_buttons(week: dict[int, str]) -> Buttons:
    rows = [[(f"{DAY_NAMES[d]}: {week.get(d, 'rest')}", f"week:{d}")] for d in range(7)]
    return [*rows, [(texts.WEEK_DONE, "week:done")]]


def _settings_buttons() -> Buttons:
    pairs = [(label, f"set:{part}") for label, part in texts.SETTINGS_BUTTONS]
    return [pairs[i : i + 2] for i in range(0, len(pairs), 2)]


def _calibrate_buttons(all_too: bool) -> Buttons:
    rows = [[(texts.CALIBRATE_ONE, "loads:one")]]
    return [*rows, [(texts.CALIBRATE_ALL, "loads:all")]] if all_too else rows


async def ask(step: str, update: Update, session: AsyncSession, user: User) -> State:
    """Send the prompt for `step`; return it as the conversation's next state."""
    if step == UNITS:
        buttons = [[(label, f"units:{value}") for label, value in texts.UNITS_BUTTONS]]
        await reply(update, texts.ASK_UNITS, buttons)
    elif step == TIMEZONE:
        await reply(update, texts.ASK_TIMEZONE, one_per_row((z, f"tz:{z}") for z in POPULAR))
    elif step == WEEK:
        await reply(update, texts.ASK_WEEK, _week_buttons(run_week(user)))
    elif step == REMIND:
        await reply(update, texts.ASK_REMIND, [[(t, f"remind:{t}") for t in texts.REMIND_CHOICES]])
    elif step == EQUIPMENT:
        buttons = one_per_row((label, f"equip:{v}") for label, v in texts.EQUIPMENT_BUTTONS)
        await reply(update, texts.ASK_EQUIPMENT, buttons)
    else:
        return await _ask_next_load(update, session, user)
    return step


async def _ask_next_load(update: Update, session: AsyncSession, user: User) -> State:
    states = await lift_states(session, user.id)
    missing = missing_lifts(user, states)
    if not missing:
        return await _finish(update, session, user)
    exercise, done = missing[0], len(states)
    prompt = texts.ask_load(exercise.name, done + 1, done + len(missing), unit_of(user),
                            per_dumbbell=exercise.dumbbells_held > 0)  # fmt: skip
    await reply(update, prompt, _calibrate_buttons(all_too=True))
    return LOADS


def first_unanswered(user: User, answered: str | None = None) -> str:
    """Where a runner who has not finished set-up carries on: the first step not answered."""
    done = {
        UNITS: user.units is not None,
        TIMEZONE: user.timezone is not None,
        WEEK: user.week_confirmed,
        REMIND: user.reminder_time is not None,
        EQUIPMENT: user.equipment is not None,
    }
    return next((step for step, ok in done.items() if not ok and step != answered), LOADS)


async def _finish(update: Update, session: AsyncSession, user: User) -> int:
    """Show the whole profile; the first time, mark the runner as set up."""
    intro = "" if user.onboarded else texts.ONBOARDED + "\n\n"
    user.onboarded = True
    await replan(session, user)
    states = await lift_states(session, user.id)
    await reply(update, intro + summary(user, states), _settings_buttons())
    return END


async def _next(update: Update, session: AsyncSession, user: User, step: str) -> State:
    """After an answer: back to the profile for a set-up runner, else the next open step."""
    if user.onboarded:
        if step == EQUIPMENT and missing_lifts(user, await lift_states(session, user.id)):
            return await _ask_next_load(update, session, user)
        return await _finish(update, session, user)
    return await ask(first_unanswered(user, answered=step), update, session, user)


# --- applying answers (shared by typed text, buttons and command arguments) -------------------

_UNIT_WORDS = {"kg": "kg", "kgs": "kg", "kilograms": "kg", "lb": "lb", "lbs": "lb", "pounds": "lb"}
_EQUIPMENT_WORDS = {
    "gym": "gym", "full gym": "gym", "barbell": "barbell", "home": "barbell",
    "barbell at home": "barbell", "dumbbells": "dumbbells", "dumbbell": "dumbbells",
    "db": "dumbbells", "dumbbells only": "dumbbells",
}  # fmt: skip


async def _apply(
    session: AsyncSession, step: str, user: User, text: str
) -> tuple[str | None, list[str]]:
    """Store the answer to `step`; or return what was expected (and time-zone suggestions)."""
    error, suggestions = _apply_answer(step, user, text)
    if error is None and step in (TIMEZONE, WEEK, REMIND):
        await replan(session, user)  # the next reminders follow the new week, zone or time
    return error, suggestions


def _apply_answer(step: str, user: User, text: str) -> tuple[str | None, list[str]]:
    words = " ".join(text.lower().split())
    if step == UNITS:
        unit = _UNIT_WORDS.get(words)
        if unit is None:
            return texts.BAD_UNITS, []
        if unit != unit_of(user):  # a custom kit was in the old units: back to the defaults
            user.bar_weight, user.plates, user.dumbbells = None, None, None
        user.units = unit
    elif step == TIMEZONE:
        zone, suggestions = resolve_timezone(text)
        if zone is None:
            return texts.bad_timezone(text, suggestions), suggestions
        user.timezone = zone
    elif step == WEEK:
        try:
            set_run_week(user, parse_run_week(text))
        except InputError as error:
            return texts.bad_week(str(error)), []
        user.week_confirmed = True
    elif step == REMIND:
        try:
            user.reminder_time = parse_time(text).strftime("%H:%M")
        except InputError:
            return texts.BAD_TIME, []
    elif step == EQUIPMENT:
        if words not in _EQUIPMENT_WORDS:
            return texts.BAD_EQUIPMENT, []
        user.equipment = _EQUIPMENT_WORDS[words]
    return None, []


def _describe(user: User, step: str) -> str:
    return {
        UNITS: unit_of(user).value,
        TIMEZONE: user.timezone or "",
        REMIND: f"reminders at {user.reminder_time}",
        EQUIPMENT: texts.EQUIPMENT_NAMES.get(user.equipment or "", ""),
        WEEK: "running week",
    }[step]


async def _reply_error(update: Update, error: str, suggestions: list[str]) -> None:
    buttons = one_per_row((zone, f"tz:{zone}") for zone in suggestions)
    await reply(update, error, buttons or None)


async def _answer(update: Update, context: RunLiftContext, step: str, text: str) -> State:
    """Apply a typed or tapped answer for `step`; on bad input say what was expected and stay."""
    async with context.db() as session:
        user = await current_user(session, update)
        error, suggestions = await _apply(session, step, user, text)
        if error:
            await _reply_error(update, error, suggestions)
            return step
        if step == WEEK:
            await reply(update, texts.lift_days_line(lift_days_of(user)))
        return await _next(update, session, user, step)


# --- entry points ----------------------------------------------------------------------------


async def start(update: Update, context: RunLiftContext) -> State:
    """/start: a new runner begins (or resumes) set-up; a set-up runner sees the profile."""
    async with context.db() as session:
        user = await current_user(session, update)
        payload = context.args[0] if context.args else ""
        if payload.startswith("join_"):  # the deep link from /join in a group
            title = await join_from_link(session, user, payload)
            if title is not None:
                await reply(update, texts.joined_privately(title))
        if user.onboarded:
            states = await lift_states(session, user.id)
            text = texts.welcome_back(user.first_name) + "\n\n" + summary(user, states)
            await reply(update, text, _settings_buttons())
            return END
        step = first_unanswered(user)
        await reply(
            update, texts.welcome(user.first_name) if step == UNITS else texts.CONTINUE_SETUP
        )
        return await ask(step, update, session, user)


async def show_settings(update: Update, context: RunLiftContext) -> State:
    """/settings: the whole profile, a button per part."""
    async with context.db() as session:
        user = await current_user(session, update)
        if not user.onboarded:
            await reply(update, texts.CONTINUE_SETUP)
            return await ask(first_unanswered(user), update, session, user)
        await reply(update, summary(user, await lift_states(session, user.id)), _settings_buttons())
        return END


async def edit_part(update: Update, context: RunLiftContext) -> State:
    """A settings button: ask that part again (for loads, first which lift)."""
    await update.callback_query.answer()
    part = button_data(update).removeprefix("set:")
    async with context.db() as session:
        user = await current_user(session, update)
        if part != LOADS:
            return await ask(
                part if part in COMMAND_STEPS.values() else UNITS, update, session, user
            )
        lines = load_lines(user, await lift_states(session, user.id))
        if not lines:
            return await _ask_next_load(update, session, user)
        buttons = one_per_row(
            (texts.load_button(e.name, text), f"setload:{e.key}") for e, text in lines
        )
        await reply(update, texts.CHOOSE_LOAD, buttons)
        return END


async def edit_load(update: Update, context: RunLiftContext) -> State:
    """A lift chosen from the starting-loads list: ask for a recent set."""
    await update.callback_query.answer()
    exercise = EXERCISES.get(button_data(update).removeprefix("setload:"))
    if exercise is None:
        return END
    async with context.db() as session:
        user = await current_user(session, update)
        prompt = texts.ask_one_load(exercise.name, unit_of(user), exercise.dumbbells_held > 0)
    await reply(update, prompt, _calibrate_buttons(all_too=False))
    return f"load:{exercise.key}"


async def setting_command(update: Update, context: RunLiftContext) -> State:
    """/units kg, /timezone Europe/Berlin, /rundays ..., /remind 07:30, /equipment gym."""
    command = update.effective_message.text.split()[0].lstrip("/").split("@")[0].lower()
    step = COMMAND_STEPS[command]
    async with context.db() as session:
        user = await current_user(session, update)
        if not context.args:
            if is_private(update):
                return await ask(step, update, session, user)
            await reply(update, texts.USAGE[command])
            return END
        error, suggestions = await _apply(session, step, user, " ".join(context.args))
        if error:
            await _reply_error(update, error + "\n" + texts.USAGE[command], suggestions)
            return END
        confirmation = texts.saved(_describe(user, step))
        if step == WEEK:
            confirmation += "\n" + texts.lift_days_line(lift_days_of(user))
        await reply(update, confirmation)
        if user.onboarded or not is_private(update):
            return END
        return await ask(first_unanswered(user, answered=step), update, session, user)


# --- step callbacks --------------------------------------------------------------------------


async def typed_answer(update: Update, context: RunLiftContext, step: str) -> State:
    """An answer typed as text at `step`."""
    return await _answer(update, context, step, typed_text(update))


async def button_answer(update: Update, context: RunLiftContext) -> State:
    """A tapped answer: units:kg, tz:Europe/Berlin, remind:07:30, equip:gym."""
    await update.callback_query.answer()
    prefix, _, value = button_data(update).partition(":")
    step = {"units": UNITS, "tz": TIMEZONE, "remind": REMIND, "equip": EQUIPMENT}[prefix]
    return await _answer(update, context, step, value)


async def week_button(update: Update, context: RunLiftContext) -> State:
    """A weekday tapped (cycle its run type) or Done."""
    query = update.callback_query
    await query.answer()
    choice = button_data(update).removeprefix("week:")
    async with context.db() as session:
        user = await current_user(session, update)
        if choice == "done":
            user.week_confirmed = True
            await replan(session, user)
            await query.edit_message_reply_markup(None)
            await reply(update, texts.lift_days_line(lift_days_of(user)))
            return await _next(update, session, user, WEEK)
        week = run_week(user)
        current = week.get(int(choice), "rest")
        position = _CYCLE.index(current) if current in _CYCLE else -1
        week[int(choice)] = _CYCLE[(position + 1) % len(_CYCLE)]
        set_run_week(user, week)
        await query.edit_message_reply_markup(keyboard(_week_buttons(week)))
        return WEEK


async def _store_load(
    update: Update, session: AsyncSession, user: User, exercise: Exercise
) -> bool:
    """Turn a typed recent set into this lift's starting weight; False (and a reply) if bad."""
    unit = unit_of(user)
    try:
        entry, rir = parse_recent_set(typed_text(update), unit)
        start_load = start_load_from_set(entry.weight, entry.reps, rir)
    except InputError:
        await reply(update, texts.BAD_LOAD.format(max_weight=int(MAX_WEIGHT[unit]), unit=unit))
        return False
    except ValueError:
        await reply(update, texts.LONG_SET)
        return False
    weight = kit_for(user).round(exercise, convert(start_load, entry.unit, unit), down=True)
    reason = f"from your {entry.weight:g} {entry.unit} × {entry.reps}"
    await set_lift_state(session, user.id, exercise.key, to_kg(weight, unit), reason)
    return True


async def load_text(update: Update, context: RunLiftContext) -> State:
    """A recent set for the next lift of set-up (`60x8 rir2`), or `calibrate` (`all`) typed."""
    words = typed_text(update).lower().split()
    async with context.db() as session:
        user = await current_user(session, update)
        missing = missing_lifts(user, await lift_states(session, user.id))
        if words[:1] == ["calibrate"]:
            for exercise in missing if words[1:] == ["all"] else missing[:1]:
                await set_lift_state(session, user.id, exercise.key, None, "calibration")
        elif missing and not await _store_load(update, session, user, missing[0]):
            return LOADS
        return await _ask_next_load(update, session, user)


async def one_load_text(update: Update, context: RunLiftContext, exercise: Exercise) -> State:
    """A recent set for one lift chosen from /settings."""
    async with context.db() as session:
        user = await current_user(session, update)
        if not await _store_load(update, session, user, exercise):
            return f"load:{exercise.key}"
        return await _finish(update, session, user)


async def load_calibrate(update: Update, context: RunLiftContext) -> State:
    """Calibrate the lift being asked (or every remaining one) in the first session."""
    query = update.callback_query
    await query.answer()
    async with context.db() as session:
        user = await current_user(session, update)
        missing = missing_lifts(user, await lift_states(session, user.id))
        for exercise in missing if button_data(update) == "loads:all" else missing[:1]:
            await set_lift_state(session, user.id, exercise.key, None, "calibration")
        return await _ask_next_load(update, session, user)


async def one_load_calibrate(update: Update, context: RunLiftContext, exercise: Exercise) -> State:
    """Calibrate one lift chosen from /settings in the next session."""
    await update.callback_query.answer()
    async with context.db() as session:
        user = await current_user(session, update)
        await set_lift_state(session, user.id, exercise.key, None, "calibration")
        return await _finish(update, session, user)


async def cancel(update: Update, context: RunLiftContext) -> int:
    """/cancel: leave the conversation; answers given so far are kept."""
    await reply(update, texts.CANCELLED)
    return END


def _typed(step: str) -> MessageHandler:
    return MessageHandler(TEXT, functools.partial(typed_answer, step=step))


def _one_load_states() -> dict[str, list]:
    return {
        f"load:{key}": [
            MessageHandler(TEXT, functools.partial(one_load_text, exercise=exercise)),
            CallbackQueryHandler(functools.partial(one_load_calibrate, exercise=exercise),
                                 pattern=r"^loads:"),
        ]
        for key, exercise in EXERCISES.items()
    }  # fmt: skip


def build_setup_conversation(other_commands: list[str]) -> Conversation:
    """The whole set-up flow: entry points, one state per step, /cancel to leave; commands of
    other conversations end it quietly."""
    private = filters.ChatType.PRIVATE
    buttons = CallbackQueryHandler(button_answer, pattern=r"^(units|tz|remind|equip):")
    with warnings.catch_warnings():
        # Buttons are tracked per chat and user on purpose; PTB warns about per_message=False.
        warnings.simplefilter("ignore", PTBUserWarning)
        return Conversation(
            entry_points=[
                CommandHandler("start", start, filters=private),
                CommandHandler("settings", show_settings, filters=private),
                CommandHandler(list(COMMAND_STEPS), setting_command),
                CallbackQueryHandler(edit_part, pattern=r"^set:"),
                CallbackQueryHandler(edit_load, pattern=r"^setload:"),
            ],
            states={
                UNITS: [_typed(UNITS), buttons],
                TIMEZONE: [_typed(TIMEZONE), buttons],
                WEEK: [CallbackQueryHandler(week_button, pattern=r"^week:"), _typed(WEEK)],
                REMIND: [_typed(REMIND), buttons],
                EQUIPMENT: [_typed(EQUIPMENT), buttons],
                LOADS: [
                    MessageHandler(TEXT, load_text),
                    CallbackQueryHandler(load_calibrate, pattern=r"^loads:"),
                ],
                **_one_load_states(),
            },
            fallbacks=[
                CommandHandler("cancel", cancel),
                CommandHandler(other_commands, step_aside),
                CallbackQueryHandler(step_aside, pattern=r"^today:"),
            ],
            name="setup",
            persistent=True,
            allow_reentry=True,
        )
