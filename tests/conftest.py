"""Shared fixtures: a private Atelier home per test, and a Store opened in it."""

import random
import sqlite3
from pathlib import Path

import pytest

from atelier.store import Store


@pytest.fixture(autouse=True)
def french_unless_asked(monkeypatch):
    """The tests read French, whatever the language of the PC that runs them: the
    commands they start take LANGUAGE, and each test starts in French (a test that
    switches to English switches back here)."""
    from atelier import i18n

    monkeypatch.setenv("LANGUAGE", "fr")
    i18n.use_language("fr")
    yield
    i18n.use_language("fr")


@pytest.fixture(autouse=True, scope="session")
def own_cache_folder(tmp_path_factory):
    """The programs the tests start keep their cache (ui.qt_start) in the tests' own folder,
    not in the cache of the PC that runs them."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def no_system_keyring(monkeypatch):
    """Tests never touch the keyring of the PC that runs them: keyring's "fail" backend
    (no keyring at all), here and in the commands they start; a test that wants one sets
    its own with ``keyring.set_keyring``."""
    import keyring
    from keyring.backends import fail

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """An empty ATELIER_HOME for this test only."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("ATELIER_HOME", str(folder))
    return folder


@pytest.fixture
def store(home):
    """A Store opened in ``home``, closed after the test."""
    opened = Store.open(home)
    try:
        yield opened
    finally:
        opened.close()


def _damage(path: Path, table: str = "participants", pages: int = 3, seed: int = 1) -> None:
    """Write garbage over ``pages`` pages of a closed database, from ``table``'s root page."""
    assert not Path(f"{path}-wal").exists(), "close every connection first"
    conn = sqlite3.connect(path)
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", [table]).fetchone()[0]
    finally:
        conn.close()
    Path(f"{path}-wal").unlink(missing_ok=True)
    Path(f"{path}-shm").unlink(missing_ok=True)
    garbage = random.Random(seed).randbytes(page_size * pages)
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(garbage)


@pytest.fixture
def damage():
    """``damage(path)``: corrupt interior pages of a real, closed SQLite file."""
    return _damage


def make_newer(path: Path) -> None:
    """What a newer Atelier leaves in a closed file: a higher version and a migration
    this one does not know."""
    from atelier import schema

    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        conn.execute(f"INSERT INTO {schema.MIGRATIONS_TABLE}(migration_set, name, applied_at) "
                     "VALUES (?, '0099_from_the_future', '2099-01-01')", [schema.MIGRATION_SET])
    conn.close()
