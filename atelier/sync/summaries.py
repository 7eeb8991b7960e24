"""Closing a session: its notes and a short summary, queued for the sync."""

from dataclasses import asdict, dataclass

from atelier.db import Database

from atelier import attendance, progress, sessions
from atelier.sync import outbox
from atelier.clock import utc_now

KIND = "session-summary"


@dataclass(frozen=True)
class SessionSummary:
    session_id: str
    date: str
    duration_minutes: int
    module_id: str | None
    present: int  # late arrivals count as present
    absent: int
    excused: int
    new_people: int  # came for the first time
    steps_covered: dict[str, list[int]]


def summarise(db: Database, session_id: str) -> SessionSummary:
    session = sessions.get(db, session_id)
    marks = attendance.for_session(db, session_id)
    came = [pid for pid, status in marks.items() if status in (attendance.PRESENT, attendance.LATE)]
    new_people = 0
    if came:
        placeholders = ", ".join("?" * len(came))
        new_people = db.execute(
            f"""
            SELECT count(*) FROM (SELECT a.participant_id FROM attendance a JOIN sessions s ON s.id = a.session_id
            WHERE a.participant_id IN ({placeholders}) AND a.status IN ('present', 'late')
            GROUP BY a.participant_id
            HAVING min(s.date || ' ' || s.start_time) = ?)
            """,
            [*came, f"{session.date} {session.start_time}"],
        ).fetchone()[0]
    statuses = list(marks.values())
    return SessionSummary(
        session_id=session.id,
        date=session.date,
        duration_minutes=session.duration_minutes,
        module_id=session.module_id,
        present=len(came),
        absent=statuses.count(attendance.ABSENT),
        excused=statuses.count(attendance.EXCUSED),
        new_people=new_people,
        steps_covered=progress.covered_steps(db, session_id),
    )


def close_session(db: Database, session_id: str, notes: str) -> SessionSummary:
    """Store the notes, mark the session done and queue its summary, all at once."""
    with db.atomic():
        db.execute(
            "UPDATE sessions SET notes = ?, status = 'done', updated_at = ? WHERE id = ?",
            [notes, utc_now(), session_id],
        )
        summary = summarise(db, session_id)
        outbox.queue(db, KIND, session_id, asdict(summary))
    return summary
