"""Set-up and /settings: the six steps, the profile, and what was expected when an answer
could not be read."""

from __future__ import annotations

from collections.abc import Mapping

from coaching import Kit, LiftDays, Reason, ReasonCode, Rule, RunType, Unit
from render.blocks import block_name
from render.common import DAY_NAMES, LIFT_LATER, day_text, escape, load, weight
from render.exercises import exercise_name
from render.reasons import capitalised, reason_text

# --- the week's lift days, explained -------------------------------------------------------------

RULE_NAMES = {
    Rule.LONG_DAY: "long-run day",
    Rule.BEFORE_QUALITY: "day before quality",
    Rule.BEFORE_LONG: "day before long run",
    Rule.BEFORE_RACE: "day before race",
    Rule.AFTER_RACE: "day after race",
    Rule.RACE_DAY: "race day",
    Rule.SPACING: "one day between",
}


def lift_days_explained(lift_days: LiftDays, week: Mapping[int, RunType]) -> str:
    """Why these days (plain text): the runs they follow, and which rules the week relaxed."""
    if not lift_days.days:
        return "Every day of this week is a race or the day before one: no lifting."
    parts = []
    for day in lift_days.days:
        run = week.get(day, RunType.REST)
        if run is RunType.QUALITY:
            parts.append(f"{DAY_NAMES[day]} after your quality run ({LIFT_LATER})")
        elif run is RunType.LONG:
            parts.append(f"{DAY_NAMES[day]} after your long run ({LIFT_LATER})")
        else:
            parts.append(f"{DAY_NAMES[day]} ({run.value} day)")
    text = "Lift on " + " and ".join(parts) + "."
    if len(lift_days.days) == 1:
        text += " Your week leaves no two days far enough apart, so one session this week:"
        text += " one heavy session a week keeps the strength you have built."
    relaxed = [RULE_NAMES[r] for r in lift_days.relaxed if r in RULE_NAMES]
    if relaxed:
        text += " No day fitted every rule, so I relaxed: " + ", ".join(relaxed) + "."
        if {Rule.BEFORE_QUALITY, Rule.BEFORE_LONG} & set(lift_days.relaxed):
            text += " On the eve of a key run the check-in leaves the leg lifts out."
    else:
        text += " Never the day before a long run, quality session or race, nor the day after a"
        text += " race, and never two days in a row."
    return text


def lift_day_names(lift_days: LiftDays, none: str) -> str:
    return " and ".join(DAY_NAMES[d] for d in lift_days.days) or none


def lift_days_line(lift_days: LiftDays, week: Mapping[int, RunType]) -> str:
    names = lift_day_names(lift_days, "no lifting this week")
    return f"Lift days: {names}. {escape(lift_days_explained(lift_days, week))}"


# --- the steps -----------------------------------------------------------------------------------


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


def bad_timezone(typed: str, suggestions: list[str]) -> str:
    shown = escape(typed[:40]) if typed.strip() else "that"
    text = f"I don't know the time zone “{shown}”."
    if suggestions:
        return text + " Did you mean one of these? Tap it, or type another."
    return text + " Type a region/city name such as <code>Europe/Berlin</code>."


ASK_WEEK = (
    "<b>3/6 Your usual running week.</b> Tap a day to change it: rest → easy → quality "
    "(intervals, tempo, hills) → long → race (e.g. a weekly parkrun). Tap <b>Done</b> when it "
    "looks right. You can also type days: <code>tue=quality thu=easy sat=long</code> (days you "
    "don't type stay as they are)."
)
WEEK_DONE = "Done ✓"


def week_button(day: int, run: str) -> str:
    return f"{DAY_NAMES[day]}: {run}"


def bad_week(token: str) -> str:
    shown = f"“{escape(token[:40])}”" if token.strip() else "that"
    return (
        f"I couldn't read {shown}. Write days as <code>day=type</code>, e.g. "
        "<code>tue=quality thu=easy sat=long</code>. Days: mon…sun; types: rest, easy, quality, "
        "long, race. Days you don't type stay as they are."
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


def _recent_set_request(unit: Unit, per_dumbbell: bool) -> str:
    what = "the weight of one dumbbell" if per_dumbbell else "the total on the bar"
    return (
        f"A recent set: weight × reps, e.g. <code>40x8</code> ({what}, in {unit.value}; add "
        "<code>rir2</code> if you had 2 more reps in you). Don't know? Tap (or type) calibrate "
        "and we'll find it in your first session."
    )


def ask_load(exercise_name: str, index: int, total: int, unit: Unit, per_dumbbell: bool) -> str:
    heading = f"<b>6/6 Starting loads ({index}/{total}): {escape(exercise_name)}.</b> "
    return heading + _recent_set_request(unit, per_dumbbell)


CALIBRATE_ONE = "Calibrate this one"
CALIBRATE_ALL = "Calibrate all in my first session"


# One wording for the effort, at set-up and in /log: one grammar reads both.
EFFORT_FORMS = (
    "effort after the sets: <code>rir 2</code> (reps in reserve) or <code>rpe 8</code>; "
    "<code>@8</code> after them is RPE 6–10"
)


def bad_load(max_weight: float, unit: Unit) -> str:
    return (
        "Please send a recent set as weight × reps, e.g. <code>60x8</code> or "
        f"<code>60x8 rir2</code>: weight above 0 and at most {weight(max_weight, unit)}, "
        f"1–15 reps; {EFFORT_FORMS}. Or tap calibrate."
    )


def start_note(exercise, reason: Reason, kit: Kit) -> str:
    """After a recent set is stored: a note when the kit's lightest weight replaced the load
    worked out from it (otherwise nothing to say)."""
    if reason.code is not ReasonCode.FROM_SET_LIGHTEST:
        return ""
    name = escape(exercise_name(exercise))
    start = escape(load(kit, exercise, kit.loadable(exercise)[0]))
    why = escape(capitalised(reason_text(reason, kit, exercise)))
    return f"<b>{name}</b>: starting at {start}. {why}."


LONG_SET = "A set of more than 15 reps says little about strength: send a heavier set, e.g. 8 reps."
ONBOARDED = "All set! Here is your profile. /settings changes any part of it."

# --- settings ------------------------------------------------------------------------------------

SETTINGS_BUTTONS = (
    ("Units", "units"),
    ("Time zone", "timezone"),
    ("Running week", "week"),
    ("Reminder time", "remind"),
    ("Equipment", "equipment"),
    ("Your kit", "kit"),
    ("Starting loads", "loads"),
)


def saved(step: str, profile) -> str:
    """A setting command's confirmation (`profile` a `services.profile.ProfileView`)."""
    what = {
        "units": profile.unit.value,
        "timezone": profile.timezone or "",
        "remind": f"reminders at {profile.reminder_time}",
        "equipment": EQUIPMENT_NAMES.get(profile.equipment or "", ""),
        "week": "running week",
    }[step]
    return f"Saved: {escape(what)}."


CHOOSE_LOAD = "Which lift's starting weight do you want to change?"
CALIBRATE_TEXT = "calibrate in the first session"
NOT_SET = "not set yet"
CONTINUE_SETUP = "Let's finish setting you up."


def load_text(kit: Kit, exercise, value: float | None) -> str:
    """A lift's starting load as shown in the profile and on its button."""
    return CALIBRATE_TEXT if value is None else load(kit, exercise, value)


def load_button(kit: Kit, exercise, value: float | None) -> str:
    return f"{exercise_name(exercise)}: {load_text(kit, exercise, value)}"


def unset_load_button(exercise) -> str:
    return f"{exercise_name(exercise)}: {NOT_SET}"


def ask_one_load(exercise_name: str, unit: Unit, per_dumbbell: bool) -> str:
    return f"<b>{escape(exercise_name)}.</b> " + _recent_set_request(unit, per_dumbbell)


def profile_summary(profile, kit: Kit) -> str:
    """Everything the runner told RunLift (a `services.profile.ProfileView`)."""
    week = {d: r.value for d, r in profile.week.items()}
    days = "\n".join(f"  {DAY_NAMES[d][:3]}: {week.get(d, 'rest')}" for d in range(7))
    lift_names = lift_day_names(profile.lift_days, "none this week")
    explained = lift_days_explained(profile.lift_days, profile.week)
    loads = "\n".join(
        [f"  {escape(exercise_name(e))}: {escape(load_text(kit, e, value))}"
         for e, value in profile.loads]
        + [f"  {escape(exercise_name(e))}: {NOT_SET}" for e in profile.unset]
    )  # fmt: skip
    return (
        f"<b>Units:</b> {profile.unit.value}\n"
        f"<b>Time zone:</b> {escape(profile.timezone or NOT_SET)}\n"
        f"<b>Reminders:</b> {escape(profile.reminder_time or NOT_SET)} on lift days"
        f"{_paused(profile)}\n"
        f"<b>Heads-up:</b> {'on' if profile.heads_up else 'off'} (a note the evening before; "
        "/headsup)\n"
        f"<b>Races:</b> {_races(profile)}\n"
        f"<b>Swaps:</b> {_swaps(profile)}\n"
        f"<b>Equipment:</b> {EQUIPMENT_NAMES.get(profile.equipment or '', NOT_SET)}\n"
        f"<b>Running week:</b>\n{days}\n"
        f"<b>Lift days:</b> {lift_names}. {escape(explained)}\n"
        f"<b>Block:</b> {block_name(profile.block)} (/block to see or change)\n"
        f"<b>Starting loads:</b>\n{loads or '  ' + NOT_SET}"
    )


def refused_command(typed: str, usage: str) -> str:
    """A setting command whose value could not be used (`usage`: what is expected)."""
    return f"I couldn't use “{escape(typed[:40])}”. {usage}"


def _paused(profile) -> str:
    if not profile.paused:
        return ""
    if profile.paused_until is None:
        return ", <b>paused</b> (/resume)"
    until = escape(day_text(profile.paused_until, profile.today))
    return f", <b>paused until {until}</b> (/resume)"


def _races(profile) -> str:
    if not profile.races:
        return "none (/race adds one)"
    return escape(", ".join(f"{r.distance} on {day_text(r.day, profile.today)}"
                            for r in profile.races)) + " (/race)"  # fmt: skip


def _swaps(profile) -> str:
    if not profile.swaps:
        return "none (the swap button under /today)"
    return escape("; ".join(f"{exercise_name(new)} instead of {exercise_name(old)}"
                            for old, new in profile.swaps))  # fmt: skip


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

# --- deleting data -------------------------------------------------------------------------------

CONFIRM_DELETE = (
    "This deletes <b>everything</b> I store about you: profile, running week, loads, logged "
    "sets, reminders and group memberships. It cannot be undone. Are you sure?"
)
DELETE_YES = "Yes, delete everything"
DELETE_NO = "No, keep my data"
DELETED = "Done: everything about you is deleted. /start sets you up again whenever you like."
KEPT = "Nothing was deleted."
