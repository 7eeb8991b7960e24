"""click: round targets (or the pack's picture, named by its label) appear one at a
time, here and there; a click beside one is one more try, never a fault."""

import random

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import QSizePolicy, QWidget

from atelier.i18n import _
from atelier.lessons.scoring import ClickScore
from ui.practice.kinds.common import Exercise, Shape, named
from ui.theme import current_scale, spacing_factor


class Playground(QWidget):
    """The free area where things appear; a press on the area itself is a miss."""

    pressed = Signal(QPoint)
    resized = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(_("Zone de l'exercice"))

    def minimumSizeHint(self) -> QSize:
        """Room for a whole target at least: on a small screen the exercise scrolls instead."""
        return QSize(160, round(160 * spacing_factor(current_scale())))

    def mousePressEvent(self, event):
        self.pressed.emit(event.position().toPoint())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.resized.emit()

    def place(self, widget: QWidget, fx: float, fy: float) -> None:
        """Put ``widget`` at a fraction (0–1, 0–1) of the free room, wholly inside."""
        w = min(widget.width(), self.width())
        h = min(widget.height(), self.height())
        widget.move(round(fx * max(0, self.width() - w)), round(fy * max(0, self.height() - h)))


def fitted(size: int, area: QWidget) -> int:
    """A pack size at this text size, made smaller only if the area cannot hold it."""
    room = min(area.width(), area.height()) if area.width() > 0 and area.height() > 0 else size
    return max(48, min(size, room))


class Target(Shape):
    hit = Signal()

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self.hit.emit()
        else:
            event.ignore()


class ClickExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.count = exercise.params["count"]
        self.area = Playground()
        self.layout_.addWidget(self.area, 1)
        self.add_feedback()
        self.label = exercise.params.get("label")
        self.target = Target("round", named(self.label, _("Rond à cliquer"), _("Cliquez sur {label}")),
                             self.area, self.pack_picture("image"))
        self.target.hit.connect(self._hit)
        self.area.pressed.connect(self._miss)
        self.area.resized.connect(self._relayout)
        self.tally = ClickScore(self.count)
        self._spots = []

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(self.count)
        rng = random.Random(self.exercise.id)
        self._spots = [(rng.random(), rng.random()) for _ in range(self.count)]
        self._show_target()
        self.progressed.emit(0, self.count)

    def _show_target(self) -> None:
        side = fitted(self.scaled(self.exercise.params["target_size"]), self.area)
        self.target.resize(side, side)
        self.area.place(self.target, *self._spots[self.tally.done])
        self.target.show()

    def _relayout(self) -> None:
        if self._spots and not self.tally.finished:
            self._show_target()

    def _hit(self) -> None:
        if self.tally.finished:
            return
        if not self.count_hit(self.tally, _("Bravo, c'est fini !"),
                              named(self.label, _("Bravo ! Voici le rond suivant."),
                                    _("Bravo ! Cliquez encore sur {label}.")), self.target):
            self._show_target()

    def skip_label(self) -> str:
        return _("Passer ce rond") if self.count > 1 else super().skip_label()

    def skip_item(self) -> bool:
        if not self.pass_over(self.tally, self.target):
            return False
        if not self.tally.finished:
            self._show_target()
        return True

    def _miss(self, _where) -> None:
        if self.tally.finished:
            return
        self.tally.miss()
        self.say(named(self.label, _("Presque ! Posez bien la flèche sur le rond, puis cliquez."),
                       _("Presque ! Posez bien la flèche sur {label}, puis cliquez.")))
