"""The attestation: a certificate of the workshops one participant followed.

Sessions attended (marked present or late) in the period, hours, the modules followed
and the exercises done (a run reached results.DONE_SCORE), signed by the association.
"""

from dataclasses import dataclass
from datetime import date

from atelier.db import Database

from atelier import people, settings
from atelier.exports.catalogue import module_index, module_title
from atelier.exports.sheet import LOGO
from atelier.results import DONE_SCORE


@dataclass(frozen=True)
class AttendedSession:
    date: date
    start: str
    end: str
    minutes: int
    title: str  # the workshop (group) name
    module_title: str


@dataclass(frozen=True)
class ExerciseDone:
    module_title: str
    title: str
    times: int  # how many times it was finished
    last_done: date
    best: float = 1.0  # best score, 0.0 – 1.0 (done from results.DONE_SCORE)


@dataclass(frozen=True)
class Attestation:
    association: str
    logo_path: str | None
    site: str
    person_id: str
    person_name: str
    first: date | None  # the period asked for, or the first and last session attended
    last: date | None
    sessions: list[AttendedSession]
    minutes: int
    modules: list[str]  # titles of the modules followed, in the order first met
    exercises: list[ExerciseDone]
    issued_on: date
    facilitators: list[str]

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


def _minutes(start: str, end: str) -> int:
    (sh, sm), (eh, em) = map(int, start.split(":")), map(int, end.split(":"))
    return (eh * 60 + em) - (sh * 60 + sm)


def attestation_for(db: Database, participant_id: str, first: date | None = None, last: date | None = None,
                    modules=None, today: date | None = None) -> Attestation:
    """The attestation of one person; KeyError if the person does not exist."""
    person = people.get(db, participant_id)
    index = module_index(modules)
    low = first.isoformat() if first else "0000-00-00"
    high = last.isoformat() if last else "9999-99-99"
    rows = db.execute(
        """
        SELECT s.date, s.start_time, s.end_time, s.module_id, coalesce(g.name, '')
        FROM attendance a JOIN sessions s ON s.id = a.session_id LEFT JOIN groups g ON g.id = s.group_id
        WHERE a.participant_id = ? AND a.status IN ('present', 'late') AND s.status != 'cancelled'
          AND s.date BETWEEN ? AND ?
        ORDER BY s.date, s.start_time
        """,
        [participant_id, low, high],
    ).fetchall()
    attended, followed = [], []
    for day, start, end, module_id, group_name in rows:
        title = module_title(index, module_id)
        attended.append(AttendedSession(date.fromisoformat(day), start, end, _minutes(start, end),
                                        group_name or title, title))
        if title and title not in followed:
            followed.append(title)
    done = db.execute(
        """
        SELECT module_id, exercise_id, count(*), max(substr(finished_at, 1, 10)), max(score) FROM exercise_results
        WHERE participant_id = ? AND substr(finished_at, 1, 10) BETWEEN ? AND ?
        GROUP BY module_id, exercise_id HAVING max(score) >= ? ORDER BY min(finished_at)
        """,
        [participant_id, low, high, DONE_SCORE],
    ).fetchall()
    exercises = []
    for module_id, exercise_id, times, last_done, best in done:
        info = index.get(module_id)
        exercises.append(ExerciseDone(module_title(index, module_id),
                                      info.exercises.get(exercise_id, exercise_id) if info else exercise_id,
                                      times, date.fromisoformat(last_done), best))
    return Attestation(
        association=settings.get(db, settings.ASSOCIATION, "") or "",
        logo_path=settings.get(db, LOGO) or None,
        site=settings.get(db, settings.SITE, "") or "",
        person_id=person.id,
        person_name=person.full_name,
        first=first or (attended[0].date if attended else None),
        last=last or (attended[-1].date if attended else None),
        sessions=attended,
        minutes=sum(s.minutes for s in attended),
        modules=followed,
        exercises=exercises,
        issued_on=today or date.today(),
        facilitators=settings.facilitators(db),
    )
