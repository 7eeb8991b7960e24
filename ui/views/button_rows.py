"""Rows of large buttons that stay inside the window at 200 %: fewer a row when the text is large."""

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout

from ui import theme
from ui.theme import px


def button_rows(buttons: list[QPushButton], large_per_row: int = 2) -> QVBoxLayout:
    """All on one line at ordinary sizes; ``large_per_row`` a line from 150 % text up,
    each line as wide as its own buttons (no columns: a long label widens nothing else)."""
    per_row = large_per_row if theme.current_scale() >= 1.5 else len(buttons)
    rows = QVBoxLayout()
    rows.setSpacing(px(10))
    for start in range(0, len(buttons), per_row):
        line = QHBoxLayout()
        line.setSpacing(px(12))
        for button in buttons[start:start + per_row]:
            line.addWidget(button)
        line.addStretch(1)
        rows.addLayout(line)
    return rows
