"""Racing: the taper before a race, the week after, and missed sessions.

- Taper (Bosquet et al. 2007: about 2 weeks, volume -41-60 %, intensity kept): from 14 days out
  (half marathon, marathon, ultra) or 10 days out (5 km, 10 km), one set per lift at the same load.
- Last lower-body session about 10 / 7 / 5 days out (marathon and ultra / half / 5-10 km); upper
  body may continue, still one set, until the no-lifting window.
- No lifting in race week: the last 6 days for half and longer, the last 4 for 5-10 km (so the
  short-race rule of a lower-body session 5 days out still fits).
- The first week after the race: after 5 km to half marathon loads about 20 % lighter, after a
  marathon or ultra upper body only (muscle damage and lost force take about a week or more to
  recover after a marathon: Warhol et al. 1985, Petersen et al. 2007; economy gains survive
  weeks without lifting: Berryman et al. 2021, so nothing is lost by easing back in). The cut is
  temporary: the working weight is kept, and sessions of that week never add weight.
- Days the bot itself left a lift out (race week, upper-body-only days) are not a break from it.
The day counts are team judgement fitted to those sources: a taper of about two weeks for the
longer races, ten days for the shorter, and the last heavy lower-body work far enough out for
its fatigue (Doma & Deakin 2013: impaired running for a day or two) to be gone by race day.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from coaching.catalogue import Exercise
from coaching.reasons import Reason, ReasonCode
from coaching.week import RunType, day_broken_rules, gap


class Distance(StrEnum):
    FIVE_K = "5k"
    TEN_K = "10k"
    HALF = "half"
    MARATHON = "marathon"
    ULTRA = "ultra"


class Phase(StrEnum):
    NORMAL = "normal"
    TAPER = "taper"  # one set per lift, same load
    UPPER_ONLY = "upper body only"  # one set, no lower-body lifts
    NO_LIFTING = "race week"
    POST_RACE = "after the race"  # loads about 20 % lighter


@dataclass(frozen=True)
class TaperRule:
    taper_days: int
    last_lower_body_days: int
    no_lifting_days: int


TAPER_RULES: dict[Distance, TaperRule] = {
    Distance.FIVE_K: TaperRule(10, 5, 4),
    Distance.TEN_K: TaperRule(10, 5, 4),
    Distance.HALF: TaperRule(14, 7, 6),
    Distance.MARATHON: TaperRule(14, 10, 6),
    Distance.ULTRA: TaperRule(14, 10, 6),
}
POST_RACE_DAYS = 7
POST_RACE_FACTOR = 0.8
# After these, the first week is upper body only rather than lighter.
LONG_RACES = frozenset({Distance.MARATHON, Distance.ULTRA})
RESUME_HORIZON_DAYS = 28  # races back to back: look this far for the day lifting resumes


@dataclass(frozen=True)
class RaceAdvice:
    phase: Phase
    sets_per_lift: int | None  # None: the block's own number of sets; 0: no lifting
    lower_body: bool
    load_factor: float
    reason: Reason | None

    def gives(self, exercise: Exercise) -> bool:
        """Whether a session on this day includes the lift (no lifting; upper body only)."""
        return self.phase is not Phase.NO_LIFTING and (self.lower_body or not exercise.lower_body)

    @property
    def may_add(self) -> bool:
        """Around a race the weight never goes up: a taper keeps it, the week after eases in."""
        return self.phase is Phase.NORMAL


_NORMAL = RaceAdvice(Phase.NORMAL, None, True, 1.0, None)


def race_advice(day: date, races: Iterable[tuple[date, Distance]]) -> RaceAdvice:
    """How the races around `day` change that day's session (the nearest race decides)."""
    advice = [_advice_for(day, race_day, distance) for race_day, distance in races]
    ranked = [a for a in advice if a.phase is not Phase.NORMAL]
    order = [Phase.NO_LIFTING, Phase.UPPER_ONLY, Phase.TAPER, Phase.POST_RACE]
    ranked.sort(key=lambda a: order.index(a.phase))
    return ranked[0] if ranked else _NORMAL


def _advice_for(day: date, race_day: date, distance: Distance) -> RaceAdvice:
    rule = TAPER_RULES[distance]
    days_out = (race_day - day).days
    about = {"days": days_out, "distance": distance.value}
    if 0 <= days_out < rule.no_lifting_days:
        return RaceAdvice(Phase.NO_LIFTING, 0, False, 1.0, Reason(ReasonCode.RACE_WEEK, about))
    if 0 <= days_out < rule.last_lower_body_days:
        return RaceAdvice(Phase.UPPER_ONLY, 1, False, 1.0, Reason(ReasonCode.UPPER_ONLY, about))
    if 0 <= days_out <= rule.taper_days:
        return RaceAdvice(Phase.TAPER, 1, True, 1.0, Reason(ReasonCode.TAPER, about))
    if 0 < -days_out <= POST_RACE_DAYS:
        if distance in LONG_RACES:
            reason = Reason(ReasonCode.POST_RACE_UPPER, about)
            return RaceAdvice(Phase.POST_RACE, None, False, 1.0, reason)
        reason = Reason(ReasonCode.POST_RACE, about)
        return RaceAdvice(Phase.POST_RACE, None, True, POST_RACE_FACTOR, reason)
    return _NORMAL


def days_off(
    last_done: date, day: date, races: Collection[tuple[date, Distance]], exercise: Exercise
) -> int:
    """Days since a lift was last done, leaving out the days the bot itself gave no such lift
    (race week, upper-body-only days): a taper or a race is not a break."""
    days = (day - last_done).days
    if not races:
        return days
    skipped = sum(
        1
        for n in range(1, days)
        if not race_advice(last_done + timedelta(days=n), races).gives(exercise)
    )
    return days - skipped


def lifting_resumes(
    day: date, races: Collection[tuple[date, Distance]], lift_weekdays: Collection[int]
) -> date | None:
    """The first lift day after `day` that is not in a race week (None: none within 4 weeks)."""
    for n in range(1, RESUME_HORIZON_DAYS + 1):
        later = day + timedelta(days=n)
        if later.weekday() in lift_weekdays and race_advice(later, races).phase is not (
            Phase.NO_LIFTING
        ):
            return later
    return None


def legal_days_after(week: Mapping[int, RunType], lift_days: Iterable[int], day: int) -> list[int]:
    """Later days of the same week a session on `day` may move to.

    Legal: no race, long-run or race/quality/long-eve day (H1, H3, H4), at least one full day
    from every other lift day (H2, counting the next week's first lift day too), and never onto
    or past the next planned session.
    """
    others = [d for d in lift_days if d != day]
    legal = []
    for later in range(day + 1, 7):
        if any(day < o <= later for o in others):
            break
        if not day_broken_rules(week, later) and all(gap(later, o) >= 2 for o in others):
            legal.append(later)
    return legal


@dataclass(frozen=True)
class Reslot:
    missed: int  # weekday, Monday = 0
    day: int | None  # the weekday the missed session is done on; None: dropped
    already_moved: bool  # dropped because the moved session was missed again
    moves_on: int | None = None  # the next session's new weekday, when the missed one takes its day


def reslot_missed(
    week: Mapping[int, RunType], lift_days: Iterable[int], missed: int, already_moved: bool
) -> Reslot:
    """A missed session moves once, within the same week; else it is dropped.

    1. To the first legal day before the next planned session (`legal_days_after`).
    2. Else, when a planned session follows in the same week (a first session missed with the
       lift days two days apart, e.g. Tue and Thu), the missed session is done on that day and
       that day's session moves on to the first legal day after it, keeping both sessions of
       the week. Team judgement: what a coach does with a missed session is "do it next time and
       push the rest back"; the A/B order already follows sessions done, so the next lift day
       holds the missed session without moving anything else.
    3. Else it is dropped (as is a moved session missed again), and the runner is told.
    """
    if already_moved:
        return Reslot(missed, None, True)
    legal = legal_days_after(week, lift_days, missed)
    if legal:
        return Reslot(missed, legal[0], False)
    days = sorted(set(lift_days))
    following = next((d for d in days if d > missed), None)
    if following is None:
        return Reslot(missed, None, False)
    # The missed day itself stays in `days`: next week's session on it must keep its gap.
    later = [d for d in legal_days_after(week, days, following) if gap(d, following) >= 2]
    return Reslot(missed, following if later else None, False, later[0] if later else None)
