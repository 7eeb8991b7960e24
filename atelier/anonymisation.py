"""Anonymisation: a person who no longer comes loses their name, not their place in the figures.

What the funders' figures count stays: the attendance marks and the three things the
figures break them down by (birth year or age bracket, gender, social status), so the
activity report and the summaries say the same before and after. Everything else goes:
name, phone, e-mail, consent date, notes, group memberships, exercise results, and the
person's name wherever free text or a stored summary holds it. The record is archived
under the name « [personne anonymisée] ».

Like an erasure, it is written in the erasure log (``atelier.erasure_log``) so that a
backup restored later is anonymised again at once.
"""

from atelier import erasure_log, mentions, people
from atelier.clock import utc_now
from atelier.db import Database

ANONYMOUS = "[personne anonymisée]"  # stored, never translated: it marks the record
# An anonymised record, in SQL: the one definition, for queries and for the log's replay.
ANONYMOUS_SQL = (f"(first_name = '{ANONYMOUS}' AND last_name = '' AND phone IS NULL AND email IS NULL "
                 "AND notes = '' AND consent_date IS NULL)")
KEPT = ("attendance",)  # the only rows about the person that stay: the figures count them


def is_anonymous(db: Database, person_id: str) -> bool:
    row = db.execute(f"SELECT {ANONYMOUS_SQL} FROM participants WHERE id = ?", [person_id]).fetchone()
    return bool(row and row[0])


def anonymise(db: Database, person_ids: list[str], log: bool = True) -> int:
    """Anonymise these people in one transaction; returns how many were not already.
    ``log=False`` only when replaying the log itself."""
    from atelier.sync import redaction  # the sync's modules load with the first write, not at start-up

    done = []
    with db.atomic():
        for person_id in person_ids:
            if is_anonymous(db, person_id):
                continue
            person = people.get(db, person_id)
            mentions.erase_name(db, person)
            redaction.forget(db, person)
            gone = [(table, column) for table, column in people.referring_tables(db) if table not in KEPT]
            db.wrote("participants", *(table for table, _column in gone), people=[person_id], profiles=[person_id])
            for table, column in gone:
                db.execute(f"DELETE FROM {table} WHERE {column} = ?", [person_id])
            now = utc_now()
            db.execute(
                "UPDATE participants SET first_name = ?, last_name = '', phone = NULL, email = NULL, notes = '', "
                "consent_date = NULL, archived_at = coalesce(archived_at, ?), updated_at = ? WHERE id = ?",
                [ANONYMOUS, now, now, person_id])
            done.append(person_id)
        if log:
            erasure_log.append(db, erasure_log.ANONYMISE, done)
    return len(done)
