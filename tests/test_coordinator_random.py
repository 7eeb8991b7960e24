"""Random interleavings of corrections, pushes from three devices and pulls: after every
pull the coordinator holds exactly what was sent, each summary once at its latest version."""

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from atelier import attendance, settings
from atelier.store import Store
from atelier.sync import coordinator, push as pushing
from atelier.sync.folder import FolderHub
from tests.sync_helpers import closed_sessions

DEVICES = 3
SESSIONS = 2

steps = st.lists(
    st.one_of(
        st.tuples(st.just("correct"), st.integers(0, DEVICES - 1), st.integers(0, SESSIONS - 1), st.booleans()),
        st.tuples(st.just("push"), st.integers(0, DEVICES - 1)),
        st.tuples(st.just("pull")),
    ),
    max_size=14,
)


def sent_latest(stores) -> dict:
    latest = {}
    for store in stores:
        for summary_id, version, payload in store.db.execute(
                "SELECT summary_id, max(version), payload FROM outbox WHERE seq NOT IN (SELECT seq FROM outbox_pending) "
                "GROUP BY summary_id"):
            latest[summary_id] = (version, json.loads(payload))
    return latest


def held(store) -> dict:
    return {summary_id: (version, json.loads(payload)) for summary_id, version, payload in
            store.db.execute("SELECT summary_id, version, payload FROM hub_summaries")}


@hypothesis_settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_random_pushes_and_pulls_end_with_every_summary_at_its_latest_version(plan):
    folder = Path(tempfile.mkdtemp(prefix="atelier-coordinator-"))
    stores, boss = [], None
    try:
        (folder / "hub").mkdir()
        hub = FolderHub(folder / "hub")
        made = []
        for index in range(DEVICES):
            store = Store.open(folder / f"device-{index}")
            settings.put(store.db, settings.SITE, "Site A" if index < 2 else "Site B")
            made.append(closed_sessions(store.db, SESSIONS, first_day=date(2026, 5, 4 + index)))
            stores.append(store)
        boss = Store.open(folder / "coordination")

        def push(index):
            store = stores[index]
            assert pushing.push(store.db, hub, settings.get(store.db, settings.SITE), store.device_id).error is None

        def pull():
            coordinator.pull(boss.db, hub)
            assert held(boss) == sent_latest(stores)

        for step in plan:
            if step[0] == "correct":
                _, index, session, absent = step
                who, sessions_made = made[index]
                attendance.mark(stores[index].db, sessions_made[session].id, who[0].id,
                                attendance.ABSENT if absent else attendance.PRESENT)
            elif step[0] == "push":
                push(step[1])
            else:
                pull()
        for index in range(DEVICES):
            push(index)
        pull()
        assert len(held(boss)) == DEVICES * SESSIONS
        assert coordinator.pull(boss.db, hub) == coordinator.PullReport()
        assert not [p for p in (folder / "hub").rglob("*") if p.name.endswith(".partial")]
    finally:
        for store in stores + ([boss] if boss is not None else []):
            store.close()
        shutil.rmtree(folder, ignore_errors=True)
