"""A notice in the page: a framed heading, a few words and, if need be, buttons.

For what a facilitator must see before acting, without a dialog in the way: a past
session's roll, a person who seems already known, fields the funders' report needs.
The frame is the focus colour of the theme, so it stands out in both contrasts.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import current_palette, px
from ui.widgets.flow_layout import FlowLayout


class Notice(QFrame):
    def __init__(self, heading: str = "", text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notice")
        colours = current_palette()
        self.setStyleSheet(f"QFrame#notice {{ background: {colours.card}; border: 3px solid {colours.focus};"
                           f" border-radius: {px(8)}px; }}")
        self.heading = QLabel(heading)
        self.heading.setObjectName("cardTitle")
        self.text = QLabel(text)
        for label in (self.heading, self.text):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(px(16), px(10), px(16), px(12))
        self.column.setSpacing(px(6))
        self.column.addWidget(self.heading)
        self.column.addWidget(self.text)
        self.actions = FlowLayout(spacing=px(12))
        holder = QWidget()
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        holder.setSizePolicy(policy)
        holder.setLayout(self.actions)
        self.column.addWidget(holder)
        self.say(heading, text)

    def say(self, heading: str, text: str = "") -> None:
        self.heading.setText(heading)
        self.text.setText(text)
        self.text.setVisible(bool(text))
        self.setAccessibleName(heading)
        self.setAccessibleDescription(text)

    def add_button(self, button: QPushButton) -> QPushButton:
        self.actions.addWidget(button)
        return button

    def clear_buttons(self) -> None:
        while self.actions.count():
            item = self.actions.takeAt(0)
            if item.widget() is not None:
                item.widget().setParent(None)
                item.widget().deleteLater()
