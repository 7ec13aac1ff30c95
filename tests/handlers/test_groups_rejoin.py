"""A member back from time away is counted from their return; a group the bot lost track of
is active again as soon as a command shows the bot is there."""

from datetime import UTC, datetime

from models import Group, GroupMember
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, FakeUser

COACH = FakeUser(110, "Coach")
CLUB = -1001111111111
MONDAY = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


async def _club(rig) -> None:
    """Alice (Tue/Thu) joins the coach's group on Monday 23 November."""
    rig.now = MONDAY
    rig.api.chat_members[(CLUB, COACH.id)] = "creator"
    await rig.deliver(rig.updates.bot_added(COACH, CLUB))
    await onboard_by_buttons(rig, COACH)
    await onboard_by_buttons(rig, ALICE)
    await rig.send("/join", ALICE, CLUB)
    await rig.send("/groupsetup timezone Europe/Berlin", COACH, CLUB)


async def test_sessions_while_away_are_not_missed(rig):
    await _club(rig)
    await rig.send("/share on", ALICE, CLUB)
    await rig.send("/leave", ALICE, CLUB)
    rig.now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)  # two weeks away (Monday)
    assert "Alice joined" in await rig.send("/join", ALICE, CLUB)
    member = await rig.get(GroupMember, (CLUB, ALICE.id))
    assert member.share  # her choice kept
    await rig.send("/team", COACH, CLUB)
    view = rig.last_text(COACH.id)
    assert "0/0 sessions since joining (Monday 7 December)" in view
    assert "missed" not in view
    assert "Alice: 0/0" in await rig.send("/board", COACH, CLUB)
    # A second /join while a member changes nothing.
    rig.now = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)
    await rig.send("/join", ALICE, CLUB)
    await rig.send("/team", COACH, CLUB)
    assert "since joining (Monday 7 December)" in rig.last_text(COACH.id)


async def test_any_command_from_an_inactive_group_makes_it_active_again(rig):
    await _club(rig)
    await rig.send("/groupsetup time 06:45", COACH, CLUB)
    async with rig.database.session() as session, session.begin():
        (await session.get(Group, CLUB)).active = False  # as after a refused reminder
    await rig.send("/board", ALICE, CLUB)
    assert (await rig.get(Group, CLUB)).active
    rig.now = datetime(2026, 11, 24, 5, 45, tzinfo=UTC)  # Tuesday 06:45 in Berlin
    before = len(rig.api.sent_to(CLUB))
    await rig.tick()
    assert any("Lift day for" in m.text for m in rig.api.sent_to(CLUB)[before:])
