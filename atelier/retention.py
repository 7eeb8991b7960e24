"""Retention: people who no longer come are not kept for ever (GDPR).

Réglages say how long (``settings.retention_years``, 3 years by default) after the last
time a person came. Past that, the person is listed at start-up (and by ``atelier
people purge``) for the facilitator to confirm their anonymisation
(``atelier.anonymisation``): their name goes, their attendance stays counted in the
funders' figures. Someone registered who never came counts from their registration.

« Plus tard » puts the question off for a week: it never comes back at every start.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from atelier import anonymisation, attendance, settings
from atelier.db import Database
from atelier.i18n import plural

ASK_AFTER = "retention_ask_after"  # ISO date: « Plus tard » was chosen, ask again from then
POSTPONE = timedelta(days=7)


@dataclass(frozen=True)
class Inactive:
    """A person past the retention period, and the last day they were seen."""

    person_id: str
    full_name: str
    last_seen: date


def gone_for(years: int) -> str:
    """How long the people listed have not come, said alike by the dialog, the Réglages
    and the command: « depuis plus de 3 ans », « depuis plus d'un an »."""
    return plural(years, "depuis plus d'un an", "depuis plus de {n} ans")


def cutoff(today: date, years: int) -> date:
    """The same day ``years`` earlier (a 29 February becomes the 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def inactive(db: Database, today: date, years: int | None = None) -> list[Inactive]:
    """Everyone not seen since before the cutoff, the longest gone first; the anonymised
    left out. Seen: came to a session that took place (as the figures count it), did an
    exercise, or was registered."""
    limit = cutoff(today, years or settings.retention_years(db))
    rows = db.execute(
        f"""
        SELECT id, name, seen FROM (
            SELECT p.id, trim(p.first_name || ' ' || p.last_name) AS name, p.last_name, p.first_name, max(
                substr(p.created_at, 1, 10),
                coalesce((SELECT max(s.date) FROM attendance a JOIN sessions s ON s.id = a.session_id
                          WHERE a.participant_id = p.id AND {attendance.came_sql("a")}
                            AND {attendance.held_sql("s")}), ''),
                coalesce((SELECT max(substr(r.finished_at, 1, 10)) FROM exercise_results r
                          WHERE r.participant_id = p.id), '')) AS seen
            FROM participants p WHERE NOT {anonymisation.ANONYMOUS_SQL})
        WHERE seen < ? ORDER BY seen, last_name COLLATE NOCASE, first_name COLLATE NOCASE
        """,
        [limit.isoformat()],
    ).fetchall()
    return [Inactive(row[0], row[1], date.fromisoformat(row[2])) for row in rows]


def to_confirm(db: Database, today: date) -> list[Inactive]:
    """Whom to list at start-up: nobody while the question is put off."""
    after = settings.get(db, ASK_AFTER) or ""
    if after and after > today.isoformat():
        return []
    return inactive(db, today)


def postpone(db: Database, today: date) -> None:
    """« Plus tard »: the start-up question waits a week."""
    settings.put(db, ASK_AFTER, (today + POSTPONE).isoformat())


def anonymise(db: Database, person_ids: list[str]) -> int:
    """Anonymise the people the facilitator confirmed; how many were."""
    from atelier import erasure  # loaded when someone is anonymised, not at every start-up's question

    done = anonymisation.anonymise(db, list(person_ids))
    erasure.checkpoint(db)
    return done
