"""The run-context check-in: leg soreness and tomorrow's key run can trim today's session.

Heavy lower-body work leaves residual fatigue that impairs the next day's running (Doma &
Deakin 2013), and very sore legs lift poorly. Rather than skip, RunLift keeps the intensity and
cuts the volume to one set per lift: strength is maintained by low volume at high intensity
(Bosquet et al. 2007 on tapering: cut volume, keep intensity).
"""

from __future__ import annotations

from dataclasses import dataclass

from coaching.reasons import Reason, ReasonCode

SORE = 7  # 0-10 scale: from here on, one set per lift


@dataclass(frozen=True)
class Readiness:
    sets_per_lift: int | None  # None: as planned
    reason: Reason | None


AS_PLANNED = Readiness(None, None)


def readiness(soreness: int | None, key_run_tomorrow: bool | None) -> Readiness:
    """How the check-in changes today's session (unanswered questions change nothing)."""
    sore = soreness is not None and soreness >= SORE
    if not sore and not key_run_tomorrow:
        return AS_PLANNED
    values = {"soreness": soreness if sore else -1, "key_run": int(bool(key_run_tomorrow))}
    return Readiness(1, Reason(ReasonCode.CHECKIN_TRIM, values))
