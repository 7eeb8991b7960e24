"""Opening the roll call of a 30-person group, in-process, with the five-year database.

A copy of the five-year file (the original stays as it is) gets one of today's groups
filled to 30 members; then the roll call is opened several times: from "open" to rows
ready is the query, the model and the widgets, laid out. The median is compared with
the issue's goal of 20 ms.
"""

import os
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from bench import Ratio

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
GOAL_MS = 20.0
SIZE = 30


def _fill(db) -> str:
    """A session today whose group now has 30 members; returns its id."""
    from atelier import groups

    session_id, group_id = db.execute(
        "SELECT id, group_id FROM sessions WHERE date = ? AND group_id IS NOT NULL AND status != 'cancelled' "
        "ORDER BY start_time LIMIT 1", [date.today().isoformat()]).fetchone()
    have = {p.id for p in groups.members(db, group_id)}
    others = [row[0] for row in db.execute(
        "SELECT id FROM participants WHERE archived_at IS NULL ORDER BY id LIMIT 200").fetchall() if row[0] not in have]
    for pid in others[:SIZE - len(have)]:
        groups.add_member(db, group_id, pid)
    return session_id


def run(home: Path) -> list[Ratio]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from atelier import sessions
    from atelier.store import Store
    from ui.app import make_app
    from ui.operations import Operations
    from ui.views.roll_call import RollCallView
    from ui.worker import Worker

    app = make_app([])
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder)
        shutil.copy2(home / "atelier.db", copy / "atelier.db")
        store = Store.open(copy, check=False)
        worker = Worker()
        try:
            session = sessions.get(store.db, _fill(store.db))
            ops = Operations(store, worker)
            times, rows = [], 0
            for _ in range(RUNS + 1):  # the first run warms the caches and is not counted
                started = time.perf_counter()
                view = RollCallView(ops, session)
                view.layout().activate()
                view.scroller.widget().layout().activate()
                times.append((time.perf_counter() - started) * 1000)
                rows = len(view.rows)
                view.deleteLater()
                app.processEvents()
            median = statistics.median(times[1:])
        finally:
            worker.stop()
            store.close()
    print(f"\n== Ouverture de l'appel ({rows} personnes, base de cinq ans) ==")
    print(f"médiane sur {RUNS} ouvertures : {median:.1f} ms (de {min(times[1:]):.1f} à {max(times[1:]):.1f} ms)")
    return [Ratio(f"appel de {rows} personnes", median, GOAL_MS, "ms", goal=1.0)]
