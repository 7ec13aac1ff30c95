"""Every message RunLift sends, in one place for review (and, later, translation).

Values are HTML-escaped here, by the renderer, so no handler has to remember to.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from coaching import DAY_NAMES, GENERAL_WARMUP, Kit, LiftDays, format_weight

if TYPE_CHECKING:
    from models.workouts import PlannedLift, SessionView


def escape(text: str) -> str:
    """User-supplied text made safe for Telegram's HTML (quotes need no escaping there)."""
    return html.escape(text, quote=False)


# --- general ---------------------------------------------------------------------------------

SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try that again."
STALE_BUTTON = "That button belongs to an older message. Send the command again."
NOT_YOUR_BUTTON = "That button belongs to someone else."
NOT_UNDERSTOOD = "I didn't understand that. /help lists what I can do; /start sets you up."
NOTHING_TO_CANCEL = "There is nothing to cancel."
CANCELLED = "Stopped. Your settings so far are kept. /settings shows them, /start carries on."
USE_PRIVATE_CHAT = "Let's do that in a private chat, so the group isn't flooded."
OPEN_PRIVATE_CHAT = "Open a private chat"
WHY_LIFT = (
    "Why lift? Heavy strength work makes running more economical (about 2–8 % in studies; "
    "Blagrove et al. 2018) and makes you more robust. Two short, heavy sessions a week are enough."
)

HELP = (
    """<b>RunLift</b>: a strength coach for distance runners. Two heavy sessions a week, \
fitted around your running.

<b>Training</b>
/today: today's session (or when the next one is)
/log: log what you lifted, e.g. <code>/log squat 60x8 60x8 rir2</code>
/done: finish the session and see the next loads
/undo: remove the last logged exercise
/history: past sessions
/plan: this week's lift days and loads

<b>Reminders and races</b>
/pause or /pause 2: pause reminders (for 2 weeks); /resume
/headsup on|off: a note the evening before lift days
/race 2027-04-12 half: add a race (5k, 10k, half, marathon, ultra); /race lists them

<b>In a group</b>
/join, /leave: the group's programme (set-up happens privately)
/share on|off: show your loads in this group (off: only adherence shows)
/board: this week's adherence and progress
/groupsetup, /team: for the group's admins

<b>Getting set up</b>
/start: set up (or review) your profile
/settings: see and change everything
/units kg|lb
/timezone Europe/Berlin
/rundays tue=quality thu=easy sat=long (unlisted days are rest)
/remind 07:30
/equipment gym|barbell|dumbbells

<b>Other</b>
/cancel: leave what you are doing
/deletedata: delete everything I store about you
/help: this list

"""
    + WHY_LIFT
)

COMMANDS_PRIVATE = (
    ("today", "Today's session"),
    ("log", "Log what you lifted"),
    ("done", "Finish the session"),
    ("undo", "Remove the last logged exercise"),
    ("history", "Past sessions"),
    ("plan", "This week's lift days"),
    ("race", "Races and tapering"),
    ("pause", "Pause reminders"),
    ("resume", "Resume reminders"),
    ("start", "Set up or review your profile"),
    ("settings", "See and change your settings"),
    ("units", "kg or lb"),
    ("timezone", "Your time zone, e.g. Europe/Berlin"),
    ("rundays", "Your running week"),
    ("remind", "Reminder time, e.g. 07:30"),
    ("equipment", "gym, barbell or dumbbells"),
    ("cancel", "Leave what you are doing"),
    ("deletedata", "Delete everything about you"),
    ("help", "All commands"),
)
COMMANDS_GROUP = (
    ("join", "Join the group's programme"),
    ("today", "Your session today"),
    ("log", "Log what you lifted"),
    ("board", "This week in the group"),
    ("share", "Show your loads here: on or off"),
    ("leave", "Leave the group's programme"),
    ("groupsetup", "Admins: reminder time, days, summary"),
    ("team", "Admins: the coach's view"),
    ("help", "What RunLift does"),
    ("units", "Your units: kg or lb"),
    ("rundays", "Your running week"),
    ("remind", "Your reminder time"),
)

# --- onboarding ------------------------------------------------------------------------------


def welcome(first_name: str) -> str:
    return (
        f"Hi {escape(first_name)}! I'm RunLift, a strength coach for runners. A few questions "
        "(about two minutes) and I'll fit two heavy lifting sessions around your running week."
    )


def welcome_back(first_name: str) -> str:
    return (
        f"Welcome back, {escape(first_name)}. You're all set up, and nothing has been changed. "
        "Here is what I have; tap a part to change it."
    )


ASK_UNITS = "<b>1/6 Units.</b> Do you lift in kilograms or pounds?"
UNITS_BUTTONS = (("Kilograms (kg)", "kg"), ("Pounds (lb)", "lb"))
BAD_UNITS = "Please answer <b>kg</b> or <b>lb</b> (or tap a button)."

ASK_TIMEZONE = (
    "<b>2/6 Time zone.</b> Type yours as a region/city name, e.g. <code>Europe/Berlin</code> "
    "or just <code>Berlin</code>, or tap one."
)


def bad_timezone(typed: str, suggestions: Iterable[str]) -> str:
    shown = escape(typed[:40]) if typed.strip() else "that"
    text = f"I don't know the time zone “{shown}”."
    if suggestions:
        return text + " Did you mean one of these? Tap it, or type another."
    return text + " Type a region/city name such as <code>Europe/Berlin</code>."


ASK_WEEK = (
    "<b>3/6 Your usual running week.</b> Tap a day to change it: rest → easy → quality "
    "(intervals, tempo, hills) → long. Tap <b>Done</b> when it looks right. "
    "You can also type it: <code>tue=quality thu=easy sat=long</code>."
)
WEEK_DONE = "Done ✓"


def bad_week(token: str) -> str:
    return (
        f"I couldn't read “{escape(token[:40])}”. Write days as <code>day=type</code>, e.g. "
        "<code>tue=quality thu=easy sat=long</code>. Days: mon…sun; types: rest, easy, quality, "
        "long, race. Unlisted days are rest."
    )


ASK_REMIND = (
    "<b>4/6 Reminder time.</b> At what local time should I remind you on lift days? "
    "Type it as <code>HH:MM</code> (24-hour), e.g. <code>07:30</code>, or tap one."
)
REMIND_CHOICES = ("06:30", "07:30", "12:00", "17:30")
BAD_TIME = "Please type a time as <code>HH:MM</code> in 24-hour form, e.g. <code>07:30</code>."

ASK_EQUIPMENT = "<b>5/6 Equipment.</b> What do you lift with?"
EQUIPMENT_BUTTONS = (
    ("Full gym", "gym"),
    ("Barbell and plates at home", "barbell"),
    ("Dumbbells only", "dumbbells"),
)
EQUIPMENT_NAMES = {"gym": "full gym", "barbell": "barbell at home", "dumbbells": "dumbbells only"}
BAD_EQUIPMENT = "Please answer <b>gym</b>, <b>barbell</b> or <b>dumbbells</b> (or tap a button)."


def _recent_set_request(unit: str, per_dumbbell: bool) -> str:
    what = "the weight of one dumbbell" if per_dumbbell else "the total on the bar"
    return (
        f"A recent set: weight × reps, e.g. <code>40x8</code> ({what}, in {unit}; add "
        "<code>rir2</code> if you had 2 more reps in you). Don't know? Tap (or type) calibrate "
        "and we'll find it in your first session."
    )


def ask_load(exercise_name: str, index: int, total: int, unit: str, per_dumbbell: bool) -> str:
    heading = f"<b>6/6 Starting loads ({index}/{total}): {escape(exercise_name)}.</b> "
    return heading + _recent_set_request(unit, per_dumbbell)


CALIBRATE_ONE = "Calibrate this one"
CALIBRATE_ALL = "Calibrate all in my first session"
BAD_LOAD = (
    "Please send a recent set as weight × reps, e.g. <code>60x8</code> or "
    "<code>60x8 rir2</code>: weight above 0 and at most {max_weight} {unit}, 1–15 reps, RIR 0–10. "
    "Or tap calibrate."
)
LONG_SET = "A set of more than 15 reps says little about strength: send a heavier set, e.g. 8 reps."

ONBOARDED = "All set! Here is your profile. /settings changes any part of it."

# --- settings --------------------------------------------------------------------------------

SETTINGS_BUTTONS = (
    ("Units", "units"),
    ("Time zone", "timezone"),
    ("Running week", "week"),
    ("Reminder time", "remind"),
    ("Equipment", "equipment"),
    ("Starting loads", "loads"),
)


def saved(what: str) -> str:
    return f"Saved: {escape(what)}."


CHOOSE_LOAD = "Which lift's starting weight do you want to change?"


def load_button(exercise_name: str, current: str) -> str:
    return f"{exercise_name}: {current}"


def ask_one_load(exercise_name: str, unit: str, per_dumbbell: bool) -> str:
    return f"<b>{escape(exercise_name)}.</b> " + _recent_set_request(unit, per_dumbbell)


NOT_SET = "not set yet"


def profile_summary(
    *,
    units: str,
    timezone: str | None,
    reminder_time: str | None,
    equipment: str | None,
    week: Mapping[int, str],
    lift_days: LiftDays,
    loads: Iterable[tuple[str, str]],
) -> str:
    days = "\n".join(f"  {DAY_NAMES[d][:3]}: {week.get(d, 'rest')}" for d in range(7))
    lift_names = " and ".join(DAY_NAMES[d] for d in lift_days.days) or "none this week"
    load_lines = "\n".join(f"  {escape(name)}: {escape(text)}" for name, text in loads)
    return (
        f"<b>Units:</b> {units}\n"
        f"<b>Time zone:</b> {escape(timezone or NOT_SET)}\n"
        f"<b>Reminders:</b> {escape(reminder_time or NOT_SET)} on lift days\n"
        f"<b>Equipment:</b> {EQUIPMENT_NAMES.get(equipment or '', NOT_SET)}\n"
        f"<b>Running week:</b>\n{days}\n"
        f"<b>Lift days:</b> {lift_names}. {escape(lift_days.explanation)}\n"
        f"<b>Starting loads:</b>\n{load_lines or '  ' + NOT_SET}"
    )


CALIBRATE_TEXT = "calibrate in the first session"


def lift_days_line(lift_days: LiftDays) -> str:
    names = " and ".join(DAY_NAMES[d] for d in lift_days.days) or "no lifting this week"
    return f"Lift days: {names}. {escape(lift_days.explanation)}"


# --- settings typed as command arguments -----------------------------------------------------

USAGE = {
    "units": "Use <code>/units kg</code> or <code>/units lb</code>.",
    "timezone": "Use <code>/timezone Europe/Berlin</code> (an IANA region/city name).",
    "rundays": (
        "Use <code>/rundays tue=quality thu=easy sat=long</code>: days mon…sun, types rest, "
        "easy, quality, long, race; unlisted days are rest."
    ),
    "remind": "Use <code>/remind 07:30</code> (24-hour local time).",
    "equipment": "Use <code>/equipment gym</code>, <code>barbell</code> or <code>dumbbells</code>.",
}
CONTINUE_SETUP = "Let's finish setting you up."

# --- deleting data ---------------------------------------------------------------------------

CONFIRM_DELETE = (
    "This deletes <b>everything</b> I store about you: profile, running week, loads, logged "
    "sets, reminders and group memberships. It cannot be undone. Are you sure?"
)
DELETE_YES = "Yes, delete everything"
DELETE_NO = "No, keep my data"
DELETED = "Done: everything about you is deleted. /start sets you up again whenever you like."
KEPT = "Nothing was deleted."


# --- /today ----------------------------------------------------------------------------------

NEEDS_SETUP = "Let's set you up first: send /start (about two minutes)."
REST_ABOUT = "Rest about 2 minutes after every set."
START_LOGGING = "Start logging"
SWAP_EXERCISE = "Swap an exercise"
MOVE_SESSION = "Move to another day"
MOVE_NOWHERE = "No later day this week fits the rules (race, long run, a day's gap), so it stays."
CHOOSE_MOVE_DAY = "Move today's session to which day?"
CHOOSE_SWAP = "Which exercise do you want to swap?"
NO_SWAP = "Nothing else with your equipment trains that movement, so it stays."
SESSION_DONE_TODAY = "Today's session is done. Well lifted!"


def choose_swap_for(name: str) -> str:
    return f"Swap <b>{escape(name)}</b> for (same movement):"


def swapped(old: str, new: str) -> str:
    return (
        f"From now on: {escape(new)} instead of {escape(old)}. Its first session calibrates "
        "the weight. /settings has your programme; swap back the same way."
    )


def moved(day_name: str, day_text: str) -> str:
    return f"Moved: today's session is now on {day_name}, {day_text}."


def session_text(view: SessionView, kit: Kit) -> str:
    """The whole session in one message."""
    lines = [f"<b>Session {view.name}</b> · {view.block.replace('x', ' × ')} · about "
             f"{view.minutes} min"]  # fmt: skip
    if view.note:
        lines.append(f"<i>{escape(view.note[0].upper() + view.note[1:])}</i>")
    lines.append("<b>Warm-up</b> (about 12 min): " + "; ".join(GENERAL_WARMUP) + ".")
    for number, lift in enumerate(view.lifts, start=1):
        name = escape(lift.exercise.name)
        arms = " each arm" if lift.exercise.per_arm else ""
        if lift.weight is None:
            lines.append(f"{number}. <b>{name}</b>: calibrate. Start light and climb; log each "
                         "set and I'll pick the next weight.")  # fmt: skip
        else:
            load = escape(kit.describe(lift.exercise, lift.weight))
            lines.append(f"{number}. <b>{name}</b>: {lift.sets} × {lift.reps}{arms} at {load}")
            if lift.ramp:
                ramp = ", ".join(
                    f"{format_weight(r.weight, kit.unit)} × {r.reps}" for r in lift.ramp
                )
                lines.append(f"   Ramp: {ramp}")
            lines.append(f"   Why: {escape(lift.reason)}")
        lines.append(f"   Cue: {escape(lift.exercise.cue)}")
    lines.append(REST_ABOUT)
    return "\n".join(lines)


def rest_day(today_run: str, next_date: str, session_name: str) -> str:
    why = {
        "long": "Today is your long run: no lifting on long-run days.",
        "race": "Race day: no lifting. Good luck!",
        "quality": "Not a lift day this week.",
        "easy": "Not a lift day: an easy run and rest from lifting.",
        "rest": "Rest day: recover from lifting and running.",
    }[today_run]
    return f"{why}\nNext session: <b>{session_name}</b> on {next_date}."


NO_NEXT_SESSION = "No lift day is planned in the next three weeks (races or your week). /rundays"

# --- check-in --------------------------------------------------------------------------------

ASK_SORENESS = "Quick check-in before you lift. How sore are your legs, 0 (fresh) to 10?"
SKIP_CHECKIN = "Skip check-in"


def ask_key_run(tomorrow_run: str) -> str:
    planned = f" (your week says: {tomorrow_run})" if tomorrow_run != "rest" else ""
    return f"Is a quality session or long run tomorrow{planned}?"


YES, NO = "Yes", "No"
AS_PLANNED = "Full session as planned."

# --- /log ------------------------------------------------------------------------------------

# In groups the bot only sees commands, buttons and replies to its own messages.
REPLY_HINT = "\n<i>In a group, answer by replying to this message.</i>"
PICK_EXERCISE = "Which exercise? Tap it, or type any lift's name (e.g. <code>squat</code>)."
OTHER_LIFT_HINT = "Or type another lift's name."


def unknown_exercise(typed: str, suggestions: Sequence[str]) -> str:
    text = f"I don't know the lift “{escape(typed[:40])}”."
    if suggestions:
        return text + " Did you mean: " + ", ".join(escape(s) for s in suggestions) + "?"
    return text + " Try e.g. <code>squat</code>, <code>deadlift</code>, <code>ohp</code>."


def ask_sets(name: str, prescribed: str | None) -> str:
    today = f" Today: {escape(prescribed)}." if prescribed else ""
    return (
        f"<b>{escape(name)}</b>.{today} Send your sets, e.g. <code>60x8 60x8</code>, "
        "<code>60x8,8</code>, <code>2x8@60</code> or just the reps <code>8 8</code>."
    )


AS_PRESCRIBED = "Done as prescribed"


def bad_sets(unit: str, max_weight: int) -> str:
    return (
        "I couldn't read that. Send sets as weight×reps, e.g. <code>60x8 60x8</code>, "
        "<code>60x8,8</code>, <code>2x8@60</code>, <code>60kg 8</code> or reps alone "
        f"<code>8 8</code>: weight above 0 and up to {max_weight} {unit}, 1–30 reps, "
        "at most 10 sets; optionally <code>rir2</code> at the end."
    )


ASK_RIR = "How many more reps could you have done on the last set? (reps in reserve)"
BAD_RIR = "Reps in reserve is a whole number from 0 to 10, e.g. <code>2</code>: tap a button."


def confirm_jump(weight: str, reference: str) -> str:
    return f"{escape(weight)} is more than double your last {escape(reference)}. Is that right?"


CONFIRM_YES = "Yes, store it"
CONFIRM_NO = "No, let me fix it"
REENTER_SETS = "OK, send the sets again."


def logged(name: str, sets_text: str, rir: int | None, next_text: str, reason: str) -> str:
    effort = f", {rir} in reserve" if rir is not None else ""
    return (
        f"✅ Stored: <b>{escape(name)}</b> {escape(sets_text)}{effort}.\n"
        f"Next time: {escape(next_text)} ({escape(reason)})."
    )


def record_line(kind: str, text: str) -> str:
    label = "New best estimated 1RM" if kind == "e1rm" else "New record"
    return f"🏆 {label}: {escape(text)}"


ALREADY_STORED = "Already stored, nothing added twice."
REST_BUTTON = "Rest 2:00"
NEXT_EXERCISE = "Next exercise"
FINISH = "Finish session"
REST_STARTED = "Timer on: I'll tell you when 2 minutes are up."
REST_OVER = "⏱ 2 minutes: time for the next set."


def calibration_prompt(name: str, step: int, weight: str, reps: int) -> str:
    return (
        f"<b>{escape(name)}: calibration set {step}.</b> Do {reps} reps at {escape(weight)}, "
        "then tap how many more you could have done. Couldn't finish the reps? Tap that."
    )


COULD_NOT_FINISH = "Couldn't do them all"


def calibrated(name: str, weight: str, reason: str) -> str:
    return f"✅ {escape(name)}: your working weight is {escape(weight)} ({escape(reason)})."


def session_summary(name: str, day: str, lines: Sequence[str], next_lines: Sequence[str]) -> str:
    done = "\n".join(f"• {escape(line)}" for line in lines) or "• nothing logged"
    upcoming = "\n".join(f"• {escape(line)}" for line in next_lines)
    text = f"<b>Session {name} done</b> ({escape(day)}).\n{done}"
    return text + (f"\n<b>Next time</b>\n{upcoming}" if upcoming else "")


NOTHING_LOGGED = "Nothing logged yet today: /log to start."
NOTHING_TO_UNDO = "There is nothing to undo."


def undone(name: str, sets_text: str) -> str:
    return f"Removed: {escape(name)} {escape(sets_text)}. The lift is back where it was."


BAD_LOG_DATE = "Log for <code>today</code>, <code>yesterday</code> or a date like "
BAD_LOG_DATE += "<code>2026-11-20</code> within the last 60 days, not in the future."


def logging_for(day_text: str) -> str:
    return f"Logging for {escape(day_text)}."


NEXT_BLOCK_OFFER = (
    "Steady progress for weeks: you can move to {label} (heavier, fewer reps). "
    "Tap to switch, or keep going as you are."
)
NEXT_BLOCK_YES = "Switch block"
NEXT_BLOCK_NO = "Keep the current block"

# --- /history and /plan ----------------------------------------------------------------------

NO_HISTORY = "No sessions logged yet. /today shows your next one."
OLDER, NEWER = "◀ Older", "Newer ▶"


def history_session(day: str, name: str, lines: Sequence[str]) -> str:
    body = "\n".join(f"  {escape(line)}" for line in lines)
    return f"<b>{escape(day)}</b> · session {name}\n{body}"


def plan_day(day: str, name: str, lifts: Sequence[str], done: bool) -> str:
    mark = " ✅" if done else ""
    body = "\n".join(f"  {escape(line)}" for line in lifts)
    return f"<b>{escape(day)}</b> · session {name}{mark}\n{body}"


def planned_line(lift: PlannedLift, kit: Kit) -> str:
    """`Back squat: 2 × 8 at 60 kg (20 each side)` (plain: escaped by the message's renderer)."""
    if lift.weight is None:
        return f"{lift.exercise.name}: calibrate"
    load = kit.describe(lift.exercise, lift.weight)
    return f"{lift.exercise.name}: {lift.sets} × {lift.reps} at {load}"


def plan_header(explanation: str) -> str:
    return f"<b>This week</b>\n{escape(explanation)}"


PLAN_NO_DAYS = "No lifting this week."


# --- reminders -------------------------------------------------------------------------------

LATE_NOTE = "<i>(A little late: I was offline for a while.)</i>"
OPEN_TODAY = "Open today's session"


def lift_reminder(name: str, minutes: int, lines: Sequence[str], note: str) -> str:
    body = "\n".join(f"• {escape(line)}" for line in lines)
    extra = f"\n<i>{escape(note[0].upper() + note[1:])}</i>" if note else ""
    return f"🏋️ <b>Lift day: session {name}</b> (about {minutes} min){extra}\n{body}"


def heads_up(name: str, day: str) -> str:
    return f"Heads-up: session {name} is tomorrow ({escape(day)}). Sleep well!"


def missed_offer(missed_day: str, target_day: str) -> str:
    return (
        f"No session logged for {missed_day}. Do it on {target_day} instead? A session moves "
        "once; missed again, it is dropped and the programme simply carries on."
    )


def missed_dropped(message: str) -> str:
    return escape(message)


def reslotted(day: str) -> str:
    return f"Done: the missed session is now on {escape(day)}."


def move_button(day: str) -> str:
    return f"Move it to {day}"


# --- pause, resume, races --------------------------------------------------------------------


def paused(until: str | None) -> str:
    if until is None:
        return "Reminders paused. /resume brings them back."
    return f"Reminders paused until {escape(until)}. /resume brings them back sooner."


RESUMED = "Reminders are back on."
BAD_PAUSE = "Use <code>/pause</code> or <code>/pause 2</code> (a number of weeks, 1–52)."
HEADS_UP_ON = "I'll also send a short heads-up at 20:00 the evening before each lift day."
HEADS_UP_OFF = "No more evening heads-ups."
BAD_HEADS_UP = "Use <code>/headsup on</code> or <code>/headsup off</code>."
RACE_USAGE = (
    "Add a race with <code>/race 2027-04-12 half</code>: a date (not in the past) and a "
    "distance: 5k, 10k, half, marathon or ultra."
)
NO_RACES = "No races yet. " + RACE_USAGE


def race_added(day: str, distance: str, advice: str) -> str:
    return f"Race added: {escape(distance)} on {escape(day)}. {escape(advice)}"


def races_list(lines: Sequence[str]) -> str:
    return "<b>Your races</b>\n" + "\n".join(f"• {escape(line)}" for line in lines)


def remove_race_button(day: str, distance: str) -> str:
    return f"Remove {distance} on {day}"


def race_removed(day: str, distance: str) -> str:
    return f"Removed: {escape(distance)} on {escape(day)}."


TAPER_EXPLAINED = (
    "From about two weeks out (10 days for 5–10 km) you do one set per lift at the same "
    "weight, lower body stops a week or so before, race week is lift-free, and the week after "
    "is about 20 % lighter."
)


# --- groups ----------------------------------------------------------------------------------

GROUP_INTRO = (
    "Hi! I'm RunLift, a strength coach for runners: two short, heavy sessions a week, fitted "
    "around each member's running. Send /join to take part (your numbers stay private unless "
    "you /share on). Admins: /groupsetup sets the group's reminder time. /help lists the rest."
)
SET_UP_FIRST = "Set up in a private chat first (two minutes), then you're in."
SET_UP_BUTTON = "Set up privately"
NOT_A_MEMBER = "You're not in this group's programme: /join first."
LEFT_GROUP = "{name} left the group's programme."
SHARE_ON = "Your loads and numbers now show in this group."
SHARE_OFF = "Your loads and numbers stay private again (only adherence shows here)."
BAD_SHARE = "Use <code>/share on</code> or <code>/share off</code>."
SENT_PRIVATELY = "📬 {name}, I sent the details to our private chat."
START_PRIVATE_FIRST = "{name}, open a private chat with me first so I can send you your numbers."
ONLY_ADMINS = "Only the group's admins can do that."
POST_AS_YOURSELF = "Please send that as yourself, not as a channel."
GROUP_ONLY = "That command works in a group chat."
NO_MEMBERS = "Nobody has joined yet: /join."


def mention(user_id: int, name: str) -> str:
    """A mention by user id (it notifies them, and works without a username)."""
    return f'<a href="tg://user?id={int(user_id)}">{escape(name)}</a>'


def joined(name: str, title: str) -> str:
    return f"{escape(name)} joined {escape(title) or 'the group'}'s programme. 💪"


def joined_privately(title: str) -> str:
    return f"You're in {escape(title) or 'the group'}'s programme. Let's finish setting you up."


def group_settings(title: str, zone: str | None, at: str | None, days: str, summary: str) -> str:
    return (
        f"<b>{escape(title) or 'This group'}</b>\n"
        f"Reminder: {escape(at or 'not set')} ({escape(zone or 'time zone not set')})\n"
        f"Lift days: {escape(days)}\nWeekly summary: {escape(summary)}\n\n"
        "Admins change it with:\n<code>/groupsetup time 07:00</code>\n"
        "<code>/groupsetup timezone Europe/Berlin</code>\n"
        "<code>/groupsetup days own</code> (each member's own days) or "
        "<code>/groupsetup days tue fri</code>\n<code>/groupsetup summary on sun</code> or "
        "<code>/groupsetup summary off</code>"
    )


BAD_GROUP_SETUP = "I couldn't read that. Send /groupsetup to see the forms it takes."


def group_reminder(mentions: str, names: str) -> str:
    return (
        f"🏋️ Lift day for {mentions}! Your sessions are in /today. Tap your button when done "
        f"as prescribed, or /log what you did.\n<i>{escape(names)}</i>"
    )


def done_button(name: str) -> str:
    return f"✅ {name}: done as prescribed"


def group_done(name: str, lifts: str) -> str:
    return f"✅ {escape(name)} did today's session as prescribed ({escape(lifts)})."


ALREADY_LOGGED_TODAY = "Already logged: nothing added twice."
CALIBRATE_FIRST = "Some lifts still need calibrating: /log them in our private chat."


def board(title: str, week: str, lines: Sequence[str]) -> str:
    body = "\n".join(lines) or NO_MEMBERS
    return f"<b>{escape(title) or 'This group'}: {escape(week)}</b>\n{body}"


def board_line(name: str, done: int, planned: int, streak: int, progress: str, loads: str) -> str:
    tick = " ✅" if planned and done >= planned else ""
    extra = f" · {escape(loads)}" if loads else ""
    return (
        f"{escape(name)}: {done}/{planned}{tick} · streak {streak} wk · e1RM {escape(progress)}"
        f"{extra}"
    )


def team(title: str, lines: Sequence[str]) -> str:
    return f"<b>Team view: {escape(title) or 'group'}</b>\n" + ("\n".join(lines) or NO_MEMBERS)


def team_line(name: str, last: str, done: int, planned: int, flags: Sequence[str]) -> str:
    flagged = (" ⚠️ " + "; ".join(flags)) if flags else ""
    return f"• {escape(name)}: last session {escape(last)} · 4 weeks {done}/{planned}{flagged}"


TEAM_NOT_ANONYMOUS = (
    "The team view goes to your private chat: send /team as yourself, not anonymously."
)
TEAM_SENT = "📬 Sent the team view to your private chat."
SLOW_DOWN = "Slow down a little, please: I'll answer again in a minute."
