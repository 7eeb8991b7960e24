"""« Déjà connue ? »: the people a name being typed may already be, each with a button to
use that record rather than make a second one of the same person.

Every place that creates a person shows it under the name fields (the participants'
form, a group's « Nouvelle personne », the roll's walk-in). It looks again at each
change of the name (a quick read), and hides when no one matches.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import duplicates
from atelier.duplicates import Match
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.notice import Notice
from ui.words import short_date




def describe(match: Match) -> str:
    """'Hélène Martin — née en 1948 · Souris · venue le 10/11/2026 · fiche archivée'."""
    p = match.person
    parts = []
    if p.birth_year:
        parts.append(_("née en {year}").format(year=p.birth_year) if p.gender == "feminin"
                     else _("né en {year}").format(year=p.birth_year))
    if p.phone:
        parts.append(p.phone)
    parts.append(", ".join(match.groups) if match.groups else _("dans aucun groupe"))
    parts.append(_("dernière venue le {day}").format(day=short_date(match.last_visit)) if match.last_visit
                 else _("jamais venue") if p.gender == "feminin" else _("jamais venu"))
    if p.archived_at:
        parts.append(_("fiche archivée"))
    return _("{name} — {details}").format(name=p.full_name, details=" · ".join(parts))


class KnownPerson(Notice):
    """The heading, then for each person found a line that tells who they are and the
    button that uses them, under it (two namesakes never share a button's words alone)."""

    chosen = Signal(object)  # the Participant to use instead of a new record

    def __init__(self, ops, use_text, parent: QWidget | None = None):
        """``use_text``: the button's words, with {name} ('Ajouter {name} au groupe'), or a
        function of the Participant that gives them (to say « présente » of a woman)."""
        super().__init__(parent=parent)
        self.ops, self.use_text = ops, use_text
        self.exclude: str | None = None  # the record being edited: not its own namesake
        self.matches: list[Match] = []
        self.buttons: list[QPushButton] = []
        self.found = QWidget()
        self.lines = QVBoxLayout(self.found)
        self.lines.setContentsMargins(0, 0, 0, 0)
        self.lines.setSpacing(px(6))
        self.column.insertWidget(self.column.indexOf(self.text), self.found)
        self.hide()

    def look_up(self, first_name: str, last_name: str) -> None:
        found = self.ops.read(duplicates.known, first_name, last_name, self.exclude)
        if [m.person.id for m in found] == [m.person.id for m in self.matches]:
            return
        self.matches = found
        while self.lines.count():
            widget = self.lines.takeAt(0).widget()
            widget.setParent(None)
            widget.deleteLater()
        self.buttons = []
        if not found:
            self.hide()
            return
        if self.exclude is not None:
            self.say(_("Une autre fiche porte ce nom :") if len(found) == 1
                     else _("D'autres fiches portent ce nom :"))
        else:
            self.say(_("Cette personne est peut-être déjà connue :") if len(found) == 1
                     else _("Ces personnes du même nom sont déjà connues :"))
        for match in found:
            who = QLabel(describe(match))
            who.setWordWrap(True)
            who.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            words = self.use_text(match.person) if callable(self.use_text) else self.use_text
            button = big_button(words.format(name=match.person.full_name), name=words.format(name=describe(match)),
                                on_click=lambda _=False, p=match.person: self.chosen.emit(p))
            self.lines.addWidget(who)
            self.lines.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self.buttons.append(button)
        self.setAccessibleDescription("\n".join(describe(m) for m in found))
        self.show()
