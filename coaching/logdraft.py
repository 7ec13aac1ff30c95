"""What `/log` is in the middle of: the day, the lift, the sets typed, a calibration's progress.

Stored with the runner (so a restart resumes it) and only read and written as a `LogDraft`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from coaching.parsing import SetEntry
from coaching.units import Unit


@dataclass(frozen=True)
class LogDraft:
    day: date
    exercise: str | None = None  # catalogue key of the lift being logged
    sets: tuple[SetEntry, ...] = ()  # typed, waiting for a confirmation or the RIR
    rir: int | None = None
    calibration_weight: float | None = None  # the next calibration set, in the kit's units
    calibration_step: int = 0  # 1 for the first set; 0: not calibrating
    held: str = ""  # a one-line /log's words, held while asked whether to add to a done session
    correcting: tuple[int, int] | None = None  # (logged exercise id, set number) being corrected

    def picking(self) -> LogDraft:
        """Back to choosing a lift: nothing half-entered is kept."""
        return LogDraft(self.day)

    def with_sets(self, exercise: str, sets: tuple[SetEntry, ...], rir: int | None) -> LogDraft:
        return replace(self.picking(), exercise=exercise, sets=sets, rir=rir)

    def calibrating(
        self, exercise: str, sets: tuple[SetEntry, ...], weight: float, step: int
    ) -> LogDraft:
        return replace(
            self.picking(), exercise=exercise, sets=sets, calibration_weight=weight,
            calibration_step=step,
        )  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "exercise": self.exercise,
            "sets": [[s.weight, s.reps, s.unit.value] for s in self.sets],
            "rir": self.rir,
            "cal_weight": self.calibration_weight,
            "cal_step": self.calibration_step,
            "held": self.held,
            "correcting": list(self.correcting) if self.correcting else None,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LogDraft:
        return cls(
            date.fromisoformat(data["date"]),
            data.get("exercise"),
            tuple(SetEntry(w, r, Unit(u)) for w, r, u in data.get("sets") or []),
            data.get("rir"),
            data.get("cal_weight"),
            data.get("cal_step") or 0,
            data.get("held") or "",
            tuple(data["correcting"]) if data.get("correcting") else None,
        )
