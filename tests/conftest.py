"""Every database test runs twice: on a SQLite file and on a PostgreSQL server the run starts
itself (tests/databases.py). RUNLIFT_TEST_BACKENDS=sqlite (or postgresql) narrows it."""

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.databases import chosen_backends, start_postgres
from tests.rig import Rig


@pytest.fixture(scope="session")
def postgres():
    """One throw-away server for the whole run, started on first use (about a second). Its
    folder is not under pytest's basetemp: another pytest run on the machine prunes those."""
    folder = Path(tempfile.mkdtemp(prefix="runlift-pg-"))
    server, handle = start_postgres(folder / "data")
    yield server
    handle.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=chosen_backends())
def backend(request) -> str:
    return request.param


def _database(request, backend: str, tmp_path, migrated: bool) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'runlift.db'}"
        return
    server = request.getfixturevalue("postgres")
    if migrated:
        yield server.url(server.emptied())
        return
    name = server.create()
    yield server.url(name)
    server.drop(name)


@pytest.fixture
def database_url(request, backend, tmp_path) -> Iterator[str]:
    """A database of its own for this test, migrated to the newest revision (SQLite: a file
    the first `migrate` creates)."""
    yield from _database(request, backend, tmp_path, migrated=True)


@pytest.fixture
def empty_database_url(request, backend, tmp_path) -> Iterator[str]:
    """A database of its own with no tables at all (for the migration tests)."""
    yield from _database(request, backend, tmp_path, migrated=False)


@pytest.fixture
async def rig(tmp_path, database_url):
    bot = Rig(tmp_path / "runlift.db", url=database_url)
    await bot.start()
    yield bot
    await bot.stop()
