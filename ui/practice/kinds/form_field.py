"""One field of the practice form: its label, its input, the gentle word under it.

Inputs as on real sites: a line (text, e-mail, date, number), a drop-down list, round
buttons (radio), a tick box, a password hidden by dots with an « œil » button to show
it, a code of a set number of digits. The checks are the core's
(atelier.lessons.scoring.field_problem), with the value the data card asks for.
"""

from PySide6.QtCore import QPointF, QRectF, QRegularExpression, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton,
                               QWidget)

from atelier.i18n import _
from atelier.lessons.scoring import field_problem
from ui.theme import spacing_factor
from ui.widgets.check import BigCheckBox
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.wheel_guard import guard_wheel

LINE_TYPES = ("text", "email", "date", "number", "password", "code")


def eye_icon(size: int, crossed: bool) -> QIcon:
    """An eye (crossed out once the password shows: pressing it hides it again)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#1B1B1B"), max(2, size / 12)))
    r = QRectF(size * 0.08, size * 0.25, size * 0.84, size * 0.5)
    eye = QPainterPath()
    eye.moveTo(r.left(), r.center().y())
    eye.quadTo(QPointF(r.center().x(), r.top() - r.height() * 0.45), QPointF(r.right(), r.center().y()))
    eye.quadTo(QPointF(r.center().x(), r.bottom() + r.height() * 0.45), QPointF(r.left(), r.center().y()))
    p.drawPath(eye)
    p.setBrush(QColor("#1B1B1B"))
    p.drawEllipse(r.center(), size * 0.12, size * 0.12)
    if crossed:
        p.drawLine(QPointF(size * 0.15, size * 0.85), QPointF(size * 0.85, size * 0.15))
    p.end()
    return QIcon(pixmap)


class RadioChoices(QWidget):
    """Round buttons, one choice only: side by side when they all fit on one line (« Oui »,
    « Un peu », « Pas encore »: a page holds more questions), else one a line."""

    def __init__(self, label: str, choices: list[str], scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        column = FlowLayout(self, spacing=round(20 * spacing_factor(scale)), column_if_wrapped=True, line_spacing=0)
        self.buttons = []
        for n, choice in enumerate(choices):
            button = QRadioButton(choice)
            button.setAccessibleName(choice)
            button.setAccessibleDescription(label)
            self.group.addButton(button, n)
            column.addWidget(button)
            self.buttons.append(button)
        self.setAccessibleName(label)
        self.setFocusProxy(self.buttons[0])

    def value(self) -> str:
        checked = self.group.checkedButton()
        return checked.text() if checked is not None else ""

    def clear(self) -> None:
        self.group.setExclusive(False)   # an exclusive group never lets all go
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(True)


class FormField:
    """One field: ``label``, ``input`` (what takes the focus), ``row`` (what the page
    lays out: the input and, for a password, its « œil » button) and ``problem``.
    A tick box is its own label: its words are drawn in it and the whole row ticks it."""

    def __init__(self, spec: dict, on_enter, scale: float = 1.0):
        self.spec = spec
        self.kind = spec["type"]
        self.eye: QPushButton | None = None
        if self.kind == "checkbox":
            self.input = self.label = BigCheckBox(spec["label"], box=36, scale=scale)
        else:
            self.label = QLabel(spec["label"])
            self.label.setWordWrap(True)
        if self.kind == "choice":
            self.input = QComboBox()
            self.input.addItem(_("Choisissez…"))
            self.input.addItems(spec["choices"])
            guard_wheel(self.input)   # a hand scrolling the page never changes the answer
        elif self.kind == "radio":
            self.input = RadioChoices(spec["label"], spec["choices"], scale)
        elif self.kind != "checkbox":
            self.input = QLineEdit()
            self.input.returnPressed.connect(on_enter)
            self._line(scale)
        self.input.setAccessibleName(spec["label"])
        if self.label is not self.input:
            self.label.setBuddy(self.input.focusProxy() or self.input)
        self.row = self._row(scale)
        self.problem = QLabel()
        self.problem.setObjectName("feedback")
        self.problem.setWordWrap(True)
        self.problem.setProperty("tone", "soft")
        self.problem.hide()

    def _line(self, scale: float) -> None:
        if self.kind == "date":
            self.input.setPlaceholderText(_("jj/mm/aaaa"))
        elif self.kind == "password":
            self.input.setEchoMode(QLineEdit.EchoMode.Password)
        elif self.kind == "code":
            length = self.spec.get("length") or 6
            self.input.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ]*"), self.input))
            self.input.setMaxLength(2 * length)   # room for « 482 913 », written with a space
            self.input.setPlaceholderText(_("{n} chiffres").format(n=length))
            self.input.setMaximumWidth(round((160 + 34 * length) * scale))

    def _row(self, scale: float) -> QWidget | QHBoxLayout:
        if self.kind != "password":
            return self.input
        self.eye = QPushButton()
        side = round(32 * spacing_factor(scale))
        self.eye.setIconSize(QSize(side, side))
        self.eye.setCheckable(True)
        self.eye.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.eye.setAutoDefault(False)
        self.eye.toggled.connect(self._show_password)
        self._show_password(False)
        row = QHBoxLayout()
        row.setSpacing(round(8 * spacing_factor(scale)))
        row.addWidget(self.input, 1)
        row.addWidget(self.eye)
        return row

    def _show_password(self, shown: bool) -> None:
        self.input.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.eye.setText(_("Masquer") if shown else _("Afficher"))
        self.eye.setIcon(eye_icon(64, crossed=shown))
        self.eye.setAccessibleName(_("Masquer le mot de passe") if shown else _("Afficher le mot de passe"))

    def value(self):
        if self.kind == "checkbox":
            return self.input.isChecked()
        if self.kind == "choice":
            return self.input.currentText() if self.input.currentIndex() > 0 else ""
        if self.kind == "radio":
            return self.input.value()
        return self.input.text()

    def shown_value(self) -> str:
        """The value as the recap page says it (a password stays hidden)."""
        value = self.value()
        if self.kind == "checkbox":
            return _("Cochée") if value else _("Pas cochée")
        if not str(value).strip():
            return _("(vide)")
        return "\u2022" * 8 if self.kind == "password" else str(value)

    def clear(self) -> None:
        if self.kind == "checkbox":
            self.input.setChecked(False)
        elif self.kind == "choice":
            self.input.setCurrentIndex(0)
        else:
            self.input.clear()
        if self.eye is not None:
            self.eye.setChecked(False)
        self.show_problem(None)

    def changed_signal(self):
        """What tells that the learner changed the value (to take a gentle word away)."""
        if self.kind == "choice":
            return self.input.currentIndexChanged
        if self.kind == "radio":
            return self.input.group.idClicked
        if self.kind == "checkbox":
            return self.input.toggled
        return self.input.textEdited

    def check(self) -> str | None:
        return field_problem(self.kind, self.value(), self.spec.get("required", True),
                             self.spec.get("expected"), self.spec.get("length"))

    def show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))
        self.input.setAccessibleDescription(message or "")
