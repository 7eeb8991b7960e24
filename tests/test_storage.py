"""Storage that never loses a record: pragmas, migrations, refusal, identity, damage."""

import shutil
import sqlite3
from pathlib import Path

import pytest

from atelier import backups, db as database, paths, people, schema, settings
from atelier.db import DamagedDatabaseError, NewerDatabaseError
from atelier.people import Participant
from atelier.store import Store, restore

TABLES = {
    "participants", "groups", "group_members", "sessions", "attendance",
    "step_progress", "exercise_results", "settings", "outbox",
}


def pragmas(db) -> tuple:
    return (
        db.execute("PRAGMA journal_mode").fetchone()[0],
        db.execute("PRAGMA synchronous").fetchone()[0],
        db.execute("PRAGMA foreign_keys").fetchone()[0],
    )


def snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def fill(store: Store, count: int) -> list[str]:
    ids = []
    for n in range(count):
        person = people.add(store.db, Participant(f"Prénom{n}", f"Nom{n}", notes="x" * 200))
        ids.append(person.id)
    return ids


# --- every connection -------------------------------------------------------------

def test_store_connection_has_wal_full_sync_and_foreign_keys(store):
    assert pragmas(store.db) == ("wal", 2, 1)


def test_connect_sets_the_pragmas_on_every_new_connection(store, tmp_path):
    second = database.connect(store.path)
    other = database.connect(tmp_path / "other.db")
    try:
        assert pragmas(second) == ("wal", 2, 1)
        assert pragmas(other) == ("wal", 2, 1)
    finally:
        second.close()
        other.close()


def test_reopened_and_restored_stores_have_the_pragmas(home):
    Store.open(home).close()
    reopened = Store.open(home)
    try:
        assert pragmas(reopened.db) == ("wal", 2, 1)
        backup = reopened.backup()
    finally:
        reopened.close()
    restore(backup.path, home)
    after = Store.open(home)
    try:
        assert pragmas(after.db) == ("wal", 2, 1)
    finally:
        after.close()


# --- migrations ----------------------------------------------------------------

def test_fresh_file_gets_every_table_and_the_schema_version(store):
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert schema.SCHEMA_VERSION == len(schema.known_migrations()) >= 1
    assert TABLES <= {name for (name,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert database.pending_migrations(store.db) == []
    assert list(store.backups_dir.glob("*.db")) == []  # nothing to back up on a new file


def test_fresh_file_is_not_backed_up_and_reopening_migrates_nothing(home):
    Store.open(home).close()
    Store.open(home).close()
    assert backups.list_backups(paths.backups_dir(home)) == []


def test_a_first_start_cut_before_its_first_migration_opens_next_time(home):
    """The file exists (SQLite made it, WAL on) but the power went before any table."""
    conn = sqlite3.connect(paths.database_path(home))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    store = Store.open(home)
    try:
        assert database.pending_migrations(store.db) == []
    finally:
        store.close()
    assert backups.list_backups(paths.backups_dir(home)) == []


def with_extra_migration(monkeypatch, name, fn) -> None:
    """The schema as a later Atelier would have it: today's migrations, then ``fn``."""
    later = [*schema.MIGRATIONS, (name, fn)]
    monkeypatch.setattr(schema, "MIGRATIONS", later)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(later))


def test_a_backup_is_taken_before_migrating_an_existing_file(home, monkeypatch):
    old = Store.open(home)
    ids = fill(old, 5)
    old.close()
    old_version = schema.SCHEMA_VERSION

    def badges(db):
        db.execute("CREATE TABLE badges (id TEXT PRIMARY KEY, participant_id TEXT)")
        db.execute("INSERT INTO badges SELECT 'b-' || id, id FROM participants")

    with_extra_migration(monkeypatch, "9001_test_badges", badges)
    assert schema.SCHEMA_VERSION == old_version + 1

    store = Store.open(home)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == old_version + 1
        assert store.db.execute("SELECT count(*) FROM badges").fetchone()[0] == 5
        assert database.pending_migrations(store.db) == []
    finally:
        store.close()

    found = backups.list_backups(paths.backups_dir(home))
    assert [b.reason for b in found] == ["migration"]
    copy = found[0].path
    assert backups.check_file(copy) == "ok"
    conn = sqlite3.connect(copy)
    try:
        # the copy is the data as it was *before* the migration ran
        assert conn.execute("PRAGMA user_version").fetchone()[0] == old_version
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "badges" not in names and TABLES <= names
        assert {r[0] for r in conn.execute("SELECT id FROM participants")} == set(ids)
    finally:
        conn.close()

    # a second opening has nothing to migrate: no second backup
    Store.open(home).close()
    assert len(backups.list_backups(paths.backups_dir(home))) == 1


def test_a_failing_migration_changes_nothing_and_the_backup_is_there(home, monkeypatch):
    old = Store.open(home)
    ids = fill(old, 3)
    old.close()

    def broken(db):
        db.execute("DELETE FROM participants")
        raise RuntimeError("migration cassée")

    with_extra_migration(monkeypatch, "9002_broken", broken)
    with pytest.raises(RuntimeError):
        Store.open(home)
    monkeypatch.undo()

    store = Store.open(home)
    try:
        assert {p.id for p in people.every(store.db)} == set(ids)
    finally:
        store.close()
    assert [b.reason for b in backups.list_backups(paths.backups_dir(home))] == ["migration"]


def _make_newer(home: Path, how: str) -> Path:
    Store.open(home).close()
    path = paths.database_path(home)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    if how == "version_and_migration":
        conn.execute(
            f"INSERT INTO {schema.MIGRATIONS_TABLE}(migration_set, name, applied_at) "
            "VALUES (?, '0099_from_the_future', '2099-01-01')",
            [schema.MIGRATION_SET],
        )
        conn.commit()
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.mark.parametrize("how", ["version_and_migration"])
def test_a_newer_file_is_refused_untouched(home, how):
    path = _make_newer(home, how)
    before = snapshot(path)
    with pytest.raises(NewerDatabaseError) as caught:
        Store.open(home)
    assert "version plus récente" in str(caught.value)
    assert str(path) in str(caught.value)
    assert snapshot(path) == before
    assert not Path(f"{path}-wal").exists()
    assert not Path(f"{path}-shm").exists()
    assert backups.list_backups(paths.backups_dir(home)) == []


def test_header_bytes_that_only_look_newer_are_damage_not_the_future(home):
    """A flipped user_version over known migrations: no newer Atelier wrote this."""
    path = _make_newer(home, "header_only")
    before = snapshot(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Store.open(home)
    assert "version plus récente" not in str(caught.value)
    assert f"version {schema.SCHEMA_VERSION + 1}" in caught.value.details
    assert snapshot(path) == before


# --- device_id ---------------------------------------------------------------------

def test_device_id_is_a_uuid_and_stable_across_reopening(home):
    first = Store.open(home)
    first.close()
    second = Store.open(home)
    try:
        assert second.device_id == first.device_id
        assert settings.get(second.db, settings.DEVICE_ID) == first.device_id
        assert len(first.device_id) == 36 and first.device_id.count("-") == 4
    finally:
        second.close()


def test_a_copied_file_gets_a_new_device_id(home, tmp_path):
    original = Store.open(home)
    person = people.add(original.db, Participant("Hélène"))
    original.close()
    elsewhere = tmp_path / "other-pc"
    elsewhere.mkdir()
    shutil.copy2(paths.database_path(home), paths.database_path(elsewhere))

    copy = Store.open(elsewhere)
    try:
        assert copy.device_id != original.device_id
        assert people.get(copy.db, person.id).first_name == "Hélène"
    finally:
        copy.close()
    again = Store.open(home)  # the original keeps its own
    try:
        assert again.device_id == original.device_id
    finally:
        again.close()


def test_a_restored_file_gets_a_new_device_id(home):
    first = Store.open(home)
    backup = first.backup()
    first.close()
    restore(backup.path, home)
    after = Store.open(home)
    try:
        assert after.device_id != first.device_id
    finally:
        after.close()


# --- damage ------------------------------------------------------------------------

def test_a_damaged_file_is_refused_untouched_with_the_latest_good_backup(home, damage):
    store = Store.open(home)
    fill(store, 300)
    older = store.backup("manual")
    store.close()
    path = paths.database_path(home)
    damage(path)
    assert database.quick_check(path) != "ok"
    before = snapshot(path)

    with pytest.raises(DamagedDatabaseError) as caught:
        Store.open(home)
    message = str(caught.value)
    assert "abîmé" in message and "rien n'a été effacé" in message
    assert str(older.path) in message
    assert "atelier restore" in message
    assert caught.value.path == path and caught.value.details
    assert caught.value.backup.path == older.path
    assert snapshot(path) == before
    assert not Path(f"{path}-wal").exists()
    assert not Path(f"{path}-shm").exists()


def test_the_advice_skips_a_damaged_backup(home, damage):
    store = Store.open(home)
    fill(store, 300)
    good = store.backup("manual")
    store.close()
    newest_path = paths.backups_dir(home) / "atelier-29990101-000000-manual.db"
    shutil.copy2(good.path, newest_path)
    damage(newest_path)
    damage(paths.database_path(home), seed=2)

    with pytest.raises(DamagedDatabaseError) as caught:
        Store.open(home)
    assert str(good.path) in str(caught.value)
    assert str(newest_path) not in str(caught.value)


def test_a_damaged_file_without_backups_says_so(home, damage):
    store = Store.open(home)
    fill(store, 300)
    store.close()
    damage(paths.database_path(home))
    with pytest.raises(DamagedDatabaseError) as caught:
        Store.open(home)
    assert "Aucune sauvegarde en bon état" in str(caught.value)


def test_a_file_that_is_not_a_database_at_all_is_reported_as_damaged(home):
    Store.open(home).close()
    path = paths.database_path(home)
    path.write_bytes(b"ceci n'est pas une base de donnees" * 200)
    before = snapshot(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        Store.open(home)
    assert "abîmé" in str(caught.value)
    assert snapshot(path) == before


def test_damage_in_the_migrations_table_is_reported_as_damaged(home, damage):
    store = Store.open(home)
    fill(store, 10)
    store.close()
    path = paths.database_path(home)
    # its first two pages: the table and its index, both read by the version check
    damage(path, table=schema.MIGRATIONS_TABLE, pages=2)
    before = snapshot(path)
    with pytest.raises(DamagedDatabaseError):
        Store.open(home)
    assert snapshot(path) == before


def test_the_reader_sees_only_committed_data_and_cannot_write(home):
    from atelier import settings

    store = Store.open(home)
    try:
        with store.db.atomic():
            settings.put(store.db, settings.SITE, "Maison des Tilleuls")
            assert settings.get(store.db, settings.SITE) == "Maison des Tilleuls"
            assert settings.get(store.reader, settings.SITE) is None  # not committed yet
        assert settings.get(store.reader, settings.SITE) == "Maison des Tilleuls"
        with pytest.raises(sqlite3.OperationalError):
            settings.put(store.reader, settings.SITE, "écrit par erreur")
    finally:
        store.close()
