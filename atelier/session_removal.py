"""A session that never took place: deleted, with what it held.

Cancelling keeps a session in the history (« Annulée »); a session planned by mistake
or twice is deleted instead. Its marks and covered steps go with it; exercise results
keep their run, without the session. A session already summarised is not forgotten by
the coordinator: deleting it queues a « deleted » version of its summary, in the same
transaction (``summaries.requeue`` sees the row gone).
"""

from dataclasses import dataclass

from atelier import attendance, sessions
from atelier.db import Database


@dataclass(frozen=True)
class Removal:
    """What deleting a session takes with it, for the question before it."""

    marks: int  # attendance rows
    came: int  # of which someone came
    summarised: bool  # a summary of it was queued: a « deleted » version will follow


def removal(db: Database, session_id: str) -> Removal:
    marks, came = db.execute(
        f"SELECT count(*), coalesce(sum({attendance.came_sql('a')}), 0) FROM attendance a WHERE a.session_id = ?",
        [session_id]).fetchone()
    summarised = db.execute("SELECT 1 FROM outbox WHERE summary_id = ? LIMIT 1", [session_id]).fetchone()
    return Removal(marks, came, summarised is not None)


def delete(db: Database, session_id: str) -> None:
    """The session goes, all or nothing; KeyError when it is already gone."""
    with db.atomic():
        sessions.get(db, session_id)
        sessions.note_written(db, session_id)  # its summary, and the first visits of those marked in it
        db.wrote("attendance", "step_progress", "exercise_results")
        db.execute("DELETE FROM sessions WHERE id = ?", [session_id])
