"""A row of controls that wraps onto the next line when the window is too narrow
(Qt's FlowLayout example): at 200 % text size nothing is pushed off the screen.
With ``column_if_wrapped`` they stand side by side when all fit on one line, else one
a line: a list of choices is never a ragged mix of both."""

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget

from ui.theme import px


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int | None = None, column_if_wrapped: bool = False,
                 line_spacing: int | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = px(10) if spacing is None else spacing
        self._line_gap = self._gap if line_spacing is None else line_spacing   # between lines
        self._column_if_wrapped = column_if_wrapped
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All on one line when there is room; it wraps only when squeezed."""
        hints = [item.sizeHint() for item in self._items if not item.isEmpty()]
        m = self.contentsMargins()
        width = sum(h.width() for h in hints) + self._gap * max(0, len(hints) - 1)
        height = max((h.height() for h in hints), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        lines: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        x = area.x()
        shown = [item for item in self._items if not item.isEmpty()]
        one_line = sum(item.sizeHint().width() for item in shown) + self._gap * max(0, len(shown) - 1)
        column = self._column_if_wrapped and one_line > area.width()
        for item in shown:
            hint = item.sizeHint()
            if lines[-1] and (column or x + hint.width() > area.right() + 1):
                lines.append([])
                x = area.x()
            lines[-1].append((item, hint))
            x += hint.width() + self._gap
        y = area.y()
        for line in filter(None, lines):
            height = max(hint.height() for _item, hint in line)
            x = area.x()
            for item, hint in line:
                if move:  # centred on its line: a label sits level with the button beside it
                    item.setGeometry(QRect(QPoint(x, y + (height - hint.height()) // 2), hint))
                x += hint.width() + self._gap
            y += height + self._line_gap
        return max(0, y - self._line_gap - rect.y()) + m.bottom()
