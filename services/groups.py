"""Group chats: membership, sharing, the group's settings, and logging from its buttons."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete

from coaching import EXERCISES, InputError
from coaching.parsing import parse_time, parse_weekday
from coaching.timezones import local_date, resolve_timezone
from coaching.week import Rule, gap
from models import Group, GroupMember, Reminder
from models.group_queries import get_or_create_group, membership, move_group
from services.base import Area
from services.reports import Board, TeamLine
from services.training import SessionSummary, Source


@dataclass(frozen=True)
class GroupSettings:
    title: str
    timezone: str | None
    reminder_time: str | None
    fixed_days: tuple[int, ...]  # empty: each member's own days
    weekly_summary: bool
    summary_day: int


@dataclass(frozen=True)
class GroupLog:
    """What the "done as prescribed" button stored (the reps; the reserve is asked privately,
    and until it is answered the loads hold)."""

    day: date
    stored: list[str]  # exercise keys
    needs_calibration: bool


@dataclass(frozen=True)
class ReserveAnswer:
    """The reserve answered: the session so far, and whether it is finished (a lift still to
    calibrate keeps it open, and /today says what is left)."""

    summary: SessionSummary
    finished: bool


class SetupRefused(InputError):
    """A /groupsetup the lift-day rules refuse (`rule`: which one)."""

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule.value)
        self.rule = rule


class BadSetup(InputError):
    """A /groupsetup that could not be read (`part`: time, timezone, days, summary or what)."""

    def __init__(self, part: str) -> None:
        super().__init__(part)
        self.part = part


SETUP_PARTS = ("time", "timezone", "days", "summary")


class Groups(Area):
    async def group(self, chat_id: int, title: str) -> Group:
        return await get_or_create_group(self.db, chat_id, title)

    async def introduce(self, chat_id: int, title: str) -> bool:
        """The bot was added (or added back: reminders start again): True the first time
        (introduce RunLift once)."""
        group = await self.group(chat_id, title)
        first, group.introduced = not group.introduced, True
        if not group.active:
            group.active = True
            await self._plan_now(group)
        return first

    async def seen(self, chat_id: int) -> None:
        """A command came from the group, so the bot is there: a group marked inactive (a
        reminder was refused) is active again and its reminders are planned again."""
        group = await self.db.get(Group, chat_id)
        if group is not None and not group.active:
            group.active = True
            await self._plan_now(group)

    async def removed(self, chat_id: int) -> None:
        """The bot was removed from the group: it is inactive and its reminders stop (members,
        settings and history stay for when it is added back)."""
        group = await self.db.get(Group, chat_id)
        if group is not None:
            await self.services.reminders.deactivate_group(group)

    async def migrate(self, old_id: int, new_id: int) -> None:
        """The group became a supergroup: members, settings and reminders move along."""
        await move_group(self.db, old_id, new_id)

    async def join(self, chat_id: int, title: str) -> str:
        """The sender joins the group's programme; the group's title."""
        group = await self.group(chat_id, title)
        await self._add_member(group)
        return group.title

    async def join_from_link(self, payload: str) -> str | None:
        """`/start join_<group id>` in the private chat: membership now; the group's title."""
        try:
            group = await self.db.get(Group, int(payload.removeprefix("join_")))
        except ValueError:
            return None
        if group is None:
            return None
        await self._add_member(group)
        return group.title

    async def _add_member(self, group: Group) -> None:
        """A member from now on. One who left and comes back keeps their /share choice (and
        their history, which is theirs), and is counted from this return: the sessions of
        their time away are not missed ones. A /join while a member changes nothing."""
        member = await membership(self.db, group.id, self.runner.id, left_too=True)
        if member is None:
            self.db.add(GroupMember(group_id=group.id, user_id=self.runner.id, share=False,
                                    joined_at=self.now))  # fmt: skip
        elif member.left_at is not None:
            member.joined_at, member.left_at = self.now, None
        self.services.reminders.invalidate_group_plan(group)

    async def leave(self, chat_id: int) -> bool:
        """Off the board and the reminders; the membership is kept (left) for a return."""
        member = await membership(self.db, chat_id, self.runner.id)
        if member is None:
            return False
        member.left_at = self.now
        return True

    async def share(self, chat_id: int, on: bool) -> bool:
        member = await membership(self.db, chat_id, self.runner.id)
        if member is None:
            return False
        member.share = on
        return True

    async def sharing(self, chat_id: int) -> bool | None:
        """Whether the sender's numbers show in this group (None: not a member)."""
        member = await membership(self.db, chat_id, self.runner.id)
        return None if member is None else member.share

    async def numbers_here(self, chat_id: int, private: bool) -> bool:
        """Whether the sender's loads may be shown in this chat: a private chat, or they share."""
        if private:
            return True
        member = await membership(self.db, chat_id, self.runner.id)
        return member is not None and member.share

    # --- admins' settings -----------------------------------------------------------------------

    async def settings(self, chat_id: int, title: str) -> GroupSettings:
        group = await self.group(chat_id, title)
        return GroupSettings(group.title, group.timezone, group.reminder_time,
                             tuple(group.fixed_days or ()), group.weekly_summary,
                             group.summary_day)  # fmt: skip

    async def configure(self, chat_id: int, title: str, words: list[str]) -> None:
        """`time 07:00`, `timezone Europe/Berlin`, `days own|tue fri`, `summary on|off [sun]`;
        BadSetup names the part that could not be read (nothing is changed then)."""
        group = await self.group(chat_id, title)
        part = words[0].lower() if words and words[0].lower() in SETUP_PARTS else "what"
        try:
            applied = _apply_setting(group, words)
        except SetupRefused:
            raise
        except InputError:
            applied = False
        if not applied:
            raise BadSetup(part)
        await self.db.execute(
            delete(Reminder).where(Reminder.group_id == group.id, Reminder.status == "due")
        )
        await self._plan_now(group)

    async def _plan_now(self, group: Group) -> None:
        """Plan the group's reminders at once, in this transaction, rather than at the next
        tick: a tick that runs only after today's reminder time would skip today's reminder
        as already past (a change at 22:00 to post at 22:01, then the tick at 22:02)."""
        reminders = self.services.reminders
        reminders.invalidate_group_plan(group)
        await reminders.plan_group(group)

    async def board(self, chat_id: int, title: str) -> Board:
        group = await self.group(chat_id, title)
        return await self.services.reports.board(group, local_date(self.now, group.timezone))

    async def team(self, chat_id: int, title: str) -> tuple[str, list[TeamLine]]:
        group = await self.group(chat_id, title)
        return group.title, await self.services.reports.team(group)

    # --- the group reminder's button -------------------------------------------------------------

    async def done_as_prescribed(self, day: date, source: Source) -> GroupLog | None:
        """Log the sender's whole session of `day` as prescribed (what is not logged yet);
        None for a day still to come.

        The button says the reps were done, not how hard they were: the sets are stored
        without reps in reserve, which the progression reads as "hold" (no increase), until
        the runner answers the private question (`answer_reserve`)."""
        if day > self.today():
            return None
        training = self.services.training
        workout = await training.open_session(day)
        logged = await training.logged_lifts(workout)
        stored, needs_calibration = [], False
        for lift in workout.prescription.lifts:
            if lift.exercise in logged:
                continue
            exercise = EXERCISES[lift.exercise]
            sets = training.as_prescribed(workout, exercise)
            if not sets:
                needs_calibration = True
                continue
            await training.record_exercise(workout, exercise, sets, None, source)
            stored.append(lift.exercise)
        return GroupLog(day, stored, needs_calibration)

    async def reserve_question(self, day: date) -> list[str]:
        """The lifts of `day` whose reserve is still to be asked (exercise keys)."""
        return [entry.exercise for entry in await self.services.training.reserve_unknown(day)]

    async def answer_reserve(self, day: date, rir: int) -> ReserveAnswer | None:
        """The one-tap answer: the reserve stored and the loads worked out again; the session's
        summary and whether it is finished, as /today sees it (None: nothing was waiting, e.g.
        a second tap)."""
        training = self.services.training
        workout = await training.answer_reserve(day, rir)
        if workout is None:
            return None
        return ReserveAnswer(await training.summary(workout), workout.status == "done")


def _apply_setting(group: Group, words: list[str]) -> bool:
    if not words:
        return False
    what, values = words[0].lower(), [w.lower() for w in words[1:]]
    if what == "time" and len(values) == 1:
        group.reminder_time = parse_time(values[0]).strftime("%H:%M")
    elif what == "timezone" and len(values) == 1:
        zone, _ = resolve_timezone(words[1])
        if zone is None:
            return False
        group.timezone = zone
    elif what == "days" and values == ["own"]:
        group.fixed_days = None
    elif what == "days" and 1 <= len(values) <= 3:
        days = sorted({parse_weekday(v[:3]) for v in values})
        if any(gap(a, b) < 2 for i, a in enumerate(days) for b in days[i + 1 :]):
            raise SetupRefused(Rule.SPACING)  # the same rule as each runner's own days
        group.fixed_days = days
    elif what == "summary" and values and values[0] in ("on", "off") and len(values) <= 2:
        day = parse_weekday(values[1][:3]) if len(values) == 2 else group.summary_day
        group.weekly_summary, group.summary_day = values[0] == "on", day  # both read first
    else:
        return False
    return True
