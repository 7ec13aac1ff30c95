"""The weekly summary: opt-in with /summary, sent once at the runner's chosen local day and
time by the reminder tick (across a daylight-saving change too), with the week's sessions and
records and next week's lift days with loads."""

from datetime import UTC, datetime, timedelta

from telegram.error import BadRequest

from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE


def _summaries(rig) -> list[str]:
    return [m.text for m in rig.api.sent_to(ALICE.id) if "Your week" in m.text]


async def _tick_until(rig, end: datetime) -> None:
    """Ticks every six hours up to `end` (re-planning the rolling horizon as the bot does)."""
    while rig.now + timedelta(hours=6) < end:
        rig.now += timedelta(hours=6)
        await rig.tick()
    rig.now = end
    await rig.tick()


async def test_summary_settings_are_asked_for_and_refused_politely(rig):
    await onboard_by_buttons(rig)
    assert "weekly summary is off" in await rig.send("/summary")
    assert "Weekly summary on: Sundays at 18:00" in await rig.send("/summary on")
    assert "Fridays at 07:15" in await rig.send("/summary 07:15 friday")
    for bad in ("/summary maybe", "/summary sun 25:00", "/summary sun 18:00 now"):
        assert "/summary sun 18:00" in await rig.send(bad), bad
    assert "Fridays at 07:15" in await rig.send("/summary")
    assert "Weekly summary off" in await rig.send("/summary off")


async def test_the_summary_arrives_once_at_the_chosen_local_time_with_the_week(rig):
    await onboard_by_buttons(rig)  # Tuesday 24 November, Berlin (UTC+1)
    await rig.send("/log 2026-11-20 squat 60x8 60x8 rir3")  # before this week
    await rig.send("/log ohp 35x8 35x8 rir3")
    await rig.send("/log squat 62.5x8 62.5x8 rir3")
    await rig.send("/log deadlift 80x8 80x8 rir3")
    await rig.send("/summary sun 18:00")
    await _tick_until(rig, datetime(2026, 11, 29, 16, 59, tzinfo=UTC))
    assert _summaries(rig) == []
    await _tick_until(rig, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))  # 18:00 in Berlin
    [text] = _summaries(rig)
    await _tick_until(rig, datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
    assert len(_summaries(rig)) == 1  # once
    assert "23 November – 29 November" in text
    assert "Sessions: 1 of 2 planned." in text  # Tuesday done, Thursday not
    assert "New record: Back squat 62.5 kg × 8" in text  # beats 20 November's 60 kg × 8
    assert "Overhead press" not in text.split("The next")[0]  # a first log is no record
    assert "The next seven days" in text and "30 November – 6 December" in text
    assert "session B" in text and "Goblet squat" in text  # next week's loads


async def test_the_summary_follows_the_local_time_across_the_clock_change(rig):
    rig.now = datetime(2026, 10, 13, 8, 0, tzinfo=UTC)  # Tuesday; Berlin is on summer time
    await onboard_by_buttons(rig)
    await rig.send("/summary sun 18:00")
    await _tick_until(rig, datetime(2026, 10, 18, 16, 0, tzinfo=UTC))  # 18:00 CEST
    assert len(_summaries(rig)) == 1
    # The clocks go back on Sunday 25 October at 03:00: 18:00 is 17:00 UTC that day.
    await _tick_until(rig, datetime(2026, 10, 25, 16, 59, tzinfo=UTC))
    assert len(_summaries(rig)) == 1
    await _tick_until(rig, datetime(2026, 10, 25, 17, 0, tzinfo=UTC))
    assert len(_summaries(rig)) == 2


async def test_no_summary_unless_asked_for_or_while_paused(rig):
    await onboard_by_buttons(rig)
    await _tick_until(rig, datetime(2026, 11, 30, 12, 0, tzinfo=UTC))
    assert _summaries(rig) == []
    await rig.send("/summary on")
    await rig.send("/pause 1")
    await _tick_until(rig, datetime(2026, 12, 7, 12, 0, tzinfo=UTC))
    assert _summaries(rig) == []


async def test_a_record_beaten_later_in_the_week_is_listed_once(rig):
    await onboard_by_buttons(rig)  # Tuesday 24 November
    await rig.send("/log 2026-11-20 squat 65x8 65x8 rir3")
    await rig.send("/log 2026-11-23 squat 70x9 rir3")  # Monday: the best for 8 (and 5, 6)
    rig.travel(days=2)  # Thursday
    await rig.send("/log squat 75x8 75x8 rir3")  # beats Monday's
    await rig.send("/summary sun 18:00")
    await _tick_until(rig, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))
    [text] = _summaries(rig)
    week = text.split("The next")[0]
    assert "Back squat 75 kg × 8" in week
    assert "70 kg × 9" not in week  # superseded within the week


def _photos(rig) -> list:
    return [m for m in rig.api.sent_to(ALICE.id) if m.file is not None]


async def test_the_summary_comes_with_the_progress_chart_once(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log 2026-11-20 squat 60x8 60x8 rir3")
    await rig.send("/log squat 62.5x8 62.5x8 rir3")
    await rig.send("/summary sun 18:00")
    await _tick_until(rig, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))
    assert len(_summaries(rig)) == 1
    [photo] = _photos(rig)
    assert photo.file.kind == "photo" and photo.file.mime_type == "image/png"
    assert photo.file.data[:8] == b"\x89PNG\r\n\x1a\n"
    assert "Back squat" in photo.text  # the chart's own caption, short
    await _tick_until(rig, datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    assert len(_summaries(rig)) == 1 and len(_photos(rig)) == 1  # once each


async def test_the_summary_goes_without_a_chart_before_two_sessions(rig):
    await onboard_by_buttons(rig)
    await rig.send("/log squat 62.5x8 62.5x8 rir3")
    await rig.send("/summary sun 18:00")
    await _tick_until(rig, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))
    assert len(_summaries(rig)) == 1 and _photos(rig) == []


async def test_a_refused_chart_leaves_the_summary_sent_once(rig, monkeypatch):
    """The text is the reminder; the photo an extra that is never retried."""
    await onboard_by_buttons(rig)
    await rig.send("/log 2026-11-20 squat 60x8 60x8 rir3")
    await rig.send("/log squat 62.5x8 62.5x8 rir3")
    await rig.send("/summary sun 18:00")

    async def refuse(*args, **kwargs):
        raise BadRequest("Photo_invalid_dimensions")

    monkeypatch.setattr(type(rig.app.bot), "send_photo", refuse)
    await _tick_until(rig, datetime(2026, 11, 29, 17, 0, tzinfo=UTC))
    monkeypatch.undo()
    await _tick_until(rig, datetime(2026, 12, 1, 12, 0, tzinfo=UTC))
    assert len(_summaries(rig)) == 1 and _photos(rig) == []
