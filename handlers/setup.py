"""Onboarding and settings: one conversation, each step a small function.

`/start` walks a new runner through six steps; `/settings` (or `/start` again) shows the profile
with a button per part; `/units kg`, `/timezone Europe/Berlin`, `/rundays ...`, `/remind 07:30`
and `/equipment dumbbells` set a part directly. Every answer is stored as soon as it is given,
and the conversation state is persisted, so a restart continues where the runner was.
"""

from __future__ import annotations

import functools
import warnings

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, MessageHandler, filters
from telegram.warnings import PTBUserWarning

from bot.context import RunLiftContext
from coaching import EXERCISES, Exercise
from coaching.parsing import MAX_WEIGHT
from coaching.timezones import POPULAR
from handlers import groups
from handlers import kit as kit_handlers
from handlers.common import (
    Buttons,
    Conversation,
    StaleButton,
    button_data,
    confirm,
    is_private,
    keyboard,
    one_per_row,
    reply,
    step_aside,
    typed_text,
)
from render import common
from render import groups as group_texts
from render import kit as kit_texts
from render import onboarding as texts
from render.exercises import exercise_name
from services.profile import Problem, Refusal, Step

END = Conversation.END
UNITS, TIMEZONE, WEEK, REMIND, EQUIPMENT, LOADS = (step.value for step in Step)
# A starting load being changed from /settings is the state "load:<exercise key>".
COMMAND_STEPS = {"units": Step.UNITS, "timezone": Step.TIMEZONE, "rundays": Step.WEEK,
                 "remind": Step.REMIND, "equipment": Step.EQUIPMENT}  # fmt: skip
TEXT = filters.TEXT & ~filters.COMMAND
# Buttons that open this conversation from an older message: /log steps aside for them.
ENTRY_BUTTONS = r"^(set|setload|kit):"
State = str | int


# --- prompts ---------------------------------------------------------------------------------


def _week_buttons(week: dict[int, str]) -> Buttons:
    rows = [[(texts.week_button(d, week.get(d, "rest")), f"week:{d}")] for d in range(7)]
    return [*rows, [(texts.WEEK_DONE, "week:done")]]


def _settings_buttons() -> Buttons:
    pairs = [(label, f"set:{part}") for label, part in texts.SETTINGS_BUTTONS]
    return [pairs[i : i + 2] for i in range(0, len(pairs), 2)]


def _calibrate_buttons(all_too: bool) -> Buttons:
    rows = [[(texts.CALIBRATE_ONE, "loads:one")]]
    return [*rows, [(texts.CALIBRATE_ALL, "loads:all")]] if all_too else rows


async def ask(step: Step, update: Update, context: RunLiftContext) -> State:
    """Send the prompt for `step`; return it as the conversation's next state."""
    if step is Step.WEEK:
        await reply(update, texts.ASK_WEEK, _week_buttons(context.services.profile.week()))
    elif step is Step.LOADS:
        return await _ask_next_load(update, context)
    else:
        await reply(update, _ASK[step], _answer_buttons(step))
    return step.value


_ASK = {Step.UNITS: texts.ASK_UNITS, Step.TIMEZONE: texts.ASK_TIMEZONE,
        Step.REMIND: texts.ASK_REMIND, Step.EQUIPMENT: texts.ASK_EQUIPMENT}  # fmt: skip


def _answer_buttons(step: Step) -> Buttons:
    """The answers a step offers as buttons (units, time zone, reminder time, equipment)."""
    if step is Step.UNITS:
        return [[(label, f"units:{value}") for label, value in texts.UNITS_BUTTONS]]
    if step is Step.TIMEZONE:
        return one_per_row((zone, f"tz:{zone}") for zone in POPULAR)
    if step is Step.REMIND:
        return [[(t, f"remind:{t}") for t in texts.REMIND_CHOICES]]
    return one_per_row((label, f"equip:{v}") for label, v in texts.EQUIPMENT_BUTTONS)


async def _ask_next_load(update: Update, context: RunLiftContext) -> State:
    profile = context.services.profile
    exercise, index, total = await profile.loads_progress()
    if exercise is None:
        return await _finish(update, context)
    prompt = texts.ask_load(exercise_name(exercise), index, total, profile.unit(),
                            per_dumbbell=exercise.dumbbells_held > 0)  # fmt: skip
    await reply(update, prompt, _calibrate_buttons(all_too=True))
    return LOADS


async def _summary(context: RunLiftContext) -> str:
    profile = context.services.profile
    return texts.profile_summary(await profile.view(), profile.kit())


async def _finish(update: Update, context: RunLiftContext) -> int:
    """Show the whole profile; the first time, mark the runner as set up."""
    first = context.services.profile.finish_setup()
    intro = texts.ONBOARDED + "\n\n" if first else ""
    await confirm(update, context, intro + await _summary(context), _settings_buttons())
    return END


async def _next(update: Update, context: RunLiftContext, step: Step) -> State:
    """After an answer: back to the profile for a set-up runner, else the next open step."""
    profile = context.services.profile
    if context.runner.onboarded:
        await reply(update, texts.saved(step, await profile.view()))  # as a command says it
        if step is Step.EQUIPMENT and await profile.missing_lifts():
            return await _ask_next_load(update, context)
        return await _finish(update, context)
    return await ask(profile.first_unanswered(answered=step), update, context)


# --- answers (typed text, buttons and command arguments) -------------------------------------


def refusal_text(refusal: Refusal, unit) -> str:
    """What was expected, for an answer that could not be used."""
    if refusal.problem is Problem.TIMEZONE:
        return texts.bad_timezone(refusal.typed, refusal.suggestions)
    if refusal.problem is Problem.WEEK:
        return texts.bad_week(refusal.typed)
    if refusal.problem is Problem.LOAD:
        return texts.bad_load(MAX_WEIGHT[unit], unit)
    return {
        Problem.UNITS: texts.BAD_UNITS,
        Problem.TIME: texts.BAD_TIME,
        Problem.EQUIPMENT: texts.BAD_EQUIPMENT,
        Problem.LONG_SET: texts.LONG_SET,
    }[refusal.problem]


async def _refuse(
    update: Update, context: RunLiftContext, refusal: Refusal, buttons: Buttons | None = None
) -> None:
    text = refusal_text(refusal, context.services.profile.unit())
    suggested = one_per_row((zone, f"tz:{zone}") for zone in refusal.suggestions)
    await reply(update, text, suggested or buttons)


async def _refuse_command(
    update: Update, context: RunLiftContext, step: Step, command: str, refusal: Refusal
) -> State:
    """A setting command's value could not be used: one reply saying what was expected. In a
    private chat the step stays open with its buttons, so the answer can simply follow; not
    for the week, where /rundays replaces the whole week but a typed answer in the week
    editor changes only the days typed."""
    if is_private(update) and step is not Step.WEEK:
        await _refuse(update, context, refusal, _answer_buttons(step))
        return step.value
    await reply(update, texts.refused_command(" ".join(context.args), texts.USAGE[command]))
    return END


def _lift_days_line(context: RunLiftContext) -> str:
    profile = context.services.profile
    return texts.lift_days_line(profile.lift_days(), profile.run_week())


async def _answer(update: Update, context: RunLiftContext, step: Step, text: str) -> State:
    """Apply a typed or tapped answer for `step`; on bad input say what was expected and stay."""
    # Typed in the week editor: the days typed change, the days tapped stay.
    refusal = context.services.profile.answer(step, text, only_days_typed=step is Step.WEEK)
    if refusal is not None:
        await _refuse(update, context, refusal)
        return step.value
    if step is Step.WEEK:
        await reply(update, _lift_days_line(context))
    profile = context.services.profile
    if profile.kit_was_reset:
        await reply(update, kit_texts.units_reset_kit(profile.unit()))
    return await _next(update, context, step)


# --- entry points ----------------------------------------------------------------------------


async def start(update: Update, context: RunLiftContext) -> State:
    """/start: a new runner begins (or resumes) set-up; a set-up runner sees the profile."""
    payload = context.args[0] if context.args else ""
    if payload.startswith("join_"):  # the deep link from /join in a group
        title = await context.services.groups.join_from_link(payload)
        if title is not None:
            await reply(update, group_texts.joined_privately(title))
    runner = context.runner
    if runner.onboarded and payload.startswith(groups.RESERVE_PAYLOAD):  # the group's link
        await groups.reserve_from_link(update, context, payload)
        return END
    if runner.onboarded:
        text = texts.welcome_back(runner.first_name) + "\n\n" + await _summary(context)
        await reply(update, text, _settings_buttons())
        return END
    step = context.services.profile.first_unanswered()
    greeting = texts.welcome(runner.first_name) if step is Step.UNITS else texts.CONTINUE_SETUP
    await reply(update, greeting)
    return await ask(step, update, context)


async def show_settings(update: Update, context: RunLiftContext) -> State:
    """/settings: the whole profile, a button per part."""
    if not context.runner.onboarded:
        await reply(update, texts.CONTINUE_SETUP)
        return await ask(context.services.profile.first_unanswered(), update, context)
    await reply(update, await _summary(context), _settings_buttons())
    return END


async def edit_part(update: Update, context: RunLiftContext) -> State:
    """A settings button: ask that part again (for loads, first which lift)."""
    part = button_data(update).removeprefix("set:")
    if part == "kit":
        await update.callback_query.answer()
        return await kit_handlers.show_kit(update, context)
    if part not in set(Step):
        raise StaleButton(part)
    await update.callback_query.answer()
    if part != LOADS:
        return await ask(Step(part), update, context)
    profile = context.services.profile
    loads = await profile.loads()
    if not loads:
        return await _ask_next_load(update, context)
    kit = profile.kit()
    labels = [(texts.load_button(kit, e, value), e) for e, value in loads]
    labels += [(texts.unset_load_button(e), e) for e in await profile.missing_lifts()]
    buttons = one_per_row((label, f"setload:{e.key}") for label, e in labels)
    await reply(update, texts.CHOOSE_LOAD, buttons)
    return END


async def edit_load(update: Update, context: RunLiftContext) -> State:
    """A lift chosen from the starting-loads list: ask for a recent set."""
    exercise = EXERCISES.get(button_data(update).removeprefix("setload:"))
    if exercise is None:
        raise StaleButton(button_data(update))
    await update.callback_query.answer()
    unit = context.services.profile.unit()
    prompt = texts.ask_one_load(exercise_name(exercise), unit, exercise.dumbbells_held > 0)
    await reply(update, prompt, _calibrate_buttons(all_too=False))
    return f"load:{exercise.key}"


async def setting_command(update: Update, context: RunLiftContext) -> State:
    """/units kg, /timezone Europe/Berlin, /rundays ..., /remind 07:30, /equipment gym."""
    command = update.effective_message.text.split()[0].lstrip("/").split("@")[0].lower()
    step = COMMAND_STEPS[command]
    if not context.args:
        if is_private(update):
            return await ask(step, update, context)
        await reply(update, texts.USAGE[command])
        return END
    refusal = context.services.profile.answer(step, " ".join(context.args))
    if refusal is not None:
        return await _refuse_command(update, context, step, command, refusal)
    profile = context.services.profile
    confirmation = texts.saved(step, await profile.view())
    if profile.kit_was_reset:
        confirmation += "\n" + kit_texts.units_reset_kit(profile.unit())
    if step is Step.WEEK:
        confirmation += "\n" + _lift_days_line(context)
    await confirm(update, context, confirmation)
    if not is_private(update):
        return END
    if context.runner.onboarded:
        # New equipment may bring lifts without a weight: ask for them now, as /settings does.
        if step is Step.EQUIPMENT and await profile.missing_lifts():
            return await _ask_next_load(update, context)
        return END
    return await ask(profile.first_unanswered(answered=step), update, context)


# --- step callbacks --------------------------------------------------------------------------


async def typed_answer(update: Update, context: RunLiftContext, step: Step) -> State:
    """An answer typed as text at `step`."""
    return await _answer(update, context, step, typed_text(update))


_BUTTON_STEPS = {"units": Step.UNITS, "tz": Step.TIMEZONE, "remind": Step.REMIND,
                 "equip": Step.EQUIPMENT}  # fmt: skip


async def button_answer(update: Update, context: RunLiftContext) -> State:
    """A tapped answer: units:kg, tz:Europe/Berlin, remind:07:30, equip:gym."""
    await update.callback_query.answer()
    prefix, _, value = button_data(update).partition(":")
    return await _answer(update, context, _BUTTON_STEPS[prefix], value)


async def week_button(update: Update, context: RunLiftContext) -> State:
    """A weekday tapped (cycle its run type) or Done."""
    query = update.callback_query
    choice = button_data(update).removeprefix("week:")
    if choice != "done" and not (choice.isdigit() and 0 <= int(choice) <= 6):
        raise StaleButton(choice)
    await query.answer()
    profile = context.services.profile
    if choice == "done":
        profile.confirm_week()
        await query.edit_message_reply_markup(None)
        await reply(update, _lift_days_line(context))
        return await _next(update, context, Step.WEEK)
    week = profile.cycle_day(int(choice))
    await query.edit_message_reply_markup(keyboard(_week_buttons(week)))
    return WEEK


async def load_text(update: Update, context: RunLiftContext) -> State:
    """A recent set for the next lift of set-up (`60x8 rir2`), or `calibrate` (`all`) typed."""
    words = typed_text(update).lower().split()
    profile = context.services.profile
    missing = await profile.missing_lifts()
    if words[:1] == ["calibrate"]:
        await profile.calibrate(missing if words[1:] == ["all"] else missing[:1])
    elif missing and not await _store_load(update, context, missing[0]):
        return LOADS
    return await _ask_next_load(update, context)


async def _store_load(update: Update, context: RunLiftContext, exercise: Exercise) -> bool:
    """Store a typed recent set for `exercise`; say what was expected, or anything the runner
    should know about the result (a load lighter than the kit allows). False: refused."""
    profile = context.services.profile
    result = await profile.store_recent_set(exercise, typed_text(update))
    if isinstance(result, Refusal):
        await _refuse(update, context, result)
        return False
    note = texts.start_note(exercise, result, profile.kit())
    if note:
        await reply(update, note)
    return True


async def one_load_text(update: Update, context: RunLiftContext, exercise: Exercise) -> State:
    """A recent set for one lift chosen from /settings."""
    if not await _store_load(update, context, exercise):
        return f"load:{exercise.key}"
    return await _finish(update, context)


async def load_calibrate(update: Update, context: RunLiftContext) -> State:
    """Calibrate the lift being asked (or every remaining one) in the first session."""
    await update.callback_query.answer()
    profile = context.services.profile
    missing = await profile.missing_lifts()
    await profile.calibrate(missing if button_data(update) == "loads:all" else missing[:1])
    return await _ask_next_load(update, context)


async def one_load_calibrate(update: Update, context: RunLiftContext, exercise: Exercise) -> State:
    """Calibrate one lift chosen from /settings in the next session."""
    await update.callback_query.answer()
    await context.services.profile.calibrate([exercise])
    return await _finish(update, context)


async def cancel(update: Update, context: RunLiftContext) -> int:
    """/cancel: leave the conversation; answers given so far are kept."""
    await reply(update, common.CANCELLED)
    return END


def _typed(step: Step) -> MessageHandler:
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
                CommandHandler("kit", kit_handlers.kit_command),
                CallbackQueryHandler(kit_handlers.kit_button, pattern=r"^kit:"),
            ],
            states={
                UNITS: [_typed(Step.UNITS), buttons],
                TIMEZONE: [_typed(Step.TIMEZONE), buttons],
                WEEK: [CallbackQueryHandler(week_button, pattern=r"^week:"), _typed(Step.WEEK)],
                REMIND: [_typed(Step.REMIND), buttons],
                EQUIPMENT: [_typed(Step.EQUIPMENT), buttons],
                LOADS: [
                    MessageHandler(TEXT, load_text),
                    CallbackQueryHandler(load_calibrate, pattern=r"^loads:"),
                ],
                **_one_load_states(),
                **kit_handlers.kit_states(),
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
