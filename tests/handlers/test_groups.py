"""A coach and three members across two groups: joining, privacy, reminders, admin checks."""

from datetime import UTC, datetime, timedelta

from models import Group, GroupMember, Reminder, User
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, BOB, FakeUser

COACH = FakeUser(110, "Coach")
CAROL = FakeUser(103, "Carol <3")
CLUB, TRACK = -1001111111111, -1002222222222


async def _club(rig, *members):
    rig.api.chat_members[(CLUB, COACH.id)] = "creator"
    await rig.deliver(rig.updates.bot_added(COACH, CLUB))
    for member in members:
        await onboard_by_buttons(rig, member)
        await rig.send("/join", member, CLUB)


async def test_added_to_a_group_it_introduces_itself_once(rig):
    reply = await rig.deliver(rig.updates.bot_added(COACH, CLUB))
    assert "/join" in reply
    assert await rig.deliver(rig.updates.bot_added(COACH, CLUB)) == ""


async def test_join_with_and_without_prior_onboarding(rig):
    await onboard_by_buttons(rig, ALICE)
    assert "Alice joined" in await rig.send("/join", ALICE, CLUB)
    reply = await rig.send("/join", BOB, CLUB)
    assert "Set up in a private chat first" in reply
    link = rig.api.last_message(CLUB).buttons[0][0]["url"]
    assert link == f"https://t.me/RunLiftBot?start=join_{CLUB}"
    welcome = await rig.send(f"/start join_{CLUB}", BOB)
    assert "You've joined Running club's programme" in welcome and "1/6 Units" in welcome
    assert await rig.get(GroupMember, (CLUB, BOB.id)) is not None


async def test_today_in_a_group_sends_numbers_privately_unless_shared(rig):
    await _club(rig, ALICE)
    await rig.send("/today", ALICE, CLUB)
    in_group = rig.last_text(CLUB)
    assert "sent the details to our private chat" in in_group and "kg" not in in_group
    assert "Session A" in rig.last_text(ALICE.id)
    assert "now show in this group" in await rig.send("/share on", ALICE, CLUB)
    assert "Overhead press: 2 × 8 at 35 kg" in await rig.send("/today", ALICE, CLUB)


async def test_members_log_their_own_sets_in_the_group_without_mixing(rig):
    await _club(rig, ALICE, BOB)
    await rig.send("/log squat", ALICE, CLUB)
    await rig.send("/log deadlift", BOB, CLUB)
    await rig.send("70x8 70x8", ALICE, CLUB)
    await rig.send("100x8 100x8", BOB, CLUB)
    assert await rig.press("3", BOB, CLUB)
    await rig.press("2", ALICE, CLUB)
    assert "Stored: Back squat 70 kg" in rig.last_text(ALICE.id)
    assert "Stored: Deadlift 100 kg" in rig.last_text(BOB.id)
    assert "70 kg" not in "".join(m.text for m in rig.api.sent_to(CLUB))


async def test_a_button_meant_for_another_member_is_refused_without_effect(rig):
    await _club(rig, ALICE, BOB)
    await rig.send("/log squat 67.5x8 67.5x8", ALICE, CLUB)  # asks Alice for her RIR
    message = rig.api.last_message(CLUB)
    data = message.buttons[0][3]["callback_data"]
    assert data.endswith(f"|{ALICE.id}")
    await rig.deliver(rig.updates.press(BOB, message, data))
    assert "belongs to someone else" in rig.alerts()[-1]
    forged = data.replace(str(ALICE.id), str(BOB.id))
    await rig.deliver(rig.updates.press(ALICE, message, forged))
    assert "belongs to someone else" in rig.alerts()[-1]
    from models import LoggedSet

    assert await rig.count(LoggedSet) == 0


async def test_group_reminder_mentions_only_members_due_with_their_own_buttons(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday
    await _club(rig, ALICE, BOB, CAROL)
    await rig.send("/rundays mon=easy wed=quality sat=long", BOB)  # Bob lifts Mon/Wed, not Tue
    await rig.send("/groupsetup timezone Europe/Berlin", COACH, CLUB)
    await rig.send("/groupsetup time 06:45", COACH, CLUB)
    await rig.tick()
    rig.now = datetime(2026, 11, 24, 5, 45, tzinfo=UTC)  # Tuesday 06:45 in Berlin
    await rig.tick()
    reminder = next(m for m in rig.api.sent_to(CLUB) if "Lift day for" in m.text)
    assert (
        f"tg://user?id={ALICE.id}" in reminder.text and f"tg://user?id={CAROL.id}" in reminder.text
    )
    assert f"tg://user?id={BOB.id}" not in reminder.text
    assert "Carol &lt;3" in reminder.text  # names are escaped
    labels = [b["text"] for row in reminder.buttons for b in row]
    assert labels == ["✅ Alice: done as prescribed", "✅ Carol <3: done as prescribed"]
    carol_button = reminder.buttons[1][0]["callback_data"]
    await rig.deliver(rig.updates.press(BOB, reminder, carol_button))
    assert "belongs to someone else" in rig.alerts()[-1]
    reply = await rig.deliver(rig.updates.press(CAROL, reminder, carol_button))
    assert "Carol <3 did the session's sets and reps" in reply
    assert (await rig.get(User, CAROL.id)).sessions_in_block == 1
    await rig.deliver(rig.updates.press(CAROL, reminder, carol_button))
    assert "nothing added twice" in rig.alerts()[-1]
    group_rows = await rig.count(Reminder, group_id=CLUB, kind="group", status="sent")
    assert group_rows == 1


async def test_admin_checks(rig):
    await _club(rig, ALICE)
    rig.api.chat_members[(CLUB, ALICE.id)] = "member"
    assert "Only the group's admins" in await rig.send("/groupsetup time 07:00", ALICE, CLUB)
    rig.api.chat_members[(CLUB, BOB.id)] = "administrator"
    assert "Reminder: 07:00" in await rig.send("/groupsetup time 07:00", BOB, CLUB)
    anonymous = rig.updates.as_group(CLUB, "/groupsetup summary off")
    assert "Weekly summary: off" in await rig.deliver(anonymous)
    rig.api.chat_members[(CLUB, BOB.id)] = "member"  # demoted
    assert "Reminder: 08:00" in await rig.send("/groupsetup time 08:00", BOB, CLUB)  # cached
    rig.travel(hours=1)
    assert "Only the group's admins" in await rig.send("/groupsetup time 09:00", BOB, CLUB)
    assert (await rig.get(Group, CLUB)).reminder_time == "08:00"
    assert "couldn't read" in await rig.send("/groupsetup time 25:99", COACH, CLUB)


async def test_board_with_and_without_sharing(rig):
    await _club(rig, ALICE, BOB)
    await rig.send("/log squat 67.5x8 67.5x8 rir3", ALICE, CLUB)
    await rig.send("/share on", BOB, CLUB)
    board = await rig.send("/board", COACH, CLUB)
    assert "Alice: 1/1" in board and "Bob: 0/0" in board  # a session with a log counts
    alice_line = next(line for line in board.splitlines() if line.startswith("Alice"))
    bob_line = next(line for line in board.splitlines() if line.startswith("Bob"))
    assert "kg" not in alice_line and "back squat 67.5 kg" in bob_line


async def test_team_view_goes_privately_to_the_admin(rig):
    await _club(rig, ALICE, BOB)
    await onboard_by_buttons(rig, COACH)
    await rig.send("/race 2026-12-01 10k", BOB)
    assert "Only the group's admins" in await rig.send("/team", ALICE, CLUB)
    assert "Sent the team view" in await rig.send("/team", COACH, CLUB)
    view = rig.last_text(COACH.id)
    assert "Alice: 0/0 sessions since joining" in view and "last session: none yet" in view
    assert "Races: 10k on Tuesday 1 December" in view.split("Bob")[1]


async def test_leaving_removes_a_member_from_board_and_reminders(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday; both lift on Tuesday
    await _club(rig, ALICE, BOB)
    await rig.send("/groupsetup timezone Europe/Berlin", COACH, CLUB)
    await rig.send("/groupsetup time 06:45", COACH, CLUB)
    await rig.tick()  # Tuesday's group reminder is planned while Bob is still a member
    assert "Bob: 0/0" in await rig.send("/board", COACH, CLUB)
    assert "Bob left" in await rig.send("/leave", BOB, CLUB)
    board = await rig.send("/board", COACH, CLUB)
    assert "Alice: 0/0" in board and "Bob" not in board
    assert "not in this group" in await rig.send("/leave", BOB, CLUB)
    rig.now = datetime(2026, 11, 24, 5, 45, tzinfo=UTC)  # Tuesday 06:45 in Berlin
    await rig.tick()
    [reminder] = [m for m in rig.api.sent_to(CLUB) if "Lift day for" in m.text]
    assert f"tg://user?id={ALICE.id}" in reminder.text
    assert f"tg://user?id={BOB.id}" not in reminder.text and "Bob" not in reminder.text
    assert [b["text"] for row in reminder.buttons for b in row] == ["✅ Alice: done as prescribed"]


async def test_a_member_in_two_groups_shares_in_one_only(rig):
    await _club(rig, ALICE)
    await rig.deliver(rig.updates.bot_added(COACH, TRACK))
    await rig.send("/join", ALICE, TRACK)
    await rig.send("/share on", ALICE, TRACK)
    await rig.send("/today", ALICE, TRACK)
    assert "35 kg" in rig.last_text(TRACK)
    await rig.send("/today", ALICE, CLUB)
    assert "35 kg" not in rig.last_text(CLUB)
    assert "Alice" not in await rig.send("/board", COACH, -1003333333333)


async def test_deletedata_removes_a_member_from_every_group(rig):
    await _club(rig, ALICE)
    await rig.send("/join", ALICE, TRACK)
    await rig.send("/deletedata", ALICE)
    await rig.press("Yes, delete everything", ALICE)
    assert await rig.count(GroupMember, user_id=ALICE.id) == 0
    assert "Alice" not in await rig.send("/board", COACH, CLUB)


async def test_supergroup_migration_keeps_the_groups_data(rig):
    await _club(rig, ALICE)
    await rig.send("/groupsetup time 06:00", COACH, CLUB)
    new_id = -1009999999999
    await rig.deliver(rig.updates.migrated(CLUB, new_id))
    assert await rig.get(Group, CLUB) is None
    assert (await rig.get(Group, new_id)).reminder_time == "06:00"
    assert await rig.get(GroupMember, (new_id, ALICE.id)) is not None


async def test_commands_for_another_bot_are_ignored_in_groups(rig):
    await _club(rig, ALICE)
    assert await rig.send("/today@OtherBot", ALICE, CLUB) == ""
    assert await rig.send("/board@OtherBot", ALICE, CLUB) == ""


async def test_a_flood_from_one_member_does_not_starve_the_others(rig):
    await _club(rig, ALICE, BOB)
    for _ in range(80):
        await rig.send("/board", ALICE, CLUB)
    assert "Slow down" in "".join(m.text for m in rig.api.sent_to(CLUB))
    assert "Running club" in await rig.send("/board", BOB, CLUB)
    rig.travel(days=0, hours=0)
    rig.now += timedelta(minutes=2)
    assert "Running club" in await rig.send("/board", ALICE, CLUB)


async def test_weekly_summary_is_posted_on_the_groups_day(rig):
    rig.now = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)  # Saturday
    await _club(rig, ALICE)
    await rig.send("/groupsetup timezone Europe/Berlin", COACH, CLUB)
    await rig.send("/groupsetup time 07:00", COACH, CLUB)
    await rig.send("/groupsetup summary on sun", COACH, CLUB)
    await rig.tick()
    rig.now = datetime(2026, 11, 29, 17, 0, tzinfo=UTC)  # Sunday 18:00 in Berlin
    await rig.tick()
    assert "Running club: week of 23 November" in rig.last_text(CLUB)
    assert "Alice: 0/0" in rig.last_text(CLUB)  # joined on Saturday: her Tue/Thu were before


async def test_a_group_reminder_follows_the_group_to_its_supergroup(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    await _club(rig, ALICE)
    await rig.send("/groupsetup timezone Europe/Berlin", COACH, CLUB)
    await rig.send("/groupsetup time 06:45", COACH, CLUB)
    await rig.tick()
    new_id = -1008888888888
    rig.api.failures[CLUB] = [("migrated", new_id)]
    rig.now = datetime(2026, 11, 24, 5, 45, tzinfo=UTC)
    await rig.tick()
    assert "Lift day for" in rig.last_text(new_id)
    assert await rig.get(Group, new_id) is not None and await rig.get(Group, CLUB) is None
    assert await rig.get(GroupMember, (new_id, ALICE.id)) is not None


async def test_free_text_questions_in_a_group_ask_the_member_to_reply(rig):
    await _club(rig, ALICE)
    await rig.send("/log squat", ALICE, CLUB)
    question = rig.calls("sendMessage")[-1]
    assert question["reply_markup"]["force_reply"] is True
    assert question["reply_markup"]["selective"] is True
    assert f"tg://user?id={ALICE.id}" in question["text"] and "kg" not in question["text"]


async def test_group_commands_in_a_private_chat_say_where_they_work(rig):
    for command in ("/join", "/board", "/share on", "/groupsetup", "/team", "/leave"):
        assert "works in a group chat" in await rig.send(command)


async def test_team_from_an_anonymous_admin_asks_them_to_send_it_as_themselves(rig):
    await _club(rig, ALICE)
    reply = await rig.deliver(rig.updates.as_group(CLUB, "/team"))
    assert "send /team as yourself" in reply
    assert await rig.get(User, 1087968824) is None
