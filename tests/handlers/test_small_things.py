"""Small things new runners hit when they first tried the bot, one test (at least) each."""

from coaching import find_exercise
from models import Race, User
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE


async def _messages(rig, action) -> list[str]:
    """The texts of the messages an action sent (edits of older ones left out)."""
    before = set(rig.api.messages)
    await action
    return [m.text for key, m in sorted(rig.api.messages.items()) if key not in before]


# --- 1. a city name after an unknown time zone -------------------------------------------------


async def test_a_city_typed_after_an_unknown_timezone_command_is_understood(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    assert "I don't know the time zone" in await rig.send("/timezone Mars")
    reply = await rig.send("Berlin")
    assert "3/6" in reply and "didn't understand" not in reply
    assert (await rig.get(User, ALICE.id)).timezone == "Europe/Berlin"


async def test_a_suggested_zone_after_a_bad_timezone_command_can_be_tapped(rig):
    await onboard_by_buttons(rig)
    await rig.send("/timezone Europe/Berlln")
    await rig.send("/timezone Europe/Paris")
    await rig.send("/timezone Berlln")
    assert "Time zone: Europe/Berlin" in await rig.press("Europe/Berlin")


async def test_city_names_with_a_country_or_without_a_zone_of_their_own_resolve(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.send("Berlin, Germany")
    assert (await rig.get(User, ALICE.id)).timezone == "Europe/Berlin"
    await rig.send("/timezone Buenos Aires")  # two names of one zone: no need to ask
    assert (await rig.get(User, ALICE.id)).timezone == "America/Argentina/Buenos_Aires"
    await rig.send("/timezone San Francisco")
    assert (await rig.get(User, ALICE.id)).timezone == "America/Los_Angeles"


async def test_an_ambiguous_city_offers_its_zones(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/timezone Portland")
    assert "Did you mean" in reply
    assert {"America/Los_Angeles", "America/New_York"} <= set(rig.button_labels())
    assert (await rig.get(User, ALICE.id)).timezone == "Europe/Berlin"


# --- 2. a race far ahead shows its year -------------------------------------------------------


async def test_a_race_next_year_shows_the_year_and_one_this_year_does_not(rig):
    await onboard_by_buttons(rig)  # today: Tuesday 24 November 2026
    assert "Monday 12 April 2027" in await rig.send("/race 2027-04-12 half")
    reply = await rig.send("/race 2026-12-13 10k")
    assert "Sunday 13 December" in reply and "2026" not in reply
    listed = await rig.send("/race")
    assert "half on Monday 12 April 2027" in listed and "10k on Sunday 13 December\n" in listed


# --- 3. /race dates: plain forms accepted, bad ones explained, one race a day ---------------


async def test_race_accepts_day_month_year_and_tomorrow(rig):
    await onboard_by_buttons(rig)
    assert "marathon on Sunday 13 December" in await rig.send("/race 13/12/2026 marathon")
    assert "10k on Wednesday 25 November" in await rig.send("/race tomorrow 10k")
    assert await rig.count(Race, user_id=ALICE.id) == 2


async def test_race_says_what_is_wrong_with_a_date(rig):
    await onboard_by_buttons(rig)
    assert "in the past" in await rig.send("/race 2026-11-01 half")
    assert "too far ahead" in await rig.send("/race 2031-05-01 marathon")
    ambiguous = await rig.send("/race 05/12/2027 half")  # both readings ahead: asked
    assert "5 December or 12 May" in ambiguous and "2027-12-05" in ambiguous
    assert "Race added: half on Saturday 5 December" in await rig.send("/race 05/12/2026 half")
    assert "no such date" in await rig.send("/race 2026-02-30 half")
    assert "Which distance" in await rig.send("/race 2026-12-13")
    assert "5k, 10k, half, marathon or ultra" in await rig.send("/race 2026-12-13 15k")
    assert await rig.count(Race, user_id=ALICE.id) == 1  # only the one read one way


async def test_one_race_a_day(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-12-13 half")
    assert "already" in await rig.send("/race 2026-12-13 half")
    reply = await rig.send("/race 2026-12-13 marathon")
    assert "now a marathon" in reply and "was a half" in reply
    assert await rig.count(Race, user_id=ALICE.id) == 1
    assert "marathon on Sunday 13 December" in await rig.send("/race")


# --- 4. /headsup alone ------------------------------------------------------------------------


async def test_headsup_alone_says_whether_it_is_on(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/headsup")
    assert "off" in reply and "/headsup on" in reply
    await rig.send("/headsup on")
    reply = await rig.send("/headsup")
    assert "are on" in reply and "/headsup off" in reply


# --- 5. /settings shows pause, heads-up, races and swaps -------------------------------------


async def test_settings_show_pause_headsup_races_and_swaps(rig):
    await onboard_by_buttons(rig)
    shown = await rig.send("/settings")
    assert "Heads-up: off" in shown and "Races: none" in shown and "Swaps: none" in shown
    await rig.send("/pause 2")
    await rig.send("/headsup on")
    await rig.send("/race 2026-12-13 half")
    await rig.send("/today")
    await rig.press("Swap an exercise")
    await rig.press("Deadlift")
    await rig.press("Trap-bar deadlift")
    await rig.press("From now on")
    shown = await rig.send("/settings")
    assert "paused until Tuesday 8 December" in shown
    assert "Heads-up: on" in shown
    assert "half on Sunday 13 December" in shown
    assert "Trap-bar deadlift instead of Deadlift" in shown


# --- 6. /cancel in /log -----------------------------------------------------------------------


async def test_a_kit_button_during_log_leaves_one_conversation_answering(rig):
    await onboard_by_buttons(rig)
    await rig.send("/kit")
    await rig.send("/log")
    await rig.press("Bar weight")  # an older message's button
    typed = await _messages(rig, rig.send("15"))
    assert len(typed) == 1 and "I don't know the lift" not in typed[0]
    cancelled = await _messages(rig, rig.send("/cancel"))
    assert len(cancelled) <= 1


async def test_cancel_in_log_after_settings_talks_about_the_log(rig):
    await onboard_by_buttons(rig)
    await rig.send("/settings")
    await rig.press("Units")
    await rig.send("/log squat")
    cancelled = await _messages(rig, rig.send("/cancel"))
    assert len(cancelled) == 1
    assert "What you logged is stored" in cancelled[0] and "settings" not in cancelled[0]


# --- 7. typing the week after tapping days ----------------------------------------------------


async def test_typing_the_week_keeps_the_days_already_tapped(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.press("Europe/Berlin")
    await rig.press("Tuesday")
    await rig.press("Tuesday")  # quality
    await rig.press("Thursday")  # easy
    await rig.send("sat=long sun=easy thu=rest")
    week = {day.weekday: day.run_type for day in (await _run_days(rig))}
    assert week == {1: "quality", 5: "long", 6: "easy"}


async def _run_days(rig):
    from sqlalchemy import select

    from models import RunDay

    async with rig.database.session() as session:
        return list(await session.scalars(select(RunDay).where(RunDay.user_id == ALICE.id)))


# --- 8. swaps: today only, or from now on -----------------------------------------------------


async def _swap_deadlift(rig) -> None:
    await rig.send("/today")
    await rig.press("Swap an exercise")
    await rig.press("Deadlift")
    await rig.press("Trap-bar deadlift")


async def test_a_swap_for_today_only_leaves_the_programme(rig):
    await onboard_by_buttons(rig)
    await _swap_deadlift(rig)
    assert {"Today only", "From now on"} <= set(rig.button_labels())
    reply = await rig.press("Today only")
    assert "Today only" in reply and "/settings" not in reply
    assert "Trap-bar deadlift: calibrate" in await rig.send("/today")
    assert not (await rig.get(User, ALICE.id)).swaps
    rig.travel(days=2)  # Thursday, the next lift day
    today = await rig.send("/today")
    assert "Deadlift" in today and "Trap-bar" not in today


async def test_a_swap_for_today_only_survives_a_race_added_before_lifting(rig):
    await onboard_by_buttons(rig)
    await _swap_deadlift(rig)
    await rig.press("Today only")
    await rig.send("/race 2027-06-01 marathon")  # today's session is prescribed again
    today = await rig.send("/today")
    assert "Trap-bar deadlift" in today and "3. Deadlift" not in today


async def test_a_swap_from_now_on_changes_the_programme(rig):
    await onboard_by_buttons(rig)
    await _swap_deadlift(rig)
    assert "From now on" in await rig.press("From now on")
    assert (await rig.get(User, ALICE.id)).swaps == {"deadlift": "trap_bar_deadlift"}
    rig.travel(days=2)
    assert "Trap-bar deadlift" in await rig.send("/today")


async def test_swap_buttons_are_short_and_forged_ones_are_stale(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Swap an exercise")
    await rig.press("Deadlift")
    await rig.press("Romanian deadlift")
    for row in rig.api.last_message(ALICE.id).buttons:
        for button in row:
            assert len((button["callback_data"] + "|" + "9" * 16).encode()) <= 64
    for data in ("swapday:deadlift:back_squat", "swapday:deadlift", "swapall:nope:deadlift"):
        await rig.press_data(data)
        assert "older message" in rig.alerts()[-1]


async def test_a_swap_for_today_once_the_lift_is_logged_changes_nothing(rig):
    await onboard_by_buttons(rig)
    await _swap_deadlift(rig)
    await rig.send("/log deadlift 100x5 100x5 rir2")
    reply = await rig.press("Today only")
    assert "nothing changed" in reply
    assert "Trap-bar" not in await rig.send("/today")


# --- 9. the one-arm press says "each arm" ---------------------------------------------------


async def test_the_one_arm_press_says_each_arm_where_its_sets_are_shown(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await rig.press("Swap an exercise")
    await rig.press("Overhead press")
    await rig.press("One-arm dumbbell press")
    await rig.press("Today only")
    prompt = await rig.send("/log one-arm dumbbell press")
    assert "2 × 8 each arm at 12 kg" in prompt
    stored = await rig.send("12x8 12x8 rir2")
    assert "12 kg × 8,8 each arm" in stored


# --- 10. the rest button only while logging today's session live ----------------------------


async def test_no_rest_button_for_an_earlier_day_or_a_finished_session(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log yesterday squat 60x8 60x8 rir2")
    assert "Rest 2:00" not in rig.button_labels()
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    assert "Rest 2:00" in rig.button_labels()
    await rig.send("/log ohp 35x8 35x8 rir3")
    reply = await rig.send("/log deadlift 100x5 100x5 rir2")  # the last lift: session done
    assert "done" in reply
    assert "Rest 2:00" not in rig.button_labels()


# --- 11. aliases, plain help, race in the week buttons, one reply to bad values -------------


def test_dumbbell_press_means_the_one_arm_press_like_db_press():
    assert find_exercise("dumbbell press") == find_exercise("db press")
    assert find_exercise("dumbbell press").key == "one_arm_db_press"
    assert find_exercise("dumbbell overhead press").key == "db_overhead_press"


async def test_plain_help_typed_as_text_shows_the_help(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("help")
    assert "/today" in reply and "didn't understand" not in reply


async def test_week_buttons_cycle_through_race(rig):
    await rig.send("/start")
    await rig.press("Kilograms")
    await rig.press("Europe/Berlin")
    for _ in range(4):
        await rig.press("Saturday")
    assert "Saturday: race" in rig.button_labels()
    await rig.press("Saturday")
    assert "Saturday: rest" in rig.button_labels()


async def test_a_setting_command_during_log_gets_one_reply(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log")
    sent = await _messages(rig, rig.send("/remind"))
    assert len(sent) == 1 and "Reminder time" in sent[0]


async def test_a_bad_setting_value_gets_one_statement_of_what_was_expected(rig):
    await onboard_by_buttons(rig)
    sent = await _messages(rig, rig.send("/units stone"))
    assert len(sent) == 1 and sent[0].count("kg") <= 2
    assert "Units: lb" in await rig.send("lb")


async def test_the_swap_menu_lists_todays_lifts_after_a_swap_for_today(rig):
    await onboard_by_buttons(rig)
    await _swap_deadlift(rig)
    await rig.press("Today only")
    await rig.send("/today")
    await rig.press("Swap an exercise")
    labels = rig.button_labels()
    assert "Trap-bar deadlift" in labels and "Deadlift" not in labels


async def test_a_swap_from_now_on_during_a_session_says_it_starts_next_time(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 67.5x8 67.5x8 rir3")
    await _swap_deadlift(rig)
    reply = await rig.press("From now on")
    assert "starts with your next one" in reply
    assert "3. Deadlift" in await rig.send("/today")


async def test_a_time_zone_typed_after_a_refusal_is_confirmed(rig):
    await onboard_by_buttons(rig)
    await rig.send("/timezone Mars")
    assert "Saved: Europe/London" in await rig.send("London")
