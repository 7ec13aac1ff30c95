"""The files /export sends (CSV of every set, JSON of the rest) and what /import says."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from datetime import date, datetime

from coaching import EXERCISES
from coaching.history_csv import EXPORT_COLUMNS, MAX_BYTES, FileProblem, Skip, safe_cell
from coaching.records import estimated_1rm
from render.common import DAY_NAMES, escape, number
from render.exercises import exercise_name

FORMAT = "runlift-export"
FORMAT_VERSION = 1


def file_names(today: date) -> tuple[str, str]:
    stamp = today.isoformat()
    return f"runlift-sets-{stamp}.csv", f"runlift-profile-{stamp}.json"


def sets_csv(sets: Sequence) -> bytes:
    """Every set (`services.exports.ExportedSet`) as a spreadsheet opens it: a header row,
    comma-separated, UTF-8 with a byte-order mark, no cell a spreadsheet would run."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for s in sets:
        e1rm = estimated_1rm(s.weight, s.reps, s.reserve)
        row = [s.day.isoformat(), s.session, exercise_name(EXERCISES[s.exercise]), s.exercise,
               str(s.set_number), number(s.weight), s.unit.value, str(s.reps),
               "" if s.rir is None else str(s.rir),
               "" if e1rm is None else number(round(e1rm, 1))]  # fmt: skip
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def account_json(account, now: datetime, sets: int) -> bytes:
    """The profile, running week, working weights, races and bodyweight (a
    `services.exports.Account`) as JSON; weights in kg."""
    data = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": now.isoformat(timespec="seconds"),
        "profile": account.profile,
        "run_week": {DAY_NAMES[day].lower(): run for day, run in sorted(account.run_week.items())},
        "working_weights": account.working_weights,
        "races": [{"date": day, "distance": distance} for day, distance in account.races],
        "bodyweight": [{"date": day, "weight_kg": kg} for day, kg in account.bodyweight],
        "sets_in_csv": sets,
    }
    return json.dumps(data, indent=2, ensure_ascii=False, default=_iso).encode("utf-8")


def _iso(value: object) -> str:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def _sets(count: int, noun: str = "set") -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def exported(sets: int) -> str:
    if not sets:
        return ("Nothing logged yet, so the CSV has only its header; the JSON has your profile. "
                "/log adds sets.")  # fmt: skip
    return (f"Your {_sets(sets)} as CSV (opens in any spreadsheet) and your profile, "
            "running week, races and bodyweight as JSON. Send the CSV back with the caption "
            "/import to restore your history.")  # fmt: skip


JSON_CAPTION = "Profile, running week, races, bodyweight"
SEND_THE_FILE = (
    "Send the CSV now (as a file): a RunLift export, or one from Strong or Hevy. I add the sets "
    "that are missing and tell you what I skipped."
)
IMPORT_HOW = (
    "To bring history in, send the CSV with the caption <code>/import</code>, or send "
    "<code>/import</code> first and then the file."
)
DOWNLOAD_FAILED = "I couldn't download that file from Telegram. Please send it again."
_PROBLEMS = {
    FileProblem.TOO_BIG: f"That file is too big to import (up to {MAX_BYTES // 1_000_000} MB).",
    FileProblem.NOT_TEXT: "That file isn't a CSV (UTF-8 text) I can read.",
    FileProblem.UNKNOWN_COLUMNS: (
        "I don't recognise the columns of that file. I read RunLift's own CSV (/export) and "
        "exports from Strong and Hevy."
    ),
    FileProblem.JSON_EXPORT: (
        "That is the JSON half of /export (your profile, running week, races and bodyweight): "
        "only the CSV can be imported. Send the CSV file with the caption /import."
    ),
}


def import_refused(error) -> str:
    """A file that could not be read at all (a `coaching.history_csv.HistoryFileError`)."""
    return _PROBLEMS[error.problem]


def imported(result, shown_names: int = 5) -> str:
    """What an import did (a `services.exports.Imported`)."""
    if result.sets:
        days = "day" if result.days == 1 else "days"
        lines = [f"Imported {_sets(result.sets)} on {result.days} {days}. They are in /history "
                 "and count for records; your working weights stay as they are."]  # fmt: skip
    else:
        lines = ["Nothing new to import."]
    if result.already:
        lines.append(f"• {_sets(result.already)} skipped: that day's lift is already logged.")
    if result.programme_day:
        lines.append(f"• {_sets(result.programme_day)} skipped: RunLift has a programme session "
                     "on that day (fix it with /history or /log instead).")  # fmt: skip
    if result.not_past:
        lines.append(f"• {_sets(result.not_past)} from today or later skipped: /log those.")
    if result.skipped[Skip.WARM_UP]:
        lines.append(f"• {_sets(result.skipped[Skip.WARM_UP], 'row')} of warm-ups, drop sets or "
                     "rest timers skipped.")  # fmt: skip
    if result.skipped[Skip.UNREADABLE]:
        unreadable = _sets(result.skipped[Skip.UNREADABLE], "row")
        lines.append(f"• {unreadable} skipped: a date, weight or reps I couldn't read.")
    if result.unknown:
        names = [escape(name[:40]) for name, _ in result.unknown.most_common(shown_names)]
        more = len(result.unknown) - len(names)
        listed = ", ".join(names) + (f" and {more} more" if more > 0 else "")
        rows = sum(result.unknown.values())
        lines.append(f"• {_sets(rows)} of exercises outside the programme skipped: {listed}.")
    return "\n".join(lines)
