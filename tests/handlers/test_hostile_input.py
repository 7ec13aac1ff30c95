"""The hostile corpus (tests/handlers/hostile.py) through every text entry point (each command
of the one commands table, in a private chat and in a group, typed text, text inside /log) and
forged data through every callback pattern registered. Each input gets a valid reply (the
offline Bot API refuses bad HTML and over-long text) or is dropped; no stored set is out of
range; another runner's data is never touched."""

from __future__ import annotations

import math
import re
import zoneinfo
from datetime import timedelta

import pytest
from sqlalchemy import select
from telegram.ext import CallbackQueryHandler

from bot.application import all_handlers
from bot.flood import LIMIT
from models import LoggedSet, User
from render.commands import COMMANDS, GROUP
from tests.handlers.helpers import onboard_by_buttons
from tests.handlers.hostile import CORPUS
from tests.rig import ALICE, BOB, GROUP_ID

ENTRY_POINTS = [f"/{c.name}" for c in COMMANDS] + ["text", "text in /log"]
FIGURES: dict[str, int] = {}  # entry points x inputs, per kind, for the closing note


async def _stored_sets(rig, user_id: int) -> list[LoggedSet]:
    async with rig.database.session() as session:
        return list(await session.scalars(select(LoggedSet).where(LoggedSet.user_id == user_id)))


async def _nothing_wrong_stored(rig, bob_before: int) -> None:
    for row in await _stored_sets(rig, ALICE.id):
        assert math.isfinite(row.weight) and 0 < row.weight <= 1100, row.weight
        assert 1 <= row.reps <= 30, row.reps
    assert len(await _stored_sets(rig, BOB.id)) == bob_before, "another runner's sets"
    alice = await rig.get(User, ALICE.id)
    assert alice is not None, "a hostile input deleted the runner"
    assert alice.units in (None, "kg", "lb")
    assert alice.timezone is None or zoneinfo.ZoneInfo(alice.timezone)
    assert alice.reminder_time is None or re.fullmatch(
        r"[0-2][0-9]:[0-5][0-9]", alice.reminder_time
    )


async def _two_runners(rig) -> int:
    await onboard_by_buttons(rig)
    await onboard_by_buttons(rig, BOB)
    await rig.send("/log squat 60x8 60x8 rir2", BOB)
    await rig.send("/join", ALICE, GROUP_ID)
    return len(await _stored_sets(rig, BOB.id))


def _flood_allowance(rig) -> None:
    """The corpus is sent faster than a person types: let the clock run so it is not a flood
    (flooding has its own test below)."""
    rig.now += timedelta(seconds=61 / LIMIT * 2)


@pytest.mark.parametrize("entry", ENTRY_POINTS)
async def test_the_corpus_through_a_text_entry_point(rig, entry):
    bob_before = await _two_runners(rig)
    for text in CORPUS:
        for chat in (ALICE.id, GROUP_ID):
            _flood_allowance(rig)
            if entry == "text in /log":
                await rig.send("/log squat", ALICE, chat)
                message = text
            elif entry == "text":
                message = text
            else:
                message = f"{entry} {text}"
            await rig.send(message[:4096], ALICE, chat)
            await _nothing_wrong_stored(rig, bob_before)
        await rig.send("/cancel")  # leave whatever was started, for the next input
    FIGURES[entry] = len(CORPUS) * 2


async def test_commands_addressed_to_another_bot_are_not_ours(rig):
    await _two_runners(rig)
    for command in COMMANDS:
        if GROUP in command.menus:
            assert await rig.send(f"/{command.name}@OtherBot 60x8", ALICE, GROUP_ID) == ""
        reply = await rig.send(f"/{command.name}@OtherBot squat 60x8")
        assert "Stored" not in reply
    assert await _stored_sets(rig, ALICE.id) == []


def _prefixes(pattern: str) -> list[str]:
    """The literal start of a callback pattern (`^(hdelok|hundo):\\d...` -> hdelok:, hundo:)."""
    body = pattern.lstrip("^")
    alternatives = re.match(r"\(([a-z|]+)\)([a-z:]*)", body)
    if alternatives:
        return [word + alternatives.group(2) for word in alternatives.group(1).split("|")]
    return [re.match(r"[a-z:]*", body).group()]


def _callback_prefixes(rig) -> list[str]:
    patterns = {h.pattern.pattern for h in all_handlers(rig.app)
                if isinstance(h, CallbackQueryHandler) and h.pattern is not None}  # fmt: skip
    return sorted({p for pattern in patterns for p in _prefixes(pattern)} | {""})


async def test_forged_stale_and_other_users_callback_data(rig):
    bob_before = await _two_runners(rig)
    bob_ids = [row.entry_id for row in await _stored_sets(rig, BOB.id)][:1]
    bob_ids += [row.id for row in await _stored_sets(rig, BOB.id)][:1]
    await rig.send("/log squat 60x8 60x8 rir2")  # Alice's newest message has buttons
    tails = ["", "999999999", "-1", "0", "abc", "٣", "1e309", "nan", "%s{}", "<b>", "9:9:9:9",
             ":::", f"1|{BOB.id}", "1|abc", *map(str, bob_ids), f"{BOB.id}", f"yes:{BOB.id}",
             f"del:{bob_ids[0]}:0", "\u202e1"]  # fmt: skip
    prefixes = _callback_prefixes(rig)
    pressed = 0
    for prefix in prefixes:
        for tail in tails:
            data = (prefix + tail).encode()[:64].decode(errors="ignore")
            _flood_allowance(rig)
            await rig.press_data(data)
            await rig.press_data(data, ALICE, GROUP_ID)
            pressed += 2
            await _nothing_wrong_stored(rig, bob_before)
    FIGURES["callbacks"] = pressed
    assert len(prefixes) >= 35 and pressed >= 35 * len(tails) * 2


async def test_a_button_press_without_data_is_answered_once_as_stale(rig):
    """PTB hands a callback query without data to every pattern handler (one per group):
    each would answer it, and the second answer is refused by Telegram."""
    await onboard_by_buttons(rig)
    await rig.send("/log squat 60x8 60x8 rir2")
    await rig.press_data("")
    assert rig.alerts()[-1].startswith("That button belongs to an older message")
    assert "went wrong" not in rig.last_text()


async def test_one_user_flooding_is_told_once_and_others_are_still_served(rig):
    await onboard_by_buttons(rig)
    await onboard_by_buttons(rig, BOB)
    replies = [await rig.send("/log squat 60x8 rir2") for _ in range(LIMIT * 3)]
    assert sum("Slow down" in r for r in replies) == 1
    assert replies[-1] == ""
    assert "Stored" in await rig.send("/log squat 60x8 rir2", BOB)
    assert len(await _stored_sets(rig, ALICE.id)) <= LIMIT
