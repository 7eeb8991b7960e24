"""Attendance: who came to a session."""

from dataclasses import dataclass
from datetime import date

from atelier import groups, people, sessions
from atelier.clock import day_span, utc_now
from atelier.db import Database, in_chunks
from atelier.i18n import N_
from atelier.people import Named

PRESENT, ABSENT, EXCUSED, LATE = "present", "absent", "excused", "late"
STATUSES = (PRESENT, ABSENT, EXCUSED, LATE)
LABELS = {PRESENT: N_("présent"), ABSENT: N_("absent"), EXCUSED: N_("excusé"), LATE: N_("en retard")}

# The house's rules on attendance, each written once: every summary, export, report
# and screen asks these.
CAME = (PRESENT, LATE)  # someone who came: on time or late


def came_sql(alias: str = "a") -> str:
    """SQL for "the attendance row ``alias`` says the person came"."""
    return f"{alias}.status IN ({', '.join(repr(status) for status in CAME)})"


def came(status: str | None) -> bool:
    return status in CAME


def held_sql(alias: str = "s") -> str:
    """SQL for "the session ``alias`` took place": not cancelled, and closed or someone came."""
    return (f"{alias}.status != 'cancelled' AND ({alias}.status = 'done' OR EXISTS ("
            f"SELECT 1 FROM attendance h WHERE h.session_id = {alias}.id AND {came_sql('h')}))")


def _first_visit(person: str, moment: str) -> str:
    """SQL: ``person`` came to no session, not cancelled, before ``moment`` ('2026-03-14 14:00').

    A "new participant" of a session or of a period is someone who came to it and
    had never come before: their first visit falls in it.
    """
    return f"""NOT EXISTS (
        SELECT 1 FROM attendance b JOIN sessions t ON t.id = b.session_id
        WHERE b.participant_id = {person} AND {came_sql("b")} AND t.status != 'cancelled'
          AND t.date || ' ' || t.start_time < {moment})"""


def first_visits(db: Database, participant_ids, visits: int = 2) -> set[str]:
    """The sessions of each person's ``visits`` earliest visits (not cancelled, came)."""
    found: set[str] = set()
    for chunk, marks in in_chunks(participant_ids):
        rows = db.execute(
            f"""
            SELECT session_id FROM (
                SELECT a.session_id, row_number() OVER (
                    PARTITION BY a.participant_id ORDER BY s.date, s.start_time, s.id) AS visit
                FROM attendance a JOIN sessions s ON s.id = a.session_id
                WHERE a.participant_id IN ({marks}) AND {came_sql("a")}
                  AND s.status != 'cancelled')
            WHERE visit <= ?
            """,
            [*chunk, visits],
        )
        found.update(row[0] for row in rows)
    return found


def new_in_session(db: Database, session_id: str) -> int:
    """How many people came to this session for the first time."""
    return db.execute(
        f"""
        SELECT count(*) FROM attendance a JOIN sessions s ON s.id = a.session_id
        WHERE a.session_id = ? AND {came_sql("a")} AND s.status != 'cancelled'
          AND {_first_visit("a.participant_id", "s.date || ' ' || s.start_time")}
        """,
        [session_id],
    ).fetchone()[0]


def new_between(db: Database, first: date, last: date) -> int:
    """How many people came for the first time from ``first`` to ``last`` (both included).

    The first-visit test runs once a person, not once a visit: a five-year report stays
    a fraction of a second.
    """
    return db.execute(
        f"""
        SELECT count(*) FROM (
            SELECT DISTINCT a.participant_id FROM attendance a JOIN sessions s ON s.id = a.session_id
            WHERE s.date BETWEEN ? AND ? AND {came_sql("a")} AND s.status != 'cancelled') n
        WHERE {_first_visit("n.participant_id", "?")}
        """,
        [first.isoformat(), last.isoformat(), f"{first.isoformat()} "],
    ).fetchone()[0]


def next_status(status: str | None) -> str:
    """The roll's one click or key: not marked → present, present ↔ absent, excused or late → present."""
    return ABSENT if status == PRESENT else PRESENT


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
        db.wrote("attendance", sessions=[session_id], people=[participant_id])
        db.execute(
            "INSERT INTO attendance(session_id, participant_id, status, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(session_id, participant_id) DO UPDATE SET status = excluded.status, "
            "updated_at = excluded.updated_at",
            [session_id, participant_id, status, now],
        )
    return Mark(session_id, participant_id, status, now)


def clear(db: Database, session_id: str, participant_id: str) -> None:
    with db.atomic():
        db.wrote("attendance", sessions=[session_id], people=[participant_id])
        db.execute("DELETE FROM attendance WHERE session_id = ? AND participant_id = ?", [session_id, participant_id])


def for_session(db: Database, session_id: str) -> dict[str, str]:
    """participant_id → status for one session."""
    rows = db.execute("SELECT participant_id, status FROM attendance WHERE session_id = ?", [session_id])
    return dict(rows.fetchall())


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM attendance").fetchone()[0]


@dataclass(frozen=True)
class RollRow(Named):
    """One line of the roll call: a member of the group, or someone marked anyway."""

    participant_id: str
    first_name: str
    last_name: str
    status: str | None  # None until the facilitator marks them
    member: bool



def roll(db: Database, session_id: str) -> list[RollRow]:
    """The group's active members and anyone already marked, in alphabetical order."""
    rows = db.execute(
        """
        SELECT p.id, p.first_name, p.last_name, a.status, m.participant_id IS NOT NULL
        FROM sessions s
        JOIN participants p ON p.id IN (
            SELECT participant_id FROM group_members WHERE group_id = s.group_id
            UNION SELECT participant_id FROM attendance WHERE session_id = s.id)
        LEFT JOIN attendance a ON a.session_id = s.id AND a.participant_id = p.id
        LEFT JOIN group_members m ON m.group_id = s.group_id AND m.participant_id = p.id
        WHERE s.id = ? AND (p.archived_at IS NULL OR a.status IS NOT NULL)
        ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE
        """,
        [session_id],
    ).fetchall()
    return [RollRow(r[0], r[1], r[2], r[3], bool(r[4])) for r in rows]


def add_walk_in(db: Database, session_id: str, first_name: str, last_name: str = "",
                phone: str | None = None, join_group: bool = False):
    """Someone who came without being in the group: recorded present at once."""
    with db.atomic():
        person = people.add(db, people.Participant(first_name.strip(), last_name.strip(), phone=phone or None))
        group_id = sessions.get(db, session_id).group_id
        if join_group and group_id:
            groups.add_member(db, group_id, person.id)
        mark(db, session_id, person.id, PRESENT)
    return person


def set_statuses(db: Database, session_id: str, statuses: dict[str, str | None]) -> None:
    """Several marks at once, all or none; None takes a mark away (undo back to "not marked")."""
    with db.atomic():
        for participant_id, status in statuses.items():
            if status is None:
                clear(db, session_id, participant_id)
            else:
                mark(db, session_id, participant_id, status)


def genders(db: Database, session_id: str) -> dict[str, str | None]:
    """participant_id → gender key of everyone on the roll, so that the roll says "présente"."""
    rows = db.execute(
        """
        SELECT p.id, p.gender FROM participants p WHERE p.id IN (
            SELECT participant_id FROM group_members
            WHERE group_id = (SELECT group_id FROM sessions WHERE id = ?)
            UNION SELECT participant_id FROM attendance WHERE session_id = ?)
        """,
        [session_id, session_id],
    )
    return dict(rows.fetchall())


def held_between(db: Database, first: date, last: date) -> list[sessions.SessionRow]:
    """The sessions that took place from ``first`` to ``last`` (both included), in date order."""
    return sessions.listed(db, f"s.date BETWEEN ? AND ? AND {held_sql('s')}", [first.isoformat(), last.isoformat()])


def attended(db: Database, participant_id: str, first: date | None = None,
             last: date | None = None) -> list[sessions.SessionRow]:
    """The sessions, not cancelled, that one person came to (in the period when given), in date order."""
    return sessions.listed(
        db,
        f"""s.status != 'cancelled' AND s.date BETWEEN ? AND ? AND s.id IN (
            SELECT a.session_id FROM attendance a WHERE a.participant_id = ? AND {came_sql('a')})""",
        [*day_span(first, last), participant_id],
    )
