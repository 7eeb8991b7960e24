"""The feuille d'émargement: what one session's attendance sheet says.

The core decides the content; ``ui/render`` lays it out as a PDF. A sheet is either
blank (printed before the session, one row per member of the group) or completed
(presence marked from the roll call).
"""

from dataclasses import dataclass
from datetime import date

from atelier.db import Database

from atelier import attendance, sessions, settings
from atelier.exports.catalogue import module_index, module_title
from atelier.i18n import N_, _
from atelier.people import fold

LOGO = "logo_path"  # settings key: an image printed at the top of documents, if set
NOON = "12:00"
MARKS = {attendance.PRESENT: N_("Présent(e)"), attendance.ABSENT: N_("Absent(e)"),
         attendance.EXCUSED: N_("Excusé(e)"), attendance.LATE: N_("En retard")}  # the roll call's word on a sheet


@dataclass(frozen=True)
class SheetRow:
    name: str  # "Prénom Nom", as the sheet's column says
    present: bool | None  # None on a blank sheet, or when the roll left the person unmarked
    status_label: str  # "Présent(e)", "Absent(e)", "Excusé(e)", "En retard"; "" on a blank sheet


@dataclass(frozen=True)
class SheetContent:
    association: str
    logo_path: str | None
    title: str  # the workshop (group) name
    module_title: str
    date: date
    start: str  # "14:00"
    end: str
    place: str
    facilitator: str
    rows: list[SheetRow]
    blank_rows: int  # empty rows for walk-ins (none on a completed sheet: its last page's room only)
    half_days: list[str]  # one signature column each: ["Matin"], ["Après-midi"] or both
    completed: bool
    session_id: str = ""
    site: str = ""


def half_days(start: str, end: str) -> list[str]:
    """The signature columns: one per half-day the session touches (12:00 splits the day)."""
    columns = []
    if start < NOON:
        columns.append(_("Matin"))
    if end > NOON:
        columns.append(_("Après-midi"))
    return columns or [_("Matin")]


def sheet_for(db: Database, session_id: str, completed: bool, blank_rows: int = 5,
              modules=None) -> SheetContent:
    """The sheet of one session; KeyError if the session does not exist."""
    found = sessions.get_row(db, session_id)
    session = found.session
    title = module_title(module_index(modules), session.module_id)
    rows = []
    roll = sorted(attendance.roll(db, session_id), key=lambda p: (fold(p.last_name), fold(p.first_name)))
    for person in roll:  # alphabetical as a French reader expects: Émile beside Emma
        if not completed:
            rows.append(SheetRow(person.full_name, None, ""))
            continue
        status = person.status
        present = None if status is None else attendance.came(status)
        rows.append(SheetRow(person.full_name, present, _(MARKS[status]) if status else ""))
    return SheetContent(
        association=settings.get(db, settings.ASSOCIATION, "") or "",
        logo_path=settings.get(db, LOGO) or None,
        title=found.group_name or title or _("Atelier numérique"),
        module_title=title,
        date=date.fromisoformat(session.date),
        start=session.start_time,
        end=session.end_time,
        place=found.place,
        facilitator=session.facilitator,
        rows=rows,
        blank_rows=0 if completed else max(0, blank_rows),  # after the roll, only the last page's room
        half_days=half_days(session.start_time, session.end_time),
        completed=completed,
        session_id=session_id,
        site=settings.get(db, settings.SITE, "") or "",
    )


def sheets_for_period(db: Database, first: date, last: date, group_id: str | None = None) -> list[str]:
    """Ids of the sessions (cancelled ones left out) from ``first`` to ``last``, in date order."""
    return [row.session.id for row in sessions.scheduled_between(db, first, last, group_id)]
