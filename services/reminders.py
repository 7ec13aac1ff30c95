"""Reminders: which ones a runner or group should get, claiming due ones, and what each says.

Rows are planned for the local days from yesterday to a week ahead, whenever something that
decides them changes (`invalidate_plan`) and on a rolling horizon. Rows already claimed or
sent are never touched: the (chat, kind, local date) key keeps a re-plan from creating a second
reminder for the same day.

Crash safety: at least once, and once in all but one narrow window.
1. Claim: in its own committed transaction, a due row becomes "sending" with `claimed_at` and
   its idempotency key `send_key` = (runner or group, local date, kind), unique in the table:
   a second row for the same key is skipped, never sent.
2. Send: Telegram accepts and answers with the message id.
3. Mark: the message id is written at once (`mark_sent`, batched with whatever else arrived
   meanwhile): the send is now known to have happened.
4. Record: the outcome ("sent", "blocked", a retry …) is written for the whole batch.
A process that dies leaves its rows "sending". After `SENDING_TIMEOUT` (far longer than a live
tick holds a claim) `expire` reclaims them: a row with a message id was sent and becomes "sent";
a row without one goes back to "due" with one attempt used, so it is sent (late, within the
grace window) or marked missed. The window that remains: a crash after Telegram accepted a
message (2) and before its id was written (3), a few milliseconds per message, sends that
reminder a second time. Telegram's sendMessage has no idempotency key to close it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from sqlalchemy import ColumnElement, case, delete, or_, select, true, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from coaching import Distance, Kit, Phase, Reslot, RunType, Session, race_advice
from coaching.timezones import local_date, local_to_utc, parse_hhmm
from models import Group, Reminder, User, WorkoutSession
from models.batch_queries import RunnerRows, runner_rows
from models.group_queries import members_of, move_group
from services.base import Area
from services.reports import Board
from services.runners import is_lift_day, kit_for, paused_on, reslot_of, run_on
from services.summaries import WeeklySummary
from services.training import given_session, session_from

HORIZON_DAYS = 7
HEADS_UP_AT = time(20, 0)
GROUP_SUMMARY_AT = time(18, 0)
PLAN_PER_TICK = 500
CLAIM_PER_TICK = 900  # 30 messages/s for a 30 s tick: what Telegram lets through
MAX_ATTEMPTS = 5
LATE_NOTE_AFTER = timedelta(minutes=10)
KEEP_FOR = timedelta(days=30)
FORGET_PER_TICK = 1000
# "unconfirmed": Telegram did not answer a send that went out; perhaps delivered, never resent.
FINISHED = ("sent", "missed", "skipped", "failed", "blocked", "unconfirmed")
# A row still "sending" this long after its claim was left by a process that died: a live tick
# sends its batch within a minute (900 messages at Telegram's 30/s), so no live sender loses it.
SENDING_TIMEOUT = timedelta(minutes=10)


# --- what a reminder says, as data (render/reminders.py words it) --------------------------------


@dataclass(frozen=True)
class LiftReminder:
    session: Session
    kit: Kit
    run: RunType  # the day's run: on a quality day, lift at least 6 h after it


@dataclass(frozen=True)
class HeadsUp:
    session_name: str
    lift_date: date


@dataclass(frozen=True)
class MissedSession:
    missed: date
    reslot: Reslot
    target: date | None  # the day the missed session is done on
    moves_on: date | None = None  # the new day of the session it displaces, if any


@dataclass(frozen=True)
class GroupLiftDay:
    members: list[tuple[int, str]]  # (user id, first name) of the members due today
    day: date


@dataclass(frozen=True)
class GroupSummary:
    board: Board


Content = LiftReminder | HeadsUp | MissedSession | GroupLiftDay | GroupSummary | WeeklySummary


@dataclass(frozen=True)
class Due:
    """A claimed reminder ready to be worded and sent (content None: nothing to say now)."""

    row_id: int
    chat_id: int
    content: Content | None
    late: bool


@dataclass(frozen=True)
class Outcome:
    row_id: int
    status: str  # sent, skipped, retry, blocked, failed, unconfirmed
    chat_id: int
    retry_after: timedelta | None = None
    message_id: int | None = None  # Telegram's, when it accepted the message


def send_key(user_id: int | None, group_id: int | None, local_date: date, kind: str) -> str:
    """The idempotency key of a reminder: one per (runner or group, local date, kind)."""
    owner = f"g{group_id}" if group_id is not None else f"u{user_id}"
    return f"{owner}:{local_date.isoformat()}:{kind}"


class Reminders(Area):
    def invalidate_plan(self, user: User) -> None:
        """Something that decides the runner's reminders changed: the next tick plans again
        (and drops the unsent ones planned on the old settings)."""
        user.reminders_planned_until = None

    def invalidate_group_plan(self, group: Group) -> None:
        group.reminders_planned_until = None

    async def deactivate_group(self, group: Group) -> None:
        """The bot is out of the group: no more reminders there until it is added back."""
        group.active = False
        self.invalidate_group_plan(group)
        await self.db.execute(
            delete(Reminder).where(Reminder.group_id == group.id, Reminder.status == "due")
        )

    # --- planning -----------------------------------------------------------------------------

    async def plan_due(self) -> None:
        """Plan every runner and group whose plan changed or whose horizon is running out."""
        for user in await self._users_to_plan(PLAN_PER_TICK):
            await self.plan_user(user)
        for group in await self._groups_to_plan(PLAN_PER_TICK):
            await self.plan_group(group)

    async def _wanted(self, user: User, today: date) -> list[dict]:
        """The reminder rows this runner should have from yesterday to the horizon."""
        if not user.onboarded or not user.timezone or not user.reminder_time:
            return []
        races = await self.services.training.races(user)
        at = parse_hhmm(user.reminder_time)
        rows = []
        for offset in range(-1, HORIZON_DAYS + 1):
            day = today + timedelta(days=offset)
            if paused_on(user, day) or not is_lift_day(user, day):
                continue
            moments = [("lift", day, at)]  # race week: a note saying when lifting resumes
            lifting = race_advice(day, races).phase is not Phase.NO_LIFTING
            if lifting:
                moments.append(("missed", day + timedelta(days=1), at))
            if user.heads_up and lifting:
                moments.append(("heads_up", day - timedelta(days=1), HEADS_UP_AT))
            for kind, when, moment in moments:
                rows.append({"chat_id": user.private_chat_id or user.id, "user_id": user.id,
                             "kind": kind, "local_date": when, "lift_date": day,
                             "due_at": local_to_utc(when, moment, user.timezone),
                             "status": "due", "attempts": 0})  # fmt: skip
        return rows + self._weekly_rows(user, today)

    def _weekly_rows(self, user: User, today: date) -> list[dict]:
        """The weekly summary (opt-in) on the runner's chosen local day and time."""
        if not user.weekly_summary:
            return []
        at, rows = parse_hhmm(user.summary_time), []
        for offset in range(-1, HORIZON_DAYS + 1):
            day = today + timedelta(days=offset)
            if day.weekday() == user.summary_day and not paused_on(user, day):
                rows.append({"chat_id": user.private_chat_id or user.id, "user_id": user.id,
                             "kind": "weekly", "local_date": day, "lift_date": day,
                             "due_at": local_to_utc(day, at, user.timezone),
                             "status": "due", "attempts": 0})  # fmt: skip
        return rows

    async def plan_user(self, user: User) -> int:
        """Replace the runner's unsent reminders with what their plan says now.

        After a change (`invalidate_plan`) every unsent row goes, even one already due: it was
        planned on the old settings. On the rolling horizon, rows already due stay (after
        downtime they go out late, within the grace window). No row is created for a time that
        has passed: a runner who moves today's reminder earlier is not sent one "late".
        """
        today = local_date(self.now, user.timezone)
        await self.db.execute(
            delete(Reminder).where(
                Reminder.user_id == user.id, Reminder.status == "due", self._unsent(user)
            )
        )
        rows = [row for row in await self._wanted(user, today) if row["due_at"] >= self.now]
        await self._insert_new(rows)
        user.reminders_planned_until = today + timedelta(days=HORIZON_DAYS)
        return len(rows)

    async def plan_group(self, group: Group) -> int:
        """A group's reminder on every day of the horizon (who is due is decided when it is
        sent) and its weekly summary; only once the group has a time zone and a time."""
        await self.db.execute(
            delete(Reminder).where(
                Reminder.group_id == group.id, Reminder.status == "due", self._unsent(group)
            )
        )
        if not group.active or not group.timezone or not group.reminder_time:
            group.reminders_planned_until = self.now.date() + timedelta(days=HORIZON_DAYS)
            return 0
        today = local_date(self.now, group.timezone)
        at = parse_hhmm(group.reminder_time)
        rows = []
        for offset in range(HORIZON_DAYS + 1):
            day = today + timedelta(days=offset)
            moments = [("group", at)]
            if group.weekly_summary and day.weekday() == group.summary_day:
                moments.append(("summary", GROUP_SUMMARY_AT))
            for kind, moment in moments:
                due = local_to_utc(day, moment, group.timezone)
                if due >= self.now:
                    rows.append({"chat_id": group.id, "group_id": group.id, "kind": kind,
                                 "local_date": day, "lift_date": day, "due_at": due,
                                 "status": "due", "attempts": 0})  # fmt: skip
        await self._insert_new(rows)
        group.reminders_planned_until = today + timedelta(days=HORIZON_DAYS)
        return len(rows)

    def _unsent(self, owner: User | Group) -> ColumnElement[bool]:
        """Rows to replace: all unsent ones after a change, else only those not yet due."""
        return true() if owner.reminders_planned_until is None else Reminder.due_at > self.now

    async def _insert_new(self, rows: list[dict]) -> None:
        """Insert reminder rows, leaving any (chat, kind, local date) that already exists."""
        if not rows:
            return
        dialect = self.db.bind.dialect.name
        insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
        await self.db.execute(insert(Reminder).values(rows).on_conflict_do_nothing())

    async def _groups_to_plan(self, limit: int) -> list[Group]:
        horizon = self.now.date() + timedelta(days=HORIZON_DAYS - 2)
        planned = Group.reminders_planned_until
        query = (
            select(Group)
            .where(Group.active.is_(True), or_(planned.is_(None), planned < horizon))
            .order_by(planned.is_not(None))
            .limit(limit)
        )
        return list(await self.db.scalars(query))

    async def _users_to_plan(self, limit: int) -> list[User]:
        """Runners whose reminders changed or whose horizon is running out: changed settings
        first (their old rows must go). Two queries, each on the index: as one (an OR sorted
        by an expression) the planner reads every runner once its statistics say most share
        a date (after ANALYZE: 0.6 s of every tick at 1M runners, issue 15)."""
        horizon = self.now.date() + timedelta(days=HORIZON_DAYS - 2)
        planned = User.reminders_planned_until
        changed = select(User).where(planned.is_(None), User.onboarded.is_(True)).limit(limit)
        users = list(await self.db.scalars(changed))
        if len(users) < limit:
            due = select(User).where(planned < horizon, User.onboarded.is_(True))
            users += await self.db.scalars(due.limit(limit - len(users)))
        return users

    # --- housekeeping and claiming --------------------------------------------------------------

    async def expire(self, grace: timedelta, reclaim_after: timedelta = SENDING_TIMEOUT) -> None:
        """Rows a dead process left "sending" are reclaimed; too late to be useful: marked
        missed. Finished rows older than a month go."""
        await self._reclaim(reclaim_after)
        await self.db.execute(
            update(Reminder)
            .where(Reminder.status == "due", Reminder.due_at < self.now - grace)
            .values(status="missed")
        )
        old = (
            select(Reminder.id)
            .where(Reminder.status.in_(FINISHED), Reminder.due_at < self.now - KEEP_FOR)
            .limit(FORGET_PER_TICK)
        )
        await self.db.execute(delete(Reminder).where(Reminder.id.in_(old.scalar_subquery())))

    async def _reclaim(self, after: timedelta) -> None:
        """Rows left "sending" past the timeout: sent if the message id was written, else due
        again (their own due time, so lateness and the grace window still apply) with one
        attempt used, so a reminder that kills the process every time ends "failed"."""
        stale = (Reminder.status == "sending", Reminder.claimed_at < self.now - after)
        await self.db.execute(
            update(Reminder).where(*stale, Reminder.message_id.is_not(None)).values(status="sent")
        )
        attempts = Reminder.attempts + 1
        await self.db.execute(
            update(Reminder)
            .where(*stale, Reminder.message_id.is_(None))
            .values(
                status=case((attempts >= MAX_ATTEMPTS, "failed"), else_="due"), attempts=attempts
            )
        )

    async def claim(self) -> list[int]:
        """Mark due rows as being sent, each with its idempotency key (the caller commits
        before sending); their ids. A row whose key another row already holds is skipped.

        On PostgreSQL the rows are locked with SKIP LOCKED, so two processes never claim the
        same row; on SQLite the conditional UPDATE inside the write transaction does the same.
        """
        columns = (Reminder.id, Reminder.user_id, Reminder.group_id, Reminder.local_date)
        query = (
            select(*columns, Reminder.kind)
            .where(Reminder.status == "due", Reminder.due_at <= self.now)
            .order_by(Reminder.due_at)
            .limit(CLAIM_PER_TICK)
        )
        if self.db.bind.dialect.name == "postgresql":
            query = query.with_for_update(skip_locked=True)
        keys = {row.id: send_key(row.user_id, row.group_id, row.local_date, row.kind)
                for row in await self.db.execute(query)}  # fmt: skip
        if not keys:
            return []
        taken = set(
            await self.db.scalars(
                select(Reminder.send_key).where(
                    Reminder.send_key.in_(list(keys.values())), Reminder.id.not_in(list(keys))
                )
            )
        )
        fresh, duplicates = {}, []
        for row_id, key in keys.items():
            if key in taken:
                duplicates.append(row_id)
            else:
                taken.add(key)
                fresh[row_id] = key
        due = Reminder.status == "due"  # still due: a second process cannot claim it too
        claimed = list(
            await self.db.scalars(
                update(Reminder)
                .where(Reminder.id.in_(list(fresh)), due)
                .values(status="sending", claimed_at=self.now)
                .returning(Reminder.id)
            )
        )
        if claimed:
            await self.db.execute(
                update(Reminder), [{"id": i, "send_key": fresh[i]} for i in claimed]
            )
        if duplicates:
            await self.db.execute(
                update(Reminder).where(Reminder.id.in_(duplicates), due).values(status="skipped")
            )
        return sorted(claimed)

    async def mark_sent(self, sent: list[tuple[int, int]]) -> None:
        """Telegram accepted these (row id, message id): written at once, so a reclaim after a
        crash knows they went out."""
        rows = [{"id": row_id, "message_id": message_id, "sent_at": self.now}
                for row_id, message_id in sent]  # fmt: skip
        await self.db.execute(update(Reminder), rows)

    # --- what each claimed reminder says -------------------------------------------------------

    async def prepare(self, row_id: int) -> Due:
        row = await self.db.get(Reminder, row_id)
        content: Content | None = None
        if row.group_id is not None:
            group = await self.db.get(Group, row.group_id)
            content = await self._group_content(group, row) if group is not None else None
        elif row.user_id is not None:
            user = await self.db.get(User, row.user_id)
            content = await self._runner_content(user, row) if user is not None else None
        return Due(row_id, row.chat_id, content, self.now - row.due_at > LATE_NOTE_AFTER)

    async def prepare_many(self, row_ids: list[int]) -> list[Due]:
        """`prepare` for a batch: the runners' state is read for all of them at once and each
        reminder is built in memory (a few statements per batch, not a /today's worth per
        reminder: issue 15). A group's reminder and a weekly summary are prepared on their own
        (a summary reads the whole week anyway)."""
        rows = await self.db.scalars(select(Reminder).where(Reminder.id.in_(row_ids)))
        by_id = {row.id: row for row in rows}
        runners = {r.user_id for r in by_id.values() if r.group_id is None and r.user_id}
        days = {r.lift_date for r in by_id.values()}
        state = await runner_rows(self.db, runners, days)
        prepared = []
        for row_id in row_ids:
            row = by_id[row_id]
            if row.group_id is not None or row.kind == "weekly" or row.user_id not in state:
                prepared.append(await self.prepare(row_id))
                continue
            content = self._content_from(state[row.user_id], row)
            late = self.now - row.due_at > LATE_NOTE_AFTER
            prepared.append(Due(row.id, row.chat_id, content, late))
        return prepared

    def _content_from(self, runner: RunnerRows, row: Reminder) -> Content | None:
        """`_runner_content` from state already read."""
        user = runner.user
        if row.kind == "missed":
            if runner.last_done is not None and runner.last_done >= row.lift_date:
                return None
            reslot, target, moves_on = reslot_of(user, row.lift_date)
            return MissedSession(row.lift_date, reslot, target, moves_on)
        stored = runner.sessions.get(row.lift_date)
        if stored is not None:
            session = given_session(stored, user)
        else:
            races = [(race.race_date, Distance(race.distance)) for race in runner.races]
            session = session_from(user, row.lift_date, runner.completed, runner.lift_states,
                                   races)  # fmt: skip
        return _worth_saying(session, row, user)

    async def _runner_content(self, user: User, row: Reminder) -> Content | None:
        """A runner's reminder, or None when there is nothing to remind of any more."""
        if row.kind == "missed":
            return await self._missed(user, row)
        if row.kind == "weekly":
            return await self.services.summaries.weekly(user, row.local_date)
        session = await self.services.training.planned_session(row.lift_date, user)
        return _worth_saying(session, row, user)

    async def _missed(self, user: User, row: Reminder) -> MissedSession | None:
        """The day after a lift day: nothing if the session was done, else offer a new day."""
        done = await self.db.scalar(
            select(WorkoutSession.id).where(
                WorkoutSession.user_id == user.id,
                WorkoutSession.status == "done",
                WorkoutSession.local_date >= row.lift_date,
            )
        )
        if done is not None:
            return None
        reslot, target, moves_on = reslot_of(user, row.lift_date)
        return MissedSession(row.lift_date, reslot, target, moves_on)

    async def _group_content(self, group: Group, row: Reminder) -> Content | None:
        """The group's lift-day message, or its weekly board. The group's days (if set) are
        the days it posts; a member is named only when their own plan has a session to do
        that day (the same session their /today and reminder show: not on their days off,
        in race week, while paused, or once done)."""
        if not group.active:
            return None
        if row.kind == "summary":
            return GroupSummary(await self.services.reports.board(group, row.local_date))
        day = row.local_date
        if group.fixed_days and day.weekday() not in group.fixed_days:
            return None
        training = self.services.training
        due = [
            (user.id, user.first_name)
            for _member, user in await members_of(self.db, group.id)
            if user.onboarded and await training.due_session(day, user) is not None
        ]
        return GroupLiftDay(due, day) if due else None

    # --- recording what happened ---------------------------------------------------------------

    async def record_all(self, outcomes: list[Outcome]) -> None:
        """Record a batch: its rows read in one statement, their changes written together (a
        statement a row kept a 30/s fan-out below its cap: issue 15)."""
        ids = [outcome.row_id for outcome in outcomes]
        rows = {
            r.id: r for r in await self.db.scalars(select(Reminder).where(Reminder.id.in_(ids)))
        }
        plain = [o for o in outcomes if o.status == "sent" and o.message_id is not None
                 and rows[o.row_id].chat_id == o.chat_id]  # fmt: skip
        if plain:  # the usual case, in one executemany (ORM bulk UPDATE by primary key)
            await self.db.execute(update(Reminder), [
                {"id": o.row_id, "status": "sent", "sent_at": self.now, "message_id": o.message_id}
                for o in plain])  # fmt: skip
        for outcome in outcomes:
            if outcome not in plain:
                await self.record(outcome)  # its row is in hand: no read of its own

    async def record(self, outcome: Outcome) -> None:
        row = await self.db.get(Reminder, outcome.row_id)
        if outcome.chat_id != row.chat_id and row.group_id is not None:
            await move_group(self.db, row.group_id, outcome.chat_id)  # became a supergroup
            await self.db.refresh(row)
        row.chat_id = outcome.chat_id
        if outcome.status == "retry":
            if outcome.retry_after is None:  # a network error: back off, then give up
                row.attempts += 1
            if row.attempts >= MAX_ATTEMPTS:
                row.status = "failed"
                return
            row.status = "due"
            row.due_at = self.now + (outcome.retry_after or timedelta(minutes=row.attempts))
            return
        row.status = outcome.status
        if outcome.status == "sent":
            row.sent_at = self.now
            row.message_id = outcome.message_id or row.message_id
        elif outcome.status == "blocked":
            group = await self.db.get(Group, row.group_id) if row.group_id else None
            if group is not None:  # the bot was removed from the group
                await self.deactivate_group(group)
            user = await self.db.get(User, row.user_id) if row.user_id else None
            if user is not None:
                user.active = False  # they blocked the bot: no reminders until they return
                self.invalidate_plan(user)


def _worth_saying(session: Session | None, row: Reminder, user: User) -> Content | None:
    """A lift day's reminder or heads-up about `session` (None: done, nothing to say)."""
    if session is None or (session.no_lifting and row.kind == "heads_up"):
        return None  # race week still gets its lift-day note: when lifting resumes
    if row.kind == "heads_up":
        return HeadsUp(session.name.value, row.lift_date)
    return LiftReminder(session, kit_for(user), run_on(user, row.lift_date))
