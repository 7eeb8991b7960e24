"""The coordinator's pull: three real devices push real closed sessions to one hub (a
folder, and a real WebDAV server), a coordinator gathers them; tampered, garbage and
truncated files are refused with a reason, partial files unseen, a failed merge leaves
nothing behind."""

import hashlib
import json
import uuid
from datetime import date

import pytest

from atelier import attendance, settings
from atelier.store import Store
from atelier.sync import coordinator, push as pushing
from atelier.sync.folder import FolderHub
from atelier.sync.hub import HubError
from atelier.sync.webdav import WebDavHub
from tests.hub_server import PASSWORD, USER, running_dav_server
from tests.sync_helpers import closed_sessions

NO_WAIT = {"sleep": lambda _seconds: None}
SITES = ("Maison des Tilleuls", "Médiathèque Jules Verne", "Maison des Tilleuls")


@pytest.fixture
def devices(tmp_path):
    """Three devices (two at one site), each with closed sessions queued."""
    opened = []
    for index, site in enumerate(SITES):
        store = Store.open(tmp_path / f"device-{index}")
        settings.put(store.db, settings.SITE, site)
        who, made = closed_sessions(store.db, 2 + index, first_day=date(2026, 3, 2 + index))
        opened.append((store, who, made))
    yield opened
    for store, _who, _made in opened:
        store.close()


@pytest.fixture
def coordinator_store(tmp_path):
    store = Store.open(tmp_path / "coordination")
    yield store
    store.close()


@pytest.fixture
def hub_root(tmp_path):
    root = tmp_path / "hub"
    root.mkdir()
    return root


def push_all(devices, hub):
    for store, _who, _made in devices:
        report = pushing.push(store.db, hub, settings.get(store.db, settings.SITE), store.device_id, **NO_WAIT)
        assert report.error is None


def latest_versions(devices) -> dict:
    """What every device last said of each summary: (version, payload)."""
    latest = {}
    for store, _who, _made in devices:
        for summary_id, version, payload in store.db.execute(
                "SELECT summary_id, version, payload FROM outbox o WHERE version = "
                "(SELECT max(version) FROM outbox WHERE summary_id = o.summary_id)"):
            latest[summary_id] = (version, json.loads(payload))
    return latest


def held(store) -> dict:
    return {summary_id: (version, json.loads(payload)) for summary_id, version, payload in
            store.db.execute("SELECT summary_id, version, payload FROM hub_summaries")}


def snapshot(store) -> list:
    return [store.db.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
            for table in ("hub_summaries", "hub_checkpoints", "hub_files", "hub_rejects")]


def device_folder(root, store):
    return root / "atelier" / pushing.site_folder(settings.get(store.db, settings.SITE)) / store.device_id


def test_every_summary_once_at_its_latest_version_and_a_second_pull_changes_nothing(devices, coordinator_store, hub_root):
    hub = FolderHub(hub_root)
    push_all(devices, hub)
    report = coordinator.pull(coordinator_store.db, hub)
    assert report == coordinator.PullReport(files_merged=3, rejected=0, summaries_new=2 + 3 + 4, summaries_updated=0)
    assert held(coordinator_store) == latest_versions(devices)

    store, who, made = devices[1]
    attendance.mark(store.db, made[0].id, who[0].id, attendance.ABSENT)  # a roll corrected after closing
    push_all(devices, hub)
    again = coordinator.pull(coordinator_store.db, hub)
    assert again.files_merged == 1 and again.summaries_new == 0 and again.summaries_updated >= 1
    assert held(coordinator_store)[made[0].id][0] == 2
    assert held(coordinator_store) == latest_versions(devices)

    before = snapshot(coordinator_store)
    assert coordinator.pull(coordinator_store.db, hub) == coordinator.PullReport()
    assert snapshot(coordinator_store) == before

    state = coordinator.status(coordinator_store.db)
    assert [s["site"] for s in state["sites"]] == ["maison-des-tilleuls", "mediatheque-jules-verne"]
    by_device = {d["device_id"]: d for s in state["sites"] for d in s["devices"]}
    assert by_device[store.device_id]["files"] == 2 and state["summaries"] == 9 and state["rejects"] == []
    assert sum(d["summaries"] for d in by_device.values()) == 9
    assert by_device[store.device_id]["last_file"].split("-")[1] == "0000000002"


def test_an_older_or_equal_version_read_again_changes_nothing(devices, coordinator_store, hub_root):
    hub = FolderHub(hub_root)
    store, who, made = devices[0]
    push_all(devices[:1], hub)
    first = sorted(device_folder(hub_root, store).iterdir())[0]
    attendance.mark(store.db, made[0].id, who[0].id, attendance.ABSENT)
    push_all(devices[:1], hub)
    # The newer file is merged first (a synchronised folder may deliver it first) …
    newer = sorted(device_folder(hub_root, store).iterdir())[1]
    old_bytes = first.read_bytes()
    first.unlink()
    assert coordinator.pull(coordinator_store.db, hub).files_merged == 1
    version_now = held(coordinator_store)[made[0].id]
    # … then the older one shows up: it is merged as a file, but changes no summary.
    first.write_bytes(old_bytes)
    late = coordinator.pull(coordinator_store.db, hub)
    assert late.files_merged == 1 and late.summaries_updated == 0
    assert held(coordinator_store)[made[0].id] == version_now and version_now[0] == 2
    checkpoint = coordinator_store.db.execute("SELECT last_file, files FROM hub_checkpoints").fetchone()
    assert checkpoint == (newer.name, 2)  # by name, never by arrival


def named(data: bytes, epoch: str = "0badf00d", seq: int = 1) -> str:
    return f"{epoch}-{seq:010d}-{hashlib.sha256(data).hexdigest()}.json"


def test_tampered_garbage_truncated_and_misshapen_files_are_refused_and_the_others_merge(devices, coordinator_store, hub_root):
    hub = FolderHub(hub_root)
    push_all(devices, hub)
    store, _who, _made = devices[0]
    folder = device_folder(hub_root, store)
    [real] = list(folder.iterdir())
    data = real.read_bytes()
    document = json.loads(data)
    epoch = document["epoch"]

    tampered = data.replace(b'"present":2', b'"present":9')
    assert tampered != data
    (folder / real.name.replace("-0000000001-", "-0000000002-")).write_bytes(tampered)  # bytes changed, name kept
    garbage = b"\x00\xffnot json at all"
    (folder / named(garbage, epoch, 3)).write_bytes(garbage)
    truncated = data[: len(data) // 2]
    (folder / real.name.replace("-0000000001-", "-0000000004-")).write_bytes(truncated)
    cut_but_named = truncated
    (folder / named(cut_but_named, epoch, 5)).write_bytes(cut_but_named)
    first_entry = document["entries"][0]
    short = {key: first_entry["payload"][key] for key in ("schema", "kind", "summary_id")}
    bad_payload = dict(document, seq=6, entries=[dict(first_entry, payload=short)])
    bad_payload_bytes = json.dumps(bad_payload).encode()
    (folder / named(bad_payload_bytes, epoch, 6)).write_bytes(bad_payload_bytes)
    other_device = dict(document, seq=7, device_id=str(uuid.uuid4()))
    other_bytes = json.dumps(other_device).encode()
    (folder / named(other_bytes, epoch, 7)).write_bytes(other_bytes)
    (folder / "notes.json").write_bytes(b"{}")
    (folder / (named(b"half", epoch, 8) + ".partial")).write_bytes(b"half")  # a write under way

    report = coordinator.pull(coordinator_store.db, hub)
    assert report.files_merged == 3 and report.rejected == 7
    assert held(coordinator_store) == latest_versions(devices)
    reasons = dict(coordinator_store.db.execute("SELECT file, reason FROM hub_rejects"))
    assert len(reasons) == 7 and not any(name.endswith(".partial") for name in reasons)
    by_seq = {name.split("-")[1]: reason for name, reason in reasons.items() if name != "notes.json"}
    assert "empreinte différente du nom" in by_seq["0000000002"]
    assert "fichier illisible" in by_seq["0000000003"]
    assert "empreinte différente du nom" in by_seq["0000000004"]
    assert "fichier illisible" in by_seq["0000000005"]
    assert "schéma" in by_seq["0000000006"] and "champs manquants" in by_seq["0000000006"]
    assert "autre poste" in by_seq["0000000007"]
    assert "nom de fichier inattendu" in reasons["notes.json"]
    assert held(coordinator_store)[document["entries"][0]["summary_id"]][1]["present"] == 2

    before = snapshot(coordinator_store)  # refused once: not read again, not counted again
    assert coordinator.pull(coordinator_store.db, hub) == coordinator.PullReport()
    assert snapshot(coordinator_store) == before
    rejects = coordinator.status(coordinator_store.db)["rejects"]
    assert len(rejects) == 7 and all(r["reason"] and r["site"] == "maison-des-tilleuls" for r in rejects)


def test_a_checkpoint_only_moves_with_its_merge(devices, coordinator_store, hub_root, monkeypatch):
    hub = FolderHub(hub_root)
    push_all(devices[:1], hub)
    real_advance = coordinator.advance_checkpoint
    calls = []

    def fail_once(*args):
        calls.append(args)
        if len(calls) == 1:
            raise OSError("disk full, say")  # after the summaries were written, inside the transaction
        return real_advance(*args)

    monkeypatch.setattr(coordinator, "advance_checkpoint", fail_once)
    with pytest.raises(OSError):
        coordinator.pull(coordinator_store.db, hub)
    assert snapshot(coordinator_store) == [[], [], [], []]  # nothing of that file kept
    report = coordinator.pull(coordinator_store.db, hub)
    assert report.files_merged == 1 and report.summaries_new == 2
    assert held(coordinator_store) == latest_versions(devices[:1])


class FailingReads:
    """A hub that lists fine but whose reads fail: nothing may advance."""

    def __init__(self, hub):
        self.hub = hub

    def list(self, parts):
        return self.hub.list(parts)

    def read(self, parts, name):
        raise HubError("Le serveur ne répond pas.", transient=True)


def test_a_hub_that_fails_raises_and_advances_nothing(devices, coordinator_store, hub_root):
    hub = FolderHub(hub_root)
    push_all(devices, hub)
    with pytest.raises(HubError):
        coordinator.pull(coordinator_store.db, FailingReads(hub), **NO_WAIT)
    assert snapshot(coordinator_store) == [[], [], [], []]
    assert coordinator.pull(coordinator_store.db, hub).files_merged == 3


def test_no_hub_folder_yet_is_an_empty_pull(coordinator_store, hub_root):
    assert coordinator.pull(coordinator_store.db, FolderHub(hub_root)) == coordinator.PullReport()


def test_a_pull_from_a_real_webdav_server(devices, coordinator_store, tmp_path):
    folder = tmp_path / "dav"
    folder.mkdir()
    with running_dav_server(folder) as url:
        with WebDavHub(url, USER, PASSWORD, timeout=5) as hub:
            push_all(devices, hub)
            store, who, made = devices[2]
            attendance.mark(store.db, made[1].id, who[1].id, attendance.ABSENT)
            push_all(devices, hub)
            (device_folder(folder, store) / "abc.part-123").write_bytes(b"half")  # an upload under way
            report = coordinator.pull(coordinator_store.db, hub)
            assert report.files_merged == 4 and report.rejected == 0 and report.summaries_new == 9
            assert held(coordinator_store) == latest_versions(devices)
            assert coordinator.pull(coordinator_store.db, hub) == coordinator.PullReport()
