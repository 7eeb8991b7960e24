"""The attestation of participation: what the association certifies, in full sentences,
the sessions, modules and exercises, and the place for its signature and stamp."""

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage

from atelier.i18n import _, plural
from ui.render.flow import Block
from ui.words import long_date, short_date


def _hours_words(value: float) -> str:
    """« 1,5 heure », « 6 heures » (French: below two is singular); "1.5 hours", "1 hour".
    gettext's plural forms take whole numbers: a fraction below two counts as 0, singular
    in French and plural in English, as each language says it."""
    hours = QLocale().toString(value, "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())
    n = 1 if value == 1 else 0 if value < 2 else int(value)
    return plural(n, "{hours} heure", "{hours} heures", hours=hours)


def attestation_blocks(att) -> list[Block]:
    blocks = []
    if att.logo_path and Path(att.logo_path).is_file() and not QImage(att.logo_path).isNull():
        blocks.append(Block("image", height=200, image=QImage(att.logo_path)))
    blocks.append(Block("heading", att.association))
    blocks.append(Block("title", _("Attestation de participation")))
    if att.sessions:
        sessions = plural(len(att.sessions), "{n} séance", "{n} séances")
        sentence = _("{association} atteste que {name} a participé à {sessions} d'atelier numérique "
                      "du {first} au {last}, soit {hours} de formation.").format(
            association=att.association or _("L'association"), name=att.person_name, sessions=sessions,
            first=long_date(att.first, capital=False), last=long_date(att.last, capital=False),
            hours=_hours_words(att.hours))
    else:
        sentence = _("{association} atteste que {name} fait partie de ses ateliers numériques ; "
                      "aucune séance suivie n'est enregistrée sur cette période.").format(
            association=att.association or _("L'association"), name=att.person_name)
    blocks.append(Block("text", sentence))
    if att.modules:
        blocks.append(Block("heading", _("Modules suivis")))
        blocks.append(Block("text", "\n".join(f"• {title}" for title in att.modules)))
    if att.sessions:
        blocks.append(Block("heading", _("Séances suivies")))
        lines = [_("{date}, de {start} à {end} — {title}").format(
            date=short_date(s.date), start=s.start, end=s.end, title=s.title) for s in att.sessions]
        for start in range(0, len(lines), 10):  # ten lines a block, so that pages break between them
            blocks.append(Block("text", "\n".join(lines[start:start + 10])))
    if att.exercises:
        blocks.append(Block("heading", _("Exercices pratiqués")))
        lines = [plural(e.times, "{module} : {title} ({n} fois)", "{module} : {title} ({n} fois)",
                        module=e.module_title, title=e.title) for e in att.exercises]
        for start in range(0, len(lines), 10):
            blocks.append(Block("text", "\n".join(lines[start:start + 10])))
    issued = long_date(att.issued_on, capital=False)
    done = (_("Fait à {town}, le {date}.").format(town=att.town, date=issued) if att.town
            else _("Fait le {date}.").format(date=issued))
    blocks.append(Block("text", done))
    blocks.append(Block("box", _("Pour l'association, signature et cachet :"), height=300,
                        extra={"x": 900, "w": 900}))
    return blocks
