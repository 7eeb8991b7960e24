"""The outbox as a push reads it: payloads kept as their canonical text, the file built
by joining those texts, pending rows kept apart, and files from before that migrated."""

import json
import sqlite3

import jsonschema
from hypothesis import given, settings as hypothesis_settings, strategies as st

from atelier import schema
from atelier.store import Store
from atelier.sync import outbox, push as pushing, summaries
from tests.sync_helpers import closed_sessions

# Any text JSON can carry: accents, quotes, backslashes, control characters, U+2028, emoji.
texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=12,
)


def document(device_id, epoch, seq, rows) -> bytes:
    """What the file must be: the canonical JSON of its document, as json.dumps writes it."""
    return json.dumps({
        "format": 1, "device_id": device_id, "epoch": epoch, "seq": seq,
        "entries": [{"summary_id": s, "kind": k, "version": v, "payload": json.loads(p)} for _n, s, k, v, p in rows],
    }, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


@hypothesis_settings(max_examples=150, deadline=None)
@given(device_id=texts, epoch=texts, seq=st.integers(1, 10**9),
       entries=st.lists(st.tuples(texts, texts, st.integers(1, 10**9), st.dictionaries(texts, values, max_size=4)),
                        max_size=5))
def test_the_joined_file_is_the_canonical_json_of_its_document(device_id, epoch, seq, entries):
    rows = [outbox.Outgoing(n, summary_id, kind, version, outbox.canonical(payload).encode("utf-8"))
            for n, (summary_id, kind, version, payload) in enumerate(entries, start=1)]
    data = pushing.encode(device_id, epoch, seq, rows)
    assert data == document(device_id, epoch, seq, [(*row[:4], row.payload.decode("utf-8")) for row in rows])
    assert json.loads(data)["entries"] == [
        {"summary_id": s, "kind": k, "version": v, "payload": p} for s, k, v, p in entries]


def test_a_payload_is_stored_as_its_canonical_text_and_pushed_as_it_is(store):
    closed_sessions(store.db, 2)
    stored = store.db.execute("SELECT payload FROM outbox ORDER BY seq").fetchall()
    assert [text for (text,) in stored] == [outbox.canonical(json.loads(text)) for (text,) in stored]
    batch = pushing.gather(store.db, "Site", store.device_id)
    payloads = json.loads(batch.data)["entries"]
    assert [outbox.canonical(e["payload"]).encode() for e in payloads] == [text.encode() for (text,) in stored]
    assert all(text.encode() in batch.data for (text,) in stored)  # the very bytes, joined
    check = jsonschema.Draft202012Validator(json.loads(summaries.SCHEMA_FILE.read_text("utf-8")))
    for entry in payloads:
        check.validate(entry["payload"])


def test_a_row_is_pending_until_its_file_is_confirmed(store):
    closed_sessions(store.db, 2)
    assert outbox.pending_count(store.db) == 2 and [e.version for e in outbox.pending(store.db)] == [1, 1]
    batch = pushing.gather(store.db, "Site", store.device_id)
    assert outbox.pending_count(store.db) == 2  # reserved is not sent
    pushing.confirm(store.db, batch)
    assert outbox.pending_count(store.db) == 0 and outbox.pending(store.db) == []
    assert store.db.execute("SELECT count(*) FROM outbox").fetchone()[0] == 2  # kept, for later versions


def test_a_file_from_before_migrates_its_pending_rows_and_its_payloads(home, monkeypatch):
    """Rows written by an Atelier with outbox.sent_at and spaced JSON: the pending stay
    pending, the sent stay sent, every payload becomes its canonical text."""
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:3])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    old = Store.open(home)
    payloads = [{"schema": 1, "kind": "session-summary", "summary_id": f"s{n}", "place": "Médiathèque « Jules Verne »",
                 "present": n} for n in range(3)]
    with old.db.atomic():
        old.db.executemany(
            "INSERT INTO outbox(summary_id, kind, version, payload, queued_at, sent_at) VALUES (?, ?, 1, ?, ?, ?)",
            [(p["summary_id"], p["kind"], json.dumps(p, ensure_ascii=False, sort_keys=True), "2026-03-03T16:00:00+00:00",
              "2026-03-03T17:00:00+00:00" if n == 0 else None) for n, p in enumerate(payloads)])
    old.close()
    monkeypatch.undo()

    store = Store.open(home)
    try:
        columns = {row[1] for row in store.db.execute("PRAGMA table_info(outbox)")}
        assert "sent_at" not in columns
        assert [e.summary_id for e in outbox.pending(store.db)] == ["s1", "s2"]
        texts = [text for (text,) in store.db.execute("SELECT payload FROM outbox ORDER BY seq")]
        assert texts == [outbox.canonical(p) for p in payloads]
    finally:
        store.close()
    conn = sqlite3.connect(home / "atelier.db")
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
