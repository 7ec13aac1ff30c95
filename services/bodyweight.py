"""/weight: one weigh-in a day (a second one replaces the first), the last ones and the trend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from coaching import Unit, from_kg
from coaching.bodyweight import WeighIn, change_from, parse_weigh_in, weekly_trend
from models import BodyweightEntry
from models.history import weigh_in_on, weigh_ins
from services.base import Area
from services.runners import unit_of

SHOWN = 7  # weigh-ins listed by /weight
TREND_FROM = 60  # weigh-ins read for the trend (it looks at four weeks)


@dataclass(frozen=True)
class Stored:
    """Today's weigh-in stored (`replaced`: the one it replaced today, in the runner's units)."""

    weigh_in: WeighIn
    day: date
    replaced: float | None
    # Far from the last weigh-in (before today, else today's replaced): that one, its day,
    # and the change as a fraction of it (coaching.bodyweight.change_from).
    far_from: tuple[float, date, float] | None = None


@dataclass(frozen=True)
class WeightLog:
    """The last weigh-ins (oldest first) and the weekly trend, in the runner's units."""

    unit: Unit
    entries: list[tuple[date, float]]
    trend: float | None  # per week; None: too few weigh-ins yet


class Bodyweight(Area):
    def unit(self) -> Unit:
        return unit_of(self.runner)

    async def weigh_in(self, text: str) -> Stored:
        """Store today's weigh-in as typed; raises coaching.bodyweight.WeighInError."""
        user, day = self.runner, self.today()
        weigh_in = parse_weigh_in(text, unit_of(user))
        row = await weigh_in_on(self.db, user.id, day)
        far_from = await self._far_from(weigh_in, day)
        replaced = None
        if row is None:
            self.db.add(BodyweightEntry(user_id=user.id, entry_date=day, weight_kg=weigh_in.kg))
        else:
            replaced = round(from_kg(row.weight_kg, weigh_in.unit), 1)
            row.weight_kg = weigh_in.kg
        await self.db.flush()
        return Stored(weigh_in, day, replaced, far_from)

    async def _far_from(self, weigh_in: WeighIn, day: date) -> tuple[float, date, float] | None:
        """The last weigh-in (the newest before `day`, else `day`'s own) when the new one is
        far from it: the last one in the runner's units, its day, and the change."""
        recent = await weigh_ins(self.db, self.runner.id, 2)
        earlier = [row for row in recent if row.entry_date < day] or recent
        if not earlier:
            return None
        last = earlier[-1]
        change = change_from(weigh_in.kg, last.weight_kg)
        if change is None:
            return None
        return round(from_kg(last.weight_kg, weigh_in.unit), 1), last.entry_date, change

    async def log(self) -> WeightLog:
        unit = unit_of(self.runner)
        rows = await weigh_ins(self.db, self.runner.id, TREND_FROM)
        entries = [(row.entry_date, from_kg(row.weight_kg, unit)) for row in rows]
        return WeightLog(unit, entries[-SHOWN:], weekly_trend(entries, self.today()))
