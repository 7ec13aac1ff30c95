"""Group chats: joining, sharing, settings, /board and the coach's /team."""

from __future__ import annotations

from collections.abc import Sequence

from render.common import DAY_NAMES, escape, weight
from render.exercises import exercise_name

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
BAD_GROUP_SETUP = "I couldn't read that. Send /groupsetup to see the forms it takes."
ALREADY_LOGGED_TODAY = "Already logged: nothing added twice."
CALIBRATE_FIRST = "Some lifts still need calibrating: /log them in our private chat."
TEAM_NOT_ANONYMOUS = (
    "The team view goes to your private chat: send /team as yourself, not anonymously."
)
TEAM_SENT = "📬 Sent the team view to your private chat."


def left_group(name: str) -> str:
    return f"{escape(name or 'runner')} left the group's programme."


def joined(name: str, title: str) -> str:
    return f"{escape(name)} joined {escape(title) or 'the group'}'s programme. 💪"


def joined_privately(title: str) -> str:
    return f"You're in {escape(title) or 'the group'}'s programme. Let's finish setting you up."


def group_settings(settings) -> str:
    """A group's settings (a `services.groups.GroupSettings`) and how to change them."""
    days = ", ".join(DAY_NAMES[d] for d in settings.fixed_days) or "each member's own"
    summary = f"on, {DAY_NAMES[settings.summary_day]}" if settings.weekly_summary else "off"
    return (
        f"<b>{escape(settings.title) or 'This group'}</b>\n"
        f"Reminder: {escape(settings.reminder_time or 'not set')} "
        f"({escape(settings.timezone or 'time zone not set')})\n"
        f"Lift days: {escape(days)}\nWeekly summary: {escape(summary)}\n\n"
        "Admins change it with:\n<code>/groupsetup time 07:00</code>\n"
        "<code>/groupsetup timezone Europe/Berlin</code>\n"
        "<code>/groupsetup days own</code> (each member's own days) or "
        "<code>/groupsetup days tue fri</code>\n<code>/groupsetup summary on sun</code> or "
        "<code>/groupsetup summary off</code>"
    )


def group_done(name: str, lifts: Sequence[str]) -> str:
    return f"✅ {escape(name)} did today's session as prescribed ({escape(', '.join(lifts))})."


def _board_line(line) -> str:
    name = escape(line.name)
    if not line.onboarded:
        return f"{name}: not set up yet"
    tick = " ✅" if line.planned and line.done >= line.planned else ""
    progress = f"{line.progress:+.0f} %" if line.progress is not None else "—"
    loads = ", ".join(
        f"{exercise_name(e).lower()} {weight(value, line.unit)}" for e, value in line.loads
    )
    extra = f" · {escape(loads)}" if loads else ""
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
    "race_soon": "a race within 14 days",
}


def _team_line(line) -> str:
    if not line.onboarded:
        last = "never (not set up)"
    else:
        last = line.last.isoformat() if line.last else "never"
    flags = (" ⚠️ " + "; ".join(FLAGS[f] for f in line.flags)) if line.flags else ""
    return (f"• {escape(line.name)}: last session {escape(last)} · 4 weeks "
            f"{line.done}/{line.planned}{flags}")  # fmt: skip


def team(title: str, lines: Sequence) -> str:
    body = "\n".join(_team_line(line) for line in lines) or NO_MEMBERS
    return f"<b>Team view: {escape(title) or 'group'}</b>\n{body}"
