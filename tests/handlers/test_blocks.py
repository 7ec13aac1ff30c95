"""Blocks (issue 10, item 4): offered after steady progress, never forced, and reversible."""

from sqlalchemy import update

from models import User
from tests.handlers.helpers import onboard_by_buttons, working_kg
from tests.rig import ALICE


async def _steady_for(rig, sessions: int) -> None:
    async with rig.database.session() as session, session.begin():
        await session.execute(
            update(User).where(User.id == ALICE.id)
            .values(sessions_in_block=sessions, sessions_since_deload=sessions)
        )  # fmt: skip


async def _log_session_a(rig) -> str:
    await rig.send("/log ohp 35x8 35x8 rir3")
    await rig.send("/log squat 60x8 60x8 rir3")
    return await rig.send("/log deadlift 80x8 80x8 rir3")


async def test_the_next_block_is_offered_after_steady_progress_and_taken_by_a_button(rig):
    await onboard_by_buttons(rig)
    assert "block 2 × 8" in await rig.send("/today")
    await _steady_for(rig, 11)  # the twelfth session finishes below
    summary = await _log_session_a(rig)
    assert "Session A done" in summary and "ready for 3 × 6" in summary
    assert "Switch to 3 × 6" in rig.button_labels() and "Not now" in rig.button_labels()
    squat = await working_kg(rig, "back_squat")
    reply = await rig.press("Switch to 3 × 6")
    assert "Now on 3 × 6" in reply
    heavier = await working_kg(rig, "back_squat")
    assert squat * 1.05 <= heavier <= squat * 1.15  # the same strength for 6 reps
    rig.travel(days=2)  # Thursday: session B in the new block
    today = await rig.send("/today")
    assert "block 3 × 6" in today and "3 × 6" in today and "2 × 8" not in today
    assert "Block: 3 × 6" in await rig.send("/settings")


async def test_not_now_keeps_the_block_and_the_runner_can_go_back(rig):
    await onboard_by_buttons(rig)
    await _steady_for(rig, 11)
    await _log_session_a(rig)
    assert "Staying on 2 × 8" in await rig.press("Not now")
    assert (await rig.get(User, ALICE.id)).block == "2x8"
    deadlift = await working_kg(rig, "deadlift")
    assert "Now on 3 × 5" in await rig.send("/block 3x5")
    assert "Now on 2 × 8" in await rig.send("/block 2x8")
    assert await working_kg(rig, "deadlift") == deadlift  # a switch and back ends where it began


async def test_no_offer_before_steady_progress_and_bad_blocks_are_explained(rig):
    await onboard_by_buttons(rig)
    summary = await _log_session_a(rig)
    assert "Session A done" in summary and "ready for" not in summary
    assert "/block 3x6" in await rig.send("/block 4x4")
    shown = await rig.send("/block")
    assert "Block 2 × 8" in shown and "open after steady progress" in shown
    assert rig.button_labels() == []  # nothing heavier before it is earned
    assert "on 2 × 8 already" in await rig.send("/block 2x8")
    await rig.send("/block 3x6")  # a runner's own choice, typed, is still theirs
    await rig.send("/block")
    assert rig.button_labels() == ["Switch to 2 × 8"]


async def test_no_block_change_in_the_middle_of_a_session(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log ohp 35x8 35x8 rir3")
    deadlift = await working_kg(rig, "deadlift")
    assert "finish it first" in await rig.send("/block 3x6")
    assert (await rig.get(User, ALICE.id)).block == "2x8"
    assert await working_kg(rig, "deadlift") == deadlift
