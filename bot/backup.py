"""`python -m bot.backup [DEST]`: a consistent copy of the live SQLite database.

SQLite's online backup API copies the database page by page while the bot keeps running
(a write during the copy makes it start over, so the copy is one committed state), WAL
included. The copy is checked with `PRAGMA integrity_check` before it is kept. PostgreSQL has
its own tools (README: "Backups").
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.settings import Settings


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise SystemExit(
            "make backup copies a SQLite database; for PostgreSQL use pg_dump (see README)."
        )
    return Path(parsed.database)


def backup(source: Path, destination: Path) -> Path:
    """Copy `source` to `destination` with the online backup API; the copy is verified."""
    if not source.exists():
        raise SystemExit(f"No database at {source}")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        # closing(): a connection's own `with` commits but does not close it.
        with (
            closing(sqlite3.connect(source, timeout=30)) as live,
            closing(sqlite3.connect(partial)) as copy,
        ):
            live.backup(copy)
            if copy.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise SystemExit(f"The copy failed its integrity check; {source} is untouched")
    except BaseException:
        partial.unlink(missing_ok=True)  # a half-written copy is not a backup
        raise
    partial.replace(destination)
    return destination


def main(argv: list[str]) -> None:
    source = sqlite_path(Settings().database_url)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    default = Path("backups") / f"{source.stem}-{stamp}.db"
    destination = Path(argv[0]) if argv else default
    print(f"Backed up {source} to {backup(source, destination)}")


if __name__ == "__main__":
    main(sys.argv[1:])
