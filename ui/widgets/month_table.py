"""Figures by month as a table, or, when the table is wider than the page (200 % text on a
small screen), as one line a month that wraps: nothing is cut and nothing scrolls sideways."""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLayout, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import px


def _label(text: str, bold: bool = False, right: bool = False, wrap: bool = False) -> QLabel:
    label = QLabel(text)
    if bold:
        label.setStyleSheet("font-weight: bold;")
    if right:
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    label.setWordWrap(wrap)
    return label


class MonthTable(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid_box, self.lines_box = QWidget(), QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.lines = QVBoxLayout(self.lines_box)
        self.lines.setContentsMargins(0, 0, 0, 0)
        self.grid_box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # the page may be narrower than the grid
        column.addWidget(self.grid_box, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.lines_box)
        self.lines_box.hide()

    def set_rows(self, heads: list[str], rows: list[tuple[str, list[str], str]]) -> None:
        """``rows``: (name, cells in ``heads``' order after the first, the row as a sentence
        for the narrow form); the last one is the total, in bold."""
        for layout in (self.grid, self.lines):
            while layout.count():
                item = layout.takeAt(0)
                if item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        self.grid.setHorizontalSpacing(px(24))
        self.grid.setVerticalSpacing(px(4))
        self.lines.setSpacing(px(6))
        for column, text in enumerate(heads):
            self.grid.addWidget(_label(text, bold=True, right=column > 0), 0, column)
        for row, (name, cells, sentence) in enumerate(rows, start=1):
            total = row == len(rows)
            self.grid.addWidget(_label(name, bold=total), row, 0)
            for column, text in enumerate(cells, start=1):
                self.grid.addWidget(_label(text, bold=total, right=True), row, column)
            self.lines.addWidget(_label(sentence, bold=total, wrap=True))
        for layout in (self.grid, self.lines):  # shown now, not at the next turn: the grid's width counts them
            for index in range(layout.count()):
                layout.itemAt(index).widget().show()
        self._fit(self.width())
        self.updateGeometry()  # the page's layout keeps our height per width: it is new

    def _fit(self, width: int) -> None:
        wide = self.grid_box.sizeHint().width() <= width
        if self.grid_box.isHidden() == wide:  # the other form is the one shown
            self.grid_box.setVisible(wide)
            self.lines_box.setVisible(not wide)
            self.updateGeometry()

    def resizeEvent(self, event) -> None:
        self._fit(event.size().width())
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return self.grid_box.sizeHint()

    def minimumSizeHint(self) -> QSize:
        """Narrow (the lines wrap), and as tall as the table when the table shows: a page
        taller than the window gives each part its minimum height."""
        return QSize(px(120), 0 if self.grid_box.isHidden() else self.grid_box.sizeHint().height())
