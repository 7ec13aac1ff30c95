"""/today, the check-in, /log, /history and /plan."""

from __future__ import annotations

from collections.abc import Sequence

from coaching import Distance, Kit, PlannedLift, Reason, Record, RunType, Session, SetEntry
from render.blocks import block_name
from render.common import DAY_NAMES, day_text, each_arm, escape, lift_after_run, load, weight
from render.exercises import cue, exercise_name
from render.onboarding import EFFORT_FORMS, lift_days_explained
from render.reasons import TOMORROW, capitalised, reason_text

GENERAL_WARMUP: tuple[str, ...] = (
    "5 minutes of easy movement: a jog, rower or bike",
    "leg swings, hip circles and walking lunges",
    "10 bodyweight squats and 10 hip hinges",
    "arm circles and 10 band pull-aparts or push-ups",
)

# --- /today --------------------------------------------------------------------------------------

REST_ABOUT = "Rest about 2 minutes after every set."
START_LOGGING = "Start logging"
SWAP_EXERCISE = "Swap an exercise"
MOVE_SESSION = "Move to another day"
MOVE_NOWHERE = "No later day this week fits the rules (race, long run, a day's gap), so it stays."
CHOOSE_MOVE_DAY = "Move today's session to which day?"
CHOOSE_SWAP = "Which exercise do you want to swap?"
NO_SWAP = "Nothing else with your equipment trains that movement, so it stays."
NO_NEXT_SESSION = "No lift day is planned in the next three weeks (races or your week). /rundays"


def choose_swap_for(name: str) -> str:
    return f"Swap <b>{escape(name)}</b> for (same movement):"


def swapped(old: str, new: str, under_way: bool = False) -> str:
    """`under_way`: today's session already has lifts logged, so it stays as it is."""
    later = " Today's session is under way, so it starts with your next one." if under_way else ""
    return (
        f"From now on: {escape(new)} instead of {escape(old)}.{later} Its first session "
        "calibrates the weight. /settings has your programme; swap back the same way."
    )


SWAP_TODAY_ONLY = "Today only"
SWAP_FROM_NOW_ON = "From now on"


def ask_swap_scope(old: str, new: str) -> str:
    return f"{escape(new)} instead of {escape(old)}: today only, or from now on?"


def swapped_today(old: str, new: str) -> str:
    return (
        f"Today only: {escape(new)} instead of {escape(old)} (/today shows it). Your programme "
        f"stays as it was: {escape(old)} again next time."
    )


def swap_today_too_late(old: str) -> str:
    return f"{escape(old)} is already logged today (or the session is done): nothing changed."


def moved(day) -> str:
    return f"Moved: today's session is now on {DAY_NAMES[day.weekday()]}, {day_text(day)}."


def _note(note: Reason | None, kit: Kit) -> str:
    return capitalised(reason_text(note, kit))


def session_text(
    session: Session, kit: Kit, run: RunType = RunType.REST, logged: Sequence = ()
) -> str:
    """The whole session in one message (`run`: the day's run, for when to lift after it;
    `logged`: the `services.training.LoggedExercise`s done so far, ticked in place)."""
    if session.no_lifting:
        return f"<b>No lifting today</b>\n<i>{escape(_note(session.note, kit))}</i>"
    done = {d.exercise: d for d in logged}
    lines = [_header(session)]
    if done:
        left = sum(1 for lift in session.lifts if lift.exercise not in done)
        lines.append(f"{left} of {len(session.lifts)} lifts to go.")
    if session.note:
        lines.append(f"<i>{escape(_note(session.note, kit))}</i>")
    if advice := lift_after_run(run):
        lines.append(f"<i>{escape(advice)}</i>")
    if not done:
        lines.append("<b>Warm-up</b> (about 12 min): " + "; ".join(GENERAL_WARMUP) + ".")
    for position, lift in enumerate(session.lifts, start=1):
        if lift.exercise in done:
            lines.append(f"✅ {escape(_done_line(done.pop(lift.exercise), ': '))}")
        else:
            lines += _lift_lines(position, lift, kit)
    lines += [f"✅ {escape(_done_line(extra, ': '))}" for extra in done.values()]
    lines.append(REST_ABOUT)
    return "\n".join(lines)


def _header(session: Session) -> str:
    """`Session A · block 2 × 8 · about 49 min`; a day trimmed to fewer sets says so instead."""
    sets = {lift.sets for lift in session.lifts}
    scheme = f"block {block_name(session.block)}"
    if len(sets) == 1 and (fewer := sets.pop()) < session.block.sets:
        scheme = f"{fewer} set{'s' if fewer > 1 else ''} a lift today"
    return f"<b>Session {session.name}</b> · {scheme} · about {session.minutes} min"


def _lift_lines(position: int, lift: PlannedLift, kit: Kit) -> list[str]:
    name = escape(exercise_name(lift.exercise))
    if lift.weight is None:
        lines = [f"{position}. <b>{name}</b>: calibrate. Start light and climb; log each set "
                 "and I'll pick the next weight."]  # fmt: skip
    else:
        arms = each_arm(lift.exercise)
        shown = escape(load(kit, lift.exercise, lift.weight))
        lines = [f"{position}. <b>{name}</b>: {lift.sets} × {lift.reps}{arms} at {shown}"]
        if lift.ramp:
            ramp = ", ".join(f"{weight(r.weight, kit.unit)} × {r.reps}" for r in lift.ramp)
            lines.append(f"   Ramp: {ramp}")
        why = reason_text(lift.reason, kit, lift.exercise)
        if why:
            lines.append(f"   Why: {escape(why)}")
    lines.append(f"   Cue: {escape(cue(lift.exercise))}")
    return lines


def finished_day(view, kit: Kit) -> str:
    """A finished day (a `services.training.DayView`): what was done, what was left out, and
    when the next session is."""
    text = session_summary(view.summary, kit)
    return text + "\n" + _next_session(view.next_day, view.next_session)


def _next_session(next_day, session_name: str) -> str:
    if next_day is None:
        return NO_NEXT_SESSION
    return f"Next session: <b>{session_name}</b> on {day_text(next_day)}."


_REST_DAY = {
    RunType.LONG: "Today is your long run: no lifting on long-run days.",
    RunType.RACE: "Race day: no lifting. Good luck!",
    RunType.QUALITY: "Not a lift day this week.",
    RunType.EASY: "Not a lift day: an easy run and rest from lifting.",
    RunType.REST: "Rest day: recover from lifting and running.",
}


def rest_day(run: RunType, next_day, session_name: str) -> str:
    if next_day is None:
        return NO_NEXT_SESSION
    return f"{_REST_DAY[run]}\n{_next_session(next_day, session_name)}"


def planned_line(lift: PlannedLift, kit: Kit) -> str:
    """`Back squat: 2 × 8 at 60 kg (20 each side)` (plain: escaped by the message's renderer)."""
    name = exercise_name(lift.exercise)
    if lift.weight is None:
        return f"{name}: calibrate"
    shown = load(kit, lift.exercise, lift.weight)
    return f"{name}: {lift.sets} × {lift.reps}{each_arm(lift.exercise)} at {shown}"


# --- check-in ------------------------------------------------------------------------------------

ASK_SORENESS = "Quick check-in before you lift. How sore are your legs, 0 (fresh) to 10?"
SKIP_CHECKIN = "Skip check-in"
AS_PLANNED = "Full session as planned."


def ask_key_run(tomorrow: RunType) -> str:
    planned = f" (your week says: {tomorrow.value})" if tomorrow is not RunType.REST else ""
    return (f"Is a quality session, long run or race tomorrow{planned}? If so, today is upper "
            "body only.")  # fmt: skip


def checkin_result(trim: Reason | None, kit: Kit, known: RunType | None = None) -> str:
    """What the check-in changed; `known`: tomorrow's run as the week told it (not asked)."""
    text = escape(reason_text(trim, kit)) if trim else AS_PLANNED
    if known is None or (trim is not None and trim.values.get("run")):
        return text  # asked, or the reason already names tomorrow's run
    return f"Your week has {TOMORROW[known.value]} tomorrow, so no need to ask. {text}"


# --- /log ----------------------------------------------------------------------------------------

REPLY_HINT = "\n<i>In a group, answer by replying to this message.</i>"
PICK_EXERCISE = "Which exercise? Tap it, or type any lift's name (e.g. <code>squat</code>)."


def pick_button(name: str, logged: bool) -> str:
    return ("✅ " if logged else "") + name


def unknown_exercise(typed: str, suggestions: Sequence[str]) -> str:
    text = f"I don't know the lift “{escape(typed[:40])}”."
    if suggestions:
        return text + " Did you mean: " + ", ".join(escape(s) for s in suggestions) + "?"
    return text + " Try e.g. <code>squat</code>, <code>deadlift</code>, <code>ohp</code>."


def prescribed(lift: PlannedLift, kit: Kit) -> str:
    shown = load(kit, lift.exercise, lift.weight)
    return f"{lift.sets} × {lift.reps}{each_arm(lift.exercise)} at {shown}"


def ask_sets(name: str, prescribed_text: str | None) -> str:
    today = f" Prescribed: {escape(prescribed_text)}." if prescribed_text else ""
    return (
        f"<b>{escape(name)}</b>.{today} Send your sets, e.g. <code>60x8 60x8</code>, "
        "<code>60x8,8</code>, <code>2x8@60</code> or just the reps <code>8 8</code>."
    )


AS_PRESCRIBED = "Done as prescribed"


def bad_sets(unit, max_weight: float, effort: bool = False) -> str:
    """The accepted set forms, briefly (`effort`: it was the effort that could not be read)."""
    if effort:
        return (
            "I couldn't read the effort. Write it after the sets as <code>rir 2</code> (reps in "
            "reserve, 0–10) or <code>rpe 8</code>; <code>@8</code> after them is RPE 6–10, and "
            "a weight after @ can say its unit, <code>2x8@8kg</code>. Send the sets again, e.g. "
            "<code>60x8 60x8 rir2</code>."
        )
    return (
        "I couldn't read that. Send sets, e.g. <code>60x8 60x8</code>, <code>60x8,8</code>, "
        "<code>135 lb x 8</code>, <code>2x8@60</code>, <code>8@60</code>, or at today's weight "
        "the reps <code>8 8</code> (or <code>3x8</code>, when 3 is no load for the lift); "
        f"{EFFORT_FORMS}. Up to {weight(max_weight, unit)}, 1–30 reps, 10 sets."
    )


NO_WEIGHT = (
    "No weight is set for this lift today: send it with the sets, e.g. <code>2x8@60</code> "
    "or <code>60x8 60x8</code>."
)


def shown_weight(value: float, unit) -> str:
    """A weight as typed (`61.25 kg`), or a converted or estimated one to a tenth (`61.2 kg`
    for 135 lb): never a conversion's hundredths."""
    typed = abs(value * 100 - round(value * 100)) < 1e-6
    return weight(value if typed else round(value, 1), unit)


ASK_RIR = "How many more reps could you have done on the last set? (reps in reserve)"
BAD_RIR = "Reps in reserve is a whole number from 0 to 10, e.g. <code>2</code>: tap a button."


def confirm_jump(heaviest: float, reference: float, lifted: bool, unit) -> str:
    """`lifted`: the reference is the last weight logged, else today's prescribed weight."""
    than = "your last" if lifted else "today's prescribed"
    return (
        f"{escape(shown_weight(heaviest, unit))} is more than double {than} "
        f"{escape(shown_weight(reference, unit))}. Is that right?"
    )


CONFIRM_YES = "Yes, store it"
CONFIRM_NO = "No, let me fix it"
REENTER_SETS = "OK, send the sets again."


def sets_text(sets: Sequence[SetEntry]) -> str:
    """`60 kg × 8,8` when every set had the same weight, else `60 kg × 8, 62.5 kg × 6`."""
    if not sets:
        return ""
    if len({(s.weight, s.unit) for s in sets}) == 1:
        reps = ",".join(str(s.reps) for s in sets)
        return f"{weight(sets[0].weight, sets[0].unit)} × {reps}"
    return ", ".join(f"{weight(s.weight, s.unit)} × {s.reps}" for s in sets)


def _done_line(done, after_name: str = " ") -> str:
    """One logged exercise (a `services.training.LoggedExercise`), plain text."""
    effort = f", {done.rir} in reserve" if done.rir is not None else ""
    arms = each_arm(done.exercise)
    return f"{exercise_name(done.exercise)}{after_name}{sets_text(done.sets)}{arms}{effort}"


def _next_text(done, kit: Kit) -> str:
    if done.next_weight is None:
        return ""
    shown = load(kit, done.exercise, done.next_weight)
    why = reason_text(done.reason, kit, done.exercise)
    return f"{shown} ({why})" if why else shown


def logged(done, records: Sequence[Record], kit: Kit) -> str:
    text = (
        f"✅ Stored: <b>{escape(exercise_name(done.exercise))}</b> {escape(sets_text(done.sets))}"
        + each_arm(done.exercise)
    )
    text += (f", {done.rir} in reserve" if done.rir is not None else "") + "."
    text += f"\nNext time: {escape(_next_text(done, kit))}."
    for record in records:
        text += f"\n🏆 {escape(_record_text(exercise_name(done.exercise), record, kit.unit))}"
    return text


def record_line(name: str, record: Record, unit) -> str:
    """A record as /log announces it (also in the weekly summary)."""
    return _record_text(name, record, unit)


def _record_text(name: str, record: Record, unit) -> str:
    """`New record: Back squat 70.3 kg × 8`, `New best estimated 1RM: Back squat 90 kg (from
    67.5 kg × 8, 2 in reserve)`: in the runner's units, rounded."""
    lifted = f"{shown_weight(record.weight, unit)} × {record.reps}"
    if record.kind != "e1rm":
        heaviest = (
            f" (your heaviest for {record.target} reps)" if record.target != record.reps else ""
        )
        return f"New record: {name} {lifted}{heaviest}"
    effort = f", {record.rir} in reserve" if record.rir is not None else ""
    estimate = shown_weight(record.value, unit)
    return f"New best estimated 1RM: {name} {estimate} (from {lifted}{effort})"


ALREADY_STORED = "Already stored, nothing added twice."
REST_BUTTON = "Rest 2:00"
NEXT_EXERCISE = "Next exercise"
FINISH = "Finish session"
REST_STARTED = "Timer on: I'll tell you when 2 minutes are up."
REST_OVER = "⏱ 2 minutes: time for the next set."


def calibration_prompt(name: str, step: int, shown: str, reps: int) -> str:
    return (
        f"<b>{escape(name)}: calibration set {step}.</b> Do {reps} reps at {escape(shown)}, "
        "then tap how many more you could have done. Couldn't finish the reps? Tap that."
    )


COULD_NOT_FINISH = "Couldn't do them all"
BAD_CALIBRATION_ANSWER = (
    "Tap how many more reps you could have done (or type it, e.g. <code>2</code> or "
    "<code>5+</code>); couldn't finish the reps? Tap that."
)


def calibrated(name: str, shown: str, why: Reason, kit: Kit) -> str:
    return (
        f"✅ {escape(name)}: your working weight is {escape(shown)} "
        f"({escape(reason_text(why, kit))})."
    )


def session_summary(summary, kit: Kit) -> str:
    """A finished session (a `services.training.SessionSummary`): what was done and left out,
    and the next loads (a lift logged twice: the last log's)."""
    done = "\n".join(f"• {escape(_done_line(d))}" for d in summary.done) or "• nothing logged"
    text = f"<b>Session {summary.name} done</b> ({escape(day_text(summary.day))}).\n{done}"
    if summary.left_out:
        text += "\nNot logged: " + escape(", ".join(exercise_name(e) for e in summary.left_out))
    last = {d.exercise: d for d in summary.done if d.next_weight is not None}
    upcoming = "\n".join(
        f"• {escape(exercise_name(d.exercise))}: {escape(_next_text(d, kit))}"
        for d in last.values()
    )
    return text + (f"\n<b>Next time</b>\n{upcoming}" if upcoming else "")


def reserve_saved_unfinished(summary, kit: Kit) -> str:
    """The group's reserve question answered while the session is still open (a lift left to
    calibrate): what is stored and next, and what is still to log (no "done")."""
    done = "\n".join(f"• {escape(_done_line(d))}" for d in summary.done) or "• nothing logged"
    left = escape(", ".join(exercise_name(e) for e in summary.left_out))
    text = (f"<b>Saved</b> ({escape(day_text(summary.day))}).\n{done}\n"
            f"Session {summary.name} isn't finished: {left} still to log here (/log), "
            "then /done.")  # fmt: skip
    last = {d.exercise: d for d in summary.done if d.next_weight is not None}
    upcoming = "\n".join(
        f"• {escape(exercise_name(d.exercise))}: {escape(_next_text(d, kit))}"
        for d in last.values()
    )
    return text + (f"\n<b>Next time</b>\n{upcoming}" if upcoming else "")


NOTHING_LOGGED = "Nothing logged yet today: /log to start."
LOG_CANCELLED = "Stopped. What you logged is stored; /log carries on, /done finishes."
NOTHING_TO_UNDO = "There is nothing to undo."


# --- changing what was logged: /history's edit and delete, /undo ----------------------------------

EDIT_OR_DELETE = "✏️ Edit or delete"
CHOOSE_ENTRY = "Which one? Tap it to correct a set or delete it."
DELETE_ENTRY = "🗑 Delete"
YES_DELETE = "Yes, delete"
YES_REMOVE = "Yes, remove it"
KEEP_IT = "Keep it"
KEPT = "OK, nothing changed."


def entry_button(day, done) -> str:
    """`Tue 24 Nov · Back squat`."""
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')} · {exercise_name(done.exercise)}"


def set_button(number: int) -> str:
    return f"Set {number}"


def entry_text(done, day) -> str:
    """One logged exercise set by set (a `services.training.LoggedExercise`)."""
    lines = [f"<b>{escape(exercise_name(done.exercise))}</b>, {escape(day_text(day))}:"]
    for number, s in enumerate(done.sets, start=1):
        last = number == len(done.sets) and done.rir is not None
        effort = f", {done.rir} in reserve" if last else ""
        arms = each_arm(done.exercise)
        lines.append(f"{number}. {escape(weight(s.weight, s.unit))} × {s.reps}{arms}{effort}")
    lines.append("Tap a set to correct it, or delete the whole exercise.")
    return "\n".join(lines)


def ask_corrected_set(done, number: int) -> str:
    last = number == len(done.sets)
    example = (
        "<code>60x8 rir2</code> (reps in reserve: it decides the next load)"
        if last
        else ("<code>60x8</code>")
    )
    return (f"Set {number} of {escape(exercise_name(done.exercise))}: send it as you did it, "
            f"e.g. {example}.")  # fmt: skip


def bad_corrected_set(unit) -> str:
    return (f"Send one set as weight×reps in {unit.value}, e.g. <code>60x8</code>, optionally "
            "with <code>rir2</code> at the end.")  # fmt: skip


def corrected(correction, kit: Kit) -> str:
    """A set corrected (a `services.training.Correction`)."""
    done = correction.done
    text = f"✅ Corrected: {escape(_done_line(done))}."
    if correction.history_only:
        return f"{text} {HISTORY_ONLY}"
    if not correction.recomputed:
        return f"{text} {LOAD_STAYS}"
    return f"{text}\nNext time: {escape(_next_text(done, kit))}."


LOAD_STAYS = (
    "Its next load stays as it is: it was changed after this log (a block switch or a new "
    "starting load), and that change stands."
)
HISTORY_ONLY = "It was imported history, so no working weight changes."
FINISH_LOG_FIRST = "You're in the middle of logging: finish it (/done) or /cancel, then correct."


def ask_delete(done, day) -> str:
    return (f"Delete {escape(_done_line(done))} of {escape(day_text(day))}? Its lift's next load "
            "is worked out again without it.")  # fmt: skip


def removed(correction, undo: bool = False) -> str:
    """A logged exercise deleted from /history, or removed by /undo."""
    done = correction.done
    what = f"{escape(exercise_name(done.exercise))} {escape(sets_text(done.sets))}"
    text = f"Removed: {what}." if undo else f"Deleted: {what}."
    if correction.history_only:
        return f"{text} {HISTORY_ONLY}"
    if not correction.recomputed:
        return f"{text} {LOAD_STAYS}"
    return f"{text} The lift is back where it was." if undo else text


def ask_undo(done, day) -> str:
    return (f"The last thing you logged is {escape(_done_line(done))} on "
            f"{escape(day_text(day))}, not today. Remove it?")  # fmt: skip


BAD_LOG_DATE = (
    "Log for <code>today</code>, <code>yesterday</code> or a date like "
    "<code>2026-11-20</code> within the last 60 days, not in the future."
)


def add_to_finished(session_name: str, day) -> str:
    return (f"Session {session_name} of {escape(day_text(day))} is already finished. Add this "
            "to it? (Its next loads are worked out again for what you add.)")  # fmt: skip


ADD_TO_IT = "Add to it"
LEAVE_IT = "Leave it"
LEFT_AS_IT_IS = "OK: the session stays as it is."

_CLASH = {
    RunType.LONG: "is your long run. Heavy legs the same day take from the run and its "
    "recovery, so keep lifting to your lift days where you can.",
    RunType.RACE: "is a race day. Race first; lifting can wait until after the race week.",
}


def clash_warning(run: RunType, day) -> str:
    """Said once, before the first log of a long-run or race day (it is stored anyway)."""
    return f"Heads-up: {escape(day_text(day))} {_CLASH[run]} I'll store what you log."


def logging_for(day) -> str:
    return f"Logging for {escape(day_text(day))}."


# --- /history and /plan --------------------------------------------------------------------------

NO_HISTORY = "No sessions logged yet. /today shows your next one."
OLDER, NEWER = "◀ Older", "Newer ▶"


def history(page) -> str:
    """A page of past sessions (a `services.reports.HistoryPage`)."""
    blocks = []
    for summary in page.sessions:
        body = "\n".join(f"  {escape(_done_line(d))}" for d in summary.done)
        label = f"session {summary.name}" if summary.name else "imported"  # no letter given
        blocks.append(f"<b>{escape(day_text(summary.day))}</b> · {label}\n{body}")
    return "\n\n".join(blocks) or NO_HISTORY


PLAN_USAGE = (
    "Use <code>/plan</code> for the next seven days or <code>/plan next</code> for the seven "
    "after them."
)
PLAN_DONE = "Done: /history has what you lifted."
NO_LIFTING_LATER = "No lifting in these seven days, nor in the three weeks after them. /rundays"
RACE_NAMES = {Distance.FIVE_K: "5 km", Distance.TEN_K: "10 km", Distance.HALF: "Half marathon",
              Distance.MARATHON: "Marathon", Distance.ULTRA: "Ultra"}  # fmt: skip


def _dated(day, today, text: str) -> str:
    """`text` (a day's date) with the year when it is not this year's."""
    return text if day.year == today.year else f"{text} {day.year}"


def _plan_day(plan_day, today, kit: Kit) -> str:
    """A day of /plan: its date, race, session letter (when there is lifting) and loads."""
    heading = escape(day_text(plan_day.day, today))
    session, lines = plan_day.session, []
    if plan_day.race is not None:
        lines.append(f"🏁 {RACE_NAMES[plan_day.race]}")
    if session is not None and session.no_lifting and plan_day.race is None:
        lines.append(f"<i>{escape(_note(session.note, kit))}</i>")
    elif session is not None and not session.no_lifting:
        heading += f" · session {session.name}" + (" ✅" if plan_day.done else "")
        if plan_day.done:
            lines.append(PLAN_DONE)
        else:
            lines += [f"<i>{escape(_note(session.note, kit))}</i>"] if session.note else []
            lines += [escape(planned_line(lift, kit)) for lift in session.lifts]
    return "\n".join([f"<b>{heading}</b>", *(f"  {line}" for line in lines)])


def plan(the_plan, week, kit: Kit) -> str:
    """Seven days (a `services.reports.Plan`): each lift day with its loads, races on their day."""
    today = the_plan.today
    title = "The next seven days" if the_plan.start == today else "The seven days after"
    first = _dated(the_plan.start, today, f"{the_plan.start.day} {the_plan.start:%B}")
    last = _dated(the_plan.end, today, f"{the_plan.end.day} {the_plan.end:%B}")
    explained = lift_days_explained(the_plan.lift_days, week)
    parts = [f"<b>{title}</b> · {first} – {last}\n{escape(explained)}"]
    parts += [_plan_day(plan_day, today, kit) for plan_day in the_plan.days]
    if not the_plan.lifting:
        later = the_plan.later
        if later is None:
            parts.append(NO_LIFTING_LATER)
        else:
            day = escape(day_text(later.day, today))
            parts.append(f"No lifting in these seven days. Next: session {later.session.name} "
                         f"on {day}.")  # fmt: skip
    return "\n\n".join(parts)
