"""Participants: minimal personal data, kept for a purpose (GDPR)."""

import unicodedata
from dataclasses import dataclass, field

from atelier.db import Database

from atelier import records
from atelier.clock import new_id, utc_now
from atelier.i18n import N_, _
from atelier.vocabulary import vocabulary


class Named:
    """Anything with a first and a last name: a participant, a line of the roll call."""

    first_name: str
    last_name: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def initials(self) -> str:
        return "".join(part[0].upper() for part in (self.first_name, self.last_name) if part)


@dataclass(frozen=True)
class Participant(Named):
    first_name: str
    last_name: str = ""
    phone: str | None = None
    email: str | None = None
    birth_year: int | None = None
    age_bracket: str | None = None  # national key, when only the bracket is known
    gender: str | None = None  # national key
    social_status: str | None = None  # national key
    consent_date: str | None = None  # ISO date
    notes: str = ""
    archived_at: str | None = None
    id: str = field(default_factory=new_id)
    created_at: str = ""
    updated_at: str = ""



_COLUMNS = records.columns(Participant)


def fold(text: str) -> str:
    """Lower case without accents, so that "Helene" finds "Hélène" (and "YILDIZ" "Yıldız":
    the dotless ı is the one letter whose capital folds to another letter)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def validate(person: Participant) -> None:
    if not person.first_name.strip():
        raise ValueError(_("Le prénom est obligatoire."))
    words = vocabulary()
    for value, section, unknown in (  # one whole sentence a field: « le genre », « la tranche d'âge »
        (person.gender, "gender", N_("Valeur inconnue pour le genre : {value}")),
        (person.social_status, "social_status", N_("Valeur inconnue pour le statut social : {value}")),
        (person.age_bracket, "age_brackets", N_("Valeur inconnue pour la tranche d'âge : {value}")),
    ):
        if value is not None and value not in words[section]:
            raise ValueError(_(unknown).format(value=value))
    if person.birth_year is not None and not 1900 <= person.birth_year <= 2100:
        raise ValueError(_("L'année de naissance doit être entre 1900 et 2100."))


def add(db: Database, person: Participant) -> Participant:
    validate(person)
    return records.insert(db, "participants", person)


def update(db: Database, person: Participant) -> Participant:
    validate(person)
    with db.atomic():
        db.wrote("participants", people=[person.id], profiles=[person.id])
        return records.update(db, "participants", person)


def get(db: Database, person_id: str) -> Participant:
    return records.get(db, "participants", Participant, person_id)


def every(db: Database, include_archived: bool = False) -> list[Participant]:
    where = "" if include_archived else "WHERE archived_at IS NULL"
    rows = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM participants {where} "
        "ORDER BY last_name COLLATE NOCASE, first_name COLLATE NOCASE"
    ).fetchall()
    return [records.from_row(Participant, row) for row in rows]


def search(db: Database, text: str, include_archived: bool = False) -> list[Participant]:
    needle = fold(text.strip())
    everyone = every(db, include_archived)
    if not needle:
        return everyone
    return [p for p in everyone if needle in fold(f"{p.first_name} {p.last_name} {p.last_name} {p.first_name}")]


def archive(db: Database, person_id: str) -> None:
    with db.atomic():
        db.wrote("participants")
        db.execute("UPDATE participants SET archived_at = ?, updated_at = ? WHERE id = ?", [utc_now(), utc_now(), person_id])


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM participants").fetchone()[0]


def referring_tables(db: Database) -> list[tuple[str, str]]:
    """(table, column) of every foreign key to participants, read from the schema itself."""
    found = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for fk in db.execute(f"PRAGMA foreign_key_list('{table}')").fetchall():
            if fk[2] == "participants":
                found.append((table, fk[3]))
    return found


def erasure_report(db: Database, person_id: str) -> dict[str, int]:
    """What erasing the person removes: table → number of rows, the person's own row included."""
    report = {"participants": db.execute("SELECT count(*) FROM participants WHERE id = ?", [person_id]).fetchone()[0]}
    for table, column in referring_tables(db):
        report[table] = db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [person_id]).fetchone()[0]
    return report


def erase(db: Database, person_id: str) -> dict[str, int]:
    """Right to erasure: remove the person from every table, in one transaction."""
    with db.atomic():
        report = erasure_report(db, person_id)
        # The summaries of the sessions they were marked in change: the sync re-queues them.
        visited = [row[0] for row in db.execute("SELECT session_id FROM attendance WHERE participant_id = ?", [person_id])]
        db.wrote("participants", *(table for table, _column in referring_tables(db)), sessions=visited,
                 people=[person_id])  # their own progress summary, if any, says they are gone
        for table, column in referring_tables(db):
            db.execute(f"DELETE FROM {table} WHERE {column} = ?", [person_id])
        db.execute("DELETE FROM participants WHERE id = ?", [person_id])
    return report


def unarchive(db: Database, person_id: str) -> None:
    """Bring an archived person back into the lists."""
    with db.atomic():
        db.wrote("participants")
        db.execute("UPDATE participants SET archived_at = NULL, updated_at = ? WHERE id = ?", [utc_now(), person_id])


def named(db: Database, name: str) -> list[Participant]:
    """The people, archived ones too, called exactly ``name``: "Prénom Nom" or "Nom Prénom" (case aside)."""
    rows = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM participants "
        "WHERE trim(first_name || ' ' || last_name) = ?1 COLLATE NOCASE "
        "OR trim(last_name || ' ' || first_name) = ?1 COLLATE NOCASE ORDER BY last_name, first_name",
        [name],
    ).fetchall()
    return [records.from_row(Participant, row) for row in rows]
