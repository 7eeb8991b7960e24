"""Person export (GDPR right of access): everything Atelier holds about one person.

The tables are found from the schema itself (every foreign key to participants), so a
table added later is exported without touching this file. The free-text passages that
name the person elsewhere (a session's notes, another person's notes) are listed too
(``atelier.mentions``).
"""

import json
from pathlib import Path

from atelier.db import Database

from atelier import mentions, people, sessions
from atelier.clock import utc_now
from atelier.files import write_text

SESSION_COLUMNS = ("date", "start_time", "end_time", "place", "facilitator", "module_id", "status")


def _rows(db: Database, sql: str, parameters) -> list[dict]:
    cursor = db.execute(sql, parameters)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def person_export(db: Database, participant_id: str) -> dict:
    """JSON-ready: {"exported_at", "participant": {...}, "tables": {table: [rows]}, "mentions": [passages]};
    KeyError if unknown."""
    found = _rows(db, "SELECT * FROM participants WHERE id = ?", [participant_id])
    if not found:
        raise KeyError(participant_id)
    tables: dict[str, list[dict]] = {}
    for table, column in people.referring_tables(db):
        rows = _rows(db, f'SELECT * FROM "{table}" WHERE "{column}" = ? ORDER BY rowid', [participant_id])
        if "session_id" in (rows[0] if rows else {}):
            _add_sessions(db, rows)
        if "group_id" in (rows[0] if rows else {}):
            _add_groups(db, rows)
        tables.setdefault(table, []).extend(rows)
    passages = [m.as_dict() for m in mentions.find(db, people.get(db, participant_id))]
    return {"exported_at": utc_now(), "participant": found[0], "tables": tables, "mentions": passages}


def _add_sessions(db: Database, rows: list[dict]) -> None:
    """Each row that names a session gets the session's date, times, place, group and module."""
    found = sessions.with_ids(db, {row["session_id"] for row in rows if row.get("session_id") is not None})
    for row in rows:
        named = found.get(row.get("session_id"))
        row["session"] = None if named is None else {
            **{column: getattr(named.session, column) for column in SESSION_COLUMNS},
            "group_name": named.group_name or None,  # null for a session without a group
        }


def _add_groups(db: Database, rows: list[dict]) -> None:
    """Each row that names a group gets the group's name (read on paper, not its key)."""
    names = dict(db.execute("SELECT id, name FROM groups").fetchall())
    for row in rows:
        row["group_name"] = names.get(row.get("group_id"))


def write_json(data: dict, path: Path) -> Path:
    """Readable JSON, UTF-8, accents as they are."""
    path = Path(path)
    write_text(path, json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    return path
