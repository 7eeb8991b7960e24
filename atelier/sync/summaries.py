"""Session summaries: what the sync tells the coordinator about a closed session.

A summary is queued when the session is closed, and again, as a new version of the
same summary id, by any later write that alters what it says: attendance corrected
after closing, the session edited, cancelled or gone, a person erased, a step
covered, someone's first visit moved. ``requeue`` runs inside the very transaction
of that write (``Database.before_commit``, set by the Store), so the two can never
disagree; a version is queued only when the summary really says something new.
"""

import hashlib
import hmac
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from atelier import attendance, figures, progress, sessions, settings
from atelier.clock import utc_now
from atelier.db import Database, Touched, in_chunks
from atelier.exports.catalogue import module_index, module_title
from atelier.sync import outbox

KIND = "session-summary"
SCHEMA = 1  # the version of summary.schema.json the payloads follow
SCHEMA_FILE = Path(__file__).with_name("summary.schema.json")  # their documented shape, shipped with the package


@dataclass(frozen=True)
class SessionSummary:
    """What a closed session's summary says: its payload is ``asdict`` of it (see summary.schema.json)."""

    schema: int
    kind: str
    summary_id: str  # the session's id
    session_id: str
    date: str
    start: str
    end: str
    duration_minutes: int
    status: str  # planned, done or cancelled
    module_id: str | None
    module_title: str | None
    themes: list[str]  # national keys, from the module when installed
    level: str | None  # national key
    place: str  # the session's own, or its group's
    present: int  # late arrivals count as present
    absent: int
    excused: int
    by_age: dict[str, int]  # those who came, every national key, the age on the session's day
    by_gender: dict[str, int]
    by_status: dict[str, int]
    new_people: int  # came for the first time
    steps_covered: dict[str, list[int]]
    participants: list[dict[str, str]]  # {"hash"}, with first and last name when named summaries are on


def person_hash(secret: str, participant_id: str) -> str:
    """How a person appears outside the PC: the same at every site sharing the secret."""
    return hmac.new(secret.encode(), participant_id.encode(), hashlib.sha256).hexdigest()


def people_entries(db: Database, participant_ids: list[str]) -> list[dict[str, str]]:
    """How these people appear in a summary: {"hash"}, with first and last name when the
    association turned named summaries on; sorted by hash, an order that says nothing
    of who is who."""
    # read, never made here: summaries are also read on the screens' read-only connection
    secret, named = settings.get(db, settings.SYNC_SECRET) or "", settings.named_summaries(db)
    names = {}
    if named and participant_ids:
        rows = db.execute(f"SELECT id, first_name, last_name FROM participants "
                          f"WHERE id IN ({', '.join('?' * len(participant_ids))})", participant_ids)
        names = {row[0]: {"first_name": row[1], "last_name": row[2]} for row in rows}
    entries = [{"hash": person_hash(secret, pid), **names.get(pid, {})} for pid in participant_ids]
    return sorted(entries, key=lambda entry: entry["hash"])


def summarise(db: Database, session_id: str) -> SessionSummary:
    row = sessions.get_row(db, session_id)
    session = row.session
    statuses = list(attendance.for_session(db, session_id).values())
    visitors = figures.came_to(db, session_id)
    counts = figures.of_session(visitors, date.fromisoformat(session.date))
    info = module_index().get(session.module_id) if session.module_id else None
    return SessionSummary(
        schema=SCHEMA,
        kind=KIND,
        summary_id=session.id,
        session_id=session.id,
        date=session.date,
        start=session.start_time,
        end=session.end_time,
        duration_minutes=session.duration_minutes,
        status=session.status,
        module_id=session.module_id,
        module_title=module_title(module_index(), session.module_id) or None,
        themes=list(info.themes) if info else [],
        level=info.level if info else None,
        place=row.place,
        present=len(visitors),
        absent=statuses.count(attendance.ABSENT),
        excused=statuses.count(attendance.EXCUSED),
        by_age=counts.by_age,
        by_gender=counts.by_gender,
        by_status=counts.by_status,
        new_people=attendance.new_in_session(db, session_id),
        steps_covered=progress.covered_steps(db, session_id),
        participants=people_entries(db, [v.participant_id for v in visitors]),
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

    A session's own summary changes with its marks, steps, date, place or status;
    another session's "new people" changes when someone's first visit moves, and that
    can only be between their two earliest visits (see ``attendance.first_visits``): a
    mark costs no more. A person's own record (gender, birth year, status, name) is
    counted in every session they came to: its edit re-queues each of those summarised.
    """
    affected = (set(touched.sessions) | attendance.first_visits(db, touched.people)
                | _summarised_visits(db, touched.profiles))
    if affected:
        settings.sync_secret(db)  # made by Store.open; a bare connection gets one here, never hashes keyed by nothing
    for session_id in sorted(affected):
        _refresh(db, session_id)


def _summarised_visits(db: Database, participant_ids) -> set[str]:
    """The sessions these people came to that are closed or were summarised once."""
    found: set[str] = set()
    for chunk, marks in in_chunks(sorted(participant_ids)):
        rows = db.execute(
            f"""
            SELECT DISTINCT a.session_id FROM attendance a JOIN sessions s ON s.id = a.session_id
            WHERE a.participant_id IN ({marks}) AND {attendance.came_sql("a")}
              AND (s.status = '{sessions.DONE}' OR EXISTS (SELECT 1 FROM outbox o WHERE o.summary_id = s.id))
            """,
            chunk,
        )
        found.update(row[0] for row in rows)
    return found


def _refresh(db: Database, session_id: str) -> None:
    said = outbox.latest_text(db, session_id)
    exists = db.execute("SELECT status FROM sessions WHERE id = ?", [session_id]).fetchone()
    if exists is None:
        payload = {"schema": SCHEMA, "kind": KIND, "summary_id": session_id, "session_id": session_id,
                   "deleted": True}
    elif exists[0] != sessions.DONE and said is None:
        return  # nothing was ever said about a session not closed yet
    else:
        payload = asdict(summarise(db, session_id))
    if said is not None and said == outbox.canonical(payload) or said is None and exists is None:
        return
    outbox.queue(db, KIND, session_id, payload)
