"""What the person export says on paper: words, not the database's keys.

The JSON file keeps every column as it is stored (for a program); the PDF is for the
person who asked: « Genre : féminin », the group's name, « en retard », dates in French.
Identifiers that only link one table to another are left to the JSON. A table or a
column added later still shows, under its own name: nothing held is ever left out.
"""

from dataclasses import dataclass
from datetime import date, datetime

from atelier.attendance import LABELS as ATTENDANCE
from atelier.exports.catalogue import module_index
from atelier.i18n import N_, _, ngettext
from atelier.vocabulary import label

LINKS = {"id", "participant_id", "group_id", "session_id", "device_id"}  # in the JSON file only
VOCABULARY = {"age_bracket": "age_brackets", "gender": "gender", "social_status": "social_status"}
FIELDS = {
    "first_name": N_("Prénom"), "last_name": N_("Nom"), "phone": N_("Téléphone"), "email": N_("Adresse e-mail"),
    "birth_year": N_("Année de naissance"), "age_bracket": N_("Tranche d'âge"), "gender": N_("Genre"),
    "social_status": N_("Situation"), "consent_date": N_("Consentement recueilli"), "notes": N_("Notes"),
    "archived_at": N_("Fiche archivée"), "created_at": N_("Fiche créée"),
    "updated_at": N_("Dernière modification"), "joined_at": N_("Entrée dans le groupe"),
    "group_name": N_("Groupe"), "status": N_("Présence"), "module_id": N_("Module"), "exercise_id": N_("Exercice"),
    "score": N_("Réussite"), "attempts": N_("Essais"), "duration_ms": N_("Durée"), "finished_at": N_("Fait"),
    "session": N_("Séance"),
}
TABLES = {
    "group_members": N_("Groupes dont la personne fait partie"),
    "attendance": N_("Présences aux séances"),
    "exercise_results": N_("Résultats d'exercices"),
}


@dataclass(frozen=True)
class Section:
    heading: str
    entries: list[str]  # one paragraph each: a record, its fields one a line


def when(value: str) -> str:
    """A stored date or UTC time, as read in France: 27/11/2026, or 27/11/2026 à 15:32."""
    try:
        if len(value) == 10:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
        return _("{day} à {time}").format(day=moment.strftime("%d/%m/%Y"), time=moment.strftime("%H:%M"))
    except ValueError:
        return value


def _duration(ms: int) -> str:
    minutes, seconds = divmod(round(ms / 1000), 60)
    return _("{m} min {s} s").format(m=minutes, s=seconds) if minutes else _("{s} s").format(s=seconds)


def _session(session: dict | None) -> str:
    if not session:
        return _("séance effacée")
    parts = [when(session.get("date", ""))]
    if session.get("start_time") and session.get("end_time"):
        parts[0] = _("{day}, de {start} à {end}").format(day=parts[0], start=session["start_time"],
                                                        end=session["end_time"])
    parts += [session[key] for key in ("group_name", "place") if session.get(key)]
    return ", ".join(parts)


def _value(key: str, value, modules, row: dict) -> str:
    if value is None or value == "":
        return "—"
    if key in VOCABULARY:
        words = label(VOCABULARY[key], value)
        return words[:1].lower() + words[1:]
    if key == "status" and value in ATTENDANCE:
        return _(ATTENDANCE[value])
    if key == "session":
        return _session(value)
    if key == "module_id":
        return modules[value].title if value in modules else value
    if key == "exercise_id":
        info = modules.get(row.get("module_id"))
        return info.exercises.get(value, value) if info else value
    if key == "score":
        return f"{round(float(value) * 100)} %"
    if key == "duration_ms":
        return _duration(int(value))
    if key.endswith(("_at", "_date")) and isinstance(value, str):
        return when(value)
    if isinstance(value, dict):
        return ", ".join(_field(k, v) for k, v in value.items() if v not in (None, ""))
    return str(value)


def _field(name: str, value) -> str:
    return _("{field} : {value}").format(field=name, value=value)


def _entry(row: dict, modules) -> str:
    return "\n".join(_field(_(FIELDS[key]) if key in FIELDS else key, _value(key, value, modules, row))
                      for key, value in row.items() if key not in LINKS)


def person_paper(data: dict, modules=None) -> list[Section]:
    """The sections of the paper export, from ``person.person_export``'s data."""
    index = module_index(modules)
    person = data.get("participant", {})
    fiche = _entry(person, index)
    if person.get("id"):
        fiche += "\n" + _("Identifiant dans Atelier : {id}").format(id=person["id"])
    sections = [Section(_("La fiche de la personne"), [fiche])]
    for table, rows in data.get("tables", {}).items():
        title = _(TABLES[table]) if table in TABLES else table
        entries = [_entry(row, index) for row in rows] or [_("Rien d'enregistré.")]
        sections.append(Section(f"{title} ({len(rows)})", entries))
    passages = data.get("mentions", [])
    heading = ngettext("Passage de texte qui la nomme ({n})", "Passages de texte qui la nomment ({n})",
                       len(passages)).format(n=len(passages))
    sections.append(Section(heading, [_("{where} :\n{passage}").format(where=p["where"], passage=p["passage"]) for p in passages] or [_("Aucun.")]))
    return sections
