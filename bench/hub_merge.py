"""The coordinator's merge of many devices' files, against a raw sqlite3 executemany of
the same rows into the same table.

Each device's file holds copies of one real payload (a real session closed by the
core) under their own summary ids, written into a folder hub in a temporary folder.
Atelier's side is ``coordinator.pull`` into a fresh coordinator database: list, read,
check the hash and the shape of every entry, merge each file and its checkpoint in
one transaction. The raw side inserts the very same rows (the payloads already as
text) in one transaction, into a table made by the coordinator's own CREATE TABLE and
CREATE INDEX statements (read from its database), on a connection with the pragmas
every connection of Atelier has (WAL, synchronous=FULL): the difference is Atelier's
work, not the storage. One run each: a merge is long.
"""

import json
import os
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path

from bench import Ratio

DEVICES = int(os.environ.get("BENCH_HUB_DEVICES", "100"))
PER_DEVICE = int(os.environ.get("BENCH_HUB_SUMMARIES", "5000"))
SITE = "maison-des-tilleuls"
NOW = "2026-03-03T16:00:00+00:00"

HOUSE_PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL")  # atelier.db.connect's


def coordinator_ddl(db) -> list[str]:
    """The CREATE TABLE and CREATE INDEX statements of hub_summaries, as the migration made them."""
    return [sql for (sql,) in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'hub_summaries' AND sql IS NOT NULL "
        "ORDER BY type = 'index', name")]


def real_payload(folder: Path) -> tuple[str, dict]:
    from atelier.store import Store
    from tests.sync_helpers import closed_sessions

    store = Store.open(folder)
    try:
        closed_sessions(store.db, 1)
        kind, text = store.db.execute("SELECT kind, payload FROM outbox ORDER BY seq LIMIT 1").fetchone()
    finally:
        store.close()
    return kind, json.loads(text)


def write_hub(root: Path, kind: str, real: dict) -> list[tuple]:
    """One file per device in a folder hub; returns the rows the merge should hold."""
    from atelier.sync import push as pushing
    from atelier.sync.folder import FolderHub
    from atelier.sync.outbox import Outgoing, canonical

    hub = FolderHub(root)
    rows = []
    for _ in range(DEVICES):
        device_id = str(uuid.uuid4())
        epoch = pushing.epoch_for(device_id)
        ids = [str(uuid.uuid4()) for _ in range(PER_DEVICE)]
        texts = [canonical({**real, "summary_id": i}) for i in ids]
        entries = [Outgoing(n, i, kind, 1, text.encode()) for n, (i, text) in enumerate(zip(ids, texts))]
        data = pushing.encode(device_id, epoch, 1, entries)
        name = pushing.file_name(epoch, 1, data)
        hub.put_new([SITE, device_id], name, data)
        rows += [(i, SITE, device_id, kind, 1, text, name, NOW) for i, text in zip(ids, texts)]
    return rows


def run(home: Path) -> list[Ratio]:
    from atelier.store import Store
    from atelier.sync import coordinator
    from atelier.sync.folder import FolderHub

    total = DEVICES * PER_DEVICE
    print(f"\n== Fusion de la coordination : {DEVICES} postes × {PER_DEVICE} résumés ({total} résumés) ==")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("device", "hub", "coordination"):
            (root / name).mkdir()
        kind, real = real_payload(root / "device")
        started = time.perf_counter()
        rows = write_hub(root / "hub", kind, real)
        print(f"{'(fichiers écrits en':28}{(time.perf_counter() - started):>7.1f} s)")

        store = Store.open(root / "coordination")
        try:
            ddl = coordinator_ddl(store.db)
        finally:
            store.close()
        conn = sqlite3.connect(root / "raw.db")
        try:
            for statement in (*HOUSE_PRAGMAS, *ddl):
                conn.execute(statement)
            started = time.perf_counter()
            with conn:
                conn.executemany("INSERT INTO hub_summaries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            raw = time.perf_counter() - started
        finally:
            conn.close()

        store = Store.open(root / "coordination")
        try:
            started = time.perf_counter()
            report = coordinator.pull(store.db, FolderHub(root / "hub"))
            merged = time.perf_counter() - started
            held = store.db.execute("SELECT count(*) FROM hub_summaries").fetchone()[0]
        finally:
            store.close()
    assert (report.files_merged, report.summaries_new, held) == (DEVICES, total, total), report
    print(f"{'sqlite3 executemany brut':28}{raw * 1000:>7.0f} ms  {total} lignes, {len(ddl) - 1} index comme Atelier, WAL")
    print(f"{'Atelier (coordinator.pull)':28}{merged * 1000:>7.0f} ms  {report.files_merged} fichiers vérifiés et fusionnés")
    return [Ratio(f"Fusion {DEVICES}×{PER_DEVICE} résumés", merged * 1000, raw * 1000, "ms", goal=2.0)]
