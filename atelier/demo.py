"""Demonstration data: a small association's term, to try Atelier without real people.

``fill()`` goes through the core's own functions, so that every rule of the domain
applies to the demonstration as it does to real data, and writes everything in one
transaction. Each group's term follows the beginners' course (atelier.lessons.course)
with the lesson modules installed here, so that every session opens a lesson. The
names are made up and the contact details fictitious (06 00 00 00 xx, example.org),
as the CNIL advises for digital-mediation spaces. Everything is drawn
from a seeded generator, so two demonstrations are the same apart from the dates,
which follow today: some sessions are past (with the roll taken), one is today, some
are coming.
"""

import random
from collections.abc import Sequence
from datetime import date, timedelta

from atelier.db import Database

from atelier import attendance, groups, people, sessions, settings
from atelier.exports.catalogue import module_index
from atelier.lessons.course import COURSE
from atelier.groups import Group
from atelier.i18n import _
from atelier.people import Participant, fold
from atelier.sessions import Session

DEMO = "demo"  # settings key; "1" on a demonstration database
SEED = 1944

ASSOCIATION = "Association Les Ateliers du Quartier"
SITE = "Maison de quartier des Tilleuls"
FACILITATORS = ("Martine Lefèvre", "Karim Benali", "Sophie Nguyen")
PLACE = "Maison de quartier des Tilleuls, salle informatique"

# first name, last name, gender key
PEOPLE = (
    ("Hélène", "Martin", "feminin"),
    ("José", "Fernandes", "masculin"),
    ("Françoise", "Lefebvre", "feminin"),
    ("Gérard", "Dubois", "masculin"),
    ("Monique", "Girard", "feminin"),
    ("Jean-Pierre", "Moreau", "masculin"),
    ("Geneviève", "Laurent", "feminin"),
    ("Michel", "Roux", "masculin"),
    ("Josiane", "Faure", "feminin"),
    ("André", "Mercier", "masculin"),
    ("Colette", "Bonnet", "feminin"),
    ("Raymond", "Lambert", "masculin"),
    ("Marie-Thérèse", "Fontaine", "feminin"),
    ("Bernard", "Chevalier", "masculin"),
    ("Yvette", "Rousseau", "feminin"),
    ("Abdelkader", "Haddad", "masculin"),
    ("Fatima", "Belkacem", "feminin"),
    ("Danièle", "Perrin", "feminin"),
    ("René", "Gauthier", "masculin"),
    ("Simone", "Morel", "feminin"),
    ("Jacques", "Noël", "masculin"),
    ("Thérèse", "Clément", "feminin"),
    ("Lucien", "Barbier", "masculin"),
    ("Odette", "Lemaître", "feminin"),
    ("Lan", "Nguyen", "feminin"),
    ("Paulette", "Brun", "feminin"),
    ("Maurice", "Renaud", "masculin"),
    ("Christiane", "Leroy", "non_communique"),
    ("Ginette", "Picard", "feminin"),
    ("Manuel", "Da Silva", "masculin"),
    ("Jeannine", "Aubert", "feminin"),
    ("Noëlle", "Müller", "feminin"),
)

NOTES = (
    "Voit mal de près : agrandir le texte.",
    "Préfère venir avec sa propre tablette.",
    "Souhaite apprendre à appeler ses petits-enfants en vidéo.",
    "Main droite fragile : essayer la souris pour gaucher.",
)

# name, weekday (0 = Monday), start, end, facilitator, size of the group, where its term starts in COURSE
GROUPS = (
    ("Débutants du mardi", 1, "14:00", "16:00", FACILITATORS[0], 12, "la-souris"),
    ("Tablette et smartphone", 3, "10:00", "12:00", FACILITATORS[1], 10, "ma-sante-en-ligne"),
    ("Internet pratique", 4, "14:00", "16:00", FACILITATORS[2], 9, "aller-sur-internet"),
)
PERMANENCE = ("Permanence numérique", "09:30", "11:30", FACILITATORS[0], 8, "acheter-et-payer-en-ligne")

PAST_WEEKS, COMING_WEEKS = 8, 3  # a term of 12 weekly sessions: 8 past, this week, 3 to come

SESSION_NOTES = (
    "Beaucoup de questions sur le double-clic : à reprendre la prochaine fois.",
    "Bonne ambiance, tout le monde a fini les exercices.",
    "Panne de vidéoprojecteur : travail sur les postes.",
)


def is_demo(db: Database) -> bool:
    return settings.get(db, DEMO) == "1"


def fill(db: Database, today: date | None = None, modules: Sequence[str] | None = None) -> dict:
    """Fill an empty database with the demonstration; returns the counts written.

    `modules`: the ids of the lesson modules the sessions may use; by default those
    installed here (the shipped packs and the trainer's own).
    """
    today = today or date.today()
    course = course_order(module_index() if modules is None else modules)
    if _has_data(db):
        raise ValueError(_("La démonstration ne remplit qu'une base vide : celle-ci contient déjà des données."))
    rng = random.Random(SEED)
    with db.atomic():
        settings.put(db, settings.ASSOCIATION, ASSOCIATION)
        settings.put(db, settings.SITE, SITE)
        settings.put(db, settings.FACILITATORS, "\n".join(FACILITATORS))
        settings.put(db, DEMO, "1")
        term_start = today - timedelta(weeks=PAST_WEEKS + 1)
        everyone = [people.add(db, _person(rng, i, first, last, gender, term_start))
                    for i, (first, last, gender) in enumerate(PEOPLE)]
        plan = list(GROUPS)
        weekdays = {g[1] for g in GROUPS}
        # A fourth group meets on today's weekday when none of the others does, so that
        # the home screen always has a session today; otherwise on Wednesdays.
        name, start, end, facilitator, size, first = PERMANENCE
        plan.append((name, today.weekday() if today.weekday() not in weekdays else 2, start, end, facilitator, size,
                     first))
        made_sessions = 0
        for index, (name, weekday, start, end, facilitator, size, first) in enumerate(plan):
            group = groups.add(db, Group(name=name, place=PLACE, weekday=weekday, start_time=start, end_time=end))
            members = rng.sample(everyone, size)
            for person in members:
                groups.add_member(db, group.id, person.id)
            term = term_modules(course, first, PAST_WEEKS + 1 + COMING_WEEKS)
            made_sessions += _term(db, rng, today, group, facilitator, members, term, cancel_one=index == 1)
    return dict(groups=len(plan), people=len(everyone), sessions=made_sessions)


def course_order(installed) -> list[str]:
    """The installed modules of the course, in its order; when none of them is installed,
    the installed modules themselves (an association's own packs), by id."""
    course = [module for module in COURSE if module in installed]
    return course or sorted(installed)


def term_modules(course: Sequence[str], first: str, weeks: int) -> list[str | None]:
    """The module of each weekly session of a term: the course from `first` on (or from
    the next installed module after it), one a week; when fewer modules remain than
    weeks, each lasts several weeks, still in order. No module installed: none."""
    if not course:
        return [None] * weeks
    start = COURSE.index(first) if first in COURSE else 0
    rest = [m for m in course if m in COURSE and COURSE.index(m) >= start] or list(course)
    if len(rest) >= weeks:
        return rest[:weeks]
    return [rest[week * len(rest) // weeks] for week in range(weeks)]


def _has_data(db: Database) -> bool:
    return any(db.execute(f"SELECT EXISTS (SELECT 1 FROM {t})").fetchone()[0]
               for t in ("participants", "groups", "sessions"))


def _person(rng: random.Random, index: int, first: str, last: str, gender: str, term_start: date) -> Participant:
    status = rng.choices(("retraite", "sans_emploi", "en_emploi", "non_communique"), (85, 6, 4, 5))[0]
    birth_year = rng.randint(1938, 1965)
    age_bracket = None
    if index % 11 == 7:  # some only give their age bracket
        birth_year, age_bracket = None, "soixante_dix_plus"
    phone = f"06 00 00 00 {index + 10:02d}" if rng.random() < 0.6 else None
    email = None
    if rng.random() < 0.35:
        local = fold(f"{first}.{last}").replace(" ", "-")
        email = f"{local}@example.org"
    consent = term_start - timedelta(days=rng.randint(0, 20))
    notes = NOTES[index // 8] if index % 8 == 3 else ""
    return Participant(
        first_name=first, last_name=last, phone=phone, email=email, birth_year=birth_year,
        age_bracket=age_bracket, gender=gender, social_status=status,
        consent_date=consent.isoformat(), notes=notes,
    )


def _term(db, rng, today: date, group: Group, facilitator: str, members, modules: list[str | None],
          cancel_one: bool) -> int:
    """Twelve weekly sessions around today, the roll taken for the past ones; `modules`
    gives each week's lesson, in order."""
    latest = today - timedelta(days=(today.weekday() - group.weekday) % 7)  # on or before today
    made = 0
    for week in range(-PAST_WEEKS, COMING_WEEKS + 1):
        day = latest + timedelta(weeks=week)
        past = day < today
        status, notes = ("done" if past else "planned"), ""
        if cancel_one and week == -4:
            status, notes = "cancelled", "Salle fermée (vacances scolaires)."
        elif past and rng.random() < 0.3:
            notes = rng.choice(SESSION_NOTES)
        module = modules[week + PAST_WEEKS]
        session = sessions.add(db, Session(
            date=day.isoformat(), start_time=group.start_time, end_time=group.end_time,
            group_id=group.id, place=group.place, facilitator=facilitator,
            module_id=module, status=status, notes=notes,
        ))
        made += 1
        if past and status == "done":
            for person in members:
                mark = rng.choices(attendance.STATUSES, (82, 6, 6, 6))[0]
                attendance.mark(db, session.id, person.id, mark)
    return made
