"""Attendance: who came to a session."""

from dataclasses import dataclass

from sqlite_utils import Database

from atelier.clock import utc_now
from atelier.i18n import N_

PRESENT, ABSENT, EXCUSED, LATE = "present", "absent", "excused", "late"
STATUSES = (PRESENT, ABSENT, EXCUSED, LATE)
LABELS = {PRESENT: N_("présent"), ABSENT: N_("absent"), EXCUSED: N_("excusé"), LATE: N_("en retard")}


@dataclass(frozen=True)
class Mark:
    session_id: str
    participant_id: str
    status: str
    updated_at: str = ""


def mark(db: Database, session_id: str, participant_id: str, status: str) -> Mark:
    if status not in STATUSES:
        raise ValueError(status)
    now = utc_now()
    with db.atomic():
        db.execute(
            "INSERT INTO attendance(session_id, participant_id, status, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(session_id, participant_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            [session_id, participant_id, status, now],
        )
    return Mark(session_id, participant_id, status, now)


def clear(db: Database, session_id: str, participant_id: str) -> None:
    with db.atomic():
        db.execute("DELETE FROM attendance WHERE session_id = ? AND participant_id = ?", [session_id, participant_id])


def for_session(db: Database, session_id: str) -> dict[str, str]:
    """participant_id → status for one session."""
    rows = db.execute("SELECT participant_id, status FROM attendance WHERE session_id = ?", [session_id])
    return dict(rows.fetchall())


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM attendance").fetchone()[0]
