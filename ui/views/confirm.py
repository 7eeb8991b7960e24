"""A question before something that cannot be taken back, without a blocking dialog.

The box is window-modal and opened with ``open()``: the program (and a test) keeps
running, and ``on_yes`` is called only if the facilitator chose the first button.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def ask(parent: QWidget, text: str, yes: str, on_yes: Callable[[], None], no: str | None = None,
        on_no: Callable[[], None] | None = None) -> QMessageBox:
    """Ask; Enter chooses ``yes``, Escape or ``no`` changes nothing."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Confirm", "Confirmation"), text,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm")
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_text = no or QCoreApplication.translate("Confirm", "Annuler")
    no_button = box.addButton(no_text, QMessageBox.ButtonRole.RejectRole)
    yes_button.setAccessibleName(yes)
    no_button.setAccessibleName(no_text)
    box.setDefaultButton(yes_button)
    box.setEscapeButton(no_button)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAccessibleName(text)
    box.yes_button, box.no_button = yes_button, no_button

    def finished(_result: int) -> None:
        chosen = box.clickedButton() is yes_button
        box.deleteLater()
        if chosen:
            on_yes()
        elif on_no is not None:
            on_no()

    box.finished.connect(finished)
    box.open()
    return box
