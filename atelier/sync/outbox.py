"""The sync outbox: summaries frozen when they are queued.

A summary is queued in the same transaction as the change it summarises, so the two
can never disagree. Each summary id carries a growing version: the coordinator's merge
keeps the highest, so a bundle sent twice changes nothing.

A payload is stored as its canonical JSON text (``canonical``): the file a push sends
is built from those texts as they are (``to_send``), never decoding them again. A row
waits in ``outbox_pending`` until the hub confirmed the file that carries it: marking
ten thousand rows sent deletes ten thousand small keys instead of rewriting every
payload.
"""

import json
from typing import NamedTuple

from atelier.db import Database

from atelier import settings
from atelier.clock import utc_now

_COLUMNS = "o.seq, o.summary_id, o.kind, o.version, o.payload, o.queued_at"
_OUTGOING = "o.seq, o.summary_id, o.kind, o.version, CAST(o.payload AS BLOB)"


class Entry(NamedTuple):
    seq: int
    summary_id: str
    kind: str
    version: int
    text: str  # the payload's canonical JSON, as stored and as sent
    queued_at: str

    @property
    def payload(self) -> dict:
        return json.loads(self.text)


def canonical(payload: dict) -> str:
    """The one text of a payload: keys sorted, no spaces, UTF-8 left as it is."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def queue(db: Database, kind: str, summary_id: str, payload: dict) -> int:
    """Queue a summary; call inside the caller's transaction. Returns its version."""
    db.wrote("outbox")
    previous = db.execute("SELECT max(version) FROM outbox WHERE summary_id = ?", [summary_id]).fetchone()[0]
    version = max(previous or 0, settings.version_floor(db)) + 1
    cursor = db.execute(
        "INSERT INTO outbox(summary_id, kind, version, payload, queued_at) VALUES (?, ?, ?, ?, ?)",
        [summary_id, kind, version, canonical(payload), utc_now()],
    )
    db.execute("INSERT INTO outbox_pending(seq) VALUES (?)", [cursor.lastrowid])
    return version


def latest_text(db: Database, summary_id: str) -> str | None:
    """The canonical text of a summary's newest version; None if it was never queued."""
    row = db.execute(
        "SELECT payload FROM outbox WHERE summary_id = ? ORDER BY version DESC LIMIT 1", [summary_id]
    ).fetchone()
    return row[0] if row else None


def latest_payload(db: Database, summary_id: str) -> dict | None:
    """What the newest version of a summary says; None if it was never queued."""
    text = latest_text(db, summary_id)
    return json.loads(text) if text is not None else None


def pending(db: Database) -> list[Entry]:
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM outbox_pending p JOIN outbox o ON o.seq = p.seq ORDER BY p.seq"
    ).fetchall()
    return [Entry(*row) for row in rows]


def pending_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM outbox_pending").fetchone()[0]


class Outgoing(NamedTuple):
    """An outbox row as a pushed file carries it: the payload's stored text as UTF-8 bytes.
    ``to_send`` hands plain tuples in this order (ten thousand named ones cost a push
    a tenth of its time); build one with ``Outgoing(…)`` to pass it yourself."""

    seq: int
    summary_id: str
    kind: str
    version: int
    payload: bytes


def to_send(db: Database) -> list[tuple]:
    """Every pending row, in outbox order."""
    return db.execute(
        f"SELECT {_OUTGOING} FROM outbox_pending p JOIN outbox o ON o.seq = p.seq ORDER BY p.seq").fetchall()


def to_resend(db: Database, seqs: list[int]) -> list[tuple]:
    """These rows, in outbox order: a reserved file is rebuilt from them."""
    return db.execute(
        f"SELECT {_OUTGOING} FROM outbox o WHERE o.seq IN (SELECT value FROM json_each(?)) ORDER BY o.seq",
        [json.dumps(list(seqs))],
    ).fetchall()


def mark_sent(db: Database, seqs) -> None:
    """These rows reached the hub; call inside the caller's transaction."""
    db.wrote("outbox")
    db.execute("DELETE FROM outbox_pending WHERE seq IN (SELECT value FROM json_each(?))", [json.dumps(list(seqs))])
