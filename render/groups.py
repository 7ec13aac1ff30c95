"""Group chats: joining, sharing, settings, /board and the coach's /team."""

from __future__ import annotations

from collections.abc import Sequence

from render.blocks import block_name
from render.common import DAY_NAMES, day_text, escape, weight
from render.exercises import exercise_name
from render.onboarding import RULE_NAMES

GROUP_INTRO = (
    "Hi! I'm RunLift, a strength coach for runners: two short, heavy sessions a week, fitted "
    "around each member's running. Send /join to take part (your numbers stay private unless "
    "you /share on). Admins: /groupsetup sets the group's reminder time. /help lists the rest."
)
SET_UP_FIRST = "Set up in a private chat first (two minutes), then you're in."
SET_UP_BUTTON = "Set up privately"
NOT_A_MEMBER = "You're not in this group's programme: /join first."
SHARE_ON = "Your loads and numbers now show in this group."
SHARE_OFF = "Your loads and numbers stay private again (only adherence shows here)."
BAD_SHARE = "Use <code>/share on</code> or <code>/share off</code>."
ONLY_ADMINS = "Only the group's admins can do that."
NO_MEMBERS = "Nobody has joined yet: /join."
BAD_GROUP_SETUP_PARTS = {
    "time": "I couldn't read the time: a 24-hour time, e.g. <code>/groupsetup time 07:00</code>.",
    "timezone": (
        "I don't know that time zone: a region and city, e.g. "
        "<code>/groupsetup timezone Europe/Berlin</code>."
    ),
    "days": (
        "I couldn't read the days: one to three weekdays, e.g. "
        "<code>/groupsetup days tue fri</code>, or <code>/groupsetup days own</code>."
    ),
    "summary": (
        "I couldn't read that: <code>/groupsetup summary on</code> or <code>off</code>, and a "
        "weekday if you like, e.g. <code>/groupsetup summary on sun</code>."
    ),
    "what": (
        "I couldn't read that: /groupsetup sets <code>time</code>, <code>timezone</code>, "
        "<code>days</code> or <code>summary</code>. Send /groupsetup to see the forms."
    ),
}
ALREADY_LOGGED_TODAY = "Already logged: nothing added twice."
CALIBRATE_FIRST = "Some lifts still need calibrating: /log them in our private chat."
TEAM_NOT_ANONYMOUS = (
    "The team view goes to your private chat: send /team as yourself, not anonymously."
)
TEAM_SENT = "📬 Sent the team view to your private chat."


def bad_group_setup(part: str) -> str:
    """Which part of a /groupsetup could not be read, and the form it takes."""
    return BAD_GROUP_SETUP_PARTS.get(part, BAD_GROUP_SETUP_PARTS["what"])


def share_state(on: bool) -> str:
    """/share alone: the member's setting in this group, and how to change it."""
    if on:
        return "Your loads and numbers show in this group. <code>/share off</code> hides them."
    return ("Your loads and numbers stay private here (only adherence shows). "
            "<code>/share on</code> shows them.")  # fmt: skip


def left_group(name: str) -> str:
    return f"{escape(name or 'runner')} left the group's programme."


def joined(name: str, title: str) -> str:
    return f"{escape(name)} joined {escape(title) or 'the group'}'s programme. 💪"


def joined_privately(title: str) -> str:
    return (f"You've joined {escape(title) or 'the group'}'s programme: a few questions to set "
            "you up.")  # fmt: skip


def group_settings(settings) -> str:
    """A group's settings (a `services.groups.GroupSettings`) and how to change them."""
    days = ", ".join(DAY_NAMES[d] for d in settings.fixed_days) or "each member's own"
    summary = f"on, {DAY_NAMES[settings.summary_day]}" if settings.weekly_summary else "off"
    return (
        f"<b>{escape(settings.title) or 'This group'}</b>\n"
        f"Reminder: {escape(settings.reminder_time or 'not set')} "
        f"({escape(settings.timezone or 'time zone not set')})\n"
        f"Lift days: {escape(days)} (each member is named only when their own plan has a "
        "session that day)\n"
        f"Weekly summary: {escape(summary)}\n\n"
        "Admins change it with:\n<code>/groupsetup time 07:00</code>\n"
        "<code>/groupsetup timezone Europe/Berlin</code>\n"
        "<code>/groupsetup days own</code> (each member's own days) or "
        "<code>/groupsetup days tue fri</code>\n<code>/groupsetup summary on sun</code> or "
        "<code>/groupsetup summary off</code>"
    )


def _board_line(line) -> str:
    name = escape(line.name)
    if not line.onboarded:
        return f"{name}: not set up yet"
    tick = " ✅" if line.planned and line.done >= line.planned else ""
    progress = f"{line.progress:+.0f} %" if line.progress is not None else "—"
    loads = ", ".join(
        f"{exercise_name(e).lower()} {weight(value, line.unit)}" for e, value in line.loads
    )
    extra = f" · next: {escape(loads)}" if loads else ""  # the next working weights
    return (f"{name}: {line.done}/{line.planned}{tick} · streak {line.streak} wk · "
            f"e1RM {escape(progress)}{extra}")  # fmt: skip


def board(board) -> str:
    """The week in a group (a `services.reports.Board`)."""
    week = f"week of {board.monday.day} {board.monday.strftime('%B')}"
    body = "\n".join(_board_line(line) for line in board.lines) or NO_MEMBERS
    return f"<b>{escape(board.title) or 'This group'}: {escape(week)}</b>\n{body}"


FLAGS = {
    "missed_twice": "two sessions missed in a row",
    "deload": "a deload in the last 2 weeks",
}
TRENDS = {"up": "up", "flat": "flat", "down": "down"}


def _team_line(line, today) -> str:
    """One member (a `services.reports.TeamLine`): figures since they joined."""
    name = f"<b>{escape(line.name)}</b>"
    if not line.onboarded:
        return f"• {name}: not set up yet"
    last = escape(day_text(line.last, today)) if line.last else "none yet"
    since = escape(day_text(line.since, today))
    lines = [f"• {name}: {line.done}/{line.planned} sessions since joining ({since}) · "
             f"last session: {last} · block {escape(block_name(line.block))}"]  # fmt: skip
    trends = ", ".join(f"{exercise_name(e).lower()} {TRENDS[t]}" for e, t in line.trends)
    lines.append(f"  e1RM over 4 weeks: {escape(trends or 'not enough sessions yet')}")
    if line.paused_until is not None:
        lines.append(f"  ⏸ paused until {escape(day_text(line.paused_until, today))}")
    if line.races:
        races = ", ".join(f"{d.value} on {day_text(day, today)}" for day, d in line.races)
        lines.append(f"  Races: {escape(races)}")
    if line.flags:
        lines.append("  ⚠️ " + escape("; ".join(FLAGS[f] for f in line.flags)))
    return "\n".join(lines)


def team(title: str, lines: Sequence, today=None) -> str:
    """The coach's view of a group (`services.reports.TeamLine`s), sent privately."""
    body = "\n".join(_team_line(line, today) for line in lines) or NO_MEMBERS
    return f"<b>Team view: {escape(title) or 'group'}</b>\n{body}"


# --- the "done as prescribed" button and its private question --------------------------------

RESERVE_SAVED_ALREADY = "Already answered: nothing changed."


def group_done(name: str, lifts: Sequence[str], asked: bool) -> str:
    """The group's reply to the button: the reps are in; how hard it was is asked privately
    (`asked`: the question went to the private chat)."""
    done = f"✅ {escape(name)} did the session's sets and reps ({escape(', '.join(lifts))})."
    if asked:
        return done + " I asked privately how hard it was."
    return (done + " How hard was it? Open our private chat to answer (one tap): until then "
            "the loads stay as they are.")  # fmt: skip


def reserve_question(lifts: Sequence[str], day, today) -> str:
    """Asked privately after the group's button: one answer for the session's last sets."""
    when = "today's" if day == today else f"{escape(day_text(day, today))}'s"
    return (
        f"You logged {when} session from the group ({escape(', '.join(lifts))}). How many more "
        "reps could you have done on the last sets? (reps in reserve) Until you answer, "
        "your loads stay as they are."
    )


def group_days_refused(rule) -> str:
    """`/groupsetup days ...` against the lift-day rules (a `coaching.week.Rule`)."""
    return (
        f"Those days break a lift-day rule ({escape(RULE_NAMES[rule])}): two lift days need a "
        "full day between them (48 hours to recover), so no two days in a row "
        "(Sunday and Monday count too). E.g. <code>/groupsetup days tue fri</code>."
    )
