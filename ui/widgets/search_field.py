"""A large search field: results follow each key, Escape empties it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchField(QLineEdit):
    searched = Signal(str)

    def __init__(self, placeholder: str, accessible_name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(accessible_name or placeholder)
        self.setClearButtonEnabled(False)  # Qt's clear button is a tiny cross: Escape does it
        self.textChanged.connect(self.searched)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)
