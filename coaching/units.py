"""Weight units. The domain computes in the runner's own unit; conversion happens at the edges
(stored weights are kilograms; `render/` formats them)."""

from __future__ import annotations

from enum import StrEnum

KG_PER_LB = 0.45359237  # exact, by the international yard and pound agreement (1959)


class Unit(StrEnum):
    KG = "kg"
    LB = "lb"


def to_kg(weight: float, unit: Unit) -> float:
    """A weight in `unit` expressed in kilograms."""
    return weight if unit is Unit.KG else weight * KG_PER_LB


def from_kg(weight_kg: float, unit: Unit) -> float:
    """A weight in kilograms expressed in `unit`."""
    return weight_kg if unit is Unit.KG else weight_kg / KG_PER_LB


def convert(weight: float, source: Unit, target: Unit) -> float:
    """A weight in `source` units expressed in `target` units."""
    return from_kg(to_kg(weight, source), target)
