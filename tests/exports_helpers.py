"""Hand-made data for the export tests: one group, known people, known sessions."""

from datetime import date
from pathlib import Path

from atelier import attendance, groups, people, sessions, settings
from atelier.exports.catalogue import ModuleInfo
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from atelier.store import Store

MODULES = [
    ModuleInfo("souris", "La souris", ("prendre_en_main_du_materiel",), "debutant", {"cliquer": "Cliquer"}),
    ModuleInfo("mail", "Le courriel", ("email", "navigation_sur_internet"), "intermediaire", {"envoyer": "Envoyer"}),
]


def world_in(home: Path) -> dict:
    """``make_world`` in the data file of ``home``, closed again: the commands open it themselves."""
    store = Store.open(home)
    try:
        return make_world(store.db)
    finally:
        store.close()


def make_world(db):
    """Returns dict of ids: group, people by short name, sessions by short name."""
    settings.put(db, settings.ASSOCIATION, "Les Ateliers d'Émile")
    group = groups.add(db, Group(name="Débutants du mardi", place="Salle Hélène", start_time="14:00", end_time="16:00"))
    folks = {
        "helene": Participant("Hélène", "Martin", birth_year=1956, gender="feminin", social_status="retraite"),  # 70 in 2026
        "jose": Participant("José", "Fernandes", birth_year=1960, gender="masculin", social_status="retraite"),  # 66
        "ana": Participant("Ana", "Åberg", birth_year=1990, gender="feminin", social_status="en_emploi"),  # 36
        "x": Participant("=SUM(1)", "+33612345678", age_bracket="soixante_dix_plus"),  # no gender, no status
        "old": Participant("Odette", "Ancienne", birth_year=1940, gender="feminin", social_status="retraite"),
    }
    ids = {}
    for key, person in folks.items():
        ids[key] = people.add(db, person).id
        if key != "old":
            groups.add_member(db, group.id, ids[key])
    plan = {
        "before": Session("2025-12-02", "14:00", "16:00", group.id, "Salle Hélène", "Martine Lefèvre", "souris", "done"),
        "s1": Session("2026-01-06", "14:00", "16:00", group.id, "Salle Hélène", "Martine Lefèvre", "souris", "done"),
        "s2": Session("2026-02-03", "09:30", "11:00", group.id, "@Salle", "-Karim", "mail", "done"),
        "cancelled": Session("2026-02-10", "14:00", "16:00", group.id, "Salle Hélène", "", "mail", "cancelled"),
        "long": Session("2026-03-03", "10:00", "17:00", group.id, "Salle Hélène", "Martine Lefèvre", "mail", "planned"),
    }
    for key, session in plan.items():
        ids[key] = sessions.add(db, session).id
    marks = {
        "before": {"old": "present"},
        "s1": {"helene": "present", "jose": "late", "ana": "absent", "x": "present", "old": "present"},
        "s2": {"helene": "present", "ana": "present", "x": "excused"},
        "cancelled": {"helene": "present"},
    }
    for session, who in marks.items():
        for person, status in who.items():
            attendance.mark(db, ids[session], ids[person], status)
    ids["group"] = group.id
    return ids


FIRST, LAST = date(2026, 1, 1), date(2026, 3, 31)
