"""The end of an exercise: encouraging words, never a fault.

« Bravo ! » when the exercise is done; otherwise warm words and « Recommencer » first.
The learner can always start again, skip to the next one, or go on.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from atelier.results import DONE_SCORE
from atelier.lessons.scoring import Outcome
from ui.practice.look import learner_button, learner_label, lpx, text_scroller
from ui.widgets.flow_layout import FlowLayout
from ui.words import plural


def minutes_words(duration_ms: int, tr) -> str:
    minutes = round(duration_ms / 60_000)
    if minutes < 1:
        return tr("moins d'une minute")
    return plural(minutes, tr("1 minute"), tr("{n} minutes"))


class SummaryPage(QWidget):
    """``again()`` for « Recommencer », ``skip()`` for « Passer », ``go_on()`` for « Exercice suivant »."""

    again = Signal()
    skip = Signal()
    go_on = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learnerPage")
        self.bravo = learner_label("", "bravo")
        self.message = learner_label("", "instructions")
        self.detail = learner_label("")
        self.kept = learner_label("", "reminder")
        self.again_button = learner_button(self.tr("Recommencer"), self.tr("Refaire le même exercice"))
        self.skip_button = learner_button(self.tr("Passer"), self.tr("Laisser cet exercice pour plus tard"))
        self.next_button = learner_button(self.tr("Exercice suivant"), self.tr("Aller à l'exercice suivant"),
                                          primary=True)
        self.again_button.clicked.connect(self.again)
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.go_on)
        words = QWidget()
        words.setObjectName("learnerPage")
        text = QVBoxLayout(words)
        text.setContentsMargins(lpx(16), lpx(16), lpx(16), lpx(8))
        text.setSpacing(lpx(14))
        for label in (self.bravo, self.message, self.detail, self.kept):
            text.addWidget(label)
        text.addStretch(1)
        # The buttons sit under the words, never in their scroll area: always on screen.
        bar = QWidget()
        bar.setObjectName("learnerPage")
        rows = QVBoxLayout(bar)
        rows.setContentsMargins(lpx(12), lpx(8), lpx(12), lpx(12))  # the three fit 1280 px at 200 %
        row = FlowLayout(spacing=lpx(16))  # one line while they fit, else two: never squeezed
        row.addWidget(self.again_button)
        row.addWidget(self.skip_button)
        row.addWidget(self.next_button)
        rows.addLayout(row)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.words = text_scroller(words, self.tr("Le résultat"))
        column.addWidget(self.words, 1)
        column.addWidget(bar)

    def show_outcome(self, outcome: Outcome | None, guest: bool, has_next: bool) -> None:
        """``outcome`` None: the learner chose « Passer » during the exercise."""
        done = outcome is not None and outcome.completed and outcome.score >= DONE_SCORE
        if outcome is None or not outcome.completed:
            self.bravo.setText(self.tr("Pas de souci !"))
            self.message.setText(self.tr("Vous pourrez revenir à cet exercice quand vous voudrez."))
            self.detail.hide()
        else:
            if done:
                self.bravo.setText(self.tr("Bravo !"))
                self.message.setText(self.tr("Vous avez réussi cet exercice."))
            elif outcome.score >= 0.5:
                self.bravo.setText(self.tr("C'est bien !"))
                self.message.setText(self.tr("Vous y êtes presque. Essayons encore : la main prend vite l'habitude."))
            else:
                self.bravo.setText(self.tr("Vous avez terminé !"))
                self.message.setText(self.tr("Essayons encore : chaque essai vous fait progresser."))
            self.detail.setText(self.tr("Vous avez pris {time}, à votre rythme.").format(
                time=minutes_words(outcome.duration_ms, self.tr)))
            self.detail.show()
        self.kept.setText(self.tr("Vous êtes invité : ce résultat n'est pas gardé.") if guest and outcome
                          and outcome.completed else "")
        self.kept.setVisible(bool(self.kept.text()))
        self.setAccessibleName(self.bravo.text())
        self.setAccessibleDescription(self.message.text())
        # The main button: go on once it is done, otherwise try again.
        self.next_button.setVisible(has_next)
        self.skip_button.setVisible(has_next and not done and outcome is not None)
        self.next_button.setObjectName("primary" if done or not has_next or outcome is None else "")
        self.again_button.setObjectName("" if done or outcome is None else "primary")
        for button in (self.next_button, self.again_button):
            button.setStyleSheet("/**/")  # look again at the object name: colour and size
            button.setStyleSheet("")
            button.updateGeometry()
        self.words.verticalScrollBar().setValue(0)
        first = self.next_button if (done or outcome is None) and has_next else self.again_button
        first.setFocus()
