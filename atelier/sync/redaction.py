"""Redaction: a person's name taken out of the summaries already written on this PC.

With named summaries on, every version of a session's summary carries the first and
last names of those who came, in the outbox (sent or not) and, on the coordinator's PC,
in what it gathered. Erasing or anonymising a person queues new versions without their
name (``summaries.requeue``); this takes the name out of the older ones too, so that
the file holds it nowhere and no pending version sends it later. The person's entry
keeps its hash: the counts the old version gave stay as they were.

A row of a file reserved but not yet confirmed may change here: the push then no
longer finds the same bytes, leaves that seq spent and sends the rows under the next
one (see ``push.in_flight``), so no name is ever reused for other bytes.
"""

import json

from atelier import people, settings
from atelier.db import Database
from atelier.people import Participant
from atelier.sync.summaries import person_hash

# table → its key, and how it writes its JSON (each keeps its own, byte for byte)
_TABLES = {
    "outbox": ("seq", {"ensure_ascii": False, "sort_keys": True}),
    "hub_summaries": ("summary_id", {"ensure_ascii": False, "sort_keys": True, "separators": (",", ":")}),
}


def forget(db: Database, person: Participant) -> int:
    """Drop the person's name from every stored summary; call inside a transaction.
    Returns how many summaries changed."""
    mark = person_hash(settings.get(db, settings.SYNC_SECRET) or "", person.id)
    name = (people.fold(person.first_name.strip()), people.fold(person.last_name.strip()))
    changed = 0
    for table, (key, style) in _TABLES.items():
        rows = db.execute(f"SELECT {key}, payload FROM {table} WHERE payload LIKE '%first\\_name%' ESCAPE '\\'")
        for row_key, text in rows.fetchall():
            payload = json.loads(text)
            if _unnamed(payload, mark, name):
                db.wrote(table)
                db.execute(f"UPDATE {table} SET payload = ? WHERE {key} = ?", [json.dumps(payload, **style), row_key])
                changed += 1
    return changed


def _unnamed(payload: dict, mark: str, name: tuple[str, str]) -> bool:
    """Remove the names of the person's entries (found by hash, or by name when the
    association's secret changed since); True if there were any."""
    found = False
    for entry in payload.get("participants") or []:
        if not isinstance(entry, dict) or "first_name" not in entry:
            continue
        named = (people.fold(str(entry.get("first_name", "")).strip()),
                 people.fold(str(entry.get("last_name", "")).strip()))
        if entry.get("hash") == mark or named == name:
            entry.pop("first_name", None)
            entry.pop("last_name", None)
            found = True
    return found
