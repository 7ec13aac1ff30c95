"""The run-context check-in: leg soreness and tomorrow's key run can trim today's session.

Heavy lower-body work leaves residual fatigue that impairs the next day's running (Doma &
Deakin 2013), and very sore legs lift poorly. Rather than skip, RunLift keeps the intensity and
cuts the volume to one set per lift: strength is maintained by low volume at high intensity
(Bosquet et al. 2007 on tapering: cut volume, keep intensity).
"""

from __future__ import annotations

from dataclasses import dataclass

SORE = 7  # 0-10 scale: from here on, one set per lift


@dataclass(frozen=True)
class Readiness:
    sets_per_lift: int | None  # None: as planned
    reason: str


AS_PLANNED = Readiness(None, "")


def readiness(soreness: int | None, key_run_tomorrow: bool | None) -> Readiness:
    """How the check-in changes today's session (unanswered questions change nothing)."""
    reasons = []
    if soreness is not None and soreness >= SORE:
        reasons.append(f"your legs are sore ({soreness}/10)")
    if key_run_tomorrow:
        reasons.append("you have a quality or long run tomorrow")
    if not reasons:
        return AS_PLANNED
    why = " and ".join(reasons)
    return Readiness(1, f"One set per lift today, same weights: {why}.")
