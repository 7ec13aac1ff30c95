"""Group chats, several users at once, and what happens when a handler fails."""

import pytest

from models import User
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, BOB, GROUP_ID


async def test_start_in_a_group_points_to_the_private_chat(rig):
    await rig.send("/start", ALICE, GROUP_ID)
    message = rig.api.last_message(GROUP_ID)
    assert "private chat" in message.text
    url = message.buttons[0][0]["url"]
    assert url == "https://t.me/RunLiftBot?start=setup"


async def test_settings_commands_with_arguments_work_in_a_group_for_the_sender(rig):
    await onboard_by_buttons(rig, ALICE)
    await onboard_by_buttons(rig, BOB)
    assert "Saved: reminders at 18:00" in await rig.send("/remind 18:00", BOB, GROUP_ID)
    assert "/units kg" in await rig.send("/units", ALICE, GROUP_ID)  # no free text in groups
    assert (await rig.get(User, BOB.id)).reminder_time == "18:00"
    assert (await rig.get(User, ALICE.id)).reminder_time == "07:30"
    assert (await rig.get(User, BOB.id)).private_chat_id == BOB.id  # not the group


async def test_two_runners_onboarding_at_once_do_not_mix_answers(rig):
    await rig.send("/start", ALICE)
    await rig.send("/start", BOB)
    await rig.press("Pounds", BOB)
    await rig.press("Kilograms", ALICE)
    await rig.send("Asia/Tokyo", BOB)
    await rig.send("Europe/Madrid", ALICE)
    alice, bob = await rig.get(User, ALICE.id), await rig.get(User, BOB.id)
    assert (alice.units, alice.timezone) == ("kg", "Europe/Madrid")
    assert (bob.units, bob.timezone) == ("lb", "Asia/Tokyo")


async def test_a_command_for_another_bot_is_ignored(rig):
    assert await rig.send("/help@SomeOtherBot", ALICE, GROUP_ID) == ""
    assert "RunLift" in await rig.send("/help@RunLiftBot", ALICE, GROUP_ID)


async def test_a_stale_button_gets_a_notice_not_an_error(rig):
    await onboard_by_buttons(rig)
    await rig.press_data("units:kg")
    assert "older message" in rig.alerts()[-1]


async def test_a_failing_handler_tells_the_user_and_the_bot_keeps_running(rig, monkeypatch):
    import handlers.account

    async def broken(update, context):
        raise RuntimeError("boom")

    monkeypatch.setattr(handlers.account, "show_help", broken)
    # The handler was registered before the patch; rebuild to pick it up.
    await rig.restart()
    with pytest.raises(RuntimeError, match="boom"):  # the rig re-raises what PTB caught
        await rig.send("/help")
    assert "something went wrong" in rig.last_text()
    monkeypatch.undo()
    await rig.restart()
    assert "/start" in await rig.send("/help")
