"""A page for a section that later issues will build."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.theme import px


class PlaceholderView(QWidget):
    def __init__(self, section: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        title = QLabel(section)
        title.setObjectName("title")
        message = QLabel(self.tr("Bientôt disponible."))
        message.setObjectName("subtitle")
        message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(32), px(20), px(32), px(32))
        layout.addWidget(title)
        layout.addWidget(message)
        layout.addStretch(1)
        self.setAccessibleName(section)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
