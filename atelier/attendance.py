"""Attendance: who came to a session."""

from dataclasses import dataclass

from atelier.db import Database

from atelier.clock import utc_now
from atelier.i18n import N_
from atelier.people import Named

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


def mark_all(db: Database, session_id: str, participant_ids: list[str], status: str = PRESENT) -> None:
    with db.atomic():
        for participant_id in participant_ids:
            mark(db, session_id, participant_id, status)


def add_walk_in(db: Database, session_id: str, first_name: str, last_name: str = "",
                phone: str | None = None, join_group: bool = False):
    """Someone who came without being in the group: recorded present at once."""
    from atelier import groups, people, sessions

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
