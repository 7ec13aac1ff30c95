"""/export and /import over HTTP with the real process: two documents uploaded (multipart) to
the local Bot API, and an attached CSV downloaded through getFile and the file URL."""

from __future__ import annotations

import csv
import io
import json

from tests.e2e.test_process import (
    RUNNER,
    _say,
    _set_up_by_commands,
    _start_bot,
    _stop,
    _texts,
    _wait_for,
)

STRONG = (
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
    "Distance Unit;Seconds;Notes;Workout Notes\n"
    "2024-03-05 07:30:00;Legs;Squat (Barbell);1;55;kg;8;8;;;0;;\n"
    "2024-03-05 07:30:00;Legs;Squat (Barbell);2;55;kg;8;9;;;0;;\n"
    "2024-03-05 07:30:00;Legs;Leg Press (Machine);1;100;kg;10;;;;0;;\n"
)


def _documents(local) -> list:
    return [m.file for m in local.api.sent_to(RUNNER.id) if m.file is not None]


def test_export_and_import_over_http(server, tmp_path, database_url):
    process = _start_bot(server, tmp_path, database_url)
    try:
        _set_up_by_commands(server)
        _say(server, "/log squat 60x8 60x8 rir3", "Stored: Back squat 60 kg × 8,8")
        server.push(server.updates.message(RUNNER, "/export"))
        _wait_for(lambda: len(_documents(server)) == 2, "two documents")
        sets, profile = _documents(server)
        rows = list(csv.DictReader(io.StringIO(sets.data.decode("utf-8-sig"))))
        assert [(r["lift"], r["weight"], r["reps"]) for r in rows] == [
            ("back_squat", "60", "8")
        ] * 2
        assert json.loads(profile.data)["profile"]["timezone"] == "UTC"
        server.push(server.updates.document(RUNNER, "strong.csv", STRONG.encode(), "/import"))
        _wait_for(lambda: any("Imported 2 sets on 1 day" in t for t in _texts(server)), "import")
        assert any("Leg Press (Machine)" in t for t in _texts(server))
        _say(server, "/history", "Back squat 55 kg × 8,8, 1 in reserve")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
