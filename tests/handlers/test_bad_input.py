"""Bad input at every text step: a clear reply, nothing wrong stored, the bot keeps answering."""

import pytest

from models import LiftState, RunDay, User
from tests.rig import ALICE, FakeUser


async def _at_step(rig, step: str) -> None:
    await rig.send("/start")
    if step == "units":
        return
    await rig.press("Kilograms")
    if step == "timezone":
        return
    await rig.send("Europe/Berlin")
    if step == "week":
        return
    await rig.press("Done")
    if step == "remind":
        return
    await rig.send("07:30")
    if step == "equipment":
        return
    await rig.press("Full gym")


LONG = "9" * 4096
ZERO_WIDTH = "\u200b\u200d"

CASES = {
    "units": ["stone", "🏋️", LONG, ZERO_WIDTH + "?"],
    "timezone": ["Mars/Olympus_Mons", "Europe/Berlln", "25:99", LONG, "🙂", "</i>"],
    "week": ["tue=sprint", "funday=easy", "tue=easy tue=long", LONG, "<b>"],
    "remind": ["25:99", "7", "noon", "٠٧:٣٠", LONG, "-1:00"],
    "equipment": ["kettlebells", LONG, "🏋️"],
    "loads": ["abc", "-5x8", "1e309x8", "nan x 8", "inf", "0x8", "60x0", "60x100", "1000x8",
              "٦٠x٨", LONG, "60x8 rir11", "😀"],
}  # fmt: skip


@pytest.mark.parametrize(("step", "text"), [(s, t) for s, texts in CASES.items() for t in texts])
async def test_bad_answers_get_a_clear_reply_and_store_nothing(rig, step, text):
    await _at_step(rig, step)
    before = await rig.get(User, ALICE.id)
    reply = await rig.send(text)
    assert reply, "the bot must answer"
    assert any(hint in reply for hint in ("Please", "I don't know", "I couldn't read", "e.g."))
    after = await rig.get(User, ALICE.id)
    for column in ("units", "timezone", "reminder_time", "equipment", "week_confirmed"):
        assert getattr(after, column) == getattr(before, column)
    assert await rig.count(LiftState, user_id=ALICE.id) == 0
    # ...and the same step still works afterwards.
    good = {"units": "kg", "timezone": "Europe/Paris", "week": "mon=easy", "remind": "06:00",
            "equipment": "gym", "loads": "40x8"}  # fmt: skip
    following = {"units": "2/6 Time zone", "timezone": "3/6 Your usual running week",
                 "week": "4/6 Reminder time", "remind": "5/6 Equipment",
                 "equipment": "Starting loads (1/5)", "loads": "Starting loads (2/5)"}  # fmt: skip
    reply = await rig.send(good[step])
    assert "Please" not in reply
    assert following[step] in reply  # on to the next step (time zone and week errors lack "Please")


async def test_unknown_time_zone_suggests_close_names_as_buttons(rig):
    await _at_step(rig, "timezone")
    reply = await rig.send("Europe/Berln")
    assert "Did you mean" in reply
    assert "Europe/Berlin" in rig.button_labels()
    await rig.press("Europe/Berlin")
    assert (await rig.get(User, ALICE.id)).timezone == "Europe/Berlin"


async def test_bad_command_arguments_say_the_expected_form(rig):
    # In a private chat the step stays open: the reply says what to answer, with its buttons.
    assert "kg or lb" in await rig.send("/units stone")
    assert "07:30" in await rig.send("/remind 25:99")
    assert "/rundays tue=quality" in await rig.send("/rundays tue=sprint")
    assert "gym, barbell or dumbbells" in await rig.send("/equipment rowing")
    assert "Europe/Berlin" in await rig.send("/timezone Nowhere/Special")
    user = await rig.get(User, ALICE.id)
    assert (user.units, user.reminder_time, user.equipment, user.timezone) == (None,) * 4
    assert await rig.count(RunDay, user_id=ALICE.id) == 0


@pytest.mark.parametrize("name", ["<b>Bold", "</i>", "A & B <script>", "🏃‍♀️ Zoë\u200b"])
async def test_names_with_markup_or_emoji_stay_valid_html(rig, name):
    runner = FakeUser(303, name)
    reply = await rig.send("/start", runner)
    # The recorder answers invalid HTML with Telegram's 400, which would fail the update.
    assert name in reply


async def test_text_or_unknown_commands_outside_a_conversation_point_to_help(rig):
    assert "/help" in await rig.send("hello")
    assert "/help" in await rig.send("/frobnicate")
    assert "running week" in await rig.send("/rundays")  # the prompt for the week
