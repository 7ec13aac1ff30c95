"""One unit of work per update: every handler is wrapped; stop commits, errors roll back."""

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.application import bot_handlers
from bot.context import NO_DATABASE, WRAPPED, unit_of_work
from models import User
from tests.rig import ALICE


def test_every_handler_runs_in_a_unit_of_work_or_says_it_needs_none(rig):
    handlers = bot_handlers(rig.app)
    assert len(handlers) > 40  # conversation entry points, states and fallbacks included
    marked = (WRAPPED, NO_DATABASE)
    assert [h for h in handlers if not any(getattr(h.callback, m, False) for m in marked)] == []
    without = {h.callback.__name__ for h in handlers if getattr(h.callback, NO_DATABASE, False)}
    assert without <= {"show_help", "private_only", "group_only", "nothing_to_cancel",
                       "ask_delete", "not_understood", "stale_button", "start_rest"}  # fmt: skip


async def _run(rig, callback) -> Exception | None:
    update = Update.de_json(rig.updates.message(ALICE, "/anything"), rig.app.bot)
    context = rig.app.context_types.context.from_update(update, rig.app)
    try:
        await unit_of_work(callback)(update, context)
    except Exception as error:
        return error
    return None


async def test_a_handler_that_raises_stores_nothing(rig):
    async def fails(update, context):
        context.runner.first_name = "Changed"
        raise RuntimeError("boom")

    assert isinstance(await _run(rig, fails), RuntimeError)
    assert await rig.get(User, ALICE.id) is None  # not even the runner created on arrival


async def test_a_handler_that_stops_the_update_still_commits(rig):
    async def stops(update, context):
        context.runner.first_name = "Kept"
        raise ApplicationHandlerStop

    assert isinstance(await _run(rig, stops), ApplicationHandlerStop)
    assert (await rig.get(User, ALICE.id)).first_name == "Kept"


async def test_the_services_are_gone_after_the_update(rig):
    seen = {}

    async def remembers(update, context):
        seen["context"] = context
        return "state"

    assert await _run(rig, remembers) is None
    try:
        seen["context"].services  # noqa: B018 - the property raises outside a unit of work
    except RuntimeError:
        return
    raise AssertionError("services outlived the update")
