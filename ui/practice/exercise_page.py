"""An exercise, in two screens: its instructions in large print with « Commencer »,
then the exercise itself (the kind's widget), with « 3 sur 5 » and « Passer ».
No timer anywhere: the learner goes at their own pace. « Passer » says what it passes
over: the item on screen (« Passer cette touche ») when the exercise has several, else
the exercise (at large text sizes, to its accessible name; the button says « Passer »).
"""

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier.lessons.pack import Exercise
from ui.practice.base import ExerciseWidget
from ui.practice.look import learner_button, learner_label, lpx, text_scroller
from ui.theme import current_scale
from ui.widgets.listen_button import ListenButton


class InstructionsPage(QWidget):
    """``start()`` when « Commencer » is pressed, ``back()`` for « Retour »."""

    start = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learnerPage")
        self.title = learner_label("", "learnerTitle")
        self.instructions = learner_label("", "instructions")
        self.start_button = learner_button(_("Commencer"), _("Commencer l'exercice"), primary=True)
        self.back_button = learner_button(_("‹ Retour"), _("Revenir aux exercices"))
        self.back_button.setAccessibleName(_("Retour aux exercices"))
        self.listen_button = ListenButton(self.spoken_words, _("la consigne"))
        self.start_button.clicked.connect(self.start)
        self.back_button.clicked.connect(self.back)
        words = QWidget()
        words.setObjectName("learnerPage")
        text = QVBoxLayout(words)
        text.setContentsMargins(lpx(48), lpx(24), lpx(48), lpx(8))
        text.setSpacing(lpx(20))
        text.addWidget(self.title)
        text.addWidget(self.instructions)
        text.addStretch(1)
        self.words = text_scroller(words, _("La consigne"))
        row = QHBoxLayout()  # under the words, outside their scroll area: always on screen
        row.setContentsMargins(lpx(48), lpx(8), lpx(48), lpx(16))
        row.setSpacing(lpx(24))
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.listen_button)
        row.addWidget(self.start_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.words, 1)
        column.addLayout(row)
        QWidget.setTabOrder(self.listen_button, self.start_button)
        QWidget.setTabOrder(self.start_button, self.back_button)

    def spoken_words(self) -> str:
        return f"{self.title.text()}. {self.instructions.text()}"

    def show_exercise(self, exercise: Exercise) -> None:
        self.title.setText(exercise.title)
        self.instructions.setText(exercise.instructions)
        self.setAccessibleName(exercise.title)
        self.setAccessibleDescription(exercise.instructions)
        self.words.verticalScrollBar().setValue(0)


class RunPage(QWidget):
    """Holds the running exercise widget; ``skipped()`` for « Passer ». How far the
    exercise is (« 3 sur 5 ») and « Passer » are made here and shown in the practice
    window's top bar, so that the exercise has all the height."""

    skipped = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learnerPage")
        self.widget: ExerciseWidget | None = None
        self.count = learner_label("", wrap=False)
        self.count.setAccessibleName(_("Avancement"))
        self.skip_button = learner_button(_("Passer l'exercice"), _("Passer cet exercice, sans le finir"))
        self.skip_button.clicked.connect(self.skipped)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(lpx(24), lpx(12), lpx(24), lpx(12))
        self.column.setSpacing(lpx(8))

    def heightForWidth(self, width: int) -> int:
        """As high as the screen allows, no higher: the exercise scrolls inside, the
        feedback line stays in sight."""
        return self.minimumSizeHint().height()

    def set_widget(self, widget: ExerciseWidget, exercise: Exercise) -> None:
        self.clear()
        self.widget = widget
        self.setAccessibleName(exercise.title)
        self.count.clear()
        words = widget.skip_label()
        # Large text: « Passer » alone keeps the top bar on one line; a screen reader still
        # says what it passes over.
        self.skip_button.setText(words if current_scale() < 1.4 else _("Passer"))
        self.skip_button.setAccessibleName(words)
        widget.progressed.connect(self._progressed)
        self.column.addWidget(widget, 1)
        widget.show()

    def shows_whole(self) -> bool:
        """The exercise, laid out in the room it has now, needs no scrolling."""
        for _turn in range(3):  # a layout may ask for another once its words have wrapped
            QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        return self.widget is None or self.widget.fits()

    def clear(self) -> None:
        if self.widget is not None:
            self.column.removeWidget(self.widget)
            self.widget.hide()
            self.widget.deleteLater()
            self.widget = None

    def _progressed(self, done: int, total: int) -> None:
        self.count.setText(_("{done} sur {total}").format(done=done, total=total))
