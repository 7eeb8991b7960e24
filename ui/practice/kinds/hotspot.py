"""hotspot: click the right place in a picture (the padlock, the address bar, the
FranceConnect button). The picture takes all the room there is, whole, never scrolled.
A click beside is one more try; after two, the place is shown softly, and the learner
still clicks it themselves. Then the explanation, and « Question suivante ».
"""

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from atelier.i18n import _
from atelier.lessons.scoring import ClickScore, in_spot
from ui.practice.kinds.common import SOFT_EDGE, Exercise, instruction_label
from ui.practice.kinds.picture import PictureFile
from ui.theme import MIN_TARGET_PX
from ui.widgets.buttons import big_button

HINT_AFTER = 2   # misses on one question before its place is shown
FOUND = "#2E7D32"


class SpotPicture(QWidget):
    """The picture, as large as its room allows; says where a left click fell, in the
    picture's own units, and draws the places found or hinted."""

    clicked = Signal(QPointF, float)   # where, in the picture's units; the grace, in the same units

    def __init__(self, scale: float, parent=None):
        super().__init__(parent)
        self.scale = scale
        self.picture: PictureFile | None = None
        self.marked: list[dict] = []
        self.mark_colour = FOUND
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def show_picture(self, picture: PictureFile, name: str) -> None:
        self.picture, self.marked = picture, []
        self.setAccessibleName(name)
        self.update()

    def mark(self, spots: list[dict], colour: str) -> None:
        self.marked, self.mark_colour = list(spots), colour
        self.update()

    def shown(self) -> QRectF:
        """Where the picture is drawn now."""
        room = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        return self.picture.fitted(room) if self.picture is not None else room

    def mousePressEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton or self.picture is None:
            return event.ignore()
        shown = self.shown()
        if not shown.contains(event.position()):
            return self.clicked.emit(QPointF(float("nan"), float("nan")), 0.0)
        per_pixel = self.picture.box().width() / shown.width()
        half_target = MIN_TARGET_PX * self.scale / 2   # a spot is at least a learner's target
        self.clicked.emit(self.picture.to_units(shown, event.position()), half_target * per_pixel)

    def paintEvent(self, event):
        if self.picture is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shown = self.shown()
        painter.fillRect(shown, QColor("#FFFFFF"))
        self.picture.paint(painter, shown)
        painter.setPen(QPen(QColor("#3A3A3A"), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(shown)
        pen = QPen(QColor(self.mark_colour), max(4, round(4 * self.scale)))
        painter.setPen(pen)
        margin = 6 * self.scale
        for spot in self.marked:
            area = self.picture.to_screen(shown, QRectF(spot["x"], spot["y"], spot["width"], spot["height"]))
            painter.drawRoundedRect(area.adjusted(-margin, -margin, margin, margin), 10, 10)


class HotspotExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.questions = exercise.params["questions"]
        self.question = instruction_label()
        self.spot_picture = SpotPicture(scale)
        self.spot_picture.clicked.connect(self._clicked)
        self.layout_.addWidget(self.question)
        self.layout_.addWidget(self.spot_picture, 1)
        self.next_button = big_button(_("Question suivante"), primary=True)
        self.next_button.clicked.connect(self._next)
        self.add_feedback(self.next_button)   # under the scroll area: always in sight
        self.tally = ClickScore(len(self.questions))
        self.tries: list[int] = []
        self._pictures = [PictureFile(self.folder, q["image"]) for q in self.questions]

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(len(self.questions))
        self.tries = []
        self._show(0)

    def _show(self, n: int) -> None:
        q = self.questions[n]
        self.say("", "none")
        # Said once, while there is room: at 200 % the question alone leaves the picture its height
        # (the instructions page said it all before « Commencer »).
        self.instruction.setVisible(n == 0 and self.scale < 1.4)
        self.question.setText(q["question"])
        self.question.setAccessibleName(q["question"])
        self.spot_picture.show_picture(self._pictures[n], _("Image : {question}").format(question=q["question"]))
        self.tries.append(0)
        self.next_button.hide()
        self.next_button.setText(_("Question suivante") if n + 1 < len(self.questions) else _("Terminer"))
        self.progressed.emit(n, len(self.questions))

    def _clicked(self, where: QPointF, grace: float) -> None:
        n = self.tally.done
        if self.tally.finished or self.next_button.isVisible():
            return
        q = self.questions[n]
        if in_spot(where.x(), where.y(), q["spots"], grace):
            self.tally.hit()
            self.spot_picture.mark(q["spots"], FOUND)
            self.progressed.emit(n + 1, len(self.questions))
            praise = _("C'est juste !") if self.tries[n] == 0 else _("Vous l'avez trouvé !")
            self.say(f"{praise} {q['explanation']}".strip(), "good")
            self.next_button.show()
            QTimer.singleShot(0, self, self.next_button.setFocus)
            return
        self.tally.miss()
        self.tries[n] += 1
        if self.tries[n] >= HINT_AFTER:
            self.spot_picture.mark(q["spots"], SOFT_EDGE)
            self.say(_("Regardez l'endroit entouré en orange, puis cliquez dessus."))
        else:
            self.say(_("Pas tout à fait. Regardez bien l'image, puis cliquez à un autre endroit."))

    def _next(self) -> None:
        if not self.tally.finished:
            self._show(self.tally.done)
            return
        self.next_button.setEnabled(False)
        self.end(self.tally.outcome(self.elapsed_ms(), tries=self.tries))
