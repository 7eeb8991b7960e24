"""The end of an exercise: encouraging words, never a fault.

« Bravo ! » when the exercise is done; otherwise warm words and « Recommencer » first.
The learner can always start again, skip to the next one, or go on. A form names the
fields to look at again; after a module's last exercise, its « 3 choses à retenir ».
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier.results import DONE_SCORE
from atelier.lessons.scoring import Outcome
from ui.practice.look import learner_button, learner_label, lpx, text_scroller
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.listen_button import ListenButton


def minutes_words(duration_ms: int) -> str:
    minutes = round(duration_ms / 60_000)
    if minutes < 1:
        return _("moins d'une minute")
    return plural(minutes, "{n} minute", "{n} minutes")


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
        self.review = learner_label("")
        self.remember_title = learner_label(_("3 choses à retenir"), "instructions")
        self.remember_title.setStyleSheet("font-weight: bold;")
        self.remember = learner_label("")
        self.again_button = learner_button(_("Recommencer"), _("Refaire le même exercice"))
        self.skip_button = learner_button(_("Passer"), _("Laisser cet exercice pour plus tard"))
        self.next_button = learner_button(_("Exercice suivant"), _("Aller à l'exercice suivant"),
                                          primary=True)
        self.listen_button = ListenButton(self.spoken_words, _("le résultat"))
        self.again_button.clicked.connect(self.again)
        self.skip_button.clicked.connect(self.skip)
        self.next_button.clicked.connect(self.go_on)
        words = QWidget()
        words.setObjectName("learnerPage")
        text = QVBoxLayout(words)
        text.setContentsMargins(lpx(16), lpx(16), lpx(16), lpx(8))
        text.setSpacing(lpx(14))
        # « Écouter » beside « Bravo »: the three buttons under the words keep one line at 200 %.
        top = QHBoxLayout()
        top.setSpacing(lpx(16))
        top.addWidget(self.bravo, 1)
        top.addWidget(self.listen_button, 0, Qt.AlignmentFlag.AlignTop)
        text.addLayout(top)
        # The things to remember come right under « Bravo » (at 200 % the rest may need scrolling).
        for label in (self.message, self.remember_title, self.remember, self.detail, self.review,
                      self.kept):
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
        self.words = text_scroller(words, _("Le résultat"))
        column.addWidget(self.words, 1)
        column.addWidget(bar)

    def spoken_words(self) -> str:
        """What the page says, in its order on screen, without what is hidden."""
        labels = (self.bravo, self.message, self.remember_title, self.remember, self.detail, self.review, self.kept)
        return " ".join(label.text().replace("\n", ". ") for label in labels if not label.isHidden() and label.text())

    def show_outcome(self, outcome: Outcome | None, guest: bool, has_next: bool,
                     remember: tuple[str, ...] = ()) -> None:
        """``outcome`` None: the learner chose « Passer » during the exercise; ``remember``:
        the module's things to remember, after its last exercise."""
        done = outcome is not None and outcome.completed and outcome.score >= DONE_SCORE
        if outcome is None or not outcome.completed:
            self.bravo.setText(_("Pas de souci !"))
            self.message.setText(_("Vous pourrez revenir à cet exercice quand vous voudrez."))
            self.detail.hide()
        else:
            if done:
                self.bravo.setText(_("Bravo !"))
                self.message.setText(_("Vous avez réussi cet exercice."))
            elif outcome.score >= 0.5:
                self.bravo.setText(_("C'est bien !"))
                self.message.setText(_("Vous y êtes presque. Essayons encore : la main prend vite l'habitude."))
            else:
                self.bravo.setText(_("Vous avez terminé !"))
                self.message.setText(_("Essayons encore : chaque essai vous fait progresser."))
            self.detail.setText(_("Vous avez pris {time}, à votre rythme.").format(
                time=minutes_words(outcome.duration_ms)))
            self.detail.show()
        self.kept.setText(_("Vous êtes invité : ce résultat n'est pas gardé.") if guest and outcome
                          and outcome.completed else "")
        self.kept.setVisible(bool(self.kept.text()))
        to_review = outcome.details.get("to_review") if outcome is not None else None
        self.review.setText(_("À revoir la prochaine fois : {fields}.").format(
            fields=", ".join(f"« {name} »" for name in to_review)) if to_review else "")
        self.review.setVisible(bool(to_review))
        self.remember.setText("\n".join(f"{n}. {item}" for n, item in enumerate(remember, 1)))
        self.remember.setAccessibleName(_("3 choses à retenir : {items}").format(items=" ".join(remember)))
        for label in (self.remember_title, self.remember):
            label.setVisible(bool(remember))
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
