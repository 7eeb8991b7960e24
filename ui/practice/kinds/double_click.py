"""double-click: open folders (or the pack's picture) with two quick presses. The
interval is the pack's (generous), measured here from the presses' own timestamps; or,
with interval_ms = "system", the computer's own setting, as everywhere else."""

import random

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication

from atelier.i18n import _
from atelier.lessons.scoring import ClickScore, DoubleClick
from ui.practice.kinds.click import Playground, fitted
from ui.practice.kinds.common import Exercise, Shape, named


def interval_ms(setting) -> int:
    """The pack's interval, or the system's own when the pack says "system"."""
    if setting == "system":
        return QGuiApplication.styleHints().mouseDoubleClickInterval()
    return setting


class Folder(Shape):
    pressed = Signal(int, bool)   # the press's timestamp in ms; whether Qt saw a double-click

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressed.emit(int(event.timestamp()), False)
        else:
            event.ignore()

    def mouseDoubleClickEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self.pressed.emit(int(event.timestamp()), True)
        else:
            event.ignore()


class DoubleClickExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.count = exercise.params["count"]
        self.rule = DoubleClick(interval_ms(exercise.params["interval_ms"]))
        self.area = Playground()
        self.layout_.addWidget(self.area, 1)
        self.add_feedback()
        self.label = exercise.params.get("label")
        self.target = Folder("folder", named(self.label, _("Dossier à ouvrir"), _("Ouvrez {label}")),
                             self.area, self.pack_picture("image"))
        self.target.pressed.connect(lambda ms, double: self._press(ms, True, double))
        self.area.pressed.connect(lambda _pos: self._press(0, False))
        self.area.resized.connect(self._relayout)
        self.tally = ClickScore(self.count)
        self.slow = 0
        self._spots = []

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(self.count)
        self.rule.reset()
        self.slow = 0
        rng = random.Random(self.exercise.id)
        self._spots = [(rng.random(), rng.random()) for _ in range(self.count)]
        self._relayout()
        self.target.show()
        self.progressed.emit(0, self.count)

    def _relayout(self) -> None:
        if self._spots and not self.tally.finished:
            side = fitted(self.scaled(self.exercise.params["target_size"]), self.area)
            self.target.resize(side, side)
            self.area.place(self.target, *self._spots[self.tally.done])

    def _press(self, ms: int, on_target: bool, system_double: bool = False) -> None:
        if self.tally.finished:
            return
        what = self.rule.system_double(ms) if system_double else self.rule.press(ms, on_target)
        if what == "first":
            self.target.lit = True
            self.target.update()
        elif what == "slow":
            self.slow += 1
            self.tally.miss()
            self.say(_("Un peu plus vite… Deux clics bien rapprochés, sans bouger : toc-toc."))
        elif what == "miss":
            self.tally.miss()
            self.target.lit = False
            self.target.update()
            self.say(named(self.label, _("Presque ! Posez bien la flèche sur le dossier."),
                           _("Presque ! Posez bien la flèche sur {label}.")))
        else:
            self._opened()

    def skip_label(self) -> str:
        return _("Passer ce dossier") if self.count > 1 else super().skip_label()

    def skip_item(self) -> bool:
        self.target.lit = False
        self.rule.reset()
        if not self.pass_over(self.tally, self.target, slow=self.slow):
            return False
        self._relayout()
        return True

    def _opened(self) -> None:
        self.target.lit = False
        if not self.count_hit(self.tally, named(self.label, _("Bravo, tous les dossiers sont ouverts !"),
                                                _("Bravo, c'est fini !")),
                              named(self.label, _("Bravo, le dossier s'est ouvert ! Voici le suivant."),
                                    _("Bravo, c'est ouvert ! Encore une fois.")), self.target, slow=self.slow):
            self._relayout()
