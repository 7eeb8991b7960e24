"""Session summaries: what the sync tells the coordinator about a closed session.

A summary is queued when the session is closed, and again, as a new version of the
same summary id, by any later write that alters what it says: attendance corrected
after closing, the session edited, cancelled or gone, a person erased, a step
covered, someone's first visit moved. ``requeue`` runs inside the very transaction
of that write (``Database.before_commit``, set by the Store), so the two can never
disagree; a version is queued only when the summary really says something new.
"""

from dataclasses import asdict, dataclass

from atelier import attendance, progress, sessions
from atelier.clock import utc_now
from atelier.db import Database, Touched
from atelier.sync import outbox

KIND = "session-summary"


@dataclass(frozen=True)
class SessionSummary:
    session_id: str
    date: str
    duration_minutes: int
    module_id: str | None
    status: str  # planned, done or cancelled
    present: int  # late arrivals count as present
    absent: int
    excused: int
    new_people: int  # came for the first time
    steps_covered: dict[str, list[int]]


def summarise(db: Database, session_id: str) -> SessionSummary:
    session = sessions.get(db, session_id)
    statuses = list(attendance.for_session(db, session_id).values())
    return SessionSummary(
        session_id=session.id,
        date=session.date,
        duration_minutes=session.duration_minutes,
        module_id=session.module_id,
        status=session.status,
        present=sum(1 for status in statuses if attendance.came(status)),
        absent=statuses.count(attendance.ABSENT),
        excused=statuses.count(attendance.EXCUSED),
        new_people=attendance.new_in_session(db, session_id),
        steps_covered=progress.covered_steps(db, session_id),
    )


def close_session(db: Database, session_id: str, notes: str) -> SessionSummary:
    """Store the notes and mark the session done; its summary is queued in the same transaction."""
    with db.atomic():
        db.execute(
            "UPDATE sessions SET notes = ?, status = 'done', updated_at = ? WHERE id = ?",
            [notes, utc_now(), session_id],
        )
        sessions.note_written(db, session_id)  # a cancelled session closed after all moves first visits
    return summarise(db, session_id)


def requeue(db: Database, touched: Touched) -> None:
    """Queue a new version of every summary the transaction's writes have altered.

    A session's own summary changes with its marks, steps, date or status; another
    session's "new people" changes when someone's first visit moves, and that can only
    be between their two earliest visits (see ``attendance.first_visits``).
    """
    affected = set(touched.sessions) | attendance.first_visits(db, touched.people)
    for session_id in sorted(affected):
        _refresh(db, session_id)


def _refresh(db: Database, session_id: str) -> None:
    said = outbox.latest_payload(db, session_id)
    exists = db.execute("SELECT status FROM sessions WHERE id = ?", [session_id]).fetchone()
    if exists is None:
        payload = {"session_id": session_id, "deleted": True}
    elif exists[0] != sessions.DONE and said is None:
        return  # nothing was ever said about a session not closed yet
    else:
        payload = asdict(summarise(db, session_id))
    if said is not None and said == payload or said is None and exists is None:
        return
    outbox.queue(db, KIND, session_id, payload)
