"""Small things a trial and a review found: each reply says what was wrong."""

from tests.handlers.helpers import onboard_by_buttons


async def test_summary_with_an_hour_past_23_says_it_is_not_a_time(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/summary friday 25:00")
    assert "25:00 is not a time" in reply
    assert "Weekly summary on" not in reply
    assert "Weekly summary on" in await rig.send("/summary friday 21:00")


async def test_weigh_ins_typed_loosely_are_read(rig):
    await onboard_by_buttons(rig)
    assert "62.6 kg saved" in await rig.send("/weight 62.55555")  # to 0.1, as shown
    assert "62.6 kg saved" in await rig.send("/weight 138 pounds")
    assert "62.6 kg saved" in await rig.send("/weight 62.6 kilograms")
    assert "62.6 kg saved" in await rig.send("/weight 62.6 kilos")
    assert "62.6 kg saved" in await rig.send("/weight 138 pound")


async def test_a_pound_runner_gets_the_range_and_a_hint_for_kilograms(rig):
    await onboard_by_buttons(rig)
    await rig.send("/units lb")
    assert "66–551 lb" in await rig.send("/weight 1380")  # a slip, as 625 is for kilograms
    reply = await rig.send("/weight 62.5")
    assert "66–551 lb" in reply and "Did you mean /weight 62.5 kg?" in reply
    assert "saved" in await rig.send("/weight 62.5 kg")


async def test_a_weigh_in_far_from_the_last_one_is_stored_with_a_warning(rig):
    await onboard_by_buttons(rig)
    await rig.send("/weight 62.6")
    rig.travel(days=1)
    reply = await rig.send("/weight 30")
    assert "30 kg saved" in reply
    assert "52 % below your last weigh-in (62.6 kg" in reply and "send the right one" in reply
    reply = await rig.send("/weight 62.4")  # the slip put right: replaces today's
    assert "replaces today's earlier 30 kg" in reply and "below" not in reply
    assert "above" not in reply  # judged against the day before, not the slip
    rig.travel(days=1)
    assert "%" not in await rig.send("/weight 63")  # an ordinary day's change


async def test_a_first_weigh_in_replaced_the_same_day_by_a_slip_is_warned_about(rig):
    await onboard_by_buttons(rig)
    await rig.send("/weight 62.6")
    reply = await rig.send("/weight 30")
    assert "replaces today's earlier 62.6 kg" in reply and "52 % below" in reply
