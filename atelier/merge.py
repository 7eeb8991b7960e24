"""Two records of one person made into one, in one transaction.

The record kept takes everything of the other: their attendance (where both were
marked at one session, the mark that says they came wins), exercise results, group
memberships, notes, and every field of the other that the kept one left empty. The
other record then goes. The summaries of every session either came to are re-versioned
by the same transaction (``db.wrote`` → ``summaries.requeue``), so the coordinator never
counts one person twice.
"""

from dataclasses import dataclass, replace

from atelier import attendance, people, records
from atelier.clock import utc_now
from atelier.db import Database
from atelier.i18n import _
from atelier.people import Participant

# Of two marks for one session, the one kept: came first, then the more telling.
_RANK = {attendance.PRESENT: 0, attendance.LATE: 1, attendance.EXCUSED: 2, attendance.ABSENT: 3}
_FILLED = ("phone", "email", "birth_year", "age_bracket", "gender", "social_status")


@dataclass(frozen=True)
class MergePreview:
    """What a merge brings over from the record that goes, for the question before it."""

    kept: Participant
    gone: Participant
    sessions: int  # sessions the record that goes was marked in
    results: int
    groups: int
    notes: bool

    @property
    def person(self) -> Participant:
        """The kept record as it will read after the merge."""
        return merged_record(self.kept, self.gone)


def merged_record(kept: Participant, gone: Participant) -> Participant:
    filled = {name: getattr(gone, name) for name in _FILLED
              if getattr(kept, name) in (None, "") and getattr(gone, name) not in (None, "")}
    if (kept.birth_year or filled.get("birth_year")) is not None:
        filled["age_bracket"] = None  # the year says the bracket, as the form keeps it
    notes = "\n".join(n for n in dict.fromkeys((kept.notes.strip(), gone.notes.strip())) if n)
    consents = [c for c in (kept.consent_date, gone.consent_date) if c]
    return replace(
        kept, **filled, notes=notes,
        consent_date=min(consents) if consents else None,
        archived_at=None if kept.archived_at is None or gone.archived_at is None else kept.archived_at,
    )


def preview(db: Database, kept_id: str, gone_id: str) -> MergePreview:
    if kept_id == gone_id:
        raise ValueError(_("Choisissez deux fiches différentes."))
    kept, gone = people.get(db, kept_id), people.get(db, gone_id)

    def count(sql: str) -> int:
        return db.execute(sql, [gone_id]).fetchone()[0]

    return MergePreview(
        kept, gone,
        sessions=count("SELECT count(*) FROM attendance WHERE participant_id = ?"),
        results=count("SELECT count(*) FROM exercise_results WHERE participant_id = ?"),
        groups=count("SELECT count(*) FROM group_members WHERE participant_id = ?"),
        notes=bool(gone.notes.strip()),
    )


def merge(db: Database, kept_id: str, gone_id: str) -> Participant:
    """Make ``gone_id`` part of ``kept_id``, all or nothing; the kept record as stored."""
    with db.atomic():
        plan = preview(db, kept_id, gone_id)
        marked = [row[0] for row in db.execute(
            "SELECT DISTINCT session_id FROM attendance WHERE participant_id IN (?, ?)", [kept_id, gone_id])]
        tables = [table for table, _column in people.referring_tables(db)]
        db.wrote("participants", *tables, sessions=marked, people=[kept_id, gone_id], profiles=[kept_id])
        _move_attendance(db, kept_id, gone_id)
        for table, column in people.referring_tables(db):
            # what the kept record already has (a membership of the same group) stays as it is
            db.execute(f"UPDATE OR IGNORE {table} SET {column} = ? WHERE {column} = ?", [kept_id, gone_id])
            db.execute(f"DELETE FROM {table} WHERE {column} = ?", [gone_id])
        db.execute("DELETE FROM participants WHERE id = ?", [gone_id])
        return records.update(db, "participants", plan.person)


def _move_attendance(db: Database, kept_id: str, gone_id: str) -> None:
    """The other record's marks onto the kept one; of two marks at one session, the best."""
    rows = db.execute(
        "SELECT g.session_id, g.status, k.status FROM attendance g LEFT JOIN attendance k "
        "ON k.session_id = g.session_id AND k.participant_id = ? WHERE g.participant_id = ?",
        [kept_id, gone_id]).fetchall()
    now = utc_now()
    for session_id, theirs, ours in rows:
        if ours is None or _RANK[theirs] < _RANK[ours]:
            db.execute(
                "INSERT INTO attendance(session_id, participant_id, status, updated_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(session_id, participant_id) DO UPDATE SET status = excluded.status, "
                "updated_at = excluded.updated_at",
                [session_id, kept_id, theirs, now])
    db.execute("DELETE FROM attendance WHERE participant_id = ?", [gone_id])
