"""What /weight says: a weigh-in stored, the last ones with their trend, and refusals."""

from __future__ import annotations

from coaching.bodyweight import MAX_KG, MIN_KG, WeighInProblem
from coaching.units import Unit, from_kg
from render.common import day_text, escape, weight

STEADY_PER_WEEK = 0.1  # kg or lb a week: closer to zero than a scale can tell, "steady"


def _range(unit: Unit) -> str:
    low, high = (round(from_kg(kg, unit)) for kg in (MIN_KG, MAX_KG))
    return f"{low}–{high} {unit.value}"


def usage(unit: Unit) -> str:
    example = "62.5" if unit is Unit.KG else "138"
    return (f"Send today's bodyweight in {unit.value}, e.g. <code>/weight {example}</code> "
            f"(<code>/weight 138 lb</code> or <code>/weight 62.5 kg</code> are converted). "
            "<code>/weight</code> alone shows the last ones and the trend.")  # fmt: skip


def refused(error, unit: Unit) -> str:
    """A weigh-in that could not be used (a `coaching.bodyweight.WeighInError`)."""
    typed = escape(error.typed[:30])
    if error.problem is WeighInProblem.RANGE:
        text = f"“{typed}” doesn't look like a bodyweight: I take {_range(unit)}. "
        if error.other is not None:
            other = weight(error.other.weight, error.other.unit)
            return text + f"Did you mean <code>/weight {escape(other)}</code>?"
        return text + usage(unit)
    return f"I couldn't read “{typed}” as a weight. " + usage(unit)


def stored(result, today) -> str:
    """A `services.bodyweight.Stored`."""
    weigh_in = result.weigh_in
    shown = weight(weigh_in.weight, weigh_in.unit)
    text = f"Bodyweight {shown} saved for today ({escape(day_text(result.day, today))})."
    if weigh_in.typed_unit is not None:
        text += f" (Typed in {weigh_in.typed_unit.value}, kept in your units.)"
    if result.replaced is not None:
        text += f" It replaces today's earlier {weight(result.replaced, weigh_in.unit)}: one a day."
    if result.far_from is not None:
        last, day, change = result.far_from
        direction = "above" if change > 0 else "below"
        text += (f"\n⚠️ That is {round(abs(change) * 100)} % {direction} your last weigh-in "
                 f"({weight(last, weigh_in.unit)}, {escape(day_text(day, today))}). If it was a "
                 "slip or the wrong unit, send the right one: it replaces today's.")  # fmt: skip
    return text


def weight_log(log, today) -> str:
    """A `services.bodyweight.WeightLog`: the last weigh-ins and the trend."""
    if not log.entries:
        return "No bodyweight logged yet. " + usage(log.unit)
    lines = [f"{escape(day_text(day, today))}: {weight(round(value, 1), log.unit)}"
             for day, value in reversed(log.entries)]  # fmt: skip
    text = "<b>Your bodyweight</b>\n" + "\n".join(f"• {line}" for line in lines)
    return text + "\n" + _trend(log.trend, log.unit)


def _trend(trend: float | None, unit: Unit) -> str:
    if trend is None:
        return "<i>A trend shows once there are three weigh-ins over at least a week.</i>"
    if abs(trend) < STEADY_PER_WEEK:
        return "Trend over four weeks: steady."
    sign = "+" if trend > 0 else "−"
    return f"Trend over four weeks: {sign}{weight(round(abs(trend), 1), unit)} a week."
