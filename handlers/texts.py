"""Every message RunLift sends, in one place for review (and, later, translation).

Values are HTML-escaped here, by the renderer, so no handler has to remember to.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from coaching import DAY_NAMES, LiftDays

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
        "<code>rir2</code> if you had 2 more reps in you). Don't know? Tap calibrate and we'll "
        "find it in your first session."
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
