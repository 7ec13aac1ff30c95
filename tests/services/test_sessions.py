"""One path to a session: /today, /plan and the reminder of a day read the same prescription."""

from datetime import date

from services import Sender, open_services
from services.reminders import LiftReminder
from services.training import RestDay
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE

TUESDAY = date(2026, 11, 24)  # the rig's first morning: a lift day (Tue quality, Thu easy)
ALICE_SENDER = Sender(ALICE.id, ALICE.first_name, ALICE.id)


def _loads(session):
    return [(x.exercise.key, x.weight, x.sets, x.reps) for x in session.lifts]


async def test_today_plan_and_reminder_prescribe_the_same_session(rig):
    await onboard_by_buttons(rig)
    async with open_services(rig.database, rig.now, ALICE_SENDER) as services:
        planned = await services.training.planned_session(TUESDAY)  # what a reminder says
        week = await services.reports.plan()
        today = await services.training.todays_session()
    assert not isinstance(today, RestDay)
    assert _loads(today.session) == _loads(planned) == _loads(week.days[0].session)
    assert week.days[0].day == TUESDAY


async def test_the_reminder_content_is_the_stored_session(rig):
    await onboard_by_buttons(rig)
    await rig.send("/today")  # stores today's prescription
    async with open_services(rig.database, rig.now) as services:
        await services.reminders.plan_due()
    async with open_services(rig.database, rig.now, ALICE_SENDER) as services:
        stored = await services.training.planned_session(TUESDAY)
        user = services.runner
        content = await services.reminders._runner_content(user, _Row("lift", TUESDAY))
    assert isinstance(content, LiftReminder)
    assert _loads(content.session) == _loads(stored)


async def test_a_race_week_day_has_no_session_anywhere_only_when_lifting_resumes(rig):
    await onboard_by_buttons(rig)
    await rig.send("/race 2026-11-27 half")  # Friday: Tuesday is in race week
    async with open_services(rig.database, rig.now, ALICE_SENDER) as services:
        today = await services.training.todays_session()
        week = await services.reports.plan()
        content = await services.reminders._runner_content(services.runner, _Row("lift", TUESDAY))
    assert today.session.no_lifting and today.session.lifts == ()
    assert all(day.session.no_lifting for day in week.days if day.race is None)
    assert content.session.no_lifting  # the reminder only says when lifting resumes
    assert content.session.note.values["resumes"] == "2026-12-01"


class _Row:
    """The two fields of a reminder row that decide its content."""

    def __init__(self, kind: str, lift_date: date) -> None:
        self.kind, self.lift_date = kind, lift_date
