"""`make backup`: a consistent copy of a SQLite database that is being written to."""

import sqlite3
import threading

import pytest

from bot.backup import backup, sqlite_path


def test_a_backup_while_the_database_is_written_is_whole_and_restorable(tmp_path):
    live = tmp_path / "runlift.db"
    with sqlite3.connect(live) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE logged_sets (id INTEGER PRIMARY KEY, weight REAL)")
    stop = threading.Event()

    def keep_writing() -> None:
        with sqlite3.connect(live, timeout=30) as db:
            while not stop.is_set():
                db.execute("INSERT INTO logged_sets (weight) VALUES (60)")
                db.commit()

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        copy = backup(live, tmp_path / "backups" / "copy.db")
    finally:
        stop.set()
        writer.join()
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = db.execute("SELECT count(*) FROM logged_sets").fetchone()[0]
    with sqlite3.connect(live) as db:
        assert count <= db.execute("SELECT count(*) FROM logged_sets").fetchone()[0]
    assert not (tmp_path / "backups" / "copy.db.partial").exists()


def test_postgresql_is_pointed_at_pg_dump():
    with pytest.raises(SystemExit, match="pg_dump"):
        sqlite_path("postgresql+asyncpg://runlift@localhost/runlift")
    assert str(sqlite_path("sqlite+aiosqlite:///runlift.db")) == "runlift.db"
