"""The Coordination screen's figures over a large hub: 100 devices × 5,000 session summaries.

The coordinator's table is filled with copies of one real payload (a session closed by
the core), each under its own id, date (over four years) and eight people drawn from
20,000, at ten sites. Atelier's side is ``coordination.overview`` for the last twelve
months (every site and each one, from one pass: what the screen reads) and
``coordination.figures`` for one site; the reference is a bare SQLite query reading the
same fields of the same rows (the JSON parsed once per payload, nothing counted), the
floor any reading of the payloads pays.
"""

import hashlib
import json
import os
import random
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

from bench import Ratio

DEVICES = int(os.environ.get("BENCH_HUB_DEVICES", "100"))
PER_DEVICE = int(os.environ.get("BENCH_HUB_SUMMARIES", "5000"))
SITES = 10
PEOPLE = 20_000
TODAY = date(2026, 11, 27)


def fill(store, payload: dict) -> None:
    chance = random.Random(7)
    people = [hashlib.sha256(str(n).encode()).hexdigest() for n in range(PEOPLE)]
    first_day = TODAY - timedelta(days=4 * 365)
    rows = []
    for device in range(DEVICES):
        site, device_id = f"site-{device % SITES}", str(uuid.uuid4())
        for _ in range(PER_DEVICE):
            summary_id = str(uuid.uuid4())
            copy = dict(payload, summary_id=summary_id, session_id=summary_id,
                        date=(first_day + timedelta(days=chance.randrange(4 * 365))).isoformat(),
                        participants=[{"hash": h} for h in sorted(chance.sample(people, 8))], present=8)
            rows.append((summary_id, site, device_id, "session-summary", 1,
                         json.dumps(copy, sort_keys=True, separators=(",", ":")), "f.json", "2026-11-27T10:00:00+00:00"))
        if len(rows) >= 50_000:
            _insert(store.db, rows)
            rows = []
    _insert(store.db, rows)


def _insert(db, rows) -> None:
    with db.atomic():
        db.executemany("INSERT INTO hub_summaries VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def run(home: Path) -> list[Ratio]:
    from atelier.store import Store
    from atelier.sync import coordination
    from bench.hub_merge import real_payload

    total = DEVICES * PER_DEVICE
    print(f"\n== Chiffres de la coordination : {DEVICES} postes × {PER_DEVICE} résumés ({total} résumés) ==")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        _kind, payload = real_payload(root / "device")
        store = Store.open(root / "coordination")
        try:
            started = time.perf_counter()
            fill(store, payload)
            print(f"{'(table remplie en':28}{time.perf_counter() - started:>7.1f} s)")
            store.db.execute("SELECT sum(length(payload)) FROM hub_summaries").fetchone()  # both sides warm
            first, last = coordination.last_twelve_months(TODAY)
            sql = (f"SELECT s.site, json_extract(s.payload, '$.date'), json_extract(s.payload, '$.duration_minutes'), "
                   f"json_extract(s.payload, '$.present'), json_extract(s.payload, '$.participants') "
                   f"FROM hub_summaries s WHERE {coordination.held_sql('s')} "
                   f"AND json_extract(s.payload, '$.date') BETWEEN ? AND ?")
            started = time.perf_counter()
            read = len(store.db.execute(sql, [first.isoformat(), last.isoformat()]).fetchall())
            raw = time.perf_counter() - started
            started = time.perf_counter()
            seen = coordination.overview(store.db, first, last)
            overview = time.perf_counter() - started
            started = time.perf_counter()
            one = coordination.figures(store.db, first, last, "site-3")
            one_site = time.perf_counter() - started
        finally:
            store.close()
    everyone = seen.of(coordination.EVERY_SITE).total
    assert everyone.sessions == read and everyone.attendances == 8 * read, (everyone, read)
    print(f"{'lecture SQLite brute':28}{raw * 1000:>7.0f} ms  {read} résumés de la période")
    print(f"{'Atelier (overview)':28}{overview * 1000:>7.0f} ms  {everyone.sessions} séances, "
          f"{everyone.people} personnes, {len(seen.sites)} sites")
    print(f"{'Atelier (un site)':28}{one_site * 1000:>7.0f} ms  {one.total.sessions} séances")
    return [Ratio(f"Coordination {DEVICES}×{PER_DEVICE}", overview * 1000, raw * 1000, "ms", goal=2.5)]
