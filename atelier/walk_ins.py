"""Someone who came without being on the list: welcomed on the roll, and taken back.

A walk-in is a new record, or a person already known (the same name found by
``duplicates.matching``: no second record of one person). Either way they are marked
present, and join the group when asked. What was done is kept in a ``WalkIn``, so that
the roll's « Annuler la dernière modification » undoes exactly that: the mark as it
was, the membership, the archive, and the record itself when it was made just now.
"""

from dataclasses import dataclass

from atelier import attendance, groups, people, sessions
from atelier.db import Database


@dataclass(frozen=True)
class WalkIn:
    session_id: str
    person_id: str
    created: bool  # the record was made for this walk-in
    joined: bool  # they joined the session's group with it
    unarchived: bool = False  # a known person brought back from the archive
    previous: str | None = None  # their mark on this session before


def welcome(db: Database, session_id: str, first_name: str, last_name: str = "", phone: str | None = None,
            join_group: bool = False) -> WalkIn:
    """A new person, marked present (and a member of the group when asked)."""
    with db.atomic():
        person = attendance.add_walk_in(db, session_id, first_name, last_name, phone, join_group)
        joined = join_group and sessions.get(db, session_id).group_id is not None
    return WalkIn(session_id, person.id, created=True, joined=joined)


def welcome_known(db: Database, session_id: str, person_id: str, join_group: bool = False) -> WalkIn:
    """A person already known, marked present: back from the archive, in the group when asked."""
    with db.atomic():
        person = people.get(db, person_id)
        if person.archived_at:
            people.unarchive(db, person_id)
        group_id = sessions.get(db, session_id).group_id
        joined = bool(join_group and group_id) and not _member(db, group_id, person_id)
        if joined:
            groups.add_member(db, group_id, person_id)
        previous = attendance.for_session(db, session_id).get(person_id)
        attendance.mark(db, session_id, person_id, attendance.PRESENT)
    return WalkIn(session_id, person_id, created=False, joined=joined,
                  unarchived=bool(person.archived_at), previous=previous)


def undo(db: Database, walk_in: WalkIn) -> None:
    """Take the walk-in back, all or nothing: a record made for it goes unless it has been
    used since (another session, a result, another group)."""
    with db.atomic():
        attendance.set_statuses(db, walk_in.session_id, {walk_in.person_id: walk_in.previous})
        group_id = sessions.get(db, walk_in.session_id).group_id
        if walk_in.joined and group_id:
            groups.remove_member(db, group_id, walk_in.person_id)
        if walk_in.unarchived:
            people.archive(db, walk_in.person_id)
        if walk_in.created and not _used(db, walk_in.person_id):
            people.erase(db, walk_in.person_id)


def _member(db: Database, group_id: str, person_id: str) -> bool:
    return db.execute("SELECT 1 FROM group_members WHERE group_id = ? AND participant_id = ?",
                      [group_id, person_id]).fetchone() is not None


def _used(db: Database, person_id: str) -> bool:
    return any(db.execute(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", [person_id]).fetchone()
               for table, column in people.referring_tables(db))
