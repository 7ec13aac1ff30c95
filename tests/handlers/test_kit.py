"""/kit: the runner's own bar, plates and dumbbells, and every prescribed weight loadable with
them in /today, the reminder and the log buttons."""

from datetime import UTC, datetime

from sqlalchemy import select

from models import LoggedSet, User
from tests.handlers.helpers import dumbbells_only, onboard_by_buttons
from tests.rig import ALICE


async def _stored_sets(rig) -> list[LoggedSet]:
    async with rig.database.session() as session:
        return list(await session.scalars(select(LoggedSet).order_by(LoggedSet.id)))


async def test_kit_shows_the_defaults_with_a_button_per_part(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/kit")
    assert "Bar: 20 kg (default)" in reply
    assert "Plates (pairs): 25, 20, 15, 10, 5, 2.5, 1.25 kg (default)" in reply
    assert "Dumbbells (pairs): 2–50 kg in steps of 2 (default)" in reply
    assert "/kit plates 20 10 5 2.5 1.25 0.5" in reply
    assert rig.button_labels() == ["Bar weight", "Plates", "Dumbbells", "Back to the defaults"]


async def test_kit_is_in_help_and_in_both_menus(rig):
    assert "/kit" in await rig.send("/help")
    for call in rig.calls("setMyCommands"):
        assert "kit" in [c["command"] for c in call["commands"]]


async def test_prescriptions_follow_the_kit_in_today_the_reminder_and_the_log_buttons(rig):
    rig.now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # Monday: the reminder is planned
    await onboard_by_buttons(rig)  # overhead press 35 kg, back squat 67.5 kg, deadlift 80 kg
    reply = await rig.send("/kit plates 20 10 5")
    assert "Plates (pairs): 20, 10, 5 kg" in reply and "(default)" in reply  # bar, dumbbells
    await rig.tick()
    rig.now = datetime(2026, 11, 24, 6, 30, tzinfo=UTC)  # Tuesday 07:30 in Berlin
    assert await rig.tick() == 1
    [reminder] = [m.text for m in rig.api.sent_to(ALICE.id) if "Lift day: session" in m.text]
    assert "Back squat: 2 × 8 at 70 kg (20 + 5 each side)" in reminder
    today = await rig.send("/today")
    # 35 kg is not loadable with 5 kg as the smallest plate: 30 or 40, the tie goes lighter.
    assert "Overhead press: 2 × 8 at 30 kg (5 each side)" in today
    assert "Back squat: 2 × 8 at 70 kg (20 + 5 each side)" in today
    assert "Deadlift: 2 × 8 at 80 kg (20 + 10 each side)" in today
    assert "1.25" not in today and "2.5 " not in today
    await rig.send("/log")
    assert "70 kg" in await rig.press("Back squat")
    await rig.press("Done as prescribed")
    await rig.press("3")
    assert [(s.weight, s.reps) for s in await _stored_sets(rig)] == [(70, 8), (70, 8)]


async def test_a_lighter_bar_changes_every_barbell_load(rig):
    await onboard_by_buttons(rig)
    await rig.send("/kit bar 15")
    today = await rig.send("/today")
    assert "Overhead press: 2 × 8 at 35 kg (10 each side)" in today
    assert "Ramp: 15 kg × 8" in today


async def test_dumbbells_only_with_an_own_rack_gets_a_hinge_and_loadable_weights(rig):
    await dumbbells_only(rig)
    today = await rig.send("/today")
    assert "Dumbbell Romanian deadlift: 2 × 8 at 2 × 15 kg" in today
    assert "Dumbbell squat: 2 × 8 at 2 × 12.5 kg" in today
    assert "Dumbbell overhead press: 2 × 8 at 2 × 8 kg" in today


async def test_a_dumbbell_range_can_be_typed(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/kit dumbbells 2-24 step 2")
    assert "Dumbbells (pairs): 2–24 kg in steps of 2" in reply
    assert (await rig.get(User, ALICE.id)).dumbbells == [float(w) for w in range(2, 25, 2)]


async def test_bad_kit_input_says_what_was_expected_and_changes_nothing(rig):
    await onboard_by_buttons(rig)
    await rig.send("/kit bar 15")
    for typed, expected in (
        ("/kit bar heavy", "one weight, from 1 kg to 50 kg"),
        ("/kit bar 15 20", "/kit bar 15"),
        ("/kit plates 20 ten", "/kit plates 20 10 5 2.5 1.25 0.5"),
        ("/kit plates 0", "from 0.25 kg"),
        ("/kit dumbbells 24-2", "2-24 step 2"),
        ("/kit dumbbells 1e309", "up to 60 different weights"),
        ("/kit kettlebells 8", "I couldn't read that"),
        ("/kit reset please", "I couldn't read that"),
    ):
        assert expected in await rig.send(typed), typed
    user = await rig.get(User, ALICE.id)
    assert (user.bar_weight, user.plates, user.dumbbells) == (15, None, None)


async def test_kit_buttons_ask_for_a_part_and_keep_asking_until_it_reads(rig):
    await onboard_by_buttons(rig)
    await rig.send("/settings")
    assert "Your kit" in rig.button_labels()
    assert "Bar: 20 kg" in await rig.press("Your kit")
    assert "e.g. 20 10 5 2.5 1.25 0.5" in await rig.press("Plates")
    assert "Please type up to 12 different weights" in await rig.send("lots")
    reply = await rig.send("20, 10, 5, 2.5, 1.25")
    assert "Plates (pairs): 20, 10, 5, 2.5, 1.25 kg" in reply
    assert (await rig.get(User, ALICE.id)).plates == [1.25, 2.5, 5, 10, 20]
    await rig.press("Back to the defaults")
    assert "back to the defaults" in rig.last_text()
    assert (await rig.get(User, ALICE.id)).plates is None


async def test_a_change_of_units_puts_an_own_kit_back_to_that_units_defaults(rig):
    await onboard_by_buttons(rig)
    assert "kit" not in (await rig.send("/units lb")).lower()  # nothing of its own to reset
    await rig.send("/units kg")
    await rig.send("/kit bar 15")
    await rig.send("/kit plates 20 10 5")
    reply = await rig.send("/units lb")
    assert "Saved: lb" in reply and "back to the lb defaults" in reply
    user = await rig.get(User, ALICE.id)
    assert (user.bar_weight, user.plates, user.dumbbells) == (None, None, None)
    assert "Bar: 45 lb (default)" in await rig.send("/kit")
    # Stored loads are kilograms: the deadlift's 80 kg shows as the nearest loadable pounds.
    assert "Deadlift: 2 × 8 at 175 lb" in await rig.send("/today")


async def test_kit_can_be_set_in_a_group_by_typed_command(rig):
    from tests.rig import GROUP_ID

    await onboard_by_buttons(rig)
    reply = await rig.send("/kit bar 15", chat_id=GROUP_ID)
    assert "Bar: 15 kg" in reply
    assert (await rig.get(User, ALICE.id)).bar_weight == 15


async def test_a_session_already_shown_is_rounded_to_a_kit_changed_afterwards(rig):
    await onboard_by_buttons(rig)
    assert "Back squat: 2 × 8 at 67.5 kg" in await rig.send("/today")
    await rig.send("/kit plates 20 10 5")
    assert "Back squat: 2 × 8 at 70 kg (20 + 5 each side)" in await rig.send("/today")
    await rig.send("/log")
    await rig.press("Back squat")
    await rig.press("Done as prescribed")
    await rig.press("3")
    assert [(s.weight, s.reps) for s in await _stored_sets(rig)] == [(70, 8), (70, 8)]
