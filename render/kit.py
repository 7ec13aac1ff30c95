"""/kit: the runner's bar, plates and dumbbells, and what to type to change them."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

from coaching import Kit, Unit
from coaching.parsing import DUMBBELL_RANGE_STEP, KIT_RANGE, MAX_DUMBBELLS, MAX_PLATE_SIZES
from render.common import number, weight

BAR, PLATES, DUMBBELLS, RESET = "bar", "plates", "dumbbells", "reset"
KIT_BUTTONS = (
    ("Bar weight", BAR),
    ("Plates", PLATES),
    ("Dumbbells", DUMBBELLS),
    ("Back to the defaults", RESET),
)
DEFAULT_MARK = " (default)"


def _numbers(values: Iterable[float], unit: Unit) -> str:
    return ", ".join(number(v) for v in values) + f" {unit.value}"


def _dumbbells(values: tuple[float, ...], unit: Unit) -> str:
    """`2–50 kg in steps of 2` for an evenly spaced rack, else the list."""
    ordered = sorted(set(values))
    steps = {round(b - a, 2) for a, b in pairwise(ordered)}
    if len(ordered) > 3 and len(steps) == 1:
        first, last, step = number(ordered[0]), number(ordered[-1]), number(steps.pop())
        return f"{first}–{last} {unit.value} in steps of {step}"
    return _numbers(ordered, unit)


def kit_text(kit: Kit, own: frozenset[str]) -> str:
    """The kit as /kit shows it; parts the runner did not set are marked as defaults."""

    def mark(part: str) -> str:
        return "" if part in own else DEFAULT_MARK

    unit = kit.unit
    plates = _numbers(sorted(set(kit.plates), reverse=True), unit)
    return (
        f"<b>Your kit</b> (in {unit.value}): every weight I prescribe is one you can load.\n"
        f"<b>Bar:</b> {weight(kit.bar, unit)}{mark(BAR)}\n"
        f"<b>Plates</b> (pairs): {plates}{mark(PLATES)}\n"
        f"<b>Dumbbells</b> (pairs): {_dumbbells(kit.dumbbells, unit)}{mark(DUMBBELLS)}\n"
        f"{usage(unit)}"
    )


_EXAMPLES = {
    Unit.KG: {BAR: "15", PLATES: "20 10 5 2.5 1.25 0.5", DUMBBELLS: "4 6 8 10 12.5 15"},
    Unit.LB: {BAR: "35", PLATES: "45 25 10 5 2.5 1.25", DUMBBELLS: "10 15 20 25 30 35"},
}
_RACKS = {Unit.KG: "2-24 step 2", Unit.LB: "5-50 step 5"}


def _form(part: str, values: str) -> str:
    return f"<code>/kit {part} {values}</code>"


def usage(unit: Unit) -> str:
    """The typed forms of /kit, in the runner's units."""
    examples = _EXAMPLES[unit]
    forms = ", ".join(_form(part, examples[part]) for part in (BAR, PLATES, DUMBBELLS))
    rack = _form(DUMBBELLS, _RACKS[unit])
    return f"Change it: {forms} (or a range: {rack}), <code>/kit reset</code>."


_ASK = {
    BAR: "Type your bar's weight in {unit}, e.g. <code>{example}</code>.",
    PLATES: (
        "Type every plate weight you own in pairs, micro-plates too, in {unit}, e.g. "
        "<code>{example}</code>."
    ),
    DUMBBELLS: (
        "Type every dumbbell weight you own in pairs, in {unit}, e.g. <code>{example}</code> "
        "or a range such as <code>{rack}</code>."
    ),
}


def ask_part(part: str, unit: Unit) -> str:
    return _ASK[part].format(unit=unit.value, example=_EXAMPLES[unit][part], rack=_RACKS[unit])


def bad_kit(part: str, unit: Unit) -> str:
    """What was expected for a kit part that could not be read (or for an unknown part)."""
    if part not in KIT_RANGE:
        return "I couldn't read that. " + usage(unit)
    low, high = (weight(limit, unit) for limit in KIT_RANGE[part][unit])
    limits = f"each from {low} to {high}"
    detail = {
        BAR: f"one weight, from {low} to {high}",
        PLATES: f"up to {MAX_PLATE_SIZES} different weights, {limits}",
        DUMBBELLS: (
            f"up to {MAX_DUMBBELLS} different weights, {limits}, or a range like "
            f"<code>{_RACKS[unit]}</code> (without a step: steps of "
            f"{number(DUMBBELL_RANGE_STEP[unit])})"
        ),
    }[part]
    return f"Please type {detail}, e.g. {_form(part, _EXAMPLES[unit][part])}."


KIT_RESET = "Your kit is back to the defaults."


def units_reset_kit(unit: Unit) -> str:
    """After /units changed the unit of a runner who had set their own kit."""
    return (
        f"Your kit was in the old unit, so it is back to the {unit.value} defaults: "
        "/kit shows it and sets yours."
    )
