"""Erasure means erased: the rows, the name in free text and in stored summaries, the
bytes in the file, and a restored backup never brings the person back."""

import json
import subprocess
from pathlib import Path

import pytest

from atelier import attendance, backups, erasure, erasure_log, paths, people, sessions, settings
from atelier.db import connect
from atelier.mentions import ERASED
from atelier.people import Participant
from atelier.sessions import Session
from atelier.store import Store, restore
from atelier.sync import outbox, summaries

NAME = ("Zéphyrine", "Quillebœuf")  # a name found nowhere else in the file
NAME_BYTES = [part.encode() for part in NAME]


def bytes_on_disk(home: Path) -> bytes:
    """Everything SQLite keeps of the database: the file and its write-ahead log."""
    db = paths.database_path(home)
    return b"".join(Path(f"{db}{suffix}").read_bytes() for suffix in ("", "-wal")
                    if Path(f"{db}{suffix}").exists())


def world(db):
    """Zéphyrine came to a closed session whose notes name her; Bernard's notes too.
    Named summaries are on: the outbox holds her name as well."""
    settings.set_named_summaries(db, True)
    zephyrine = people.add(db, Participant(*NAME, phone="06 12 34 56 78", notes="Très curieuse."))
    bernard = people.add(db, Participant("Bernard", "Roux", notes=f"Vient avec {NAME[0]} {NAME[1]} le mardi."))
    session = sessions.add(db, Session("2026-03-12", "14:00", "16:00", place="Salle des fêtes"))
    for person in (zephyrine, bernard):
        attendance.mark(db, session.id, person.id, attendance.PRESENT)
    summaries.close_session(db, session.id, f"{NAME[1].upper()} {NAME[0]} a réussi le glisser-déposer.")
    return zephyrine, bernard, session


def test_every_connection_has_secure_delete_on(store, tmp_path):
    other = connect(tmp_path / "other.db")
    try:
        for db in (store.db, store.reader, other):
            assert db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        other.close()


def test_erased_bytes_are_left_nowhere_in_the_files(store, home):
    zephyrine, bernard, session = world(store.db)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert all(part in bytes_on_disk(home) for part in NAME_BYTES)  # the test can see them

    erasure.erase(store.db, zephyrine.id)

    on_disk = bytes_on_disk(home)
    assert not any(part in on_disk for part in NAME_BYTES)
    assert b"06 12 34 56 78" not in on_disk and b"Tr\xc3\xa8s curieuse" not in on_disk
    assert people.get(store.db, bernard.id).notes == f"Vient avec {ERASED} le mardi."
    assert sessions.get(store.db, session.id).notes == f"{ERASED} a réussi le glisser-déposer."


def test_without_secure_delete_the_bytes_would_stay(home):
    """The check above can fail: with secure_delete off, SQLite leaves the deleted row's
    bytes in the page's free space."""
    store = Store.open(home)
    try:
        store.db.execute("PRAGMA secure_delete=OFF")
        person = people.add(store.db, Participant(*NAME))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        people.erase(store.db, person.id)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert any(part in bytes_on_disk(home) for part in NAME_BYTES)
    finally:
        store.close()


def test_the_summaries_follow_and_no_stored_version_keeps_the_name(store):
    zephyrine, bernard, session = world(store.db)
    first = outbox.latest_payload(store.db, session.id)
    assert {"first_name": NAME[0], "last_name": NAME[1]}.items() <= next(
        p for p in first["participants"] if p.get("last_name") == NAME[1]).items()

    erasure.erase(store.db, zephyrine.id)

    newest = outbox.latest_payload(store.db, session.id)
    assert newest["present"] == 1 and [p["last_name"] for p in newest["participants"]] == ["Roux"]
    payloads = [row[0] for row in store.db.execute("SELECT payload FROM outbox")]
    assert len(payloads) == 2 and not any(NAME[1] in text for text in payloads)
    assert json.loads(payloads[0])["present"] == 2  # the old version still counts what it counted


def test_the_notes_can_be_kept_as_they_were(store):
    zephyrine, bernard, session = world(store.db)
    erasure.erase(store.db, zephyrine.id, replace_names=False)
    assert NAME[0] in people.get(store.db, bernard.id).notes
    assert [e.action for e in erasure_log.read(erasure_log.path_for(store.db))] == [erasure_log.ERASE_ROWS]


def test_the_log_holds_ids_only(store, home):
    zephyrine, bernard, _session = world(store.db)
    erasure.erase(store.db, zephyrine.id)
    text = paths.erasure_log(home).read_text("utf-8")
    assert text.endswith(f" erase {zephyrine.id}\n") and text.count("\n") == 1
    assert NAME[0] not in text and NAME[1] not in text and "Roux" not in text


def test_a_line_cut_by_a_power_failure_is_skipped_and_the_next_one_kept(store, home):
    first, second = (people.add(store.db, Participant(f"P{n}")) for n in range(2))
    erasure.erase(store.db, first.id)
    log = paths.erasure_log(home)
    log.write_bytes(log.read_bytes() + b"2026-11-27T10:00:00+00:00 era")  # torn mid-line
    erasure.erase(store.db, second.id)
    assert [e.participant_id for e in erasure_log.read(log)] == [first.id, second.id]


def test_a_log_that_cannot_be_written_refuses_the_erasure_in_french(store, home):
    zephyrine, bernard, _session = world(store.db)
    paths.erasure_log(home).mkdir()  # a folder where the log should be
    with pytest.raises(erasure_log.ErasureLogError) as refused:
        erasure.erase(store.db, zephyrine.id)
    assert "Rien n'a été effacé" in str(refused.value) and "dossier" in str(refused.value)
    assert "Errno" not in str(refused.value)
    assert people.get(store.db, zephyrine.id).last_name == NAME[1]
    assert NAME[0] in people.get(store.db, bernard.id).notes


def test_a_full_disk_refuses_the_erasure_and_keeps_everything(tmp_path):
    """The data folder on a real, tiny filesystem, filled up: the erasure fails with a
    French message and nothing is half done."""
    home = tmp_path / "small"
    home.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(home)],
                             capture_output=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip("no way to mount a small tmpfs here (needs root): cannot fill a real disk")
    try:
        store = Store.open(home)
        try:
            zephyrine, bernard, _session = world(store.db)
            store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            filler = home / "filler"
            with open(filler, "wb", buffering=0) as handle:  # unbuffered: every byte the disk takes
                for size in (4096, 1):
                    try:
                        while True:
                            handle.write(b"\0" * size)
                    except OSError:
                        pass
            with pytest.raises(erasure_log.ErasureLogError) as refused:
                erasure.erase(store.db, zephyrine.id)
            assert "le disque est plein" in str(refused.value) and "Errno" not in str(refused.value)
            filler.unlink()
            assert people.get(store.db, zephyrine.id).first_name == NAME[0]
            assert NAME[0] in people.get(store.db, bernard.id).notes
            assert erasure.erase(store.db, zephyrine.id)["participants"] == 1  # room again: it goes
        finally:
            store.close()
    finally:
        subprocess.run(["umount", str(home)], check=True, timeout=30)


def test_restoring_a_backup_taken_before_the_erasure_does_not_bring_the_person_back(home):
    store = Store.open(home)
    zephyrine, bernard, session = world(store.db)
    backup = store.backup("manual")
    assert any(part in backup.path.read_bytes() for part in NAME_BYTES)  # the old copy holds her
    erasure.erase(store.db, zephyrine.id)
    store.close()

    restore(backup.path, home)  # the real restore path: the command line's and the program's

    after = Store.open(home)
    try:
        with pytest.raises(KeyError):
            people.get(after.db, zephyrine.id)
        assert people.get(after.db, bernard.id).notes == f"Vient avec {ERASED} le mardi."
        assert sessions.get(after.db, session.id).notes == f"{ERASED} a réussi le glisser-déposer."
        assert outbox.latest_payload(after.db, session.id)["present"] == 1
        newest = after.db.execute("SELECT max(version) FROM outbox WHERE summary_id = ?", [session.id]).fetchone()[0]
        assert newest > settings.VERSION_STEP  # above the restored copy's floor: no version the original sent
    finally:
        after.close()
    assert not any(part in bytes_on_disk(home) for part in NAME_BYTES)


def test_a_backup_put_in_place_by_hand_is_erased_again_at_the_next_start(home):
    """Whoever copies an old file over the data file (not through restore): the next
    opening re-erases, even when the window opens before the start-up check."""
    store = Store.open(home)
    zephyrine, _bernard, _session = world(store.db)
    backup = store.backup("manual")
    erasure.erase(store.db, zephyrine.id)
    store.close()
    path = paths.database_path(home)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(backup.path.read_bytes())

    reopened = Store.open(home, check=False)
    try:
        assert reopened.checked, "the erasure waited for the check, as every write at opening does"
        assert people.count(reopened.db) == 1
        assert erasure.outstanding(reopened.db) == []
    finally:
        reopened.close()


def test_opening_with_nothing_to_do_again_writes_nothing(home):
    store = Store.open(home)
    person = people.add(store.db, Participant("Anne"))
    erasure.erase(store.db, person.id)
    store.close()
    path = paths.database_path(home)
    before = path.read_bytes()
    Store.open(home, check=False).close()
    assert path.read_bytes() == before


def test_the_dialog_s_words_about_backups_follow_the_thinning_rules():
    words = erasure.about_backups()
    assert f"au plus tard après {backups.KEEP_MONTHLY} mois" in words
    assert "effacée à nouveau" in words


def test_the_plan_says_what_goes(store):
    zephyrine, _bernard, _session = world(store.db)
    plan = erasure.plan(store.db, zephyrine.id)
    assert erasure.items(plan.report) == ["1 fiche", "1 présence"]
    assert [m.where for m in plan.mentions] == ["Notes sur Bernard Roux", "Notes de la séance du 12/03/2026"]
