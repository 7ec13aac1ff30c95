"""The run-context check-in: leg soreness and tomorrow's key run change today's session.

- A key run tomorrow (a quality session, long run or race) leaves the lower-body lifts out:
  heavy lower-body work leaves residual fatigue that impairs the next day's running (Doma &
  Deakin 2013), which is why the lift-day rules never plan lifting on such an eve
  (`coaching.week`, H3). Upper-body lifts do not load the running legs, so they stay as planned.
- Very sore legs lift poorly: rather than skip, the session keeps its weights and cuts the
  volume to one set per lift, since strength is kept by low volume at high intensity (Bosquet et
  al. 2007 on tapering: cut volume, keep intensity).
- Both at once: upper body only, one set per lift (each rule applies on its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from coaching.reasons import Reason, ReasonCode
from coaching.week import KEY_RUNS, RunType

# 0-10 scale, from here on one set per lift. Team judgement: no study gives a cut-off on this
# scale; 7+ is well past the mild stiffness expected in a running week and is where the runner
# would say the legs are "very sore", so below it the session stays as planned.
SORE = 7


def is_key_run(run: RunType) -> bool:
    return run in KEY_RUNS


@dataclass(frozen=True)
class Readiness:
    sets_per_lift: int | None  # None: as planned
    lower_body: bool  # False: upper body only
    reason: Reason | None

    @property
    def as_planned(self) -> bool:
        return self.sets_per_lift is None and self.lower_body


AS_PLANNED = Readiness(None, True, None)


def readiness(
    soreness: int | None, key_run_tomorrow: bool | None, known: RunType | None = None
) -> Readiness:
    """How the check-in changes today's session (unanswered questions change nothing).

    `known`: tomorrow's run when it came from the runner's week rather than an answer; the
    reason names it so the runner sees why the bot did not ask.
    """
    sore = soreness is not None and soreness >= SORE
    sets = 1 if sore else None
    if key_run_tomorrow:
        values = {"soreness": soreness if sore else -1, "run": known.value if known else ""}
        return Readiness(sets, False, Reason(ReasonCode.CHECKIN_UPPER_ONLY, values))
    if sore:
        return Readiness(sets, True, Reason(ReasonCode.CHECKIN_TRIM, {"soreness": soreness}))
    return AS_PLANNED
