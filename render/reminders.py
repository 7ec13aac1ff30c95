"""What reminders say, and /pause, /resume, /headsup and /race."""

from __future__ import annotations

from collections.abc import Sequence

from coaching.dates import RaceProblem
from render.common import DAY_NAMES, day_text, escape, lift_after_run, mention
from render.reasons import capitalised, reason_text
from render.training import planned_line

LATE_NOTE = "<i>(A little late: I was offline for a while.)</i>"
OPEN_TODAY = "Open today's session"
Buttons = list[tuple[str, str]]  # (label, callback data), one per row


def lift_reminder(reminder) -> str:
    """A lift day (a `services.reminders.LiftReminder`): the session in short."""
    session, kit = reminder.session, reminder.kit
    note = reason_text(session.note, kit)
    if session.no_lifting:
        return f"🏁 <b>No lifting today</b>\n<i>{escape(capitalised(note))}</i>"
    body = "\n".join(f"• {escape(planned_line(lift, kit))}" for lift in session.lifts)
    notes = [capitalised(note), lift_after_run(reminder.run)]
    extra = "".join(f"\n<i>{escape(line)}</i>" for line in notes if line)
    return (f"🏋️ <b>Lift day: session {session.name}</b> (about {session.minutes} min){extra}\n"
            f"{body}")  # fmt: skip


def heads_up(name: str, day) -> str:
    return f"Heads-up: session {name} is tomorrow ({escape(DAY_NAMES[day.weekday()])}). Sleep well!"


def missed(reminder) -> tuple[str, Buttons]:
    """The day after a missed lift day (a `services.reminders.MissedSession`)."""
    missed_name = DAY_NAMES[reminder.missed.weekday()]
    if reminder.target is None:
        if reminder.reslot.already_moved:
            text = (f"The session moved from earlier was missed again on {missed_name}: "
                    "dropped. The programme carries on with the next one.")  # fmt: skip
        else:
            text = (f"Missed {missed_name}'s session and no later day this week fits the "
                    "rules: dropped. The programme carries on with the next one.")  # fmt: skip
        return escape(text), []
    target_name = DAY_NAMES[reminder.target.weekday()]
    once = "A session moves once; missed again, it is dropped and the programme simply carries on."
    if reminder.moves_on is None:
        text = f"No session logged for {missed_name}. Do it on {target_name} instead? {once}"
        data = f"reslot:{reminder.missed.isoformat()}:{reminder.target.isoformat()}"
        return text, [(f"Move it to {target_name}", data)]
    then = DAY_NAMES[reminder.moves_on.weekday()]
    text = (f"No session logged for {missed_name}. Do it on {target_name}, your next lift day, "
            f"and {target_name}'s session moves on to {then}? {once}")  # fmt: skip
    data = f"reslot:{reminder.missed.isoformat()}:{reminder.moves_on.isoformat()}"
    return text, [(f"Yes: {target_name}, then {then}", data)]


def group_lift_day(reminder, owner_mark: str) -> tuple[str, Buttons]:
    """The group's lift-day message (a `services.reminders.GroupLiftDay`)."""
    mentions = ", ".join(mention(user_id, name) for user_id, name in reminder.members)
    names = " · ".join(name for _, name in reminder.members)
    text = (
        f"🏋️ Lift day for {mentions}! Your sessions are in /today. Tap your button when done "
        f"as prescribed, or /log what you did.\n<i>{escape(names)}</i>"
    )
    day = reminder.day.isoformat()
    buttons = [
        (f"✅ {name}: done as prescribed", f"gdone:{day}{owner_mark}{user_id}")
        for user_id, name in reminder.members
    ]
    return text, buttons


def reslotted(day, moves_on=None) -> str:
    text = f"Done: the missed session is now on {escape(day_text(day))}"
    if moves_on is not None:
        text += f", and the next one on {escape(day_text(moves_on))}"
    return text + "."


# --- pause, resume, heads-up, races ---------------------------------------------------------------


def paused(until, today=None) -> str:
    if until is None:
        return "Reminders paused. /resume brings them back."
    shown = escape(day_text(until, today))
    return f"Reminders paused until {shown}. /resume brings them back sooner."


RESUMED = "Reminders are back on."
BAD_PAUSE = "Use <code>/pause</code> or <code>/pause 2</code> (a number of weeks, 1–52)."
HEADS_UP_ON = "I'll also send a short heads-up at 20:00 the evening before each lift day."
HEADS_UP_OFF = "No more evening heads-ups."
BAD_HEADS_UP = "Use <code>/headsup on</code> or <code>/headsup off</code>."


def heads_up_state(on: bool) -> str:
    """/headsup alone: whether it is on, and how to change it."""
    if on:
        return ("Evening heads-ups are on: a short note at 20:00 before each lift day. "
                "<code>/headsup off</code> stops them.")  # fmt: skip
    return ("Evening heads-ups are off. <code>/headsup on</code> sends a short note at 20:00 "
            "the evening before each lift day.")  # fmt: skip


DISTANCES = "5k, 10k, half, marathon or ultra"
RACE_USAGE = (
    "Add a race with <code>/race 2027-04-12 half</code>: a date (today or later; "
    f"<code>13/12/2026</code> and <code>tomorrow</code> work too) and a distance: {DISTANCES}."
)
NO_RACES = "No races yet. " + RACE_USAGE
TAPER_EXPLAINED = (
    "From about two weeks out (10 days for 5–10 km) you do one set per lift at the same "
    "weight, lower body stops a week or so before, and race week is lift-free. The week after "
    "is about 20 % lighter (upper body only after a marathon or ultra); your working weights "
    "stay as they were."
)


def race_refused(error, today) -> str:
    """Why `/race ...` could not be used (a `coaching.dates.RaceInputError`), and the form."""
    problem, typed = error.problem, escape(error.typed[:40])
    days = [escape(day_text(d, today)) for d in error.days]
    iso = [d.isoformat() for d in error.days] or [""]  # the texts below are all built
    example = "e.g. <code>/race 2027-04-12 half</code>"
    readings = " or ".join(_day_month(d) for d in error.days)
    why = {
        RaceProblem.NO_DISTANCE: f"Which distance? {DISTANCES}, {example}.",
        RaceProblem.DISTANCE: f"“{typed}” is not a distance I know: {DISTANCES}.",
        RaceProblem.NO_DATE: f"Which day? {example[0].upper()}{example[1:]}.",
        RaceProblem.DATE_FORM: f"I couldn't read the date “{typed}”.",
        RaceProblem.AMBIGUOUS: (f"“{typed}”: {readings}? Write it as <code>{iso[0]}</code> "
                                f"(or <code>{iso[-1]}</code>)."),
        RaceProblem.NO_SUCH_DATE: f"“{typed}” is no such date.",
        RaceProblem.PAST: f"{''.join(days)} is in the past: races from today on.",
        RaceProblem.TOO_FAR: f"{''.join(days)} is too far ahead: races up to two years ahead.",
    }[problem]  # fmt: skip
    if problem in (RaceProblem.DATE_FORM, RaceProblem.NO_SUCH_DATE):
        return f"{why} {RACE_USAGE}"
    return why


def _day_month(day) -> str:
    return f"{day.day} {day.strftime('%B')}"


def race_added(added, today) -> str:
    """A `services.profile.RaceAdded`: new, already there, or a day's race changed."""
    race = f"{escape(added.distance)} on {escape(day_text(added.day, today))}"
    if added.already:
        return f"You already have that race: {race}. Nothing changed."
    if added.was is not None:
        return (f"One race a day: your race on {escape(day_text(added.day, today))} is now a "
                f"{escape(added.distance)} (was a {escape(added.was)}).")  # fmt: skip
    return f"Race added: {race}. {escape(TAPER_EXPLAINED)}"


def races_list(races: Sequence, today=None) -> str:
    lines = [f"{r.distance} on {day_text(r.day, today)}" for r in races]
    return "<b>Your races</b>\n" + "\n".join(f"• {escape(line)}" for line in lines)


def remove_race_button(race, today=None) -> str:
    return f"Remove {race.distance} on {day_text(race.day, today)}"


def race_removed(race, today=None) -> str:
    return f"Removed: {escape(race.distance)} on {escape(day_text(race.day, today))}."
