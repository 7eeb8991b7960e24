"""The three fields the funders' figures count by: age, gender, social status.

The quick ways of adding a person (a walk-in, a name in a group) leave them empty, and
the report then says « Non communiqué » for that person. Before a report, and on a
group's page, the program says how many people lack them and offers to complete them.
A field is lacking while nothing was chosen; « Non communiqué », chosen, is an answer.
"""

from dataclasses import dataclass, replace
from datetime import date

from atelier import attendance, people, records
from atelier.db import Database, in_chunks
from atelier.people import Participant

AGE, GENDER, STATUS = "age", "gender", "social_status"
FIELDS = (AGE, GENDER, STATUS)


def lacking(person: Participant) -> tuple[str, ...]:
    """The fields of ``person`` still empty, in FIELDS order."""
    empty = {AGE: person.birth_year is None and person.age_bracket is None,
             GENDER: person.gender is None, STATUS: person.social_status is None}
    return tuple(field for field in FIELDS if empty[field])


@dataclass(frozen=True)
class Gaps:
    """Of some people, those who lack a field, and how many lack each."""

    people: list[Participant]  # everyone who lacks at least one, by name
    age: int
    gender: int
    social_status: int

    def __len__(self) -> int:
        return len(self.people)


def gaps(everyone: list[Participant]) -> Gaps:
    short = [p for p in everyone if lacking(p)]
    return Gaps(short, *(sum(field in lacking(p) for p in short) for field in FIELDS))


def of_period(db: Database, first: date, last: date, group_id: str | None = None) -> Gaps:
    """Among the people the funders' figures count from ``first`` to ``last``: those who
    came to a session that took place (of one group, or of all)."""
    where = f"s.date BETWEEN ? AND ? AND {attendance.held_sql('s')} AND {attendance.came_sql('a')}"
    parameters: list = [first.isoformat(), last.isoformat()]
    if group_id is not None:
        where, parameters = where + " AND s.group_id = ?", parameters + [group_id]
    ids = [row[0] for row in db.execute(
        f"SELECT DISTINCT a.participant_id FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE {where}",
        parameters)]
    found = []
    for chunk, marks in in_chunks(ids):
        rows = db.execute(f"SELECT {', '.join(people._COLUMNS)} FROM participants WHERE id IN ({marks})", chunk)
        found += [records.from_row(Participant, row) for row in rows]
    found.sort(key=lambda p: (people.fold(p.last_name), people.fold(p.first_name)))
    return gaps(found)


def complete(db: Database, answers: dict[str, dict[str, str | None]]) -> int:
    """Fill the chosen fields, person id → {field: national key}, all or none; how many
    records changed. AGE takes an age-bracket key (the birth year, when known, is kept)."""
    changed = 0
    with db.atomic():
        for person_id, chosen in answers.items():
            person = people.get(db, person_id)
            values = {field: key for field, key in chosen.items() if key}
            if AGE in values:
                values["age_bracket"] = values.pop(AGE)
                if person.birth_year is not None:
                    del values["age_bracket"]
            updated = replace(person, **values)
            if updated != person:
                people.update(db, updated)
                changed += 1
    return changed
