"""Rows of large buttons that stay inside the window at any text size: they wrap onto
the next line when the page is too narrow, whatever the size or the labels."""

from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import px
from ui.widgets.flow_layout import FlowLayout


def button_rows(buttons: list[QPushButton]) -> QVBoxLayout:
    """The buttons in one row that wraps."""
    holder = QWidget()
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    holder.setSizePolicy(policy)
    flow = FlowLayout(holder, spacing=px(12))
    for button in buttons:
        flow.addWidget(button)
    rows = QVBoxLayout()
    rows.setContentsMargins(0, 0, 0, 0)
    rows.addWidget(holder)
    return rows
