"""RunLift's coaching core: pure functions and frozen dataclasses, no Telegram, no database,
no user-facing text (decisions carry a `Reason(code, values)` that `render/` words).

Public API (every number is documented with its source in its module):
- catalogue: `EXERCISES` (every lift), `find_exercise` (by name or abbreviation),
  `suggest_exercises` (close matches), `swap_options` (same pattern, available equipment),
  `Exercise`, `Pattern`, `Implement`, `Equipment`.
- units: `Unit`, `to_kg` / `from_kg` / `convert`.
- loads: `epley_1rm`, `brzycki_1rm`, `rir_adjusted_1rm` (reps + RIR to failure),
  `load_for_reps` (inverse Brzycki), `start_load_from_set` (8 reps, 3 in reserve),
  `rpe_from_rir`, `NSCA_PERCENT_1RM`.
- kit: `Kit` (bar, plates, dumbbells): `round` to loadable, `step_up` one increment,
  `plates_per_side`.
- programme: `SessionName`, `BLOCKS` (2x8, 3x6, 3x5), `session_for` (A/B by sessions done),
  `session_plan` (lifts for the equipment) -> `SessionPlan`, `Block`,
  `should_offer_next_block`, `block_load` (same strength in another block), `estimate_minutes`.
- warmup: `ramp_sets` (bar x8, ~50 % x5, ~70 % x3) -> `RampSet`.
- session: `build_session` (the one function that prescribes a day's session) -> `Session`,
  `PlannedLift`, `LiftStatus`; `Prescription` (the stored form).
- progression: `progress` (next weight and reps, and why; one rule in every block, a step at
  most ~10 %, double progression), `capped_step_up`, `after_break`,
  `LoggedSet`, `Target`, `Decision`, `Change`.
- records: the one rule for e1RM and records: `records.estimated_1rm`, `records.RecordBook`,
  `new_records` -> `Record`, `records.best_e1rm`.
- trends: what /progress shows, as data: `trends.lift_trend` (points, changes over 4 and 12
  weeks, e1RM per bodyweight) -> `trends.LiftTrend`, `trends.ProgressChart`.
- reasons: `Reason`, `ReasonCode`.
- calibration: `calibration_start` (from bodyweight), `calibration_next` -> `CalibrationStep`;
  `calibration.starting_load` (from a recent set, on the kit) -> `StartingLoad`.
- week: `RunType`, `Rule`, `plan_lift_days` (two lift days, which rules were relaxed) ->
  `LiftDays`.
- taper: `Distance`, `race_advice` (taper, race week, week after) -> `RaceAdvice`,
  `Phase`; `days_off` (bot-skipped days are no break), `lifting_resumes`;
  `reslot_missed` -> `Reslot`.
- readiness: `readiness` (the check-in) -> `Readiness`.
- logdraft: `LogDraft` (what /log is in the middle of).
- parsing: one grammar for sets: `parsing.parse_logged_sets` (/log: `60x8 8 rpe8`, `2x8@60`)
  and `parse_recent_set` (set-up: one set with its weight) -> `SetEntry`; `parse_weight`,
  `parse_time` (`07:30`), `InputError`; `parsing.parse_kit` (`plates 20 10 5`) -> `KitChange`.
"""

from coaching.calibration import CalibrationStep, calibration_next, calibration_start
from coaching.catalogue import (
    EXERCISES,
    Equipment,
    Exercise,
    Implement,
    Pattern,
    find_exercise,
    suggest_exercises,
    swap_options,
)
from coaching.kit import Kit
from coaching.loads import (
    NSCA_PERCENT_1RM,
    brzycki_1rm,
    epley_1rm,
    load_for_reps,
    rir_adjusted_1rm,
    rpe_from_rir,
    start_load_from_set,
)
from coaching.logdraft import LogDraft
from coaching.parsing import InputError, SetEntry, parse_recent_set, parse_time, parse_weight
from coaching.programme import (
    BLOCKS,
    Block,
    SessionName,
    SessionPlan,
    estimate_minutes,
    session_for,
    session_plan,
    should_offer_next_block,
)
from coaching.progression import (
    Change,
    Decision,
    LoggedSet,
    Target,
    after_break,
    progress,
)
from coaching.readiness import Readiness, readiness
from coaching.reasons import Reason, ReasonCode
from coaching.records import Record, new_records
from coaching.session import LiftStatus, PlannedLift, Prescription, Session, build_session
from coaching.taper import Distance, Phase, RaceAdvice, Reslot, race_advice, reslot_missed
from coaching.units import Unit, convert, from_kg, to_kg
from coaching.warmup import RampSet, ramp_sets
from coaching.week import LiftDays, Rule, RunType, plan_lift_days

__all__ = [
    "BLOCKS",
    "EXERCISES",
    "NSCA_PERCENT_1RM",
    "Block",
    "CalibrationStep",
    "Change",
    "Decision",
    "Distance",
    "Equipment",
    "Exercise",
    "Implement",
    "InputError",
    "Kit",
    "LiftDays",
    "LiftStatus",
    "LogDraft",
    "LoggedSet",
    "Pattern",
    "Phase",
    "PlannedLift",
    "Prescription",
    "RaceAdvice",
    "RampSet",
    "Readiness",
    "Reason",
    "ReasonCode",
    "Record",
    "Reslot",
    "Rule",
    "RunType",
    "Session",
    "SessionName",
    "SessionPlan",
    "SetEntry",
    "Target",
    "Unit",
    "after_break",
    "brzycki_1rm",
    "build_session",
    "calibration_next",
    "calibration_start",
    "convert",
    "epley_1rm",
    "estimate_minutes",
    "find_exercise",
    "from_kg",
    "load_for_reps",
    "new_records",
    "parse_recent_set",
    "parse_time",
    "parse_weight",
    "plan_lift_days",
    "progress",
    "race_advice",
    "ramp_sets",
    "readiness",
    "reslot_missed",
    "rir_adjusted_1rm",
    "rpe_from_rir",
    "session_for",
    "session_plan",
    "should_offer_next_block",
    "start_load_from_set",
    "suggest_exercises",
    "swap_options",
    "to_kg",
]  # fmt: skip
