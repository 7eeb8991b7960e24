"""right-click: a press of the right button on the picture opens a small menu; the
learner picks the entry the pack asks for. The menu also opens from the keyboard
(the Menu key, Maj + F10), as everywhere."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QMenu

from atelier.i18n import _
from atelier.lessons.scoring import ClickScore
from ui.practice.kinds.common import Exercise, Shape, capitalised, named


class Picture(Shape):
    """Opens its menu on a right press (whatever the system's habit, press or release)
    and on the keyboard's Menu key; tells the exercise about a left press."""

    def __init__(self, *args):
        super().__init__(*args)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.left_pressed = self.menu_asked = None   # set by the exercise

    def mousePressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self.left_pressed()
        elif event.button() == Qt.MouseButton.RightButton:
            self.menu_asked(event.position().toPoint())

    def contextMenuEvent(self, event):
        if event.reason() != QContextMenuEvent.Reason.Mouse:   # the mouse's is handled above
            self.menu_asked(self.rect().center())


class RightClickExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.entries = exercise.params["menu"]
        self.answer = exercise.params["answer"]
        self.picture = Picture("picture", capitalised(named(
            exercise.params.get("label"), _("Photo de vacances : faites un clic droit dessus"),
            _("{label} : faites un clic droit dessus"))), None, self.pack_picture("image"))
        side = self.scaled(220)
        self.picture.setFixedSize(side, round(side * 0.75))
        self.picture.left_pressed = self._left_click
        self.picture.menu_asked = self._open_menu
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        self.layout_.addStretch(1)
        self.add_feedback()
        self.menu = QMenu(self)
        self.menu.setAccessibleName(_("Menu du clic droit"))
        for entry in self.entries:
            action = self.menu.addAction(entry)
            action.triggered.connect(lambda _checked=False, e=entry: self._chosen(e))
        self.tally = ClickScore(1)
        self.left_clicks = 0
        self.wrong = []

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(1)
        self.left_clicks = 0
        self.wrong = []
        self.progressed.emit(0, 1)

    def _left_click(self) -> None:
        if self.tally.finished:
            return
        self.left_clicks += 1
        self.tally.miss()
        self.say(_("C'était le bouton gauche. Essayons encore avec le bouton droit, "
                    "celui de droite."))

    def _open_menu(self, pos) -> None:
        if self.tally.finished:
            return
        self.say(_("Le menu est ouvert : cliquez sur « {answer} ».").format(answer=self.answer),
                 "good")
        self.menu.popup(self.picture.mapToGlobal(pos))

    def _chosen(self, entry: str) -> None:
        if self.tally.finished:
            return
        if entry != self.answer:
            self.wrong.append(entry)
            self.tally.miss()
            self.say(_("Essayons encore : rouvrez le menu avec le bouton droit et "
                        "choisissez « {answer} ».").format(answer=self.answer))
            return
        self.tally.hit()
        self.progressed.emit(1, 1)
        self.say(_("Bravo, c'est le bon choix !"), "good")
        self.end(self.tally.outcome(self.elapsed_ms(), left_clicks=self.left_clicks,
                                    wrong_entries=self.wrong))
