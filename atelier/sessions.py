"""Sessions: one workshop on one date, for a group, following a lesson module."""

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import NamedTuple

from atelier.db import Database, in_chunks

from atelier import records
from atelier.clock import new_id, utc_now
from atelier.i18n import _

PLANNED, DONE, CANCELLED = "planned", "done", "cancelled"
STATUSES = (PLANNED, DONE, CANCELLED)


@dataclass(frozen=True)
class Session:
    """One workshop on one date (its own docstring: else dataclass builds one from its signature at every start)."""

    date: str  # ISO date, local
    start_time: str  # "14:00", local
    end_time: str
    group_id: str | None = None
    place: str = ""
    facilitator: str = ""
    module_id: str | None = None
    status: str = PLANNED
    notes: str = ""
    id: str = field(default_factory=new_id)
    created_at: str = ""
    updated_at: str = ""

    @property
    def duration_minutes(self) -> int:
        start_h, start_m = map(int, self.start_time.split(":"))
        end_h, end_m = map(int, self.end_time.split(":"))
        return (end_h * 60 + end_m) - (start_h * 60 + start_m)


class SessionRow(NamedTuple):  # not a dataclass: defined at every start, 0.6 ms less
    """A session as listed on the home screen, with its group's name."""

    session: Session
    group_name: str
    group_place: str = ""

    @property
    def place(self) -> str:
        """Where it takes place: the session's own place, or else its group's."""
        return self.session.place or self.group_place


_COLUMNS = records.columns(Session)


def is_past(session: Session, today: date) -> bool:
    """Before today: its roll is only changed after the facilitator confirmed it."""
    return session.date < today.isoformat()


def validate(session: Session) -> None:
    try:
        date.fromisoformat(session.date)
    except ValueError:
        raise ValueError(_("Date invalide : {value}").format(value=session.date)) from None
    for value in (session.start_time, session.end_time):
        try:
            hours, minutes = map(int, value.split(":"))
            if not (0 <= hours < 24 and 0 <= minutes < 60):
                raise ValueError
        except ValueError:
            raise ValueError(_("Heure invalide : {value} (attendu : 14:00)").format(value=value)) from None
    if session.duration_minutes <= 0:
        raise ValueError(_("L'heure de fin doit être après l'heure de début."))
    if session.status not in STATUSES:
        raise ValueError(session.status)


def add(db: Database, session: Session) -> Session:
    validate(session)
    return records.insert(db, "sessions", session)


def update(db: Database, session: Session) -> Session:
    validate(session)
    with db.atomic():
        note_written(db, session.id)
        return records.update(db, "sessions", session)


def note_written(db: Database, session_id: str) -> None:
    """A session's date, times or status change: so may its summary, and the first
    visit of everyone marked in it."""
    marked = [row[0] for row in db.execute("SELECT participant_id FROM attendance WHERE session_id = ?", [session_id])]
    db.wrote("sessions", sessions=[session_id], people=marked)


def get(db: Database, session_id: str) -> Session:
    return records.get(db, "sessions", Session, session_id)


def upcoming(db: Database, today: date, limit: int = 20, cancelled: bool = False) -> list[SessionRow]:
    """Today's sessions first, then the coming ones; cancelled ones left out unless asked for."""
    where = "s.date >= ?" if cancelled else "s.date >= ? AND s.status != 'cancelled'"
    return listed(db, where, [today.isoformat()], limit)


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM sessions").fetchone()[0]


def series_dates(first: date, last: date) -> list[date]:
    """Every week's date from ``first`` to ``last``, for the facilitator to untick holidays."""
    dates, current = [], first
    while current <= last:
        dates.append(current)
        current += timedelta(days=7)
    return dates


def plan_series(db: Database, template: Session, dates: list[date]) -> list[Session]:
    """One session per chosen date, all or none."""
    planned = [replace(template, id=new_id(), date=day.isoformat()) for day in dates]
    with db.atomic():
        return [add(db, session) for session in planned]


def cancel(db: Database, session_id: str) -> None:
    with db.atomic():
        note_written(db, session_id)
        db.execute(
            "UPDATE sessions SET status = 'cancelled', updated_at = ? WHERE id = ?", [utc_now(), session_id]
        )


def restore(db: Database, session_id: str) -> None:
    """A session cancelled by mistake is planned again."""
    with db.atomic():
        note_written(db, session_id)
        db.execute("UPDATE sessions SET status = 'planned', updated_at = ? WHERE id = ? AND status = 'cancelled'",
                   [utc_now(), session_id])


def move_to(db: Database, session_id: str, day: date) -> Session:
    """The session takes place on ``day`` rather than on the day it was planned for."""
    with db.atomic():
        return update(db, replace(get(db, session_id), date=day.isoformat()))


LOOK_BACK = timedelta(days=366)  # a year back is what a facilitator looks for; exports cover the rest


def coming(db: Database, today: date) -> list[SessionRow]:
    """Today's and the coming sessions (two years ahead), cancelled ones shown as such."""
    return between(db, today, today + 2 * LOOK_BACK)


def past(db: Database, today: date) -> list[SessionRow]:
    """The past sessions (see ``is_past``) of the last year, the newest first."""
    return list(reversed(between(db, today - LOOK_BACK, today - timedelta(days=1))))


def between(db: Database, first: date, last: date) -> list[SessionRow]:
    return listed(db, "s.date BETWEEN ? AND ?", [first.isoformat(), last.isoformat()])


def listed(db: Database, where: str, parameters: list, limit: int | None = None) -> list[SessionRow]:
    """The sessions ``s`` (with their group ``g``) that the SQL condition ``where`` keeps,
    in date order: the one query behind every list of sessions of the domain."""
    columns = ", ".join(f"s.{c}" for c in _COLUMNS)
    rows = db.execute(
        f"SELECT {columns}, coalesce(g.name, ''), coalesce(g.place, '') FROM sessions s "
        f"LEFT JOIN groups g ON g.id = s.group_id WHERE {where} ORDER BY s.date, s.start_time, s.id"
        + ("" if limit is None else " LIMIT ?"),
        [*parameters] + ([] if limit is None else [limit]),
    ).fetchall()
    return [SessionRow(records.from_row(Session, row[:-2]), *row[-2:]) for row in rows]


def get_row(db: Database, session_id: str) -> SessionRow:
    """One session with its group's name and place; KeyError if there is none."""
    found = listed(db, "s.id = ?", [session_id])
    if not found:
        raise KeyError(session_id)
    return found[0]


def scheduled_between(db: Database, first: date, last: date, group_id: str | None = None) -> list[SessionRow]:
    """The sessions from ``first`` to ``last`` (both included), cancelled ones left out,
    of one group or of all."""
    where = "s.date BETWEEN ? AND ? AND s.status != 'cancelled'"
    parameters = [first.isoformat(), last.isoformat()]
    if group_id is not None:
        where, parameters = where + " AND s.group_id = ?", parameters + [group_id]
    return listed(db, where, parameters)


def with_ids(db: Database, session_ids) -> dict[str, SessionRow]:
    """Session id → SessionRow for the ids that exist, in as few queries as SQLite allows."""
    ids, found = sorted(set(session_ids)), {}
    for chunk, marks in in_chunks(ids):
        found.update((row.session.id, row) for row in listed(db, f"s.id IN ({marks})", chunk))
    return found
