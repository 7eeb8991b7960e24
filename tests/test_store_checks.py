"""The start-up checks (quick_check on the worker, integrity_check on a thread of its
own) when the program closes under them: cut short, and never taken for damage."""

import threading
import time

import pytest

from atelier import groups, people, sessions
from atelier.store import Store


def test_a_quick_check_cut_short_says_nothing_and_checks_nothing(home, monkeypatch):
    from atelier import db as database

    Store.open(home).close()
    store = Store.open(home, check=False)
    opened = []
    reading = database.read_only
    monkeypatch.setattr(database, "read_only", lambda path: opened.append(path) or reading(path))
    try:
        assert not store.checked
        store.stop_checks()  # the window closed before the worker reached the check
        assert store.verify() is None
        assert not store.checked and store.damage is None
        assert opened == []  # not read at all: the closing window does not wait for it
    finally:
        store.close()


def test_the_quick_check_still_reads_the_file(home):
    Store.open(home).close()
    store = Store.open(home, check=False)
    try:
        assert store.verify() == "ok" and store.checked
    finally:
        store.close()


def _a_file_that_takes_a_while_to_check(store: Store) -> None:
    """Some 300,000 indexed rows: integrity_check reads them for about half a second."""
    with store.db.atomic():
        store.db.execute("CREATE TABLE bulk (a TEXT, b INTEGER)")
        store.db.execute("CREATE INDEX bulk_a ON bulk (a)")
        store.db.execute("CREATE INDEX bulk_b ON bulk (b)")
        store.db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
                         "INSERT INTO bulk SELECT hex(randomblob(8)), i FROM n")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_closing_interrupts_the_deep_check(store):
    _a_file_that_takes_a_while_to_check(store)
    started = time.perf_counter()
    assert store.deep_check() == "ok"
    whole = time.perf_counter() - started
    results = []
    checking = threading.Thread(target=lambda: results.append(store.deep_check()))
    started = time.perf_counter()
    checking.start()
    deadline = time.monotonic() + 5
    while not store._checking and time.monotonic() < deadline:  # until its connection is open
        time.sleep(0.001)
    store.stop_checks()
    checking.join()
    assert results == [None]
    assert time.perf_counter() - started < whole / 2
    assert store.damage is None


def test_a_deep_check_asked_after_closing_does_not_run(store):
    store.stop_checks()
    assert store.deep_check() is None



@pytest.mark.parametrize("record", ["participant", "group", "session"])
def test_one_record_of_any_kind_makes_the_file_not_empty(home, record):
    """is_empty looks for one row of each table (a count read every row at each start)."""
    store = Store.open(home)
    try:
        assert store.is_empty()
        if record == "participant":
            people.add(store.db, people.Participant(first_name="Odette"))
        elif record == "group":
            groups.add(store.db, groups.Group(name="Mardi matin"))
        else:
            sessions.add(store.db, sessions.Session(date="2026-03-03", start_time="14:00", end_time="16:00"))
        assert not store.is_empty()
    finally:
        store.close()
