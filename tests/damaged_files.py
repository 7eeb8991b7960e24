"""Data files damaged the ways real ones are: each maker turns a good, closed
``atelier.db`` (with a good backup beside it) into one kind of trouble."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from atelier import demo, paths
from atelier.store import Store


def good_home(home: Path) -> Path:
    """A home with the demo's data and one good backup; the closed file's path."""
    store = Store.open(home)
    demo.fill(store.db)
    store.backup("manual")
    store.close()
    return paths.database_path(home)


def truncated(path: Path) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def zero_length(path: Path) -> None:
    path.write_bytes(b"")


def one_byte(path: Path) -> None:
    path.write_bytes(b"S")


def header_flipped(path: Path) -> None:
    """The header's user_version bytes (offset 60) flipped: looks newer, is not."""
    with open(path, "r+b") as handle:
        handle.seek(60)
        handle.write(b"\x00\x00\x03\xe7")


def index_damaged(path: Path) -> None:
    """An index that disagrees with its table: quick_check passes, integrity_check does not."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema=ON")
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX sessions_date ON sessions(place, start_time)' "
                 "WHERE name = 'sessions_date'")
    conn.execute("PRAGMA writable_schema=OFF")
    conn.commit()
    conn.close()


def foreign(path: Path) -> None:
    """Another program's SQLite file where Atelier's was."""
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT, phone TEXT)")
    conn.executemany("INSERT INTO contacts VALUES (?, ?)", [("Jeanne", "0600000000")] * 50)
    conn.commit()
    conn.close()


def name_scribbled(path: Path) -> None:
    """One byte that is not text in a table's name in the schema (SQLite quotes it in
    its message, and Python cannot decode that message)."""
    data = path.read_bytes()
    at = data.index(b"step_progress") + 2
    path.write_bytes(data[:at] + b"\x80" + data[at + 1:])


DAMAGES = {f.__name__: f for f in (truncated, zero_length, one_byte, header_flipped, foreign, name_scribbled)}


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, timeout=30)
