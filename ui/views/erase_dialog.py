"""Erasing a person for good (GDPR right to erasure): say exactly what goes, then ask twice.

The first step is reading the list of what will be removed; the second is typing the
person's first name, which alone enables the red "Effacer définitivement" button.
"Annuler" stays the default, so Enter never erases.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from atelier.people import Participant, fold
from ui.widgets.confirm import ConfirmDialog
from ui.words import plural

# table → (one, several): what a row of each table means to a facilitator.
WORDS = {
    "participants": ("{n} fiche", "{n} fiches"),
    "attendance": ("{n} présence", "{n} présences"),
    "group_members": ("{n} inscription à un groupe", "{n} inscriptions à un groupe"),
    "exercise_results": ("{n} résultat d'exercice", "{n} résultats d'exercices"),
    "step_progress": ("{n} étape suivie", "{n} étapes suivies"),
}


def erasure_items(report: dict[str, int]) -> list[str]:
    """'1 fiche', '12 présences', … in plain words; tables with nothing are left out."""
    items = []
    for table, count in report.items():
        if count == 0 and table != "participants":
            continue
        one, several = WORDS.get(table, ("{n} ligne dans « " + table + " »", "{n} lignes dans « " + table + " »"))
        items.append(plural(count, one, several, "EraseDialog"))
    return items


def describe_erasure(person: Participant, report: dict[str, int]) -> str:
    """'Hélène Martin, 1 fiche, 12 présences, 2 inscriptions à un groupe, 30 résultats d'exercices'."""
    return ", ".join([person.full_name, *erasure_items(report)])


class EraseDialog(ConfirmDialog):
    def __init__(self, person: Participant, report: dict[str, int], parent: QWidget | None = None):
        title = self.tr("Effacer {name} définitivement ?").format(name=person.full_name)
        lines = "\n".join("•  " + item for item in erasure_items(report))
        message = self.tr(
            "Tout ce qu'Atelier garde sur {name} sera effacé de cet ordinateur :\n{lines}\n\n"
            "Cela ne peut pas être annulé. Les sauvegardes plus anciennes gardent une copie "
            "jusqu'à ce qu'elles soient supprimées avec le temps."
        ).format(name=person.full_name, lines=lines)
        super().__init__(title, message, self.tr("Effacer définitivement"), danger=True, parent=parent)
        self.person = person
        self.summary = describe_erasure(person, report)
        self.setAccessibleDescription(self.summary)

        self.ask = QLabel(self.tr("Pour confirmer, tapez son prénom : {first}").format(first=person.first_name))
        self.ask.setWordWrap(True)
        self.ask.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.typed = QLineEdit()
        self.typed.setAccessibleName(self.tr("Prénom de la personne à effacer"))
        self.ask.setBuddy(self.typed)
        self.outer.insertWidget(1, self.ask)  # under the words, never scrolled away
        self.outer.insertWidget(2, self.typed)
        self.confirm_button.setEnabled(False)
        self.typed.textChanged.connect(self._typed)
        QWidget.setTabOrder(self.typed, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.confirm_button)

    def _typed(self, text: str) -> None:
        self.confirm_button.setEnabled(fold(text.strip()) == fold(self.person.first_name.strip()))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.typed.setFocus()  # the next thing to do; Enter here still does not erase
