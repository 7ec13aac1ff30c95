"""What every renderer shares: escaping, weights in the runner's units, days, short replies.

Values are HTML-escaped here, by the renderer, so no handler has to remember to.
"""

from __future__ import annotations

import html
from datetime import date

from coaching import Exercise, Implement, Kit, Unit, from_kg

# In groups, a button is signed with the id of the member it was made for ("rir:3|101"): only
# that member may press it.
OWNER_MARK = "|"

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Run first, lift at least 6 h later (Doma & Deakin 2013; Robineau et al. 2016: see
# coaching/week.py). One wording for /plan, /today and the lift-day reminder.
LIFT_LATER = "lift at least 6 hours after the run"
_LIFT_AFTER = {"quality": "Quality-run day", "long": "Long-run day"}


def lift_after_run(run: str) -> str:
    """The advice on a day with a hard run before the lifting ("" on other days)."""
    day = _LIFT_AFTER.get(run)
    return f"{day}: run first, {LIFT_LATER}." if day else ""


def escape(text: str) -> str:
    """User-supplied text made safe for Telegram's HTML (quotes need no escaping there)."""
    return html.escape(text, quote=False)


def mention(user_id: int, name: str) -> str:
    """A mention by user id (it notifies them, and works without a username)."""
    return f'<a href="tg://user?id={int(user_id)}">{escape(name or "runner")}</a>'


def number(value: float) -> str:
    """At most two decimals, no trailing zeros: `62.5`, `135`."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def weight(value: float, unit: Unit) -> str:
    """`62.5 kg`, `135 lb`."""
    return f"{number(value)} {unit.value}"


def weight_kg(value_kg: float, unit: Unit) -> str:
    """A stored weight (kg) in the runner's units (to a tenth: 14 kg is `30.9 lb`)."""
    return weight(round(from_kg(value_kg, unit), 1), unit)


def plates(kit: Kit, exercise: Exercise, load: float) -> str:
    """`20 + 5 + 1.25 each side`, or `empty bar`."""
    per_side = kit.plates_per_side(exercise, load)
    if not per_side:
        return "empty bar"
    return " + ".join(number(p) for p in per_side) + " each side"


def load(kit: Kit, exercise: Exercise, value: float) -> str:
    """`62.5 kg (20 + 1.25 each side)`, `2 × 16 kg`, `12 kg`."""
    if exercise.implement is Implement.DUMBBELL:
        shown = weight(value, kit.unit)
        return f"2 × {shown}" if exercise.dumbbells_held == 2 else shown
    return f"{weight(value, kit.unit)} ({plates(kit, exercise, value)})"


def each_arm(exercise: Exercise) -> str:
    """` each arm` after the sets of a one-arm lift (its sets are done with each arm)."""
    return " each arm" if exercise.per_arm else ""


def day_text(day: date, today: date | None = None) -> str:
    """`Tuesday 24 November`; with `today`, a day in another year or over half a year away
    also shows its year: `Monday 12 April 2027`."""
    text = f"{DAY_NAMES[day.weekday()]} {day.day} {day.strftime('%B')}"
    if today is not None and (day.year != today.year or abs((day - today).days) > 183):
        text += f" {day.year}"
    return text


SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try that again."
STALE_BUTTON = "That button belongs to an older message. Send the command again."
NOT_YOUR_BUTTON = "That button belongs to someone else."
NOT_UNDERSTOOD = "I didn't understand that. /help lists what I can do; /start sets you up."
NOTHING_TO_CANCEL = "There is nothing to cancel."
CANCELLED = "Stopped. Your settings so far are kept. /settings shows them, /start carries on."
USE_PRIVATE_CHAT = "Let's do that in a private chat, so the group isn't flooded."
OPEN_PRIVATE_CHAT = "Open a private chat"
NEEDS_SETUP = "Let's set you up first: send /start (about two minutes)."
SLOW_DOWN = "Slow down a little, please: I'll answer again in a minute."
GROUP_ONLY = "That command works in a group chat."
SENT_PRIVATELY = "📬 {name}, I sent the details to our private chat."
START_PRIVATE_FIRST = "{name}, open a private chat with me first so I can send you your numbers."
YES, NO = "Yes", "No"
# The database is down, locked or full: the update is kept (Telegram sends it again) and
# answered once it is back.
DATABASE_BUSY = (
    "Sorry, my notebook is out of reach for a moment. I'll answer this as soon as it's back."
)
POST_AS_YOURSELF = "Please send that as yourself, not as a channel or anonymously."


def sent_privately(name: str) -> str:
    return SENT_PRIVATELY.format(name=escape(name or "runner"))


def start_private_first(name: str) -> str:
    return START_PRIVATE_FIRST.format(name=escape(name or "runner"))
