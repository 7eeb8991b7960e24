"""Interrupted backups and restores leave nothing behind once Atelier starts again, and a
full disk during a backup or a restore says so in French and keeps what was there.

Processes are really killed (SIGKILL) and disks really fill up (a small tmpfs, see
tests/disks.py).
"""

import fcntl
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from atelier import backups, db as database, files, paths, people
from atelier.backups import BackupError
from atelier.leftovers import clean_leftovers
from atelier.people import Participant
from atelier.store import Store, restore
from tests.backup_helpers import filled_home, snapshot
from tests.disks import fill, mounted_tmpfs
from tests.test_cli import run

ROOT = Path(__file__).resolve().parent.parent


def add_people(store, count: int) -> None:
    with store.db.atomic():
        for n in range(count):
            people.add(store.db, Participant(f"P{n}", notes="y" * 300))


def hidden(folder: Path) -> list[str]:
    """The hidden files in a folder: where partial copies would hide."""
    return sorted(name for name in os.listdir(folder) if name.startswith("."))


def killer(home: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, str(ROOT / "tests" / "backup_killer.py"), str(home), *args],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)


def test_a_backup_killed_before_its_rename_leaves_nothing_after_the_next_start(home):
    good = filled_home(home)
    child = killer(home, "backup", "--at-rename")
    assert child.wait(timeout=60) == -signal.SIGKILL
    folder = paths.backups_dir(home)
    assert len(hidden(folder)) == 1 and hidden(folder)[0].endswith(files.PARTIAL)  # the whole copy, unnamed
    assert [b.path for b in backups.list_backups(folder)] == [good]

    Store.open(home).close()  # the next start

    assert hidden(folder) == [] and hidden(home) == []
    assert [b.path for b in backups.list_backups(folder)] == [good]


def test_a_restore_killed_midway_leaves_the_data_file_whole_and_nothing_hidden(home):
    good = filled_home(home)
    before = snapshot(home)
    child = killer(home, "restore", str(good), "--at-rename")
    assert child.wait(timeout=60) == -signal.SIGKILL
    # killed while keeping the current file aside: two partial copies were under way
    assert len(hidden(home)) == 1 and len(hidden(paths.backups_dir(home))) == 1
    after = snapshot(home)  # the killed process had the file open to copy it: its empty WAL stays
    assert after["atelier.db"] == before["atelier.db"] and after.get("atelier.db-wal", b"") == b""

    store = Store.open(home)
    try:
        assert store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == 300
    finally:
        store.close()
    assert hidden(home) == [] and hidden(paths.backups_dir(home)) == []
    assert database.quick_check(paths.database_path(home)) == "ok"


def test_backups_killed_at_any_moment_never_leave_a_partial_or_a_bad_backup(home):
    filled_home(home, count=20000)  # a few megabytes: a backup takes a moment to write
    folder = paths.backups_dir(home)
    child = killer(home, "backup")  # one left to finish: how long a backup takes here
    assert child.stdout.readline().strip() == "started"
    began = time.monotonic()
    assert child.stdout.readline().strip() == "finished"
    duration = time.monotonic() - began
    child.wait(timeout=60)
    child.stdout.close()
    rng = random.Random(10)
    caught_writing = 0
    for _attempt in range(6):
        child = killer(home, "backup")
        assert child.stdout.readline().strip() == "started"
        time.sleep(rng.uniform(0, duration))
        child.kill()
        child.wait(timeout=60)
        child.stdout.close()
        caught_writing += bool(hidden(folder))
        Store.open(home).close()
        assert hidden(folder) == [] and hidden(home) == []
        assert all(problem is None for _backup, problem in backups.checked(folder))
    assert caught_writing, "no kill landed while a backup was being written: the test proved nothing"


def test_leftovers_are_cleaned_but_nothing_else_and_never_a_copy_being_written(home):
    Store.open(home).close()
    folder = paths.backups_dir(home)
    folder.mkdir(exist_ok=True)
    leftovers = [home / ".atelier.db.1a2b3c4d.partial", home / ".atelier.db.1a2b3c4d.partial-journal",
                 home / ".restoring-20240101-120000.db", folder / ".atelier-n000003-20240101-120000-auto.db.99aa.partial",
                 folder / ".partial-atelier-20240101-120000-auto.db"]
    kept = [home / "atelier-damaged-20240101-120000.db", home / ".erasures", home / "notes.partial",
            folder / "atelier-n000001-20240101-120000-auto.db"]
    for path in leftovers + kept:
        path.write_bytes(b"x" * 600)
    busy = folder / ".atelier-n000004-20240102-120000-auto.db.77bb.partial"
    busy.write_bytes(b"being written")
    fd = os.open(busy, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # as another Atelier writing a backup right now holds it
    try:
        removed = clean_leftovers(home)
    finally:
        os.close(fd)
    assert sorted(removed) == sorted(leftovers)
    assert all(path.exists() for path in kept) and busy.exists()
    assert clean_leftovers(home) == [busy]  # once no one holds it


# --- full disks -------------------------------------------------------------------------

def test_a_full_disk_during_a_backup_says_so_keeps_the_previous_ones_and_leaves_no_partial(home):
    Store.open(home).close()
    with mounted_tmpfs(paths.backups_dir(home), size="256k") as folder:
        store = Store.open(home)
        add_people(store, 100)
        first = store.backup("manual")
        add_people(store, 600)  # now the data no longer fits in what is left
        store.close()
        kept = first.path.read_bytes()
        fill(folder, leave=32 * 1024)

        result = run(home, "backup")

        assert result.returncode == 1
        assert "Le disque est plein" in result.stderr and "n'ont pas été touchées" in result.stderr
        assert "Errno" not in result.stderr and "Traceback" not in result.stderr
        assert first.path.read_bytes() == kept
        assert sorted(os.listdir(folder)) == sorted([first.path.name, "filler.bin"])
        assert backups.latest_good(folder).path == first.path


def test_a_full_disk_during_a_restore_changes_nothing(tmp_path, monkeypatch):
    with mounted_tmpfs(tmp_path / "home", size="2m") as home:
        monkeypatch.setenv("ATELIER_HOME", str(home))
        good = filled_home(home, count=800)
        before = snapshot(home)
        fill(home, leave=48 * 1024)
        with pytest.raises(BackupError) as caught:
            restore(good, home)
        assert "Le disque est plein" in str(caught.value) and "Errno" not in str(caught.value)
        assert snapshot(home) == before
        assert hidden(home) == [] and hidden(paths.backups_dir(home)) == []
        assert [b.path for b in backups.list_backups(paths.backups_dir(home))] == [good]
