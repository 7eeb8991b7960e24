"""Erasing a person for good (GDPR right to erasure): say exactly what goes, then ask twice.

The first step is reading the list of what will be removed: the person's records, the
passages of free text that name them (their name there becomes « [personne effacée] »
unless the box is unticked), and how long older backups keep a copy. The second is
typing the person's first name, which alone enables the red "Effacer définitivement"
button. "Annuler" stays the default, so Enter never erases.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from atelier.i18n import _, plural
from atelier import erasure
from atelier.mentions import ERASED, Mention
from atelier.people import Participant, fold
from ui.widgets.check import BigCheckBox
from ui.widgets.confirm import ConfirmDialog

SHOWN_PASSAGES = 8  # more would bury the question; the access export lists them all


def erasure_items(report: dict[str, int]) -> list[str]:
    """'1 fiche', '12 présences', … in plain words; tables with nothing are left out."""
    return erasure.items(report)


def describe_erasure(person: Participant, report: dict[str, int]) -> str:
    """'Hélène Martin, 1 fiche, 12 présences, 2 inscriptions à un groupe, 30 résultats d'exercices'."""
    return ", ".join([person.full_name, *erasure_items(report)])


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    if name:
        label.setObjectName(name)
    return label


class EraseDialog(ConfirmDialog):
    def __init__(self, person: Participant, report: dict[str, int], mentions: list[Mention] = (),
                 parent: QWidget | None = None):
        title = _("Effacer {name} définitivement ?").format(name=person.full_name)
        lines = "\n".join("•  " + item for item in erasure_items(report))
        message = _(
            "Tout ce qu'Atelier garde sur {name} sera effacé de cet ordinateur, sans retour possible :\n{lines}"
        ).format(name=person.full_name, lines=lines)
        super().__init__(title, message, _("Effacer définitivement"), danger=True, parent=parent)
        self.person = person
        self.mentions = list(mentions)
        self.summary = describe_erasure(person, report)

        self.passages = None
        self.replace_box = None
        if self.mentions:
            self.passages = _label(self._passages_text())
            self.body.addWidget(self.passages)
            self.replace_box = BigCheckBox(_("Remplacer son nom par « {erased} »").format(erased=ERASED))
            self.replace_box.setChecked(True)
            self.replace_box.setAccessibleDescription(_("Dans ces passages ; le reste du texte est gardé."))
            self.outer.insertWidget(1, self.replace_box)  # the choice stays in sight, never scrolled away
        self.backups = _label(erasure.about_backups(), "muted")
        self.body.addWidget(self.backups)
        self.setAccessibleDescription(self.summary)

        self.ask = _label(_("Pour confirmer, tapez son prénom : {first}").format(first=person.first_name))
        self.typed = QLineEdit()
        self.typed.setAccessibleName(_("Prénom de la personne à effacer"))
        self.ask.setBuddy(self.typed)
        at = self.outer.count() - 1  # above the buttons, under the words and the box
        self.outer.insertWidget(at, self.ask)
        self.outer.insertWidget(at + 1, self.typed)
        self.confirm_button.setEnabled(False)
        self.typed.textChanged.connect(self._typed)
        order = [self.replace_box, self.typed, self.cancel_button, self.confirm_button]
        order = [widget for widget in order if widget is not None]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    @property
    def replace_names(self) -> bool:
        """Whether the name in free text becomes « [personne effacée] » (ticked by default)."""
        return self.replace_box is None or self.replace_box.isChecked()

    def _passages_text(self) -> str:
        count = len(self.mentions)
        lines = [plural(count, "Son nom apparaît aussi dans {n} passage de texte :",
                        "Son nom apparaît aussi dans {n} passages de texte :")]
        for mention in self.mentions[:SHOWN_PASSAGES]:
            lines.append(_("•  {where} : « {passage} »").format(where=mention.where, passage=mention.passage))
        hidden = count - SHOWN_PASSAGES
        if hidden > 0:
            lines.append(plural(hidden, "… et {n} autre (tous dans l'export de ses données).",
                                "… et {n} autres (tous dans l'export de ses données)."))
        return "\n".join(lines)

    def _typed(self, text: str) -> None:
        self.confirm_button.setEnabled(fold(text.strip()) == fold(self.person.first_name.strip()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.typed.setFocus()  # the next thing to do; Enter here still does not erase
