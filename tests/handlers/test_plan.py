"""/plan: the next seven days from today, /plan next the seven after (issue 11, item 4)."""

from datetime import UTC, datetime

from tests.handlers.helpers import onboard_by_buttons

# The rig's clock starts on Tuesday 24 November 2026, 08:00 in Berlin. Alice's week:
# Tue quality, Thu easy, Sat long -> lift days Tuesday and Thursday.


def _blocks(plan: str) -> list[str]:
    """The plan's day headings, in order (the first block is the span's heading)."""
    return [block.splitlines()[0] for block in plan.split("\n\n")[1:]]


async def _finish_today(rig) -> None:
    await rig.send("/log ohp 35x8 35x8 rir3")
    assert "done" in await rig.send("/done")


async def test_on_a_wednesday_the_plan_runs_to_next_tuesday_with_the_real_letters(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")
    await _finish_today(rig)  # Tuesday: session A done
    rig.travel(days=1)  # Wednesday 25 November
    plan = await rig.send("/plan")
    assert "25 November – 1 December" in plan
    assert _blocks(plan) == ["Thursday 26 November · session B", "Tuesday 1 December · session A"]
    assert "Goblet squat: 2 × 8 at 22 kg" in plan  # session B's loads, as /today gives them
    assert "24 November ·" not in plan  # the past days of the week are gone
    assert "2026" not in plan  # the year only when it is not this year


async def test_a_session_done_today_is_ticked_and_the_next_letter_follows_it(rig):
    await onboard_by_buttons(rig)
    await _finish_today(rig)
    plan = await rig.send("/plan")
    assert _blocks(plan) == [
        "Tuesday 24 November · session A ✅",
        "Thursday 26 November · session B",
    ]


async def test_a_session_shown_but_not_done_today_counts_for_the_days_after(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")  # stores session A, nothing logged yet
    plan = await rig.send("/plan")
    assert _blocks(plan) == ["Tuesday 24 November · session A", "Thursday 26 November · session B"]
    assert "✅" not in plan
    later = await rig.send("/plan next")
    assert _blocks(later) == ["Tuesday 1 December · session A", "Thursday 3 December · session B"]


async def test_plan_next_is_the_seven_days_after_and_crosses_the_new_year(rig):
    await onboard_by_buttons(rig)
    rig.now = datetime(2026, 12, 24, 9, 0, tzinfo=UTC)  # Thursday 24 December
    later = await rig.send("/plan next")
    assert "31 December – 6 January 2027" in later
    # Today's session A, Tuesday's B, then these: missed days do not advance the letters.
    assert _blocks(later) == [
        "Thursday 31 December · session A",
        "Tuesday 5 January 2027 · session B",
    ]
    assert "29 December" not in later


async def test_a_race_in_the_span_is_shown_and_race_week_lifts_nothing(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-27 half")  # Friday: Tuesday and Thursday are race week
    plan = await rig.send("/plan")
    assert "Friday 27 November\n  🏁 Half marathon" in plan
    assert "× 8" not in plan and "· session" not in plan
    assert "Thursday 26 November\n  Race week (1 day to your half)" in plan  # as /today says
    assert "no lifting; lifting resumes on Tuesday 1 December" in plan
    assert "No lifting in these seven days. Next: session A on Tuesday 1 December." in plan
    later = await rig.send("/plan next")
    assert "Tuesday 1 December · session A" in later  # race week did not count
    assert "about 20 % lighter" in later  # the week after the race, as /today will say


async def test_a_race_in_plan_next_is_shown_on_its_day(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2027-01-10 marathon")
    assert "🏁" not in await rig.send("/plan next")
    rig.now = datetime(2027, 1, 1, 9, 0, tzinfo=UTC)  # Friday 1 January
    assert "Sunday 10 January\n  🏁 Marathon" in await rig.send("/plan next")


async def test_a_moved_session_is_shown_on_its_new_day(rig):
    await onboard_by_buttons(rig)
    await rig.send("/rundays tue=quality sun=long")  # lift days Tue and Fri
    await rig.send("/today")
    await rig.press("Move to another day")
    await rig.press("Wednesday 25 November")
    plan = await rig.send("/plan")
    assert _blocks(plan) == [
        "Wednesday 25 November · session A",
        "Friday 27 November · session B",
    ]


async def test_a_bad_argument_says_what_plan_takes(rig):
    await onboard_by_buttons(rig)
    reply = await rig.send("/plan tomorrow")
    assert "/plan next" in reply and "session" not in reply
