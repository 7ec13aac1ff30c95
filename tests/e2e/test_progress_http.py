"""/progress over HTTP with the real process: the chart arrives as a photo upload."""

from __future__ import annotations

from tests.e2e.test_process import (
    RUNNER,
    _say,
    _set_up_by_commands,
    _start_bot,
    _stop,
    _wait_for,
)


def test_progress_sends_a_png_photo_over_http(server, tmp_path, database_url):
    process = _start_bot(server, tmp_path, database_url)
    try:
        _set_up_by_commands(server)
        _say(server, "/progress", "appears once you have logged two sessions")
        _say(server, "/log yesterday squat 60x8 60x8 rir3", "Stored: Back squat 60 kg × 8,8")
        _say(server, "/log squat 62.5x8 62.5x8 rir3", "Stored: Back squat 62.5 kg × 8,8")
        _say(server, "/progress", "Back squat")

        def photos():
            return [m for m in server.api.sent_to(RUNNER.id) if m.file is not None]

        _wait_for(lambda: photos(), "a photo")
        photo = photos()[-1]
        assert photo.file.kind == "photo" and photo.file.data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(photo.file.data[16:20], "big") >= 1080
        _say(server, "/records", "8 reps: 62.5 kg × 8")
    finally:
        output = _stop(process)
    assert process.returncode == 0, output
