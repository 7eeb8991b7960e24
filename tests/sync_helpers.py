"""Real closed sessions for the sync's tests: a group, people, marks, summaries queued."""

from datetime import date

from atelier import attendance, groups, people, sessions
from atelier.sync import summaries


def closed_sessions(db, count: int = 2, first_day: date = date(2026, 3, 3)) -> tuple[list, list]:
    """``count`` weekly sessions of one group, marked and closed: ``count`` summaries queued."""
    group = groups.add(db, groups.Group("Débutants", place="Maison des Tilleuls"))
    who = [people.add(db, people.Participant(first_name, last_name, birth_year=1950, gender="feminin"))
           for first_name, last_name in (("Hélène", "Vasseur"), ("Gérard", "Lemoine"))]
    made = []
    for week in range(count):
        day = date.fromordinal(first_day.toordinal() + 7 * week)
        session = sessions.add(db, sessions.Session(day.isoformat(), "14:00", "16:00", group.id))
        for person in who:
            attendance.mark(db, session.id, person.id, attendance.PRESENT)
        summaries.close_session(db, session.id, "")
        made.append(session)
    return who, made
