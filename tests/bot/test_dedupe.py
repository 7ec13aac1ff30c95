"""A repeated update is dropped by what it is (a chat's message, a button press), never by its
update id: Telegram starts update ids again after a week without updates."""

import pytest
from telegram import Update

from bot.dedupe import delivery, origin
from models import ExerciseEntry, LoggedSet
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE, BOB

CLUB, TRACK = -1001111111111, -1002222222222


async def test_a_new_log_whose_update_id_was_seen_before_a_restart_is_stored(rig):
    await onboard_by_buttons(rig)
    first = rig.updates.message(ALICE, "/log squat 67.5x8 rir3")
    assert "Stored: Back squat" in await rig.deliver(first)
    await rig.restart()
    rig.updates.restart_update_ids()  # a new run numbers its updates from 1 again
    second = rig.updates.message(ALICE, "/log squat 70x8 rir3")
    second["update_id"] = first["update_id"]  # the very id the first /log came with
    assert "Stored: Back squat 70 kg" in await rig.deliver(second)
    assert await rig.count(ExerciseEntry) == 2 and await rig.count(LoggedSet) == 2


async def test_a_new_log_whose_update_id_was_seen_in_this_process_is_stored(rig):
    await onboard_by_buttons(rig)
    first = rig.updates.message(ALICE, "/log squat 67.5x8 rir3")
    await rig.deliver(first)
    second = rig.updates.message(ALICE, "/log deadlift 100x8 rir3")
    second["update_id"] = first["update_id"]  # a week without updates: ids chosen anew
    assert "Stored: Deadlift" in await rig.deliver(second)
    assert await rig.count(ExerciseEntry) == 2


async def test_a_redelivered_message_stores_once_even_with_a_new_update_id(rig):
    await onboard_by_buttons(rig)
    update = rig.updates.message(ALICE, "/log squat 67.5x8 rir3")
    await rig.deliver(update)
    await rig.restart()
    update["update_id"] += 1000  # the same message, delivered again under another id
    assert "Already stored" in await rig.deliver(update)
    assert await rig.count(ExerciseEntry) == 1 and await rig.count(LoggedSet) == 1


async def test_a_redelivered_button_press_is_dropped_and_a_new_press_is_not(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 rir3")
    stored = rig.api.last_message(ALICE.id)
    press = rig.updates.press(ALICE, stored, "rest:start")
    await rig.deliver(press)
    assert rig.alerts() == ["Timer on: I'll tell you when 2 minutes are up."]
    press["update_id"] += 1000
    await rig.deliver(press)  # the same press (the same callback query) again
    assert len(rig.alerts()) == 1
    again = rig.updates.press(ALICE, stored, "rest:start")
    again["update_id"] = press["update_id"]
    await rig.deliver(again)  # a second press of the same button
    assert len(rig.alerts()) == 2


async def test_an_edited_message_is_not_dropped_as_a_repeat_of_the_original(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat")
    typo = rig.updates.message(ALICE, "67.5y8 rir3")
    assert "couldn't read that" in await rig.deliver(typo)
    reply = await rig.deliver(rig.updates.edited(typo, "67.5x8 rir3"))
    assert "Stored: Back squat 67.5 kg × 8" in reply
    assert await rig.count(ExerciseEntry) == 1


async def test_editing_a_stored_log_does_not_store_it_twice(rig):
    await onboard_by_buttons(rig)
    update = rig.updates.message(ALICE, "/log squat 67.5x8 rir3")
    await rig.deliver(update)
    assert "Already stored" in await rig.deliver(rig.updates.edited(update, "/log squat 70x8 rir3"))
    assert await rig.count(ExerciseEntry) == 1


async def test_being_added_to_a_group_is_not_dropped_when_an_update_id_comes_again(rig):
    rig.api.chat_members[(CLUB, BOB.id)] = "creator"
    first = rig.updates.bot_added(BOB, CLUB)
    assert "/join" in await rig.deliver(first)
    second = rig.updates.bot_added(BOB, TRACK)
    second["update_id"] = first["update_id"]
    assert "/join" in await rig.deliver(second)
    assert await rig.deliver(second) == ""  # that one delivered twice: once


def _update(kind: str, update_id: int = 1, edit_date: int | None = None) -> Update:
    chat = {"id": -1003, "type": "channel" if "channel" in kind else "supergroup", "title": "X"}
    body = {"message_id": 9, "date": 1_764_000_000, "chat": chat, "text": "hi"}
    if edit_date is not None:
        body["edit_date"] = edit_date
    return Update.de_json({"update_id": update_id, kind: body}, None)


@pytest.mark.parametrize("kind", ["message", "channel_post"])
def test_a_message_and_each_edit_of_it_are_deliveries_of_their_own(kind):
    edited = f"edited_{kind}"
    versions = [_update(kind), _update(edited, 2, 1_764_000_100), _update(edited, 3, 1_764_000_200)]
    assert len({delivery(update) for update in versions}) == 3
    assert delivery(_update(kind, 7)) == delivery(_update(kind, 8))  # the same, redelivered
    assert {origin(update) for update in versions} == {"m:-1003:9"}  # one message to store by


def test_an_update_without_a_message_is_known_by_its_id_and_content():
    def added(update_id: int, chat_id: int) -> Update:
        bot = {"id": 1, "is_bot": True, "first_name": "RunLift"}
        member = {"chat": {"id": chat_id, "type": "group", "title": "X"}, "date": 1_764_000_000,
                  "from": {"id": 2, "is_bot": False, "first_name": "Coach"},
                  "old_chat_member": {"status": "left", "user": bot},
                  "new_chat_member": {"status": "member", "user": bot}}  # fmt: skip
        return Update.de_json({"update_id": update_id, "my_chat_member": member}, None)

    assert delivery(added(5, -1)) == delivery(added(5, -1))
    assert delivery(added(5, -1)) != delivery(added(5, -2))
