"""What the start says about a data file it cannot use as it is: damaged (the latest good
backup offered), on a disk it cannot write to, or a backup that could not be put back.

These were QMessageBoxes, which cap their width (at 1366 − 480 px on a 1366 × 768
screen): at 200 % a long answer was cut on both sides, and a long message grew taller
than the screen with its button under the edge. Here the words scroll, the answers
stay in sight, one under the other, each read whole. A start on a good file never loads
this module (ui.app imports it where it is needed).
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from atelier.db import DamagedDatabaseError
from atelier.i18n import _
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ConfirmDialog
from ui.words import short_date


class DamagedFileDialog(ConfirmDialog):
    """« Remettre la sauvegarde du … » (the default) when a good backup was found, and
    « Quitter », which changes nothing; the file's path and SQLite's own words for a
    technician behind « Voir les détails techniques »."""

    def __init__(self, error: DamagedDatabaseError, parent: QWidget | None = None):
        backup = error.backup
        words = _("Il a été laissé tel quel : rien n'a été effacé.") + "\n\n"
        restore_text = ""
        if backup is not None:
            local = backup.taken_at.astimezone()
            when = _("{day} à {time}").format(day=short_date(local.date()), time=local.strftime("%H:%M"))
            words += _(
                "La dernière sauvegarde en bon état date du {when}. Vous pouvez la remettre en place : "
                "le fichier abîmé sera mis de côté, pas effacé."
            ).format(when=when)
            restore_text = _("Remettre la sauvegarde du {when}").format(when=when)
        else:
            words += _(
                "Aucune sauvegarde en bon état n'a été trouvée. "
                "Demandez de l'aide à la personne qui s'occupe de l'informatique de l'association."
            )
        super().__init__(error.headline or _("Le fichier de données d'Atelier est abîmé."), words,
                         restore_text, _("Quitter"), parent=parent, enter_confirms=backup is not None)
        self.setObjectName("damagedFile")
        self.backup = backup
        self.cancel_button.setAccessibleName(_("Quitter sans rien changer"))
        if backup is None:
            self.confirm_button.hide()  # « Quitter » alone, and the default
        self.stack_answers()
        self.details_button = big_button(_("Voir les détails techniques"), on_click=self.toggle_details)
        self.details = QLabel(f"{error.path}\n{error.details}")
        self.details.setObjectName("muted")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # to copy for a technician
        self.details.setAccessibleName(_("Détails techniques"))
        self.details.hide()
        self.body.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(self.details)
        QWidget.setTabOrder(self.cancel_button, self.details_button)  # the answers first

    def chose_restore(self) -> bool:
        """Whether the person chose to put the backup back (rather than quit)."""
        return self.backup is not None and self.result() == ConfirmDialog.DialogCode.Accepted

    def toggle_details(self) -> None:
        shown = self.details.isHidden()
        self.details.setVisible(shown)
        text = _("Cacher les détails techniques") if shown else _("Voir les détails techniques")
        self.details_button.setText(text)
        self.details_button.setAccessibleName(text)
        if self.isVisible():
            self.fit_to_screen()  # taller with them, never past the screen: the words scroll
            if shown:  # in sight at once, where the words scroll at 200 %
                self.body.activate()
                self.scroll.ensureWidgetVisible(self.details)


def told(text: str, answer: str, parent: QWidget | None = None) -> ConfirmDialog:
    """A message with one answer: the text's first line as its heading and the rest under
    it (a text of one paragraph has no heading). Its words scroll at 200 %, its answer
    stays in sight; a screen reader hears the whole text."""
    heading, _newline, rest = text.partition("\n")
    dialog = ConfirmDialog(heading if rest else _("Atelier"), (rest if rest else text).strip(), answer,
                           parent=parent, enter_confirms=True)
    dialog.setWindowTitle(_("Atelier"))
    dialog.heading.setVisible(bool(rest))
    dialog.cancel_button.hide()
    dialog.setAccessibleDescription(text)
    return dialog


def refusal(text: str, parent: QWidget | None = None) -> ConfirmDialog:
    """A message the start stops on, with one answer, « Quitter » (see ``told``)."""
    dialog = told(text, _("Quitter"), parent)
    dialog.setObjectName("refusal")
    return dialog
