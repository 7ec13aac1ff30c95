"""/weight: one weigh-in a day in the runner's units, the last ones with a trend, and bad
values refused with the expected form."""

from models import BodyweightEntry
from tests.handlers.helpers import onboard_by_buttons


async def _weigh_ins(rig) -> list[tuple[str, float]]:
    from sqlalchemy import select

    async with rig.database.session() as session:
        rows = await session.execute(
            select(BodyweightEntry.entry_date, BodyweightEntry.weight_kg).order_by(
                BodyweightEntry.entry_date
            )
        )
        return [(day.isoformat(), round(kg, 2)) for day, kg in rows]


async def test_a_second_weigh_in_the_same_day_replaces_the_first(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/weight 62.5")
    assert "62.5 kg saved for today" in reply
    reply = await rig.send("/weight 62,1 kg")
    assert "62.1 kg saved" in reply and "replaces today's earlier 62.5 kg" in reply
    assert await _weigh_ins(rig) == [("2026-11-24", 62.1)]
    rig.travel(days=1)
    await rig.send("/weight 62.3kg")
    assert await _weigh_ins(rig) == [("2026-11-24", 62.1), ("2026-11-25", 62.3)]


async def test_pounds_typed_by_a_kilogram_runner_are_converted(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/weight 138 lb")
    assert "62.6 kg saved" in reply and "Typed in lb" in reply
    assert await _weigh_ins(rig) == [("2026-11-24", 62.6)]


async def test_a_pound_runner_weighs_in_and_reads_pounds(rig):
    await onboard_by_buttons(rig)
    await rig.send("/units lb")
    assert "138 lb saved" in await rig.send("/weight 138")
    assert await _weigh_ins(rig) == [("2026-11-24", round(138 * 0.45359237, 2))]
    assert "138 lb" in await rig.send("/weight")


async def test_bad_weigh_ins_are_refused_with_the_form_and_nothing_is_stored(rig):
    await onboard_by_buttons(rig)
    for typed in ("625", "6.25", "abc", "62.5 stone", "٦٢", "1e3", "nan", "62.5.1", "-62"):
        reply = await rig.send(f"/weight {typed}")
        assert "/weight 62.5" in reply, (typed, reply)
    assert "30–250 kg" in await rig.send("/weight 625")
    assert await _weigh_ins(rig) == []


async def test_weight_alone_lists_the_last_weigh_ins_and_the_trend(rig):
    await onboard_by_buttons(rig)
    assert "No bodyweight logged yet" in await rig.send("/weight")
    for value in ("63", "62.8", "62.6", "62.4"):
        await rig.send(f"/weight {value}")
        rig.travel(days=3)
    reply = await rig.send("/weight")
    lines = reply.splitlines()
    assert lines[1].endswith("62.4 kg") and lines[4].endswith("63 kg")  # newest first
    # 0.2 kg down every 3 days: 0.47 kg a week, the least-squares slope of these four.
    assert "Trend over four weeks: −0.5 kg a week" in reply


async def test_weight_in_a_group_points_to_the_private_chat(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/weight 62", chat_id=-100555)
    assert "private chat" in reply
    assert await _weigh_ins(rig) == []
