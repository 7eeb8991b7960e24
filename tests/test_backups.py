"""Backups: taken safely and checked, at most daily, thinned, restorable."""

import shutil
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from atelier import backups, paths, people, schema, settings
from atelier.db import NewerDatabaseError
from atelier.people import Participant
from atelier.store import Store, restore
from tests.conftest import make_newer

UTC = timezone.utc


def ids_in(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM participants")}
    finally:
        conn.close()


def tiny_db(path: Path) -> None:
    """A small file with an Atelier file's tables (thinning only deletes those)."""
    conn = sqlite3.connect(path)
    for table in schema.expected_tables([]):
        conn.execute(f"CREATE TABLE {table} (x)")
    conn.commit()
    conn.close()


# --- taking a backup -------------------------------------------------------------------

def test_a_backup_is_a_checked_readable_copy_with_the_same_rows(store):
    added = {people.add(store.db, Participant(f"P{n}")).id for n in range(20)}
    backup = store.backup("manual")
    assert backup.path.parent == store.backups_dir
    assert backup.reason == "manual" and backup.size == backup.path.stat().st_size > 0
    assert backup.taken_at.tzinfo is not None
    assert backups.check_file(backup.path) == "ok"
    assert ids_in(backup.path) == added
    assert list(store.backups_dir.glob(".partial-*")) == []
    assert [b.path for b in backups.list_backups(store.backups_dir)] == [backup.path]


def test_two_backups_in_the_same_second_are_both_kept(store):
    now = datetime(2024, 6, 15, 12, 0, 0, tzinfo=UTC)
    first = backups.take(store.db, store.backups_dir, "manual", now)
    second = backups.take(store.db, store.backups_dir, "manual", now)
    assert first.path != second.path
    assert first.path.exists() and second.path.exists()


def test_take_returns_the_backup_it_took_even_when_a_newer_one_exists(store):
    later = backups.take(store.db, store.backups_dir, "manual", datetime(2024, 6, 15, 12, tzinfo=UTC))
    earlier = backups.take(store.db, store.backups_dir, "manual", datetime(2024, 6, 15, 11, tzinfo=UTC))
    assert earlier.path != later.path
    assert earlier.taken_at == datetime(2024, 6, 15, 11, tzinfo=UTC)


def test_a_stale_partial_file_is_never_listed(store):
    store.backups_dir.mkdir(parents=True, exist_ok=True)
    (store.backups_dir / ".partial-atelier-20240101-000000-auto.db").write_bytes(b"half")
    assert backups.list_backups(store.backups_dir) == []
    assert backups.latest_good(store.backups_dir) is None


def test_names_that_only_look_like_backups_are_ignored(tmp_path):
    tiny_db(tmp_path / "atelier-20241340-996199-auto.db")  # month 13, hour 99
    tiny_db(tmp_path / "atelier-20240101-120000-auto.db")
    (tmp_path / "notes.txt").write_text("à garder")
    found = backups.list_backups(tmp_path)
    assert [b.path.name for b in found] == ["atelier-20240101-120000-auto.db"]
    backups.thin(tmp_path, datetime(2024, 1, 2, tzinfo=UTC))
    assert (tmp_path / "notes.txt").exists()
    assert (tmp_path / "atelier-20241340-996199-auto.db").exists()


def test_take_if_due_is_at_most_daily(store):
    start = datetime(2024, 6, 15, 9, 0, tzinfo=UTC)
    first = backups.take_if_due(store.db, store.backups_dir, start)
    assert first is not None and first.reason == "auto"
    assert backups.take_if_due(store.db, store.backups_dir, start + timedelta(hours=1)) is None
    assert backups.take_if_due(store.db, store.backups_dir, start + timedelta(hours=23, minutes=59)) is None
    second = backups.take_if_due(store.db, store.backups_dir, start + timedelta(days=1))
    assert second is not None and second.path != first.path
    assert len(backups.list_backups(store.backups_dir)) == 2


def test_store_backup_if_due(store):
    assert store.backup_if_due() is not None
    assert store.backup_if_due() is None


# --- thinning ----------------------------------------------------------------------------

KEPT = [
    # the newest three
    "2024-06-15 11:00", "2024-06-15 10:00", "2024-06-15 09:00",
    # one a day for the 7 newest days (06-15 above)
    "2024-06-14 12:00", "2024-06-13 12:00", "2024-06-12 12:00", "2024-06-11 12:00", "2024-06-10 12:00",
    "2024-06-09 12:00",
    # one a week for the 8 newest ISO weeks (w24, w23 above)
    "2024-06-01 12:00", "2024-05-25 12:00", "2024-05-18 12:00", "2024-05-11 12:00", "2024-05-04 12:00",
    "2024-04-27 12:00",
    # one a month for the 12 newest months (2024-06, 2024-04 above)
    "2024-05-31 12:00", "2024-03-15 12:00", "2024-02-10 12:00", "2024-01-10 12:00",
    "2023-12-10 12:00", "2023-11-10 12:00", "2023-10-10 12:00", "2023-09-10 12:00", "2023-08-10 12:00",
    "2023-07-10 12:00",
]
DELETED = [
    "2024-06-15 08:00",  # 4th of the day
    "2024-06-14 06:00",  # older of its day
    "2024-06-08 12:00",  # 8th day; older than 06-09 in week 23
    "2024-04-20 12:00", "2024-04-13 12:00",  # weeks 16 and 15: beyond 8 weeks, not newest of April
    "2024-03-01 12:00",  # older of March
    "2023-06-10 12:00", "2023-05-10 12:00", "2023-04-10 12:00",  # beyond 12 months
]


def backup_name(stamp: str) -> str:
    moment = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    return f"atelier-{moment:%Y%m%d-%H%M%S}-auto.db"


def test_thinning_keeps_newest_three_then_daily_weekly_monthly(tmp_path):
    assert not set(KEPT) & set(DELETED)
    for stamp in KEPT + DELETED:
        tiny_db(tmp_path / backup_name(stamp))
    (tmp_path / "autre-fichier.db").write_bytes(b"pas une sauvegarde")

    deleted = backups.thin(tmp_path, datetime(2024, 6, 15, 12, 0, tzinfo=UTC))

    assert sorted(p.name for p in deleted) == sorted(backup_name(s) for s in DELETED)
    remaining = sorted(p.name for p in tmp_path.iterdir())
    assert remaining == sorted([backup_name(s) for s in KEPT] + ["autre-fichier.db"])
    # thinning again deletes nothing more
    assert backups.thin(tmp_path, datetime(2024, 6, 15, 12, 0, tzinfo=UTC)) == []


def test_taking_a_backup_thins_the_folder(store):
    folder = store.backups_dir
    folder.mkdir(parents=True, exist_ok=True)
    for day in range(1, 21):
        tiny_db(folder / f"atelier-202406{day:02d}-120000-auto.db")
    backups.take(store.db, folder, "auto", datetime(2024, 6, 21, 12, tzinfo=UTC))
    days = sorted(b.taken_at.day for b in backups.list_backups(folder))
    # 15-21: one a day for 7 days; 16, 9 and 2: the newest of ISO weeks 24, 23, 22
    assert days == [2, 9, 15, 16, 17, 18, 19, 20, 21]


# --- restore ---------------------------------------------------------------------------

def test_restore_puts_the_data_back_and_keeps_the_current_data(home):
    store = Store.open(home)
    kept = people.add(store.db, Participant("Avant")).id
    backup = store.backup("manual")
    later = people.add(store.db, Participant("Après")).id
    old_device = store.device_id
    store.close()

    restore(backup.path, home)

    after = Store.open(home)
    try:
        assert {p.id for p in people.every(after.db)} == {kept}
        assert after.device_id != old_device
        assert settings.get(after.db, settings.DEVICE_ID) == after.device_id
    finally:
        after.close()
    saved = [b for b in backups.list_backups(paths.backups_dir(home)) if b.reason == "before-restore"]
    assert len(saved) == 1
    assert ids_in(saved[0].path) == {kept, later}
    assert not list(home.glob(".restoring-*"))
    assert not list(home.glob("atelier-damaged-*"))


def test_restore_sets_a_damaged_file_aside_instead_of_deleting_it(home, damage):
    store = Store.open(home)
    for n in range(300):
        people.add(store.db, Participant(f"P{n}", notes="x" * 200))
    backup = store.backup("manual")
    store.close()
    path = paths.database_path(home)
    damage(path)
    damaged_bytes = path.read_bytes()

    restore(backup.path, home)

    aside = list(home.glob("atelier-damaged-*.db"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == damaged_bytes
    assert ids_in(path) == ids_in(backup.path) and len(ids_in(path)) == 300
    assert not [b for b in backups.list_backups(paths.backups_dir(home)) if b.reason == "before-restore"]


def test_restore_refuses_a_damaged_backup_and_changes_nothing(home, damage):
    store = Store.open(home)
    for n in range(300):
        people.add(store.db, Participant(f"P{n}", notes="x" * 200))
    backup = store.backup("manual")
    store.close()
    damage(backup.path)
    path = paths.database_path(home)
    before = path.read_bytes()

    with pytest.raises(backups.BackupError) as caught:
        restore(backup.path, home)
    assert "abîmée" in str(caught.value)
    assert path.read_bytes() == before
    assert [b.reason for b in backups.list_backups(paths.backups_dir(home))] == ["manual"]


def test_restore_refuses_a_backup_from_a_newer_atelier(home, tmp_path):
    Store.open(home).close()
    newer = tmp_path / "newer.db"
    shutil.copyfile(paths.database_path(home), newer)
    make_newer(newer)
    path = paths.database_path(home)
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError):
        restore(newer, home)
    assert path.read_bytes() == before


def test_restore_survives_its_backup_being_thinned_away(home):
    """Restoring an old backup: the before-restore backup's thinning may delete it."""
    store = Store.open(home)
    people.add(store.db, Participant("Ancienne"))
    folder = store.backups_dir
    old = backups.take(store.db, folder, "auto", datetime(2000, 1, 1, tzinfo=UTC))
    people.add(store.db, Participant("Récente"))
    for month in range(1, 12):  # eleven newer months: the old one is the 12th and last kept
        backups.take(store.db, folder, "auto", datetime(2023, month, 1, tzinfo=UTC))
    store.close()
    assert old.path.exists()

    restore(old.path, home)  # its "before-restore" backup is a 13th month

    assert not old.path.exists()
    after = Store.open(home)
    try:
        assert [p.first_name for p in people.every(after.db)] == ["Ancienne"]
    finally:
        after.close()


def test_restore_into_an_empty_home(home, tmp_path):
    source_home = tmp_path / "source"
    source = Store.open(source_home)
    person = people.add(source.db, Participant("José"))
    backup = source.backup()
    source.close()
    restore(backup.path, home)
    after = Store.open(home)
    try:
        assert people.get(after.db, person.id).first_name == "José"
    finally:
        after.close()


def test_restore_over_a_lost_empty_data_file_sets_it_aside(home):
    store = Store.open(home)
    person = people.add(store.db, Participant("Gardée"))
    backup = store.backup("manual")
    store.close()
    path = paths.database_path(home)
    path.write_bytes(b"")  # the data file lost its contents
    Path(f"{path}-wal").unlink(missing_ok=True)

    restore(backup.path, home)

    assert ids_in(path) == {person.id}
    (aside,) = home.glob("atelier-damaged-*.db")
    assert aside.read_bytes() == b""


def test_restore_says_where_the_data_from_before_went(home, damage):
    store = Store.open(home)
    people.add(store.db, Participant("Hélène", "Martin"))
    backup = store.backup("manual")
    store.close()
    restored = restore(backup.path, home)
    assert not restored.was_damaged and "before-restore" in restored.kept_aside.name
    assert restored.kept_aside.exists()
    damage(paths.database_path(home), table="participants")
    restored = restore(backup.path, home)
    assert restored.was_damaged and restored.kept_aside.name.startswith("atelier-damaged-")
    assert restored.kept_aside.exists()
