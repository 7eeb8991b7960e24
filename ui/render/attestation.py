"""The attestation of participation: what the association certifies, in full sentences,
the sessions, modules and exercises, and the place for its signature and stamp."""

from pathlib import Path

from PySide6.QtGui import QImage

from ui.render.flow import Block
from ui.render.page import tr
from ui.words import french_date, short_date


def _hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def attestation_blocks(att) -> list[Block]:
    blocks = []
    if att.logo_path and Path(att.logo_path).is_file() and not QImage(att.logo_path).isNull():
        blocks.append(Block("image", height=200, image=QImage(att.logo_path)))
    blocks.append(Block("heading", att.association))
    blocks.append(Block("title", tr("Attestation de participation")))
    if att.sessions:
        sentence = tr("{association} atteste que {name} a participé à {n} séance(s) d'atelier numérique "
                      "du {first} au {last}, soit {hours} heure(s) de formation.").format(
            association=att.association or tr("L'association"), name=att.person_name, n=len(att.sessions),
            first=french_date(att.first, capital=False), last=french_date(att.last, capital=False),
            hours=_hours(att.hours))
    else:
        sentence = tr("{association} atteste que {name} est inscrit(e) à ses ateliers numériques ; "
                      "aucune séance suivie n'est enregistrée sur cette période.").format(
            association=att.association or tr("L'association"), name=att.person_name)
    blocks.append(Block("text", sentence))
    if att.modules:
        blocks.append(Block("heading", tr("Modules suivis")))
        blocks.append(Block("text", "\n".join(f"• {title}" for title in att.modules)))
    if att.sessions:
        blocks.append(Block("heading", tr("Séances suivies")))
        lines = [tr("{date}, de {start} à {end} — {title}").format(
            date=short_date(s.date), start=s.start, end=s.end, title=s.title) for s in att.sessions]
        for start in range(0, len(lines), 10):  # ten lines a block, so that pages break between them
            blocks.append(Block("text", "\n".join(lines[start:start + 10])))
    if att.exercises:
        blocks.append(Block("heading", tr("Exercices pratiqués")))
        lines = [tr("{module} : {title} ({times} fois)").format(module=e.module_title, title=e.title, times=e.times)
                 for e in att.exercises]
        for start in range(0, len(lines), 10):
            blocks.append(Block("text", "\n".join(lines[start:start + 10])))
    place = att.site or ""
    issued = french_date(att.issued_on, capital=False)
    done = (tr("Fait à {place}, le {date}.").format(place=place, date=issued) if place
            else tr("Fait le {date}.").format(date=issued))
    blocks.append(Block("text", done))
    blocks.append(Block("box", tr("Pour l'association, signature et cachet :"), height=300,
                        extra={"x": 900, "w": 900}))
    return blocks
