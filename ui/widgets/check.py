"""A tick box as large as a button: a big box, a clear tick, and the whole line is a target.
Its words wrap onto more lines when the line is narrow (a QCheckBox never wraps).

Drawn here rather than by the style: Qt's own box is small and outlined in pale grey.
"""

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QCheckBox, QSizePolicy, QWidget

from ui.theme import current_palette, current_scale, spacing_factor, target_px


class BigCheckBox(QCheckBox):
    """``box`` is the side of the drawn box in pixels at 100 % (larger on the learners' screens);
    ``scale`` the text size it is drawn for, the theme's unless given (an exercise has its own)."""

    def __init__(self, text: str, parent: QWidget | None = None, box: int = 34, scale: float | None = None):
        super().__init__(text, parent)
        self.box_side = box
        self.scale = scale
        if text:
            self.setAccessibleName(text)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(self._target())
        # Long words wrap onto a taller line: a group's name never widens a dialog.
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _scale(self) -> float:
        return current_scale() if self.scale is None else self.scale

    def _px(self, value: float) -> int:
        return round(value * spacing_factor(self._scale()))

    def _target(self) -> int:
        return target_px(self._scale())

    def _box(self) -> QRect:
        side = min(self._px(self.box_side), self.height() - self._px(8))
        return QRect(self._px(6), (self.height() - side) // 2, side, side)

    def _text_left(self) -> int:
        return self._px(6) + self._px(self.box_side) + self._px(14)

    def sizeHint(self) -> QSize:
        text = QFontMetrics(self.font()).horizontalAdvance(self.text())
        return QSize(self._text_left() + text + self._px(12), self._target())

    def minimumSizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        word = max((metrics.horizontalAdvance(w) for w in self.text().split()), default=0)
        return QSize(self._text_left() + word + self._px(12), self._target())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        room = QRect(0, 0, max(1, width - self._text_left() - self._px(12)), 10**6)
        lines = QFontMetrics(self.font()).boundingRect(room, Qt.TextFlag.TextWordWrap, self.text())
        return max(self._target(), lines.height() + self._px(12))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the words too, not only the box

    def paintEvent(self, event) -> None:
        p = current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self._box()
        painter.setPen(QPen(QColor(p.focus if self.hasFocus() else p.border), self._px(4) if self.hasFocus() else 3))
        painter.setBrush(QColor(p.card))
        painter.drawRoundedRect(box, self._px(5), self._px(5))
        if self.isChecked():
            painter.setPen(QPen(QColor(p.text), self._px(5)))
            w, h, corner = box.width(), box.height(), box.topLeft()
            painter.drawPolyline([corner + QPoint(round(w * x), round(h * y))
                                  for x, y in ((0.2, 0.55), (0.42, 0.78), (0.82, 0.25))])
        painter.setPen(QColor(p.text if self.isEnabled() else p.muted))
        text_rect = self.rect().adjusted(box.right() + self._px(14), 0, -self._px(12), 0)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
                         self.text())
        if self.hasFocus():  # the ring round the whole target, as on buttons
            painter.setPen(QPen(QColor(p.focus), 2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.rect().adjusted(1, 1, -1, -1), self._px(6), self._px(6))
        painter.end()
