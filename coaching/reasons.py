"""Why the coach decided something, as data: a code and the numbers behind it.

The domain never writes sentences. It returns `Reason(code, values)`, weights in kilograms, and
`render/` turns that into words in the runner's units and language at display time. The
database stores the code and values, so a runner who switches to pounds, or a later translation,
reads every old decision correctly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Value = int | float | str


class ReasonCode(StrEnum):
    # Starting loads (values: weight_kg, reps of the set given, rir)
    FROM_SET = "from_set"
    # ...worked out lighter than the lightest loadable weight (values also: computed_kg)
    FROM_SET_LIGHTEST = "from_set_lightest"
    CALIBRATE = "calibrate"  # no working weight yet: found in the session
    # Calibration (values: rir for IN_RANGE; lightest=1 for TOO_HEAVY at the kit's lightest)
    CALIBRATED = "calibrated"
    CAL_TOO_HEAVY = "cal_too_heavy"
    CAL_IN_RANGE = "cal_in_range"
    CAL_ENOUGH = "cal_enough"
    CAL_STILL_EASY = "cal_still_easy"
    # Progression after a session (values: weight_kg of the next load; min_reps, sets, reps, rir)
    UNDER_MIN_REPS = "under_min_reps"
    SHORT_TWICE = "short_twice"
    SHORT = "short"
    UP_TWO = "up_two"
    UP = "up"
    HOLD_NO_RIR = "hold_no_rir"
    HOLD_LOW_RIR = "hold_low_rir"
    DOWN_LOW_RIR = "down_low_rir"  # ground out: heavier than the block's rep max
    LIGHTER = "lighter"  # all reps, at a lighter weight than prescribed: not a miss
    FEWER_SETS = "fewer_sets"
    ADD_REPS = "add_reps"  # double progression: reps first (values: reps)
    UP_FEWER_REPS = "up_fewer_reps"  # the next weight, for fewer reps (values: weight_kg, reps)
    HOLD_BIG_STEP = "hold_big_step"  # the kit's next weight is too big a jump yet
    HOLD_TOP_OF_KIT = "hold_top_of_kit"
    TAPER_HOLD = "taper_hold"  # a race taper never adds weight
    TEMPORARY_CUT = "temporary_cut"  # after a race: the working weight (weight_kg) is kept
    LOGGED_EARLIER = "logged_earlier"  # sets of a day before the lift's last log: no change
    # A new block chosen (values: block key, weight_kg at the same estimated 1RM)
    BLOCK_CHANGED = "block_changed"
    # Before a session (values: days, percent, weight_kg)
    AFTER_BREAK = "after_break"
    # Races (values: days, distance; resumes: ISO date lifting starts again, for RACE_WEEK)
    RACE_WEEK = "race_week"
    UPPER_ONLY = "upper_only"
    TAPER = "taper"
    POST_RACE = "post_race"
    POST_RACE_UPPER = "post_race_upper"  # after a marathon or ultra
    # The check-in (values: soreness 0-10 or -1; key_run 0/1 in rows stored before upper-body-only
    # days; run: tomorrow's run type when the runner's week told it, "" when the runner answered)
    CHECKIN_TRIM = "checkin_trim"
    CHECKIN_UPPER_ONLY = "checkin_upper_only"


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    values: Mapping[str, Value] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "values": dict(self.values)}

    @classmethod
    def from_json(cls, data: object) -> Reason | None:
        """A stored reason; None for anything that is not one (e.g. text from an old release)."""
        if not isinstance(data, dict):
            return None
        try:
            code = ReasonCode(data.get("code"))
        except ValueError:
            return None
        values = data.get("values") or {}
        return cls(code, dict(values) if isinstance(values, dict) else {})
