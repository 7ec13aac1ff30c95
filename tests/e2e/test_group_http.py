"""Issue 12 over HTTP: the real `python -m bot` process runs a group against the local Bot API
server: a real reminder tick names the member due, the wrong member's press is refused, the
right one stores the reps and asks the reserve privately, /board counts it, nothing with a
number reaches the group, and the bot removed and added back turns the group off and on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.offline_api import FakeUser, plain_text
from coaching import RunType, plan_lift_days
from tests.e2e.test_process import RUNNER, TOKEN, _rows, _say, _start_bot, _stop, _tap, _wait_for

GROUP = -1006666666666
COACH = FakeUser(777, "Coach")
OTHER = FakeUser(778, "Olga")
ZONES = ("Pacific/Kiritimati", "Asia/Tokyo", "Asia/Kolkata", "Europe/Berlin", "UTC",
         "America/New_York", "America/Los_Angeles", "Pacific/Honolulu")  # fmt: skip
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _zone_far_from_midnight() -> str:
    """The zone where it is nearest midday now: the reminder's day is today there."""
    now = datetime.now(UTC)
    return min(ZONES, key=lambda z: abs(now.astimezone(ZoneInfo(z)).hour - 12))


def _week_lifting_on(weekday: int) -> str:
    """A running week whose lift days include `weekday` (quality runs that day and 3 later)."""
    week = {weekday: RunType.QUALITY, (weekday + 3) % 7: RunType.QUALITY}
    assert weekday in plan_lift_days(week).days
    return " ".join(f"{DAYS[day]}={run.value}" for day, run in week.items())


def _answered(server, text: str) -> None:
    """Say `text` privately and wait for the bot's next message."""
    before = len(server.api.sent_to(RUNNER.id))
    server.push(server.updates.message(RUNNER, text))
    _wait_for(lambda: len(server.api.sent_to(RUNNER.id)) > before, f"the answer to {text!r}")


def _in_group(server, expect: str) -> bool:
    return any(expect in plain_text(m.text) for m in server.api.sent_to(GROUP))


def _group(server, user: FakeUser, text: str, expect: str) -> None:
    server.push(server.updates.message(user, text, GROUP))
    _wait_for(lambda: _in_group(server, expect), expect)


def _active(database_url: str) -> bool:
    [(active,)] = _rows(database_url, f"SELECT active FROM groups WHERE id = {GROUP}")
    return bool(active)


def test_a_group_reminder_button_and_reserve_over_http(server, tmp_path, database_url):
    zone = _zone_far_from_midnight()
    local_now = datetime.now(UTC).astimezone(ZoneInfo(zone))
    server.api.chat_members[(GROUP, COACH.id)] = "creator"
    process = _start_bot(server, tmp_path, database_url, REMINDER_TICK_SECONDS="1")
    try:
        for command, expect in (("/units kg", "Saved: kg"), (f"/timezone {zone}", "Saved:"),
                                (f"/rundays {_week_lifting_on(local_now.weekday())}", "Lift days"),
                                ("/remind 07:00", "Saved: reminders")):  # fmt: skip
            _say(server, command, expect)
        _tap(server, "Full gym", "6/6")
        for recent_set in ("40x8", "80x5 rir2", "100x5", "14x8"):  # a set per lift
            _answered(server, recent_set)
        _say(server, "24x10", "All set")
        server.push(server.updates.bot_added(COACH, GROUP))
        _wait_for(lambda: _in_group(server, "/join"), "the introduction")
        _group(server, RUNNER, "/join", "joined")
        _group(server, COACH, "/groupsetup days sat sun", "one day between")
        _group(server, COACH, f"/groupsetup timezone {zone}", f"({zone})")
        # The next whole minute at least 20 s away: a reminder the tick plans, then sends.
        due = (datetime.now(UTC) + timedelta(seconds=80)).astimezone(ZoneInfo(zone))
        _group(server, COACH, f"/groupsetup time {due:%H:%M}", f"Reminder: {due:%H:%M}")
        _wait_for(lambda: _in_group(server, "Lift day for"), "the group's reminder", 150)
        reminder = next(m for m in server.api.sent_to(GROUP) if "Lift day for" in m.text)
        assert f"tg://user?id={RUNNER.id}" in reminder.text
        data = reminder.buttons[0][0]["callback_data"]
        server.push(server.updates.press(OTHER, reminder, data))
        _wait_for(
            lambda: any(
                "belongs to someone else" in (c.params.get("text") or "")
                for c in server.api.calls
                if c.method == "answerCallbackQuery"
            ),
            "the refusal",
        )
        server.push(server.updates.press(RUNNER, reminder, data))
        _wait_for(lambda: _in_group(server, "did the session's sets and reps"), "the log")
        _tap(server, "3", "3 in reserve")
        _group(server, COACH, "/board", "Ada <Lovelace>: 1/")
        assert not _in_group(server, " kg")  # she does not share: no number in the group
        server.push(server.updates.bot_removed(COACH, GROUP))
        _wait_for(lambda: not _active(database_url), "the group marked inactive")
        server.push(server.updates.bot_added(COACH, GROUP))
        _wait_for(lambda: _active(database_url), "the group active again")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
    assert TOKEN not in output
