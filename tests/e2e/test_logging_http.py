"""Logging over HTTP with the real process: a logged set shows in /today and /history, is
corrected from /history, and /undo says what it removed."""

from __future__ import annotations

from tests.e2e.test_process import (
    _say,
    _set_up_by_commands,
    _start_bot,
    _stop,
    _tap,
)


def test_log_today_correct_and_undo_over_http(server, tmp_path, database_url):
    process = _start_bot(server, tmp_path, database_url)
    try:
        _set_up_by_commands(server)
        _say(server, "/log squat 60x8 60x8 rir3", "Stored: Back squat 60 kg × 8,8, 3 in reserve")
        _say(server, "/today", "✅ Back squat: 60 kg × 8,8, 3 in reserve")
        _say(server, "/history", "· session A")
        _tap(server, "Edit or delete", "Which one?")
        _tap(server, "Back squat", "2. 60 kg × 8, 3 in reserve")
        _tap(server, "Set 2", "Set 2 of Back squat")
        _say(server, "60x6 rir0", "Corrected: Back squat 60 kg × 8,6, 0 in reserve")
        _say(server, "/undo", "Removed: Back squat 60 kg × 8,6")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
