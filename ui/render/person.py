"""Everything Atelier holds about one person (GDPR right of access), readable on paper:
the person's own record, every table that refers to them, row by row, then the
passages of free text that name them."""

from ui.render.flow import Block
from ui.render.page import tr

NAMES = {
    "group_members": "Groupes dont la personne fait partie",
    "attendance": "Présences aux séances",
    "step_progress": "Étapes de leçon suivies",
    "exercise_results": "Résultats d'exercices",
}


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, dict):
        return ", ".join(f"{k} : {_value(v)}" for k, v in value.items() if v not in (None, ""))
    return str(value)


def _row(row: dict) -> str:
    return "\n".join(f"{key} : {_value(value)}" for key, value in row.items())


def person_blocks(data: dict) -> list[Block]:
    person = data.get("participant", {})
    name = " ".join(str(person.get(k) or "") for k in ("first_name", "last_name")).strip() or str(person.get("id", ""))
    blocks = [
        Block("title", tr("Tout ce qu'Atelier sait de {name}").format(name=name)),
        Block("text", tr("Export du {date}, au titre du droit d'accès (RGPD). Chaque information enregistrée "
                         "sur cette personne figure ci-dessous.").format(date=data.get("exported_at", ""))),
        Block("heading", tr("La fiche de la personne")),
        Block("text", _row(person)),
    ]
    for table, rows in data.get("tables", {}).items():
        title = tr(NAMES[table]) if table in NAMES else table
        blocks.append(Block("heading", tr("{title} ({n})").format(title=title, n=len(rows))))
        if not rows:
            blocks.append(Block("small", tr("Rien d'enregistré.")))
        for row in rows:
            blocks.append(Block("small", _row(row)))
    passages = data.get("mentions", [])
    blocks.append(Block("heading", tr("Passages de texte qui la nomment ({n})").format(n=len(passages))))
    if not passages:
        blocks.append(Block("small", tr("Aucun.")))
    for passage in passages:
        blocks.append(Block("small", f"{passage['where']} :\n{passage['passage']}"))
    return blocks
