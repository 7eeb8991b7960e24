"""« Mes progrès »: large and simple. What comes next, then each theme's exercises with
a ✓ and a word: « Réussi », « Commencé », « Pas encore ».
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier import results
from atelier.lessons.pack import Exercise, Module
from atelier.results import Result
from ui.practice.look import learner_button, learner_label, lpx, text_scroller


class MyProgressPage(QWidget):
    """``next_chosen(module, exercise)`` for « Continuer », ``back()`` to the learner's home."""

    next_chosen = Signal(object, object)
    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learnerPage")
        self.next: tuple[Module, Exercise] | None = None
        self.lines: dict[tuple[str, str], str] = {}  # (module, exercise) → the words shown
        self.title = learner_label(_("Mes progrès"), "learnerTitle")
        self.summary = learner_label("", "instructions")
        self.next_label = learner_label("")
        self.next_button = learner_button(_("Continuer"), _("Faire l'exercice suivant"), primary=True)
        self.next_button.clicked.connect(self._next_clicked)
        self.back_button = learner_button(_("‹ Retour"), _("Revenir à l'accueil"))
        self.back_button.setAccessibleName(_("Retour à l'accueil"))
        self.back_button.clicked.connect(self.back)
        content = QWidget()  # the count, then each theme's exercises: they scroll, the page never
        content.setObjectName("learnerPage")
        words = QVBoxLayout(content)
        words.setContentsMargins(0, 0, lpx(8), 0)
        words.setSpacing(lpx(6))
        words.addWidget(self.summary)
        self.list_box = QVBoxLayout()
        self.list_box.setSpacing(lpx(6))
        words.addLayout(self.list_box)
        words.addStretch(1)
        self.scroll = text_scroller(content, _("Ce que j'ai fait"))
        top = QHBoxLayout()
        top.setSpacing(lpx(24))
        top.addWidget(self.next_label, 1)
        top.addWidget(self.next_button, 0, Qt.AlignmentFlag.AlignVCenter)
        heading = QHBoxLayout()  # the way back, then the title: the list keeps the room
        heading.setSpacing(lpx(24))
        heading.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.title, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(lpx(40), lpx(12), lpx(40), lpx(12))
        column.setSpacing(lpx(10))
        column.addLayout(heading)
        column.addLayout(top)
        column.addWidget(self.scroll, 1)
        QWidget.setTabOrder(self.back_button, self.next_button)
        self.setAccessibleName(_("Mes progrès"))

    def show_results(self, modules: list[Module], mine: list[Result]) -> None:
        best = results.best_scores(mine)
        done = {key for key, score in best.items() if score >= results.DONE_SCORE}
        total = sum(len(m.exercises) for m in modules)
        finished = sum((m.id, e.id) in done for m in modules for e in m.exercises)
        if finished == 0:
            self.summary.setText(_("Vous commencez : chaque exercice réussi s'affichera ici."))
        else:
            self.summary.setText(plural(finished, "Vous avez réussi {n} exercice sur {all}.",
                                        "Vous avez réussi {n} exercices sur {all}.", all=total))
        self.next = results.next_for_learner(modules, mine)
        if self.next is None:
            self.next_label.setText(_("Tout est réussi. Bravo !"))
        else:
            self.next_label.setText(_("Et maintenant : {title}").format(title=self.next[1].title))
        self.next_button.setVisible(self.next is not None)

        self.lines = {}
        while self.list_box.count():
            old = self.list_box.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        column = self.list_box
        for module in modules:
            heading = learner_label(module.title, "learnerName")
            heading.setContentsMargins(0, lpx(8), 0, 0)
            column.addWidget(heading)
            for exercise in module.exercises:
                key = (module.id, exercise.id)
                if key in done:
                    words, name = _("✓ {title} : réussi"), "done"
                elif key in best:
                    words, name = _("○ {title} : commencé"), ""
                else:
                    words, name = _("○ {title} : pas encore"), "reminder"
                text = words.format(title=exercise.title)
                self.lines[key] = text
                line = learner_label(text, name)
                line.setContentsMargins(lpx(24), 0, 0, 0)
                column.addWidget(line)
        self.scroll.verticalScrollBar().setValue(0)

    def _next_clicked(self) -> None:
        if self.next is not None:
            self.next_chosen.emit(*self.next)

    def focus_first(self) -> None:
        (self.next_button if self.next is not None else self.back_button).setFocus()
