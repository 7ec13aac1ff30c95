"""The webhook's secret is compared in constant time; a backup closes its connections and
leaves no half-written copy behind when it fails."""

import sqlite3

import pytest

import bot.backup
import bot.intake
from bot.backup import backup
from bot.intake import secret_matches


def test_the_webhook_secret_is_compared_in_constant_time(monkeypatch):
    compared = []
    real = bot.intake.hmac.compare_digest
    monkeypatch.setattr(bot.intake.hmac, "compare_digest",
                        lambda a, b: compared.append((a, b)) or real(a, b))  # fmt: skip
    assert secret_matches("hush", "hush")
    assert not secret_matches("hus", "hush") and not secret_matches(None, "hush")
    assert not secret_matches("hüsh", "hush")  # not ASCII: refused, not an error
    assert len(compared) == 4


def test_a_failed_backup_leaves_no_partial_copy_and_closes_its_connections(tmp_path, monkeypatch):
    opened = []
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        connection = real_connect(*args, **kwargs)
        opened.append(connection)
        return connection

    monkeypatch.setattr(bot.backup.sqlite3, "connect", connect)
    broken = tmp_path / "runlift.db"
    broken.write_bytes(b"this is not a database" * 100)
    destination = tmp_path / "backups" / "copy.db"
    with pytest.raises(sqlite3.DatabaseError):
        backup(broken, destination)
    assert not destination.exists()
    assert not (tmp_path / "backups" / "copy.db.partial").exists()
    good = tmp_path / "good.db"
    with real_connect(good) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    assert backup(good, destination) == destination
    for connection in opened:  # closed: using one raises
        with pytest.raises(sqlite3.ProgrammingError):
            connection.execute("SELECT 1")
