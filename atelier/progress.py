"""Which steps of a module a session has covered."""

from atelier.db import Database

from atelier.clock import utc_now


def mark_step_covered(db: Database, session_id: str, module_id: str, step_index: int) -> bool:
    """Record that the step was reached; True if it was not covered before."""
    with db.atomic():
        db.wrote("step_progress", sessions=[session_id])
        cursor = db.execute(
            "INSERT OR IGNORE INTO step_progress(session_id, module_id, step_index, covered_at) VALUES (?, ?, ?, ?)",
            [session_id, module_id, step_index, utc_now()],
        )
    return cursor.rowcount == 1


def covered_steps(db: Database, session_id: str) -> dict[str, list[int]]:
    """module_id → sorted step indexes covered in the session."""
    covered: dict[str, list[int]] = {}
    for module_id, index in db.execute(
        "SELECT module_id, step_index FROM step_progress WHERE session_id = ? ORDER BY module_id, step_index",
        [session_id],
    ):
        covered.setdefault(module_id, []).append(index)
    return covered
