"""Issue 12: a coach and four runners with different weeks, a race and a pause, over two
weeks of group reminders; the group's button, /board and /team checked against the logs;
privacy; the bot removed and added back."""

from datetime import UTC, date, datetime, timedelta

from models import Group, GroupMember, Reminder
from tests.handlers.helpers import onboard_by_buttons, working_kg
from tests.rig import ALICE, BOB, FakeUser

COACH = FakeUser(110, "Coach")
CAROL = FakeUser(103, "Carol")
DAN = FakeUser(104, "Dan")
CLUB = -1001111111111
MONDAY = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def _at_reminder_time(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 5, 45, tzinfo=UTC)  # 06:45 in Berlin


async def _club(rig) -> None:
    """Alice lifts Tue/Thu; Bob Mon/Wed; Carol Wed/Fri with a 10k on Sunday 6 December; Dan
    has Alice's week but pauses for a week. The group reminds at 06:45, members' own days."""
    rig.now = MONDAY
    rig.api.chat_members[(CLUB, COACH.id)] = "creator"
    await rig.deliver(rig.updates.bot_added(COACH, CLUB))
    for member in (ALICE, BOB, CAROL, DAN):
        await onboard_by_buttons(rig, member)
        await rig.send("/join", member, CLUB)
    assert "Lift days" in await rig.send("/rundays mon=easy wed=quality sat=long", BOB)
    assert "Lift days" in await rig.send("/rundays wed=quality fri=easy sun=long", CAROL)
    assert "Race added" in await rig.send("/race 2026-12-06 10k", CAROL)
    assert "paused until" in await rig.send("/pause 1", DAN)
    await rig.send("/groupsetup timezone Europe/Berlin", COACH, CLUB)
    await rig.send("/groupsetup time 06:45", COACH, CLUB)
    await rig.tick()


def _mentioned(message) -> set[str]:
    names = {ALICE.id: "Alice", BOB.id: "Bob", CAROL.id: "Carol", DAN.id: "Dan"}
    return {name for uid, name in names.items() if f"tg://user?id={uid}" in message.text}


async def _press_own(rig, user, reminder) -> str:
    """`user` taps their "done as prescribed" button on the group's reminder."""
    data = next(b["callback_data"] for row in reminder.buttons for b in row
                if b["callback_data"].endswith(f"|{user.id}"))  # fmt: skip
    return await rig.deliver(rig.updates.press(user, reminder, data))


async def _reminder_on(rig, day: date):
    """Tick at 06:45 of `day`: the group's lift-day message, if one went out."""
    rig.now = _at_reminder_time(day)
    before = len(rig.api.sent_to(CLUB))
    await rig.tick()
    new = [m for m in rig.api.sent_to(CLUB)[before:] if "Lift day for" in m.text]
    return new[0] if new else None


async def test_two_weeks_of_group_reminders_name_only_members_due_by_their_own_plan(rig):
    await _club(rig)
    seen = {}
    for offset in range(1, 14):  # Tuesday 24 November to Sunday 6 December
        day = MONDAY.date() + timedelta(days=offset)
        if day == date(2026, 12, 3):  # Alice finished Thursday's session before 06:45
            rig.now = _at_reminder_time(day) - timedelta(hours=1)
            await rig.send("/log squat 67.5x8 67.5x8 rir3", ALICE)
            await rig.send("/done", ALICE)
        reminder = await _reminder_on(rig, day)
        seen[day.isoformat()] = _mentioned(reminder) if reminder else set()
        if reminder is not None:  # one button per member named, nobody else's
            labels = [b["text"] for row in reminder.buttons for b in row]
            assert len(labels) == len(seen[day.isoformat()])
    assert seen == {
        "2026-11-24": {"Alice"},  # Dan paused (until 30 November)
        "2026-11-25": {"Bob", "Carol"},
        "2026-11-26": {"Alice"},
        "2026-11-27": {"Carol"},
        "2026-11-28": set(),  # Saturday: Alice's and Dan's long run, nobody's lift day
        "2026-11-29": set(),
        "2026-11-30": {"Bob"},
        "2026-12-01": {"Alice", "Dan"},
        "2026-12-02": {"Bob", "Carol"},  # Carol's taper: upper body only, four days out
        "2026-12-03": {"Dan"},  # Alice already finished hers
        "2026-12-04": set(),  # Carol's race week: nothing to lift
        "2026-12-05": set(),
        "2026-12-06": set(),
    }


async def test_the_groups_days_are_a_default_each_member_still_follows_their_own(rig):
    await _club(rig)
    reply = await rig.send("/groupsetup days sat sun", COACH, CLUB)
    assert "one day between" in reply and "two days in a row" in reply
    assert "Lift days: each member's own" in await rig.send("/groupsetup", COACH, CLUB)
    assert "Lift days: Tuesday, Thursday" in await rig.send("/groupsetup days tue thu", COACH, CLUB)
    await rig.tick()
    assert (
        await _reminder_on(rig, date(2026, 11, 25)) is None
    )  # Bob's and Carol's day: not the group's
    assert _mentioned(await _reminder_on(rig, date(2026, 11, 26))) == {"Alice"}


async def test_the_button_records_reps_and_asks_the_reserve_privately(rig):
    await _club(rig)
    before = await working_kg(rig, "deadlift", ALICE)
    reminder = await _reminder_on(rig, date(2026, 11, 24))
    alice_button = reminder.buttons[0][0]["callback_data"]
    await rig.deliver(rig.updates.press(BOB, reminder, alice_button))
    assert "belongs to someone else" in rig.alerts()[-1]
    reply = await rig.deliver(rig.updates.press(ALICE, reminder, alice_button))
    assert "Alice did the session's sets and reps" in reply and "asked privately" in reply
    assert "kg" not in "".join(m.text for m in rig.api.sent_to(CLUB))
    question = rig.api.last_message(ALICE.id)
    assert "How many more reps" in question.text
    assert [b["text"] for row in question.buttons for b in row] == ["0", "1", "2", "3", "4", "5+"]
    # Unanswered, the loads hold: pressing every session never raises them.
    assert await working_kg(rig, "deadlift", ALICE) == before
    today = await rig.send("/today", ALICE)
    assert "Next session" in today and "Deadlift" in today  # her own /today: finished
    assert "Alice: 1/1" in await rig.send("/board", COACH, CLUB)  # so far
    reply = await rig.press("3", ALICE)  # a one-tap answer: at the block's reserve, a step up
    assert "Deadlift" in reply and await working_kg(rig, "deadlift", ALICE) > before
    assert "Already answered" not in reply
    await rig.press("3", ALICE)
    assert "Already answered" in rig.alerts()[-1]


async def test_pressing_the_button_every_session_without_answering_holds_the_loads(rig):
    await _club(rig)
    before = await working_kg(rig, "deadlift", ALICE)
    for day in (date(2026, 11, 24), date(2026, 11, 26), date(2026, 12, 1), date(2026, 12, 3)):
        reminder = await _reminder_on(rig, day)
        await _press_own(rig, ALICE, reminder)
    assert await working_kg(rig, "deadlift", ALICE) == before
    assert "Alice: 2/2 ✅" in await rig.send("/board", COACH, CLUB)


async def test_board_and_team_count_from_joining_and_what_each_plan_asked(rig):
    await _club(rig)
    await onboard_by_buttons(rig, COACH)
    # Members who joined today: nothing missed yet.
    await rig.send("/team", COACH, CLUB)
    view = rig.last_text(COACH.id)
    assert "Alice: 0/0 sessions since joining" in view and "missed" not in view
    board = await rig.send("/board", COACH, CLUB)
    # This week so far (Monday 23, the joining day; /team's rule: today's session counts once
    # done): nothing asked yet, Bob's Monday session not done yet either.
    assert "Alice: 0/0" in board and "Bob: 0/0" in board and "Carol: 0/0" in board
    assert "Dan: 0/0" in board
    reminder = await _reminder_on(rig, date(2026, 11, 24))
    await _press_own(rig, ALICE, reminder)
    rig.now = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)  # Wednesday of week 2, evening
    await rig.send("/log squat 60x8 60x8 rir3", BOB)
    await rig.send("/done", BOB)
    await rig.send("/team", COACH, CLUB)
    view = rig.last_text(COACH.id)
    alice, bob, carol, dan = (
        view.split(n + ":")[1].split("•")[0] for n in ("Alice", "Bob", "Carol", "Dan")
    )
    # Alice: Tue 24 done; Thu 26 and Tue 1 missed (two in a row).
    assert "1/3 sessions since joining (Monday 23 November)" in alice
    assert "two sessions missed in a row" in alice and "block 2 × 8" in alice
    assert "last session: Tuesday 24 November" in alice
    # Bob: Mon 23 (joined that afternoon, his day), Wed 25, Mon 30 missed; Wed 2 done.
    assert "1/4 sessions" in bob and "last session: Wednesday 2 December" in bob
    assert "missed" not in bob
    # Carol: Wed 25 and Fri 27 asked; Wed 2 is race week (nothing asked).
    assert "0/2 sessions" in carol and "Races: 10k on Sunday 6 December" in carol
    assert "0/1 sessions" in dan  # paused until 30 November: only Tuesday 1 December asked


async def test_team_shows_the_e1rm_trend_and_who_has_not_set_up(rig):
    await _club(rig)
    await onboard_by_buttons(rig, COACH)
    await rig.send("/join", FakeUser(120, "Eve"), CLUB)  # not set up yet
    for day, weight in (
        (date(2026, 11, 24), 60),
        (date(2026, 11, 26), 65),
        (date(2026, 12, 1), 70),
    ):
        rig.now = datetime(day.year, day.month, day.day, 17, 0, tzinfo=UTC)
        await rig.send(f"/log squat {weight}x8 {weight}x8 rir3", ALICE)
        await rig.send("/log deadlift 80x8 80x8 rir3", ALICE)
    await rig.send("/team", COACH, CLUB)
    view = rig.last_text(COACH.id)
    alice = view.split("Alice:")[1].split("•")[0]
    assert "back squat up" in alice and "deadlift flat" in alice
    assert view.count("Eve") == 1 and "Eve: not set up yet" in view  # listed once


async def test_leaving_and_rejoining_keeps_the_history(rig):
    await _club(rig)
    reminder = await _reminder_on(rig, date(2026, 11, 24))
    await _press_own(rig, ALICE, reminder)
    await rig.send("/share on", ALICE, CLUB)
    assert "Alice left" in await rig.send("/leave", ALICE, CLUB)
    assert "Alice" not in await rig.send("/board", COACH, CLUB)
    assert await _reminder_on(rig, date(2026, 11, 26)) is None  # Alice's day; Dan paused
    assert "Alice joined" in await rig.send("/join", ALICE, CLUB)
    member = await rig.get(GroupMember, (CLUB, ALICE.id))
    assert member.left_at is None and member.share  # her choice kept
    assert member.joined_at.date() == date(2026, 11, 26)  # counted from her return
    board = await rig.send("/board", COACH, CLUB)
    assert "Alice: 0/0" in board  # from her return on Thursday: today's counts once done


async def _onboard_calibrating(rig, user) -> None:
    """Set up like the others, but every lift to calibrate."""
    await rig.send("/start", user)
    await rig.press("Kilograms", user)
    await rig.send("Europe/Berlin", user)
    await rig.send("tue=quality thu=easy sat=long", user)
    await rig.send("07:30", user)
    await rig.press("Full gym", user)
    await rig.press("Calibrate all", user)


async def test_numbers_of_a_member_who_does_not_share_stay_private(rig):
    await _club(rig)
    await rig.send("/log squat 200x8 200x8", DAN, CLUB)  # a jump to confirm: numbers
    assert "200" not in rig.last_text(CLUB) and "200" in rig.last_text(DAN.id)
    assert "No, let me fix it" in rig.button_labels(CLUB)
    await rig.send("/cancel", DAN, CLUB)
    # A calibration in the group: the weight goes privately, the buttons stay in the group.
    eve = FakeUser(120, "Eve")
    await _onboard_calibrating(rig, eve)
    await rig.send("/join", eve, CLUB)
    await rig.send("/log squat", eve, CLUB)
    assert "calibration set 1" in rig.last_text(eve.id) and "kg" in rig.last_text(eve.id)
    group_texts = "".join(m.text for m in rig.api.sent_to(CLUB))
    assert "calibration set" not in group_texts and " kg" not in group_texts
    await rig.press("5+", eve, CLUB)
    assert "calibration set 2" in rig.last_text(eve.id)
    # Shared: the numbers show in the group.
    await rig.send("/share on", eve, CLUB)
    await rig.press("5+", eve, CLUB)
    assert "calibration set 3" in rig.last_text(CLUB)


async def test_without_a_private_chat_the_button_leaves_a_link_that_asks_there(rig):
    await _club(rig)
    reminder = await _reminder_on(rig, date(2026, 11, 24))
    rig.api.failures[ALICE.id] = ["blocked"]  # she never opened or blocked the private chat
    reply = await _press_own(rig, ALICE, reminder)
    assert "Open our private chat to answer" in reply
    link = rig.api.last_message(CLUB).buttons[0][0]["url"]
    assert link == "https://t.me/RunLiftBot?start=rir_2026-11-24"
    await rig.send("/start rir_2026-11-24", ALICE)
    assert "How many more reps" in rig.last_text(ALICE.id)


async def test_a_group_the_bot_was_removed_from_gets_no_reminders_until_added_back(rig):
    await _club(rig)
    assert await _reminder_on(rig, date(2026, 11, 24)) is not None
    # Removed without Telegram telling us: the first refusal marks the group inactive.
    rig.api.failures[CLUB] = ["blocked"]
    rig.now = _at_reminder_time(date(2026, 11, 25))
    await rig.tick()
    assert not (await rig.get(Group, CLUB)).active
    assert await rig.count(Reminder, group_id=CLUB, status="due") == 0
    calls = len(rig.calls("sendMessage"))
    for offset in range(2, 6):
        await _reminder_on(rig, date(2026, 11, 24) + timedelta(days=offset))
    assert len(rig.calls("sendMessage")) == calls  # nothing tried any more
    # Added back: reminders again (no second introduction).
    assert await rig.deliver(rig.updates.bot_added(COACH, CLUB)) == ""
    rig.now = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    await rig.tick()
    assert (await rig.get(Group, CLUB)).active
    assert _mentioned(await _reminder_on(rig, date(2026, 12, 1))) == {"Alice", "Dan"}
    # Removed with Telegram telling us (my_chat_member: kicked).
    await rig.deliver(rig.updates.bot_removed(COACH, CLUB))
    assert not (await rig.get(Group, CLUB)).active
    assert await _reminder_on(rig, date(2026, 12, 2)) is None
