"""A coach and runners trying group coaching: reminders after the bot is removed and added
back, /board and /team agreeing, /share's setting, /team's paused and not-set-up members."""

from datetime import UTC, datetime

from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, FakeUser

COACH = FakeUser(110, "Coach")
BEN = FakeUser(104, "Ben")
CLUB = -1001111111111
# Saturday 28 November, 20:00 in New York (Sunday 01:00 UTC).
SATURDAY_EVENING_NY = datetime(2026, 11, 29, 1, 0, tzinfo=UTC)


async def _ben_in_new_york(rig) -> None:
    """Ben (New York) lifts on Saturdays; the coach's group posts at 22:01 New York time."""
    rig.now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)  # Friday
    rig.api.chat_members[(CLUB, COACH.id)] = "creator"
    await rig.deliver(rig.updates.bot_added(COACH, CLUB))
    await rig.send("/start", COACH)  # a private chat for /team
    await onboard_by_buttons(rig, BEN)
    await rig.send("/timezone America/New_York", BEN)
    await rig.send("/rundays tue=easy wed=quality sat=easy", BEN)
    await rig.send("/join", BEN, CLUB)
    plan = await rig.send("/plan", BEN)
    assert "Saturday" in plan, plan


async def _group_reminders(rig) -> list[str]:
    return [m.text for m in rig.api.sent_to(CLUB) if "Lift day for" in m.text]


async def test_removed_and_added_back_the_next_lift_days_reminder_comes(rig):
    await _ben_in_new_york(rig)
    await rig.send("/groupsetup timezone America/New_York", COACH, CLUB)
    await rig.send("/groupsetup time 22:01", COACH, CLUB)
    await rig.tick()
    await rig.deliver(rig.updates.bot_removed(COACH, CLUB))
    await rig.tick()
    rig.now = SATURDAY_EVENING_NY.replace(hour=2, minute=59)  # 21:59 in New York
    await rig.deliver(rig.updates.bot_added(COACH, CLUB))
    rig.now = SATURDAY_EVENING_NY.replace(hour=3, minute=5)  # the next tick: 22:05
    await rig.tick()
    reminders = await _group_reminders(rig)
    assert len(reminders) == 1 and "Ben" in reminders[0]


async def test_a_groupsetup_change_plans_todays_reminder_if_still_ahead(rig):
    await _ben_in_new_york(rig)
    rig.now = SATURDAY_EVENING_NY  # 20:00 in New York, Sunday in UTC
    await rig.send("/groupsetup timezone America/New_York", COACH, CLUB)
    await rig.send("/groupsetup time 20:30", COACH, CLUB)
    rig.now = SATURDAY_EVENING_NY.replace(minute=29)
    await rig.send("/groupsetup time 20:30", COACH, CLUB)  # unchanged, still ahead
    rig.now = SATURDAY_EVENING_NY.replace(minute=31)  # the first tick since
    await rig.tick()
    reminders = await _group_reminders(rig)
    assert len(reminders) == 1 and "Ben" in reminders[0]
    await rig.send("/groupsetup days sat", COACH, CLUB)  # sent today: not a second time
    await rig.send("/groupsetup time 20:40", COACH, CLUB)
    rig.now = SATURDAY_EVENING_NY.replace(minute=41)
    await rig.tick()
    assert len(await _group_reminders(rig)) == 1


async def test_board_and_team_count_todays_session_alike_in_the_members_time(rig):
    await _ben_in_new_york(rig)
    rig.now = SATURDAY_EVENING_NY  # Ben's Saturday session not done yet; Sunday in UTC
    board = await rig.send("/board", COACH, CLUB)
    await rig.send("/team", COACH, CLUB)
    assert "Ben: 0/0" in board
    assert "Ben: 0/0 sessions" in rig.last_text(COACH.id)
    await rig.send("/log squat 60x8 60x8", BEN)
    await rig.press("2", BEN)
    board = await rig.send("/board", COACH, CLUB)
    await rig.send("/team", COACH, CLUB)
    assert "Ben: 1/1" in board
    assert "Ben: 1/1 sessions" in rig.last_text(COACH.id)


async def test_groupsetup_says_which_part_it_could_not_read(rig):
    await _ben_in_new_york(rig)
    reply = await rig.send("/groupsetup time 25:00", COACH, CLUB)
    assert "couldn't read the time" in reply and "/groupsetup time 07:00" in reply
    reply = await rig.send("/groupsetup timezone Narnia", COACH, CLUB)
    assert "don't know that time zone" in reply and "Europe/Berlin" in reply
    reply = await rig.send("/groupsetup summary on funday", COACH, CLUB)
    assert "/groupsetup summary on sun" in reply
    reply = await rig.send("/groupsetup colour blue", COACH, CLUB)
    assert "time, timezone, days or summary" in reply
    settings = await rig.send("/groupsetup", COACH, CLUB)
    assert (
        "Reminder: not set (time zone not set)" in settings
        and "Weekly summary: on, Sunday" in settings
    )


async def test_share_board_and_team_say_what_they_show(rig):
    cat, dan = FakeUser(105, "Cat"), FakeUser(106, "Dan")
    await _ben_in_new_york(rig)
    assert "stay private here" in await rig.send("/share", BEN, CLUB)
    await rig.send("/share on", BEN, CLUB)
    assert "show in this group" in await rig.send("/share", BEN, CLUB)
    assert "not in this group" in await rig.send("/share", ALICE, CLUB)
    board = await rig.send("/board", COACH, CLUB)
    assert "· next: back squat" in board  # the next working weights, labelled
    await onboard_by_buttons(rig, cat)
    await rig.send("/join", cat, CLUB)
    await rig.send("/pause 2", cat)  # two weeks
    await rig.send("/join", dan, CLUB)  # not set up yet
    await rig.send("/team", COACH, CLUB)
    view = rig.last_text(COACH.id)
    assert "paused until Friday 11 December" in view.split("Cat")[1]
    assert view.count("Dan") == 1 and "Dan: not set up yet" in view


async def test_reserve_answer_and_today_agree_when_a_lift_is_still_to_calibrate(rig):
    from models import LiftState

    ann = FakeUser(107, "Ann")
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday
    rig.api.chat_members[(CLUB, COACH.id)] = "creator"
    await rig.deliver(rig.updates.bot_added(COACH, CLUB))
    await onboard_by_buttons(rig, ann)  # Tuesday and Thursday
    await rig.send("/join", ann, CLUB)
    async with rig.database.session() as session, session.begin():
        (await session.get(LiftState, (ann.id, "deadlift"))).working_weight_kg = None
    await rig.send("/groupsetup timezone Europe/Berlin", COACH, CLUB)
    await rig.send("/groupsetup time 06:45", COACH, CLUB)
    rig.now = datetime(2026, 11, 24, 5, 45, tzinfo=UTC)  # Tuesday 06:45 in Berlin
    await rig.tick()
    reply = await rig.press("Ann: done as prescribed", ann, CLUB)
    assert "calibrating" in reply
    answer = await rig.press("2", ann)
    today = await rig.send("/today", ann)
    assert "done" not in answer.split("\n")[0] and "Deadlift still to log" in answer
    assert "to go" in today  # /today agrees: not finished
