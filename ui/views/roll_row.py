"""One large row of the roll call: initials, name, the toggle, and "Autre…".

Space or Enter on the toggle (or a click anywhere on the row) toggles present ↔
absent; P / A / E / R set present, absent, excused, late; the arrows move between rows.
"""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from atelier.i18n import _
from atelier.attendance import ABSENT, EXCUSED, LATE, PRESENT, came
from ui import theme
from ui.models.roll import status_word
from ui.theme import px

KEYS = {Qt.Key.Key_P: PRESENT, Qt.Key.Key_A: ABSENT, Qt.Key.Key_E: EXCUSED, Qt.Key.Key_R: LATE}


class Badge(QWidget):
    """The person's initials in a circle."""

    def __init__(self, initials: str, size: int, colours: theme.Palette, parent=None):
        super().__init__(parent)
        self.initials, self.colours = initials, colours
        self.setFixedSize(size, size)
        self.setAccessibleName(initials)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(self.colours.border))
        painter.setBrush(QColor(self.colours.nav))
        painter.drawEllipse(self.rect().adjusted(1, 1, -1, -1))
        painter.setPen(QColor(self.colours.text))
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(12, round(self.width() * 0.36)))  # two letters always inside the circle
        painter.setFont(font)
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.initials)


class RollToggle(QPushButton):
    """The row's big toggle; it is also the row's keyboard stop. Keys go straight to
    the view's ``choose(row, status, by_key)`` and ``focus_row``: no signal per row, so
    that a roll of 30 opens in a few milliseconds."""

    owner = None  # the RollCallView
    i = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.isAutoRepeat():
            self.owner.choose(self.i, "toggle", True)
        elif key in KEYS:
            self.owner.choose(self.i, KEYS[key], True)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.owner.focus_row(self.i + (1 if key == Qt.Key.Key_Down else -1))
        else:
            super().keyPressEvent(event)


class RollRow(QFrame):
    """Badge, name, the toggle, and "Autre…" for excused, late or not marked."""

    def __init__(self, owner, i: int, initials: str, name: str, sizes: tuple[int, int, int, int], colours):
        super().__init__()
        self.owner, self.i = owner, i
        toggle_width, badge, margin, gap = sizes
        self.setObjectName("rollRow")
        layout = line = QHBoxLayout()
        line.setSpacing(gap)
        line.addWidget(Badge(initials, badge, colours))
        self.name = QLabel(name)
        self.name.setObjectName("rollName")
        self.name.setWordWrap(True)
        self.name.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        line.addWidget(self.name, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(margin, margin // 2, margin, margin // 2)
        column.setSpacing(margin // 2)
        column.addLayout(line)
        if theme.current_scale() >= 1.5:  # large text: the name above, the two controls below
            layout = QHBoxLayout()
            layout.setSpacing(gap)
            layout.addStretch(1)
            column.addLayout(layout)
        self.toggle = RollToggle()
        self.toggle.owner, self.toggle.i = owner, i
        self.toggle.setObjectName("rollToggle")
        self.toggle.setMinimumWidth(toggle_width)
        self.toggle.setAutoDefault(False)
        layout.addWidget(self.toggle)
        self.more = QPushButton(_("Autre…"))
        self.more.setAutoDefault(False)
        layout.addWidget(self.more)

    def display(self, status: str | None, spoken: str, name: str, feminine: bool) -> None:
        word = status_word(status, feminine) if status else _("à pointer")
        self.toggle.setText(word[:1].upper() + word[1:])
        self.toggle.setAccessibleName(spoken)
        self.more.setAccessibleName(_("{name} : excusé, en retard ou pas encore pointé").format(name=name))
        # The theme colours by one rule: came (present or late), did not, not marked yet.
        mark = "none" if status is None else "came" if came(status) else "away"
        if self.toggle.property("mark") != mark:
            self.toggle.setProperty("mark", mark)
            if self.toggle.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                self.toggle.style().unpolish(self.toggle)
                self.toggle.style().polish(self.toggle)

    def show_menu(self) -> None:
        self.menu = QMenu(self)
        self.menu.setObjectName("rollMenu")
        for status, text in ((EXCUSED, _("Excusé")), (LATE, _("En retard")), (None, _("Pas encore pointé"))):
            action = self.menu.addAction(text)
            action.triggered.connect(lambda _=False, s=status: self.owner.choose(self.i, s, False))
        self.menu.setStyleSheet(f"QMenu::item {{ padding: {px(12)}px {px(24)}px; min-height: {px(30)}px; }}")
        self.menu.popup(self.more.mapToGlobal(QPoint(0, self.more.height())))

    def mouseReleaseEvent(self, event) -> None:  # a click anywhere on the row toggles it
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.owner.choose(self.i, "toggle", False)
        super().mouseReleaseEvent(event)
