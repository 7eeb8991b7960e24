"""The sync outbox: summaries frozen when they are queued.

A summary is queued in the same transaction as the change it summarises, so the two
can never disagree. Each summary id carries a growing version: the coordinator's merge
keeps the highest, so a bundle sent twice changes nothing.
"""

import json
from dataclasses import dataclass

from atelier.db import Database

from atelier import settings
from atelier.clock import utc_now


@dataclass(frozen=True)
class Entry:
    seq: int
    summary_id: str
    kind: str
    version: int
    payload: dict
    queued_at: str
    sent_at: str | None


def queue(db: Database, kind: str, summary_id: str, payload: dict) -> int:
    """Queue a summary; call inside the caller's transaction. Returns its version."""
    db.wrote("outbox")
    previous = db.execute("SELECT max(version) FROM outbox WHERE summary_id = ?", [summary_id]).fetchone()[0]
    version = max(previous or 0, settings.version_floor(db)) + 1
    db.execute(
        "INSERT INTO outbox(summary_id, kind, version, payload, queued_at) VALUES (?, ?, ?, ?, ?)",
        [summary_id, kind, version, json.dumps(payload, ensure_ascii=False, sort_keys=True), utc_now()],
    )
    return version


def latest_payload(db: Database, summary_id: str) -> dict | None:
    """What the newest version of a summary says; None if it was never queued."""
    row = db.execute(
        "SELECT payload FROM outbox WHERE summary_id = ? ORDER BY version DESC LIMIT 1", [summary_id]
    ).fetchone()
    return json.loads(row[0]) if row else None


def pending(db: Database) -> list[Entry]:
    rows = db.execute(
        "SELECT seq, summary_id, kind, version, payload, queued_at, sent_at FROM outbox "
        "WHERE sent_at IS NULL ORDER BY seq"
    ).fetchall()
    return [Entry(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]


def entries(db: Database, seqs: list[int]) -> list[Entry]:
    """These outbox rows, in outbox order (a reserved file is rebuilt from them)."""
    rows = db.execute(
        "SELECT seq, summary_id, kind, version, payload, queued_at, sent_at FROM outbox "
        "WHERE seq IN (SELECT value FROM json_each(?)) ORDER BY seq", [json.dumps(list(seqs))]
    ).fetchall()
    return [Entry(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]
