"""The attestation: a certificate of the workshops one participant followed.

Sessions attended (marked present or late) in the period, hours, the modules followed
and the exercises done (a run reached results.DONE_SCORE), signed by the association.
"""

from dataclasses import dataclass
from datetime import date

from atelier.db import Database

from atelier import attendance, people, results, settings
from atelier.exports.catalogue import module_index, module_title
from atelier.exports.sheet import LOGO


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
    town: str = ""  # « Fait à {town} »; none set: « Fait le … »

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


def attestation_for(db: Database, participant_id: str, first: date | None = None, last: date | None = None,
                    modules=None, today: date | None = None) -> Attestation:
    """The attestation of one person; KeyError if the person does not exist."""
    person = people.get(db, participant_id)
    index = module_index(modules)
    attended, followed = [], []
    for row in attendance.attended(db, participant_id, first, last):
        session = row.session
        title = module_title(index, session.module_id)
        attended.append(AttendedSession(date.fromisoformat(session.date), session.start_time, session.end_time,
                                        session.duration_minutes, row.group_name or title, title))
        if title and title not in followed:
            followed.append(title)
    exercises = []
    for module_id, exercise_id, cell in results.done_by(db, participant_id, first, last):
        info = index.get(module_id)
        exercises.append(ExerciseDone(module_title(index, module_id),
                                      info.exercises.get(exercise_id, exercise_id) if info else exercise_id,
                                      cell.runs, date.fromisoformat(cell.last[:10]), cell.best))
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
        town=(settings.get(db, settings.TOWN, "") or "").strip(),
    )
