"""/today, the check-in, /log, /history and /plan."""

from __future__ import annotations

from collections.abc import Sequence

from coaching import Kit, PlannedLift, Reason, Record, RunType, Session, SetEntry
from render.blocks import block_name
from render.common import DAY_NAMES, day_text, each_arm, escape, lift_after_run, load, weight
from render.exercises import cue, exercise_name
from render.onboarding import lift_days_explained
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
SESSION_DONE_TODAY = "Today's session is done. Well lifted!"
NO_NEXT_SESSION = "No lift day is planned in the next three weeks (races or your week). /rundays"


def choose_swap_for(name: str) -> str:
    return f"Swap <b>{escape(name)}</b> for (same movement):"


def swapped(old: str, new: str) -> str:
    return (
        f"From now on: {escape(new)} instead of {escape(old)}. Its first session calibrates "
        "the weight. /settings has your programme; swap back the same way."
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


def session_text(session: Session, kit: Kit, run: RunType = RunType.REST) -> str:
    """The whole session in one message (`run`: the day's run, for when to lift after it)."""
    if session.no_lifting:
        return f"<b>No lifting today</b>\n<i>{escape(_note(session.note, kit))}</i>"
    scheme = block_name(session.block)
    lines = [f"<b>Session {session.name}</b> · block {scheme} · about {session.minutes} min"]
    if session.note:
        lines.append(f"<i>{escape(_note(session.note, kit))}</i>")
    if advice := lift_after_run(run):
        lines.append(f"<i>{escape(advice)}</i>")
    lines.append("<b>Warm-up</b> (about 12 min): " + "; ".join(GENERAL_WARMUP) + ".")
    for position, lift in enumerate(session.lifts, start=1):
        name = escape(exercise_name(lift.exercise))
        arms = each_arm(lift.exercise)
        if lift.weight is None:
            lines.append(f"{position}. <b>{name}</b>: calibrate. Start light and climb; log each "
                         "set and I'll pick the next weight.")  # fmt: skip
        else:
            shown = escape(load(kit, lift.exercise, lift.weight))
            lines.append(f"{position}. <b>{name}</b>: {lift.sets} × {lift.reps}{arms} at {shown}")
            if lift.ramp:
                ramp = ", ".join(f"{weight(r.weight, kit.unit)} × {r.reps}" for r in lift.ramp)
                lines.append(f"   Ramp: {ramp}")
            why = reason_text(lift.reason, kit, lift.exercise)
            if why:
                lines.append(f"   Why: {escape(why)}")
        lines.append(f"   Cue: {escape(cue(lift.exercise))}")
    lines.append(REST_ABOUT)
    return "\n".join(lines)


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
    return f"{_REST_DAY[run]}\nNext session: <b>{session_name}</b> on {day_text(next_day)}."


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
    today = f" Today: {escape(prescribed_text)}." if prescribed_text else ""
    return (
        f"<b>{escape(name)}</b>.{today} Send your sets, e.g. <code>60x8 60x8</code>, "
        "<code>60x8,8</code>, <code>2x8@60</code> or just the reps <code>8 8</code>."
    )


AS_PRESCRIBED = "Done as prescribed"


def bad_sets(unit, max_weight: float) -> str:
    return (
        "I couldn't read that. Send sets as weight×reps, e.g. <code>60x8 60x8</code>, "
        "<code>60x8,8</code>, <code>2x8@60</code>, <code>60kg 8</code> or reps alone "
        f"<code>8 8</code>: weight above 0 and up to {weight(max_weight, unit)}, 1–30 reps, "
        "at most 10 sets; optionally <code>rir2</code> at the end."
    )


ASK_RIR = "How many more reps could you have done on the last set? (reps in reserve)"
BAD_RIR = "Reps in reserve is a whole number from 0 to 10, e.g. <code>2</code>: tap a button."


def confirm_jump(heaviest: float, reference: float, unit) -> str:
    return (
        f"{escape(weight(heaviest, unit))} is more than double your last "
        f"{escape(weight(reference, unit))}. Is that right?"
    )


CONFIRM_YES = "Yes, store it"
CONFIRM_NO = "No, let me fix it"
REENTER_SETS = "OK, send the sets again."


def sets_text(sets: Sequence[SetEntry]) -> str:
    """`60 kg × 8,8` when every set had the same weight, else `60 kg × 8 62.5 kg × 6`."""
    if not sets:
        return ""
    if len({(s.weight, s.unit) for s in sets}) == 1:
        reps = ",".join(str(s.reps) for s in sets)
        return f"{weight(sets[0].weight, sets[0].unit)} × {reps}"
    return " ".join(f"{weight(s.weight, s.unit)} × {s.reps}" for s in sets)


def _done_line(done) -> str:
    """One logged exercise (a `services.training.LoggedExercise`), plain text."""
    effort = f", {done.rir} in reserve" if done.rir is not None else ""
    arms = each_arm(done.exercise)
    return f"{exercise_name(done.exercise)} {sets_text(done.sets)}{arms}{effort}"


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
        label = "New best estimated 1RM" if record.kind == "e1rm" else "New record"
        shown = f"{exercise_name(done.exercise)} {weight(record.weight, kit.unit)} × {record.reps}"
        text += f"\n🏆 {label}: {escape(shown)}"
    return text


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


def calibrated(name: str, shown: str, why: Reason, kit: Kit) -> str:
    return (
        f"✅ {escape(name)}: your working weight is {escape(shown)} "
        f"({escape(reason_text(why, kit))})."
    )


def session_summary(summary, kit: Kit) -> str:
    """A finished session (a `services.training.SessionSummary`) and the next loads."""
    done = "\n".join(f"• {escape(_done_line(d))}" for d in summary.done) or "• nothing logged"
    upcoming = "\n".join(
        f"• {escape(exercise_name(d.exercise))}: {escape(_next_text(d, kit))}"
        for d in summary.done
        if d.next_weight is not None
    )
    text = f"<b>Session {summary.name} done</b> ({escape(day_text(summary.day))}).\n{done}"
    return text + (f"\n<b>Next time</b>\n{upcoming}" if upcoming else "")


NOTHING_LOGGED = "Nothing logged yet today: /log to start."
LOG_CANCELLED = "Stopped. What you logged is stored; /log carries on, /done finishes."
NOTHING_TO_UNDO = "There is nothing to undo."


def undone(done) -> str:
    name, sets = exercise_name(done.exercise), sets_text(done.sets)
    return f"Removed: {escape(name)} {escape(sets)}. The lift is back where it was."


BAD_LOG_DATE = (
    "Log for <code>today</code>, <code>yesterday</code> or a date like "
    "<code>2026-11-20</code> within the last 60 days, not in the future."
)


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
        blocks.append(f"<b>{escape(day_text(summary.day))}</b> · session {summary.name}\n{body}")
    return "\n\n".join(blocks) or NO_HISTORY


def plan(week_plan, week, kit: Kit) -> str:
    """This week (a `services.reports.WeekPlan`), each lift day with its loads."""
    explained = lift_days_explained(week_plan.lift_days, week)
    parts = [f"<b>This week</b>\n{escape(explained)}"]
    for plan_day in week_plan.days:
        session = plan_day.session
        mark = " ✅" if plan_day.done else ""
        if session.no_lifting:
            lines = [reason_text(session.note, kit)]
        else:
            lines = [planned_line(lift, kit) for lift in session.lifts]
        body = "\n".join(f"  {escape(line)}" for line in lines)
        parts.append(f"<b>{escape(day_text(plan_day.day))}</b> · session {session.name}{mark}\n"
                     f"{body}")  # fmt: skip
    if len(parts) == 1:
        parts.append("No lifting this week.")
    return "\n\n".join(parts)
