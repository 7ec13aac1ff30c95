"""Test-only crash points, for the crash tests in tests/e2e/test_crashes.py.

`RUNLIFT_CRASH_AT=<point>` makes the process kill itself with SIGKILL when it reaches that
point: what `kill -9` does (no clean-up, no flush, no shutdown), but at an exact moment. The
points: `after_log_commit` (a set committed, the reply not sent); `before_state_flush` (an
update's work committed and answered, its conversation state not yet stored); `after_claim`,
`after_send` and `after_mark` (reminders claimed / one accepted by Telegram / the batch's
message ids written); `during_migration` (the first of several Alembic revisions applied, the
rest not). Unset, as in production, a point is one dictionary lookup.
"""

from __future__ import annotations

import os
import signal

CRASH_AT = "RUNLIFT_CRASH_AT"


def crash_point(name: str) -> None:
    if os.environ.get(CRASH_AT) == name:
        os.kill(os.getpid(), signal.SIGKILL)
