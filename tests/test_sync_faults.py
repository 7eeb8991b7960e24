"""The whole sync under faults: three real devices push real closed sessions through a
fault-injecting proxy in front of a real WebDAV server, a coordinator pulls; whatever
was refused, cut, dropped, delayed or delivered twice, once the faults stop every
summary is at the coordinator exactly once, at its latest version, nothing is left
pending, no ``.part`` stays. A clock a day off changes nothing; a restored backup and a
copied database keep syncing without ever writing a name twice."""

import hashlib
import itertools
import json
import re
import shutil
import sys
import uuid
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, event, given, settings as hsettings
from hypothesis import strategies as st

from atelier import attendance, clock, paths, settings
from atelier.store import Store, restore
from atelier.sync import coordinator, outbox, push as pushing
from atelier.sync.hub import STORED, HubError
from atelier.sync.webdav import WebDavHub
from tests.hub_proxy import FaultProxy
from tests.hub_server import PASSWORD, USER, running_dav_server
from tests.sync_helpers import closed_sessions

NO_WAIT = {"sleep": lambda _seconds: None}
SHORT_TIMEOUT = 0.12  # the proxy's "slow" answers come later than this
SLOW_SECONDS = 0.2
CALM_TIMEOUT = 10.0
NAME = re.compile(r"^(?P<epoch>[0-9a-f]+)-(?P<seq>[0-9]{10})-(?P<digest>[0-9a-f]{64})\.json$")
EXAMPLE_NUMBERS = itertools.count(1)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dav-sync-faults")
    with running_dav_server(folder) as url:
        yield url, folder


@pytest.fixture(scope="module")
def proxy(served):
    port = int(served[0].rsplit(":", 1)[1].strip("/"))
    with FaultProxy(port, slow_seconds=SLOW_SECONDS) as running:
        yield running


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    return tmp_path_factory.mktemp("sync-faults-stores")


class Example:
    """One run's own hub sub-folder on the shared server, its devices and coordinator."""

    def __init__(self, served, proxy, scratch, sessions_per_device=(1, 2, 1), first_days=None):
        self.key = f"run-{next(EXAMPLE_NUMBERS):04d}-{uuid.uuid4().hex[:6]}"
        self.served_url, self.served_folder = served
        self.proxy = proxy
        self.root = self.served_folder / self.key  # the hub's base folder for this run
        self.root.mkdir()
        self.folder = scratch / self.key
        self.sites = (f"Maison {self.key}", f"Médiathèque {self.key}", f"Maison {self.key}")  # two devices share a site
        self.devices = []
        first_days = first_days or [date(2026, 3, 2 + index) for index in range(3)]
        for index, site in enumerate(self.sites):
            store = Store.open(self.folder / f"device-{index}")
            settings.put(store.db, settings.SITE, site)
            who, made = closed_sessions(store.db, sessions_per_device[index], first_day=first_days[index])
            self.devices.append((store, who, made))
        self.coordination = Store.open(self.folder / "coordination")

    def close(self):
        for store, _who, _made in self.devices:
            store.close()
        self.coordination.close()

    def hub(self, through_proxy=True, timeout=CALM_TIMEOUT) -> WebDavHub:
        base = self.proxy.url if through_proxy else self.served_url
        return WebDavHub(base + self.key + "/", USER, PASSWORD, timeout=timeout)

    def parts(self, index):
        store = self.devices[index][0]
        return [pushing.site_folder(settings.get(store.db, settings.SITE)), store.device_id]

    def push(self, index, hub, **retry):
        store = self.devices[index][0]
        return pushing.push(store.db, hub, settings.get(store.db, settings.SITE), store.device_id, **NO_WAIT, **retry)

    def settle(self):
        """Faults off: push until nothing is pending, the devices' clean-up run, then pull."""
        self.proxy.plan()
        with self.hub(through_proxy=True) as hub:
            for index, (store, _who, _made) in enumerate(self.devices):
                for _attempt in range(4):
                    if pushing.pending_count(store.db) == 0:
                        break
                    report = self.push(index, hub)
                    assert report.error is None, report.error
                assert pushing.pending_count(store.db) == 0
                hub.clean_partials(self.parts(index))
        with self.hub(through_proxy=False) as direct:
            coordinator.pull(self.coordination.db, direct, **NO_WAIT)


def correct(store, who, made, session_index, person_index):
    """A roll corrected after closing: the mark flips, the summary gets a new version."""
    session = made[session_index % len(made)]
    person = who[person_index % len(who)]
    current = store.db.execute("SELECT status FROM attendance WHERE session_id = ? AND participant_id = ?",
                               [session.id, person.id]).fetchone()
    status = attendance.ABSENT if current and current[0] == attendance.PRESENT else attendance.PRESENT
    attendance.mark(store.db, session.id, person.id, status)


def latest_versions(stores) -> dict:
    """What the devices last said of each summary: (version, payload)."""
    latest = {}
    for store in stores:
        for summary_id, version, payload in store.db.execute(
                "SELECT summary_id, version, payload FROM outbox o WHERE version = "
                "(SELECT max(version) FROM outbox WHERE summary_id = o.summary_id)"):
            if summary_id not in latest or version > latest[summary_id][0]:
                latest[summary_id] = (version, json.loads(payload))
    return latest


def held(store) -> dict:
    return {summary_id: (version, json.loads(payload)) for summary_id, version, payload in
            store.db.execute("SELECT summary_id, version, payload FROM hub_summaries")}


def server_files(root):
    return sorted(p for p in (root / "atelier").rglob("*") if p.is_file()) if (root / "atelier").exists() else []


def check_converged(example: Example):
    stores = [store for store, _who, _made in example.devices]
    coordination = example.coordination.db
    expected = latest_versions(stores)
    assert held(example.coordination) == expected  # every summary, at its latest version and payload
    rows = coordination.execute("SELECT summary_id, count(*) FROM hub_summaries GROUP BY summary_id").fetchall()
    assert all(count == 1 for _id, count in rows) and len(rows) == len(expected)
    for store in stores:
        assert pushing.pending_count(store.db) == 0 and outbox.pending(store.db) == []
    files = server_files(example.root)
    assert [p.name for p in files if ".part" in p.name] == []
    assert coordination.execute("SELECT site, device_id, file, reason FROM hub_rejects").fetchall() == []
    merged = {(site, device, name) for site, device, name in coordination.execute(
        "SELECT site, device_id, file FROM hub_files")}
    on_server = {(p.parent.parent.name, p.parent.name, p.name) for p in files}
    assert merged == on_server
    for path in files:
        match = NAME.match(path.name)
        assert match and hashlib.sha256(path.read_bytes()).hexdigest() == match["digest"]


# 1. Randomised runs through the fault-injecting proxy

PUSH_FAULTS = st.tuples(
    st.sampled_from(["MKCOL", "PROPFIND", "PUT", "MOVE", "GET", "DELETE"]),
    st.sampled_from(["500", "503", "423", "429", "drop-before", "drop-after", "twice", "slow"]),
) | st.just(("PUT", "cut-upload"))
PULL_FAULTS = st.tuples(
    st.sampled_from(["PROPFIND", "GET"]),
    st.sampled_from(["500", "503", "423", "429", "drop-before", "drop-after", "twice", "slow"]),
)
PUSHES = st.tuples(st.just("push"), st.integers(0, 2), st.lists(PUSH_FAULTS, max_size=3), st.sampled_from([1, 2, 5]))
ACTIONS = st.one_of(  # pushes twice as likely: they meet most of the faults
    st.tuples(st.just("correct"), st.integers(0, 2), st.integers(0, 1), st.integers(0, 1)),
    PUSHES, PUSHES,
    st.tuples(st.just("pull"), st.booleans(), st.lists(PULL_FAULTS, max_size=2), st.sampled_from([1, 3])),
)

RUNS = {"examples": 0, "pushes": 0, "pushes_failed": 0, "pulls": 0, "pulls_failed": 0}  # counted across the runs


@hsettings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(actions=st.lists(ACTIONS, min_size=1, max_size=6))
def test_any_faults_between_pushes_corrections_and_pulls_end_with_every_summary_once_at_its_latest(
        served, proxy, scratch, actions):
    RUNS["examples"] += 1
    example = Example(served, proxy, scratch)
    try:
        for action in actions:
            if action[0] == "correct":
                _kind, index, session_index, person_index = action
                store, who, made = example.devices[index]
                correct(store, who, made, session_index, person_index)
            elif action[0] == "push":
                _kind, index, faults, attempts = action
                with example.hub(timeout=SHORT_TIMEOUT) as hub:
                    proxy.plan(*faults)
                    report = example.push(index, hub, attempts=attempts)
                    proxy.plan()
                RUNS["pushes"] += 1
                RUNS["pushes_failed"] += report.error is not None
                event("a push failed and waits for the next" if report.error else "a push went through")
                assert not report.conflict, report.error  # a name is never taken by other bytes
            else:
                _kind, through_proxy, faults, attempts = action
                with example.hub(through_proxy=through_proxy, timeout=SHORT_TIMEOUT) as hub:
                    proxy.plan(*faults)
                    RUNS["pulls"] += 1
                    try:
                        coordinator.pull(example.coordination.db, hub, attempts=attempts, **NO_WAIT)
                    except HubError:
                        RUNS["pulls_failed"] += 1  # retried at the next pull, as the program does
                        event("a pull failed and waits for the next")
                    proxy.plan()
        example.settle()
        check_converged(example)
    finally:
        proxy.plan()
        example.close()


def test_a_push_that_failed_after_the_server_stored_its_file_never_reuses_its_seq(served, proxy, scratch):
    """The connection drops after the server published the file (the device saw an error),
    a roll is corrected, the next push succeeds: the device's two files on the hub must
    carry two different seqs (a seq is never reused within an epoch)."""
    example = Example(served, proxy, scratch)
    try:
        store, who, made = example.devices[0]
        with example.hub(timeout=SHORT_TIMEOUT) as hub:
            proxy.plan(("MOVE", "drop-after"))
            failed = example.push(0, hub, attempts=1)
            proxy.plan()
        assert failed.error  # the device does not know the hub has the file
        correct(store, who, made, 0, 0)
        example.settle()
        check_converged(example)
        folder = example.root / "atelier" / example.parts(0)[0] / example.parts(0)[1]
        names = sorted(p.name for p in folder.iterdir())
        seqs = [NAME.match(name)["seq"] for name in names]
        assert len(names) == 2 and len(set(seqs)) == 2, f"one seq, two files: {names}"
    finally:
        proxy.plan()
        example.close()


# 2. Clock skew

@contextmanager
def clock_off_by(days: int):
    """Every module of the program that stamps with ``utc_now`` sees a clock ``days`` off."""
    original = clock.utc_now

    def skewed() -> str:
        return (datetime.now(timezone.utc) + timedelta(days=days)).isoformat(timespec="seconds")

    patched = []
    for name, module in list(sys.modules.items()):
        if (name == "atelier" or name.startswith("atelier.")) and getattr(module, "utc_now", None) is original:
            patched.append(module)
            module.utc_now = skewed
    try:
        yield
    finally:
        for module in patched:
            module.utc_now = original


def skewed_run(served, proxy, scratch, skews):
    """Devices made, corrected and pushed each under its clock; returns what the coordinator
    holds and what the hub got, with the random ids and hashes left out."""
    example = Example(served, proxy, scratch, sessions_per_device=(2, 2, 2))
    try:
        with example.hub(through_proxy=False) as hub:
            for step in range(2):
                for index, (store, who, made) in enumerate(example.devices):
                    with clock_off_by(skews[index]):
                        if step:
                            correct(store, who, made, index, step)
                        report = example.push(index, hub)
                        assert report.error is None
            with clock_off_by(skews[0]):
                coordinator.pull(example.coordination.db, hub)
        check_converged(example)
        for index, (store, _who, _made) in enumerate(example.devices):  # the clocks were really off
            stamped = datetime.fromisoformat(settings.get(store.db, pushing.LAST_SUCCESS))
            off = (stamped - datetime.now(timezone.utc)).total_seconds() / 86400
            assert abs(off - skews[index]) < 0.1, (index, off)
        device_index = {store.device_id: index for index, (store, _w, _m) in enumerate(example.devices)}
        summaries = sorted(
            (device_index[device_id], payload["date"], version, normalised(payload))
            for device_id, version, payload in (
                (d, v, json.loads(p)) for d, v, p in example.coordination.db.execute(
                    "SELECT device_id, version, payload FROM hub_summaries")))
        files = []
        for index in range(3):
            folder = example.root / "atelier" / example.parts(index)[0] / example.parts(index)[1]
            names = sorted(p.name for p in folder.iterdir())
            documents = [json.loads((folder / name).read_bytes()) for name in names]
            assert [d["seq"] for d in documents] == list(range(1, len(names) + 1))  # name order is seq order
            files.append([(d["seq"], sorted((normalised(e["payload"])["date"], e["version"]) for e in d["entries"]))
                          for d in documents])
        checkpoints = [(device_index[d], files_count, last.split("-")[1]) for d, files_count, last in
                       example.coordination.db.execute("SELECT device_id, files, last_file FROM hub_checkpoints ORDER BY device_id")]
        return summaries, files, sorted(checkpoints)
    finally:
        example.close()


def normalised(payload: dict) -> dict:
    kept = {k: v for k, v in payload.items() if k not in ("summary_id", "session_id", "participants")}
    kept["participants"] = len(payload.get("participants", []))
    return kept


def test_a_clock_a_day_ahead_or_behind_changes_nothing(served, proxy, scratch):
    right = skewed_run(served, proxy, scratch, (0, 0, 0))
    skewed = skewed_run(served, proxy, scratch, (0, 1, -1))
    assert skewed == right


# 3. A restored backup and a copied database

class RecordingHub:
    """The real hub, every name it was asked to store written down with the outcome."""

    def __init__(self, hub, written):
        self.hub = hub
        self.written = written

    def put_new(self, parts, name, data):
        outcome = self.hub.put_new(parts, name, data)
        self.written.append((tuple(parts), name, outcome, hashlib.sha256(data).hexdigest()))
        return outcome

    def __getattr__(self, name):
        return getattr(self.hub, name)


def restore_and_copy(served, proxy, scratch, restored_corrects_what_went):
    """The original pushes, is copied to another PC, then its backup is restored; both
    keep working and pushing. Returns the example, the stores' latest, the names written."""
    example = Example(served, proxy, scratch, sessions_per_device=(1, 1, 1))
    written = []
    home = example.folder / "poste-principal"
    elsewhere = example.folder / "autre-pc"
    elsewhere.mkdir(parents=True)
    site = f"Centre {example.key}"
    seen_latest = []
    try:
        with example.hub(through_proxy=True) as real_hub:
            proxy.plan()
            hub = RecordingHub(real_hub, written)
            original = Store.open(home)
            try:
                settings.put(original.db, settings.SITE, site)
                who, made = closed_sessions(original.db, 2)
                backup = original.backup("manual")  # taken while both summaries were pending
                assert pushing.push(original.db, hub, site, original.device_id, **NO_WAIT).error is None
                attendance.mark(original.db, made[0].id, who[1].id, attendance.ABSENT)
                assert pushing.push(original.db, hub, site, original.device_id, **NO_WAIT).error is None
                original_id = original.device_id
                seen_latest.append(latest_versions([original]))
                coordinator.pull(example.coordination.db, hub)  # the coordinator pulls as the days go
            finally:
                original.close()
            shutil.copy(paths.database_path(home), paths.database_path(elsewhere))
            restore(backup.path, home)

            ids = []
            for folder, step in ((home, "restored"), (elsewhere, "copy")):
                opened = Store.open(folder)
                try:
                    if step == "restored":
                        target = made[0] if restored_corrects_what_went else made[1]
                        attendance.mark(opened.db, target.id, who[0].id, attendance.ABSENT)
                    else:
                        target = made[1] if restored_corrects_what_went else made[0]
                        attendance.mark(opened.db, target.id, who[0].id, attendance.EXCUSED)
                    closed_sessions(opened.db, 1, first_day=date(2026, 6, 2 if step == "copy" else 9))
                    for _round in range(2):
                        report = pushing.push(opened.db, hub, site, opened.device_id, **NO_WAIT)
                        assert report.error is None and not report.conflict
                    assert pushing.pending_count(opened.db) == 0
                    seen_latest.append(latest_versions([opened]))
                    ids.append(opened.device_id)
                finally:
                    opened.close()
        with example.hub(through_proxy=False) as direct:
            coordinator.pull(example.coordination.db, direct)
        return example, made, (original_id, ids, seen_latest, written)
    except BaseException:
        example.close()
        raise


def expected_from(seen_latest):
    expected = {}
    for latest in seen_latest:
        for summary_id, (version, payload) in latest.items():
            if summary_id not in expected or version > expected[summary_id][0]:
                expected[summary_id] = (version, payload)
    return expected


def check_restore_and_copy(example, original_id, ids, seen_latest, written):
    restored_id, copy_id = ids
    assert len({original_id, restored_id, copy_id}) == 3  # the copy and the restore got new device ids
    folders = {p.name for p in (example.root / "atelier" / pushing.site_folder(f"Centre {example.key}")).iterdir()}
    assert folders == {original_id, restored_id, copy_id}  # … hence their own folders
    stored = [(parts, name) for parts, name, outcome, _digest in written if outcome == STORED]
    names = [name for _parts, name in stored]
    assert len(names) == len(set(names)), "a file name was written twice"
    by_name = {}
    for parts, name, _outcome, digest in written:
        assert by_name.setdefault(name, (parts, digest)) == (parts, digest), "one name, two files"
    epochs = {(parts[1], NAME.match(name)["epoch"]) for parts, name in stored}
    assert len(epochs) == len({epoch for _device, epoch in epochs}) == 3  # one epoch per device, none shared
    for device, device_names in itertools.groupby(sorted(stored, key=lambda s: s[0][1]), key=lambda s: s[0][1]):
        seqs = [NAME.match(name)["seq"] for _parts, name in device_names]
        assert len(seqs) == len(set(seqs)), f"a seq was used twice by {device}"
    # every summary at its latest version, as the devices last said it
    got = held(example.coordination)
    expected = expected_from(seen_latest)
    for summary_id, (version, _payload) in expected.items():  # no two devices said two things at one version
        said = {json.dumps(latest[summary_id][1], sort_keys=True) for latest in seen_latest
                if summary_id in latest and latest[summary_id][0] == version}
        assert len(said) == 1, summary_id
    assert {k: v[0] for k, v in got.items()} == {k: v[0] for k, v in expected.items()}
    assert got == expected
    assert example.coordination.db.execute("SELECT count(*) FROM hub_rejects").fetchone()[0] == 0


def test_a_restored_backup_and_a_copied_database_both_keep_syncing(served, proxy, scratch):
    """The restore corrects a session only it changes; the copy corrects another."""
    example, _made, rest = restore_and_copy(served, proxy, scratch, restored_corrects_what_went=False)
    try:
        check_restore_and_copy(example, *rest)
    finally:
        example.close()


def test_a_restored_backup_correcting_a_summary_the_original_already_sent_again_reaches_the_coordinator(
        served, proxy, scratch):
    """The restored database does not know the original sent version 2 of a session; its
    own correction of that session must still win at the coordinator."""
    example, made, rest = restore_and_copy(served, proxy, scratch, restored_corrects_what_went=True)
    try:
        _original_id, _ids, seen_latest, _written = rest
        _original, restored, _copy = seen_latest
        assert held(example.coordination)[made[0].id] == restored[made[0].id]
    finally:
        example.close()
