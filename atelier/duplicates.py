"""People who may already be known: the same name written another way.

"Hélène Martin", "helene martin", "MARTIN Hélène" and "Hélène-Martin" are one name:
case and accents aside (``people.fold``), whatever separates the words, in any order
(a first and a last name swapped, or the whole name typed in the first-name field).
Every place that creates a person asks ``matching`` first and proposes the person
found; ``pairs`` lists the records that look like one person twice, to be merged.
"""

import re
from dataclasses import dataclass

from atelier import attendance, people, records
from atelier.db import Database
from atelier.people import Participant

_SEPARATORS = re.compile(r"[\s\-‐‑–—'’‘.,_]+")


def name_key(first_name: str, last_name: str = "") -> tuple[str, ...]:
    """The words of a whole name, folded and sorted: equal keys, the same name."""
    words = _SEPARATORS.split(people.fold(f"{first_name} {last_name}"))
    return tuple(sorted(word for word in words if word))


def same_name(a: Participant, b: Participant) -> bool:
    return name_key(a.first_name, a.last_name) == name_key(b.first_name, b.last_name)


def _everyone(db: Database) -> list[Participant]:
    rows = db.execute(f"SELECT {', '.join(people._COLUMNS)} FROM participants ORDER BY created_at, rowid").fetchall()
    return [records.from_row(Participant, row) for row in rows]


def matching(db: Database, first_name: str, last_name: str = "", exclude: str | None = None) -> list[Participant]:
    """The people, archived ones too, whose name is this one written another way
    (nobody for an empty name); the oldest record first."""
    key = name_key(first_name, last_name)
    if not key:
        return []
    return [p for p in _everyone(db) if p.id != exclude and name_key(p.first_name, p.last_name) == key]


def pairs(db: Database) -> list[tuple[Participant, Participant]]:
    """Every two records with the same name: (the older, the newer)."""
    by_key: dict[tuple[str, ...], list[Participant]] = {}
    for person in _everyone(db):
        key = name_key(person.first_name, person.last_name)
        if key:
            by_key.setdefault(key, []).append(person)
    return [(group[i], later) for group in by_key.values() for i in range(len(group)) for later in group[i + 1:]]


@dataclass(frozen=True)
class Match:
    """A person already known, with what tells two namesakes apart."""

    person: Participant
    groups: list[str]  # the names of their groups
    last_visit: str | None  # the ISO date they last came, if ever


def known(db: Database, first_name: str, last_name: str = "", exclude: str | None = None) -> list[Match]:
    """``matching``, each with their groups and last visit, for the facilitator to recognise them."""
    found = []
    for person in matching(db, first_name, last_name, exclude):
        groups = [row[0] for row in db.execute(
            "SELECT g.name FROM groups g JOIN group_members m ON m.group_id = g.id WHERE m.participant_id = ? "
            "ORDER BY g.name COLLATE NOCASE", [person.id])]
        last = db.execute(
            f"SELECT max(s.date) FROM attendance a JOIN sessions s ON s.id = a.session_id "
            f"WHERE a.participant_id = ? AND {attendance.came_sql('a')} AND s.status != 'cancelled'",
            [person.id]).fetchone()[0]
        found.append(Match(person, groups, last))
    return found
