"""The device's push of 10,000 pending summaries to a real WebDAV server (wsgidav on
127.0.0.1), against a raw httpx PUT of the very same bytes.

The summaries are copies of one real payload (a real session closed by the core),
each under its own summary id, written straight into the outbox of a Store in a
temporary folder. A first push of that one real summary creates the device's folder,
as on any PC after its first sync. Atelier's run is the whole ``push``: gather
(reserve the file), send (list the folder for stale parts, PUT, MOVE) and confirm.
The HTTP requests of a run are counted twice: by the server (a WSGI wrapper) and by
the client (an httpx event hook). Alternate runs, medians. Each side opens its own
client inside its timing; Atelier's reuses the TLS context its program run loaded once
(``webdav.tls_context``, loaded by the first push), the raw side builds a fresh httpx
client as a plain ``httpx.put`` would (a few hundredths of a second here).
"""

import json
import os
import statistics
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

import httpx

from bench import Ratio

RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SUMMARIES = int(os.environ.get("BENCH_SYNC_SUMMARIES", "10000"))
SITE = "Maison des Tilleuls"


class Counting:
    """A WSGI wrapper that counts the requests the server answers, by method."""

    def __init__(self, app):
        self.app = app
        self.seen: Counter = Counter()

    def __call__(self, environ, start_response):
        self.seen[environ["REQUEST_METHOD"]] += 1
        return self.app(environ, start_response)


def queue_copies(db, count: int) -> int:
    """``count`` copies of the real summary in the outbox, each under its own id, pending."""
    from atelier.sync import outbox

    kind, text = db.execute("SELECT kind, payload FROM outbox ORDER BY seq LIMIT 1").fetchone()
    real = json.loads(text)
    rows = []
    for _ in range(count):
        summary_id = str(uuid.uuid4())
        rows.append((summary_id, kind, outbox.canonical({**real, "summary_id": summary_id}), "2026-03-03T16:00:00+00:00"))
    with db.atomic():
        db.executemany("INSERT INTO outbox(summary_id, kind, version, payload, queued_at) VALUES (?, ?, 1, ?, ?)", rows)
        db.execute("INSERT INTO outbox_pending(seq) SELECT seq FROM outbox ORDER BY seq DESC LIMIT ?", [count])
    return len(text)


def run(home: Path) -> list[Ratio]:
    from atelier import settings
    from atelier.store import Store
    from atelier.sync import push as pushing
    from atelier.sync.webdav import WebDavHub
    from tests.hub_server import PASSWORD, USER, running_dav_server
    from tests.sync_helpers import closed_sessions

    print(f"\n== Envoi de {SUMMARIES} résumés à un serveur WebDAV local ({RUNS} envois chacun, en alternance) ==")
    times: dict[str, list[float]] = {"atelier": [], "raw": []}
    requests: list[Counter] = []
    client_counts: list[int] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "dav").mkdir()
        (root / "home").mkdir()
        store = Store.open(root / "home")
        counting: Counting | None = None

        def wrap(app):
            nonlocal counting
            counting = Counting(app)
            return counting

        try:
            settings.put(store.db, settings.SITE, SITE)
            closed_sessions(store.db, 1)
            size = queue_copies(store.db, 0)
            with running_dav_server(root / "dav", wrap=wrap) as url:
                with WebDavHub(url, USER, PASSWORD) as hub:  # the device's folder, made once
                    assert pushing.push(store.db, hub, SITE, store.device_id).error is None
                queue_copies(store.db, SUMMARIES)
                first_copy = store.db.execute("SELECT max(seq) FROM outbox").fetchone()[0] - SUMMARIES
                data = b""
                for turn in range(RUNS):
                    store.db.execute("INSERT OR IGNORE INTO outbox_pending(seq) SELECT seq FROM outbox WHERE seq > ?", [first_copy])
                    counting.seen.clear()
                    sent: list[int] = []
                    started = time.perf_counter()
                    with WebDavHub(url, USER, PASSWORD) as hub:
                        hub.client.event_hooks["request"].append(lambda _request: sent.append(1))
                        report = pushing.push(store.db, hub, SITE, store.device_id)
                    times["atelier"].append(time.perf_counter() - started)
                    assert report.error is None and report.sent == SUMMARIES and report.pending == 0, report
                    requests.append(Counter(counting.seen))
                    client_counts.append(len(sent))
                    data = (root / "dav" / "atelier" / pushing.site_folder(SITE) / store.device_id / report.name).read_bytes()

                    started = time.perf_counter()
                    with httpx.Client(auth=httpx.BasicAuth(USER, PASSWORD), timeout=20) as client:
                        response = client.put(f"{url}raw-{turn}.json", content=data)
                    times["raw"].append(time.perf_counter() - started)
                    assert response.status_code in (200, 201, 204), response.status_code
        finally:
            store.close()
    median = {name: statistics.median(v) * 1000 for name, v in times.items()}
    served = requests[-1]
    print(f"{'httpx PUT brut':28}{median['raw']:>7.0f} ms  {len(data) / 1e6:.1f} Mo (un résumé : {size} octets)")
    print(f"{'Atelier (push)':28}{median['atelier']:>7.0f} ms  "
          f"requêtes par envoi, serveur : {sum(served.values())} ({', '.join(f'{m} {n}' for m, n in sorted(served.items()))}), "
          f"client : {client_counts[-1]}")
    return [
        Ratio(f"Envoi de {SUMMARIES} résumés", median["atelier"], median["raw"], "ms", goal=1.5),
        Ratio("Requêtes HTTP par envoi", max(sum(c.values()) for c in requests), 3, "req", goal=1.0),
    ]
