"""A whole season through the offline rig (issue 10): sixteen weeks, day by day.

Onboarding, then every lift day: read the stored prescription, log it with a scripted effort
(easy, at target, hard, failed), and check what the bot prescribes next. A half marathon ends
week 8, weeks 12 and 13 are a break, and the runner takes the next block when it is offered.
Run with `-s` to see the table the closing note quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from coaching import EXERCISES, Kit, Unit
from coaching.programme import BLOCKS_BY_KEY, MAX_REPS, MIN_REPS, SESSIONS_BEFORE_NEXT_BLOCK
from coaching.progression import MAX_TRIAL_JUMP
from models import LiftState, User
from models.training import WorkoutSession
from tests.handlers.helpers import onboard_by_buttons
from tests.rig import ALICE

START = date(2026, 11, 24)  # Tuesday of week 1 (the rig's clock)
RACE = date(2027, 1, 17)  # Sunday of week 8: a half marathon
BREAK = (date(2027, 2, 9), date(2027, 2, 22))  # weeks 12 and 13: no lifting
WEEKS = 16
KIT = Kit.default(Unit.KG)
NAMES = {"overhead_press": "ohp", "back_squat": "squat", "deadlift": "deadlift",
         "one_arm_db_press": "one arm press", "goblet_squat": "goblet"}  # fmt: skip
EFFORTS = ("easy", "target", "target", "hard", "target", "easy", "failed", "target", "target")


@dataclass
class Row:
    week: int
    day: date
    exercise: str
    prescribed: str
    logged: str
    next_kg: float | None


async def _prescription(rig, day: date):
    async with rig.database.session() as session:
        workout = await session.scalar(
            select(WorkoutSession).where(
                WorkoutSession.user_id == ALICE.id, WorkoutSession.local_date == day
            )
        )
        return None if workout is None else (workout.block, workout.prescription)


def _sets_for(effort: str, weight: float, sets: int, reps: int, target_rir: int) -> tuple:
    rir = {"easy": 5, "target": target_rir, "hard": 1, "failed": 0}[effort]
    done = [reps] * sets
    if effort == "failed":
        done[-1] = max(MIN_REPS, reps - 2)
    text = " ".join(f"{weight:g}x{r}" for r in done) + f" rir{rir}"
    return text, rir


def _check_loadable(exercise: str, weight: float) -> None:
    assert weight in KIT.loadable(EXERCISES[exercise]), (exercise, weight)


async def test_a_season_of_sixteen_weeks(rig):
    await onboard_by_buttons(rig)
    await rig.send(f"/race {RACE.isoformat()} half")
    rows: list[Row] = []
    last: dict[str, tuple[float, int]] = {}  # exercise -> (weight, reps) last prescribed
    logged_sessions = 0
    changed_block = False
    first: dict[str, float] = {}  # exercise -> the first weight prescribed
    before_break: dict[str, float] = {}  # exercise -> working weight going into the break
    for offset in range(WEEKS * 7):
        day = START + timedelta(days=offset)
        rig.travel(days=0 if offset == 0 else 1)
        week = offset // 7 + 1
        if BREAK[0] <= day <= BREAK[1]:
            continue
        today = await rig.send("/today")
        if "min\n" not in today and "No lifting today" not in today:  # the header's "about N min"
            continue  # not a lift day
        days_to_race = (RACE - day).days
        if 0 <= days_to_race < 6:  # race week: nothing prescribed, nothing stored
            assert "No lifting today" in today and "lifting resumes" in today
            assert await _prescription(rig, day) is None
            continue
        stored = await _prescription(rig, day)
        assert stored is not None, (day, today)
        block_key, prescription = stored
        block = BLOCKS_BY_KEY[block_key]
        after_race = 0 < -days_to_race <= 7
        for lift in prescription.lifts:
            key, weight = lift.exercise, lift.weight_kg
            _check_loadable(key, weight)
            assert MIN_REPS <= lift.reps <= min(block.reps, MAX_REPS)
            if 0 <= days_to_race <= 14:
                assert lift.sets == 1  # taper: one set per lift, same load
                if days_to_race < 7:
                    assert not EXERCISES[key].lower_body
            if after_race:
                assert lift.working_kg is not None and weight < lift.working_kg
            previous = last.get(key)
            if previous and not after_race and weight > previous[0] and not changed_block:
                # no jump over about 10 % at the same reps; a bigger one only for fewer reps
                limit = 1.1 if lift.reps >= previous[1] else MAX_TRIAL_JUMP
                assert weight <= previous[0] * limit + 1e-9, (day, key, previous, weight)
            if day > BREAK[1] and key in before_break:  # the first session back: about -10 %
                working = before_break.pop(key)
                assert working * 0.85 <= weight <= working * 0.95, (key, working, weight)
            first.setdefault(key, weight)
            if not after_race:
                last[key] = (weight, lift.reps)
            effort = EFFORTS[(logged_sessions * 3 + len(rows)) % len(EFFORTS)]
            text, _ = _sets_for(effort, weight, lift.sets, lift.reps, block.target_rir)
            before = await rig.get(LiftState, (ALICE.id, key))
            reply = await rig.send(f"/log {NAMES[key]} {text}")
            assert "Stored" in reply, reply
            state = await rig.get(LiftState, (ALICE.id, key))
            if after_race:  # the lighter week never changes the working weight
                assert state.working_weight_kg == before.working_weight_kg
            if 0 <= days_to_race <= 14:  # taper sessions never add weight
                assert state.working_weight_kg <= before.working_weight_kg
            rows.append(Row(week, day, key, f"{lift.sets} × {lift.reps} @ {weight:g}",
                            text, state.working_weight_kg))  # fmt: skip
        changed_block = False
        logged_sessions += 1
        if day < BREAK[0]:
            before_break.update({r.exercise: r.next_kg for r in rows if r.day == day})
        if "Switch to 3 × 6" in rig.button_labels():
            assert logged_sessions >= SESSIONS_BEFORE_NEXT_BLOCK  # offered, not before it is earned
            assert "Now on 3 × 6" in await rig.press("Switch to 3 × 6")
            changed_block = True
    user = await rig.get(User, ALICE.id)
    assert user.block == "3x6", "steady progress should have brought the 3 × 6 offer"
    assert not before_break, "every lift came back after the break, about 10 % lighter"
    for key, start in first.items():  # mostly easy and on-target work: stronger at the end
        final = (await rig.get(LiftState, (ALICE.id, key))).working_weight_kg
        assert final >= start, (key, start, final)
    assert rows[-1].next_kg is not None
    deadlift = [r.next_kg for r in rows if r.exercise == "deadlift"]
    assert deadlift[-1] >= deadlift[0] * 1.3
    _print_table(rows)


def _print_table(rows: list[Row]) -> None:
    for exercise in ("deadlift", "overhead_press"):
        print(f"\n{exercise}\nweek | date | prescribed (kg) | logged | next working (kg)")
        for r in rows:
            if r.exercise == exercise:
                print(f"{r.week} | {r.day} | {r.prescribed} | {r.logged} | {r.next_kg:g}")
