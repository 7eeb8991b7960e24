"""« Mes progrès »: large and simple. What comes next, then each theme's exercises with
a ✓ and a word: « Réussi », « Commencé », « Pas encore ».
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from atelier import results
from atelier.lessons.pack import Exercise, Module
from atelier.results import Result
from ui.practice.look import learner_button, learner_label, lpx
from ui.widgets.scroller import Scroller
from ui.words import plural


class MyProgressPage(QWidget):
    """``next_chosen(module, exercise)`` for « Continuer », ``back()`` to the learner's home."""

    next_chosen = Signal(object, object)
    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learnerPage")
        self.next: tuple[Module, Exercise] | None = None
        self.lines: dict[tuple[str, str], str] = {}  # (module, exercise) → the words shown
        self.title = learner_label(self.tr("Mes progrès"), "learnerTitle")
        self.summary = learner_label("", "instructions")
        self.next_label = learner_label("")
        self.next_button = learner_button(self.tr("Continuer"), self.tr("Faire l'exercice suivant"), primary=True)
        self.next_button.clicked.connect(self._next_clicked)
        self.back_button = learner_button(self.tr("‹ Retour"), self.tr("Revenir à l'accueil"))
        self.back_button.setAccessibleName(self.tr("Retour à l'accueil"))
        self.back_button.clicked.connect(self.back)
        self.scroll = Scroller(name=self.tr("Ce que j'ai fait"))
        self.scroll.setObjectName("tiles")
        top = QHBoxLayout()
        top.setSpacing(lpx(24))
        top.addWidget(self.next_label, 1)
        top.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(lpx(40), lpx(20), lpx(40), lpx(20))
        column.setSpacing(lpx(12))
        column.addWidget(self.title)
        column.addWidget(self.summary)
        column.addLayout(top)
        column.addWidget(self.scroll, 1)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        column.addLayout(row)
        self.setAccessibleName(self.tr("Mes progrès"))

    def show_results(self, modules: list[Module], mine: list[Result]) -> None:
        best = results.best_scores(mine)
        done = {key for key, score in best.items() if score >= results.DONE_SCORE}
        total = sum(len(m.exercises) for m in modules)
        finished = sum((m.id, e.id) in done for m in modules for e in m.exercises)
        if finished == 0:
            self.summary.setText(self.tr("Vous commencez : chaque exercice réussi s'affichera ici."))
        else:
            self.summary.setText(plural(finished, self.tr("Vous avez réussi 1 exercice sur {all}."),
                                        self.tr("Vous avez réussi {done} exercices sur {all}."),
                                        done=finished, all=total))
        self.next = results.next_for_learner(modules, mine)
        if self.next is None:
            self.next_label.setText(self.tr("Tout est réussi. Bravo !"))
        else:
            self.next_label.setText(self.tr("Et maintenant : {title}").format(title=self.next[1].title))
        self.next_button.setVisible(self.next is not None)

        self.lines = {}
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, lpx(8), 0)
        column.setSpacing(lpx(6))
        for module in modules:
            column.addSpacing(lpx(8))
            column.addWidget(learner_label(module.title, "learnerName"))
            for exercise in module.exercises:
                key = (module.id, exercise.id)
                if key in done:
                    words, name = self.tr("✓ {title} : réussi"), "done"
                elif key in best:
                    words, name = self.tr("○ {title} : commencé"), ""
                else:
                    words, name = self.tr("○ {title} : pas encore"), "reminder"
                text = words.format(title=exercise.title)
                self.lines[key] = text
                line = learner_label(text, name)
                line.setContentsMargins(lpx(24), 0, 0, 0)
                column.addWidget(line)
        column.addStretch(1)
        self.scroll.setWidget(holder)

    def _next_clicked(self) -> None:
        if self.next is not None:
            self.next_chosen.emit(*self.next)

    def focus_first(self) -> None:
        (self.next_button if self.next is not None else self.back_button).setFocus()
