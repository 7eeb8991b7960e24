"""choice: a quiz. Each question is a message (and maybe a picture from the module's
folder) with 2 to 4 large answers; after an answer the explanation shows, right or
not, then "Question suivante". Each question is answered once."""

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout

from atelier.i18n import _
from atelier.lessons.scoring import choice_score
from ui.practice.kinds.common import GOOD, SOFT, Exercise, instruction_label
from ui.practice.kinds.picture import PictureFile
from ui.theme import spacing_factor
from ui.widgets.buttons import big_button

MAX_ANSWERS = 4


class ChoiceExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.questions = exercise.params["questions"]
        self.question = instruction_label()
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.question, 3)
        top.addWidget(self.image, 2)
        self.layout_.addLayout(top)
        self.answers_box = QVBoxLayout()
        self.answers_box.setSpacing(round(10 * spacing_factor(scale)))
        self.buttons = []
        for n in range(MAX_ANSWERS):
            button = big_button("")
            button.setObjectName("answer")
            button.clicked.connect(lambda _checked=False, n=n: self._answer(n))
            self.answers_box.addWidget(button)
            self.buttons.append(button)
        self.layout_.addLayout(self.answers_box)
        self.bar.removeWidget(self.feedback)   # the explanation is part of the question
        self.layout_.addWidget(self.feedback)
        self.layout_.addStretch(1)
        self.next_button = big_button(_("Question suivante"), primary=True)
        self.next_button.clicked.connect(self._next)
        self.bar.addStretch(1)
        self.add_feedback(self.next_button)   # under the scroll area: always in sight
        self.setStyleSheet(self.styleSheet() + f"""
QPushButton#answer {{ text-align: left; }}
QPushButton#answer[mark="right"] {{ background: {GOOD}; color: #1B1B1B; border: 4px solid #2E7D32; }}
QPushButton#answer[mark="chosen"] {{ background: {SOFT}; color: #1B1B1B; border: 4px solid #B36B00; }}
""")
        self.given: list[tuple[int, int]] = []

    def start(self) -> None:
        self.begin()
        self.given = []
        self._show(0)

    def _show(self, n: int) -> None:
        q = self.questions[n]
        self.say("", "none")
        self.instruction.setVisible(n == 0)   # said once; then the questions speak
        self.scroller.verticalScrollBar().setValue(0)
        self.question.setText(q["question"])
        self.question.setAccessibleName(q["question"])
        self._show_image(q.get("image"))
        for i, button in enumerate(self.buttons):
            button.setVisible(i < len(q["answers"]))
            button.setEnabled(True)
            self._mark(button, "")
            if i < len(q["answers"]):
                button.setText(q["answers"][i])
                button.setAccessibleName(q["answers"][i])
        self.next_button.hide()
        self.next_button.setText(_("Question suivante") if n + 1 < len(self.questions)
                                 else _("Terminer"))
        self.progressed.emit(n, len(self.questions))
        self.buttons[0].setFocus()

    def _show_image(self, relative: str | None) -> None:
        picture = PictureFile(self.folder, relative) if relative else None
        if picture is None or not picture.valid:
            self.image.clear()
            self.image.hide()
            return
        height = round(160 * (1 + self.scale) / 2.5)   # 128 px at 100 %, 192 at 200 %
        size = picture.fitted(QRectF(0, 0, round(height * 1.6), height)).size().toSize()
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)   # drawn at the screen's own pixels: an SVG stays sharp
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        picture.paint(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        self.image.setPixmap(pixmap)
        self.image.setAccessibleName(_("Image de la question"))
        self.image.show()

    @staticmethod
    def _mark(button, mark: str) -> None:
        button.setProperty("mark", mark)
        button.style().unpolish(button)
        button.style().polish(button)

    def _answer(self, chosen: int) -> None:
        n = len(self.given)
        if n >= len(self.questions) or not self.buttons[chosen].isEnabled():
            return
        q = self.questions[n]
        self.given.append((chosen, q["correct"]))
        for button in self.buttons:
            button.setEnabled(False)
        self._mark(self.buttons[q["correct"]], "right")
        for i, button in enumerate(self.buttons):   # the right one stays; the words say the rest
            if i != q["correct"]:
                button.hide()
        if chosen == q["correct"]:
            self.say(_("C'est juste ! {explanation}").format(explanation=q["explanation"]), "good")
        else:
            self._mark(self.buttons[chosen], "chosen")
            self.say(_("Pas tout à fait : la bonne réponse est « {answer} ». {explanation}")
                     .format(answer=q["answers"][q["correct"]], explanation=q["explanation"]))
        self.instruction.hide()   # room for the explanation, under the question
        self.progressed.emit(n + 1, len(self.questions))
        self.next_button.show()
        self.next_button.setFocus()
        QTimer.singleShot(0, lambda: self.scroller.ensureWidgetVisible(self.feedback, 0, 0))

    def skip_label(self) -> str:
        return _("Passer cette question") if len(self.questions) > 1 else super().skip_label()

    def skip_item(self) -> bool:
        """The question on screen is left unanswered (it counts as not right)."""
        if len(self.questions) < 2 or not self.next_button.isEnabled():
            return False
        if self.next_button.isHidden():  # not answered yet
            self.given.append((-1, self.questions[len(self.given)]["correct"]))
            self.progressed.emit(len(self.given), len(self.questions))
        self._next()
        return True

    def _next(self) -> None:
        if len(self.given) < len(self.questions):
            self._show(len(self.given))
            return
        self.next_button.setEnabled(False)
        self.end(choice_score(self.given, self.elapsed_ms()))
