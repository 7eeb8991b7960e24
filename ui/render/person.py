"""Everything Atelier holds about one person (GDPR right of access), readable on paper:
the person's own record, every table that refers to them, row by row, then the
passages of free text that name them. What each line says is the core's
(``atelier.exports.person_paper``: words, not keys); this lays it out."""

from atelier.i18n import _
from atelier.exports import national
from atelier.exports.person_paper import person_paper, when
from ui.render.flow import Block


def person_blocks(data: dict) -> list[Block]:
    person = data.get("participant", {})
    name = " ".join(str(person.get(k) or "") for k in ("first_name", "last_name")).strip() or str(person.get("id", ""))
    blocks = [
        Block("title", _("Tout ce qu'Atelier sait de {name}").format(name=name)),
        Block("text", _("Export du {date}, au titre du droit d'accès (RGPD). Chaque information enregistrée "
                         "sur cette personne figure ci-dessous ; le fichier JSON joint la donne aussi telle "
                         "qu'elle est enregistrée.").format(date=when(data.get("exported_at", "")))),
    ]
    if note := national.note():  # age bracket, gender and situation stay in the national words
        blocks.append(Block("small", note))
    for n, section in enumerate(person_paper(data)):
        blocks.append(Block("heading", section.heading))
        kind = "text" if n == 0 else "small"  # the person's own record a little larger
        blocks += [Block(kind, entry) for entry in section.entries]
    return blocks
