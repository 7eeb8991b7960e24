"""The device's push, with real closed sessions, a real folder hub and a real WebDAV server."""

import hashlib
import json
import shutil
import uuid
from datetime import date

import pytest

from atelier import attendance, paths, settings
from atelier.store import Store, restore
from atelier.sync import outbox, push as pushing
from atelier.sync.folder import FolderHub
from atelier.sync.hub import ALREADY_THERE, STORED
from atelier.sync.webdav import WebDavHub
from tests.hub_server import PASSWORD, USER, running_dav_server
from tests.sync_helpers import closed_sessions

NO_WAIT = {"sleep": lambda _seconds: None}


@pytest.fixture
def hub_root(tmp_path):
    root = tmp_path / "hub"
    root.mkdir()
    return root


def files_in(root) -> list:
    return sorted(p for p in (root / "atelier").rglob("*") if p.is_file()) if (root / "atelier").exists() else []


def run_push(store, root):
    return pushing.push(store.db, FolderHub(root), settings.get(store.db, settings.SITE), store.device_id, **NO_WAIT)


class Untouchable:
    """A hub that fails the test if anything asks it anything."""

    def __getattr__(self, name):
        raise AssertionError(f"the hub was asked {name} with nothing to send")


def test_site_folder_is_a_safe_slug():
    assert pushing.site_folder("Maison de Quartier des Tilleuls") == "maison-de-quartier-des-tilleuls"
    assert pushing.site_folder("  Médiathèque « Jules Verne » / Saint-Étienne ") == "mediatheque-jules-verne-saint-etienne"
    assert pushing.site_folder("") == pushing.site_folder(None) == pushing.site_folder("« »") == "site"
    assert pushing.site_folder("..") == "site"


def test_a_push_delivers_one_file_named_by_the_hash_of_its_bytes_and_marks_the_rows_sent(store, hub_root):
    settings.put(store.db, settings.SITE, "Médiathèque Jules Verne")
    _who, made = closed_sessions(store.db, 3)
    assert len(outbox.pending(store.db)) == 3
    report = run_push(store, hub_root)
    assert (report.sent, report.outcome, report.pending, report.error) == (3, STORED, 0, None)
    [delivered] = files_in(hub_root)
    assert delivered.parent == hub_root / "atelier" / "mediatheque-jules-verne" / store.device_id
    data = delivered.read_bytes()
    epoch, seq, digest = delivered.stem.split("-")
    assert digest == hashlib.sha256(data).hexdigest() and seq == "0000000001" and delivered.name == report.name
    document = json.loads(data)
    assert (document["format"], document["device_id"], document["epoch"], document["seq"]) == (1, store.device_id, epoch, 1)
    assert [e["summary_id"] for e in document["entries"]] == [s.id for s in made]
    assert all(e["version"] == 1 and e["kind"] and e["payload"]["summary_id"] == e["summary_id"] for e in document["entries"])
    assert outbox.pending(store.db) == []
    assert store.db.execute("SELECT count(*) FROM outbox_pending").fetchone()[0] == 0
    assert settings.get(store.db, pushing.SEQ) == "1" and settings.get(store.db, pushing.LAST_SUCCESS)

    again = pushing.push(store.db, Untouchable(), "x", store.device_id)  # nothing pending: no request at all
    assert (again.sent, again.name, again.error) == (0, None, None)
    assert files_in(hub_root) == [delivered]


def test_gathering_reserves_the_file_once_and_gathering_again_gives_the_same_bytes(store):
    closed_sessions(store.db, 2)
    first, second = (pushing.gather(store.db, "Site", store.device_id) for _ in range(2))
    assert (first.name, first.data, first.rows, first.seq) == (second.name, second.data, second.rows, 1)
    assert second.resent and not first.resent
    assert settings.get(store.db, pushing.SEQ) == "1"  # the seq moved at reservation, once
    held = json.loads(settings.get(store.db, pushing.IN_FLIGHT))
    assert (held["name"], held["seq"], held["rows"]) == (first.name, 1, list(first.rows))


def test_a_cut_push_then_a_new_version_never_reuses_a_seq_and_delivers_each_entry_once(store, hub_root, monkeypatch):
    who, made = closed_sessions(store.db, 1)
    real_confirm = pushing.confirm

    def cut(db, batch):
        raise RuntimeError("the power went off")

    monkeypatch.setattr(pushing, "confirm", cut)
    with pytest.raises(RuntimeError):
        run_push(store, hub_root)  # the hub stored file 1; the PC never heard it
    monkeypatch.setattr(pushing, "confirm", real_confirm)
    [stored] = files_in(hub_root)
    attendance.mark(store.db, made[0].id, who[1].id, attendance.ABSENT)  # a new version queued
    assert len(outbox.pending(store.db)) == 2
    first = run_push(store, hub_root)
    second = run_push(store, hub_root)
    delivered = files_in(hub_root)
    names = [p.name for p in delivered]
    assert len(names) == 2 and stored.name in names
    assert [n.split("-")[1] for n in names] == ["0000000001", "0000000002"]
    assert len({n.split("-")[1] for n in names}) == 2  # no seq under two hashes
    entries = [(e["summary_id"], e["version"]) for p in delivered for e in json.loads(p.read_bytes())["entries"]]
    assert sorted(entries) == [(made[0].id, 1), (made[0].id, 2)]  # each once
    assert (first.sent, first.pending, second.sent, second.name) == (2, 0, 0, None)
    assert outbox.pending(store.db) == [] and not settings.get(store.db, pushing.IN_FLIGHT)
    assert settings.get(store.db, pushing.SEQ) == "2"


def test_a_push_cut_after_the_hub_stored_the_file_is_confirmed_next_time_without_a_second_file(store, hub_root, monkeypatch):
    closed_sessions(store.db, 2)
    real_confirm = pushing.confirm
    calls = []

    def confirm_cut_once(db, batch):
        calls.append(batch.name)
        if len(calls) == 1:
            raise RuntimeError("the power went off")
        real_confirm(db, batch)

    monkeypatch.setattr(pushing, "confirm", confirm_cut_once)
    with pytest.raises(RuntimeError):
        run_push(store, hub_root)
    [stored] = files_in(hub_root)
    assert len(outbox.pending(store.db)) == 2  # the hub has it, but nothing was confirmed
    report = run_push(store, hub_root)
    assert (report.sent, report.outcome, report.name) == (2, ALREADY_THERE, stored.name)
    assert files_in(hub_root) == [stored] and outbox.pending(store.db) == []
    assert calls == [stored.name, stored.name]


def test_a_corrected_summary_goes_in_the_next_file(store, hub_root):
    who, made = closed_sessions(store.db, 2)
    first = run_push(store, hub_root)
    attendance.mark(store.db, made[0].id, who[1].id, attendance.ABSENT)  # corrected after closing
    requeued = {(e.summary_id, e.version) for e in outbox.pending(store.db)}
    assert (made[0].id, 2) in requeued  # (the second session's new people moved too)
    second = run_push(store, hub_root)
    assert second.sent == len(requeued) and second.name != first.name
    names = [p.name for p in files_in(hub_root)]
    assert names == sorted([first.name, second.name]) and second.name.split("-")[1] == "0000000002"
    document = json.loads(files_in(hub_root)[-1].read_bytes())
    assert {(e["summary_id"], e["version"]) for e in document["entries"]} == requeued
    said = {e["summary_id"]: e["payload"] for e in json.loads(files_in(hub_root)[0].read_bytes())["entries"]}
    now = {e["summary_id"]: e["payload"] for e in document["entries"]}
    assert now[made[0].id] != said[made[0].id]


def test_a_different_file_under_the_name_is_a_conflict_reported_and_the_rows_stay_pending(store, hub_root):
    closed_sessions(store.db, 1)
    batch = pushing.gather(store.db, "Site", store.device_id)
    FolderHub(hub_root).put_new(batch.parts, batch.name, b"someone else's bytes")
    report = run_push(store, hub_root)
    assert report.conflict and report.error and report.sent == 0 and report.pending == 1
    assert "Rien n'a été remplacé" in report.error or "remplac" in report.error
    assert settings.get(store.db, pushing.LAST_ERROR) == report.error
    assert len(outbox.pending(store.db)) == 1


def test_a_restored_backup_starts_a_new_epoch_and_never_reuses_a_name(home, hub_root):
    store = Store.open(home)
    try:
        closed_sessions(store.db, 2)
        backup = store.backup("manual")  # taken while both summaries were pending
        first = run_push(store, hub_root)
        old_device = store.device_id
    finally:
        store.close()
    restore(backup.path, home)
    store = Store.open(home)
    try:
        assert store.device_id != old_device
        assert len(outbox.pending(store.db)) == 2  # the backup did not know they went
        again = run_push(store, hub_root)
        assert again.sent == 2 and again.outcome == STORED
        assert again.name.split("-")[0] != first.name.split("-")[0]
        assert settings.get(store.db, pushing.EPOCH_DEVICE) == store.device_id
    finally:
        store.close()
    names = [p.name for p in files_in(hub_root)]
    assert len(names) == len(set(names)) == 2


def test_a_copied_database_gets_its_own_epoch_and_both_keep_syncing(home, tmp_path, hub_root):
    store = Store.open(home)
    try:
        closed_sessions(store.db, 2)
        run_push(store, hub_root)
    finally:
        store.close()
    elsewhere = tmp_path / "autre-pc"
    elsewhere.mkdir()
    shutil.copy(paths.database_path(home), paths.database_path(elsewhere))
    devices = []
    for folder in (home, elsewhere):
        opened = Store.open(folder)
        try:
            closed_sessions(opened.db, 1, first_day=date(2026, 6, 2))
            report = run_push(opened, hub_root)
            assert report.sent == 1 and report.error is None
            devices.append((opened.device_id, settings.get(opened.db, pushing.EPOCH)))
        finally:
            opened.close()
    assert devices[0] != devices[1] and devices[0][1] != devices[1][1]
    names = [p.name for p in files_in(hub_root)]
    assert len(names) == len(set(names)) == 3


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dav")
    with running_dav_server(folder) as url:
        yield url, folder


def test_a_push_to_a_real_webdav_server(store, served):
    closed_sessions(store.db, 2)
    site = f"site-{uuid.uuid4().hex[:6]}"
    with WebDavHub(served[0], USER, PASSWORD, timeout=5) as hub:
        report = pushing.push(store.db, hub, site, store.device_id, **NO_WAIT)
        assert (report.sent, report.outcome, report.error) == (2, STORED, None)
        assert pushing.push(store.db, hub, site, store.device_id).sent == 0
    [delivered] = list((served[1] / "atelier" / site / store.device_id).iterdir())
    assert delivered.name == report.name
    assert delivered.stem.endswith(hashlib.sha256(delivered.read_bytes()).hexdigest())


def test_a_wrong_password_is_said_in_french_and_never_kept(store, served, home):
    closed_sessions(store.db, 1)
    wrong = "pas-le-bon-mot-de-passe-987"
    with WebDavHub(served[0], USER, wrong, timeout=5) as hub:
        report = pushing.push(store.db, hub, "Site", store.device_id, **NO_WAIT)
    assert report.error and "mot de passe" in report.error and wrong not in report.error
    assert report.sent == 0 and len(outbox.pending(store.db)) == 1
    store.db.execute("PRAGMA wal_checkpoint(FULL)")
    for path in home.rglob("*"):
        if path.is_file():
            assert wrong.encode() not in path.read_bytes(), path
