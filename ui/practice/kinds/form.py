"""form: a realistic but fictitious form (text, e-mail, date, drop-down list, tick box)
and its "Envoyer" button. On sending, a gentle word appears under each field that
needs another look, and the line under the form names those fields; when everything
is right, the form is sent and the exercise ends. The checks themselves are the
core's (atelier.lessons.scoring.field_problem).

The instructions hold the data to copy: they stay above the form, in sight whatever
field is being filled (they scroll on their own when they are long, at 200 %)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
                               QVBoxLayout, QWidget)

from atelier.lessons.scoring import FormScore, field_problem
from ui.practice.kinds.common import Exercise, tr
from ui.theme import spacing_factor
from ui.widgets.scroller import Scroller
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox
from ui.widgets.wheel_guard import guard_wheel


class TickLabel(QLabel):
    """The words of a tick box, wrapped at 200 %; a click on them ticks the box too."""

    def mouseReleaseEvent(self, event):
        if isinstance(self.buddy(), QCheckBox) and self.rect().contains(event.position().toPoint()):
            self.buddy().toggle()
        super().mouseReleaseEvent(event)


class FormField:
    """One field: its label, its input and the gentle word under it."""

    def __init__(self, spec: dict, on_enter, scale: float = 1.0):
        self.spec = spec
        self.kind = spec["type"]
        self.label = TickLabel(spec["label"]) if self.kind == "checkbox" else QLabel(spec["label"])
        self.label.setWordWrap(True)
        if self.kind == "checkbox":
            self.input = BigCheckBox("", box=44)   # its words are the label beside it, which wraps
            target = round(64 * spacing_factor(scale))
            self.input.setMinimumSize(target, target)
        elif self.kind == "choice":
            self.input = QComboBox()
            self.input.addItem(tr("Choisissez…"))
            self.input.addItems(spec["choices"])
            guard_wheel(self.input)
        else:
            self.input = QLineEdit()
            if self.kind == "date":
                self.input.setPlaceholderText(tr("jj/mm/aaaa"))
            self.input.returnPressed.connect(on_enter)
        self.input.setAccessibleName(spec["label"])
        self.label.setBuddy(self.input)
        self.problem = QLabel()
        self.problem.setObjectName("feedback")
        self.problem.setWordWrap(True)
        self.problem.setProperty("tone", "soft")
        self.problem.hide()

    def value(self):
        if self.kind == "checkbox":
            return self.input.isChecked()
        if self.kind == "choice":
            return self.input.currentText() if self.input.currentIndex() > 0 else ""
        return self.input.text()

    def clear(self) -> None:
        if self.kind == "checkbox":
            self.input.setChecked(False)
        elif self.kind == "choice":
            self.input.setCurrentIndex(0)
        else:
            self.input.clear()
        self.show_problem(None)

    def check(self) -> str | None:
        return field_problem(self.kind, self.value(), self.spec.get("required", True))

    def show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))
        self.input.setAccessibleDescription(message or "")


class FormExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.fields = [FormField(spec, self._submit, scale) for spec in exercise.params["fields"]]
        sheet = QFrame()
        sheet.setObjectName("card")
        column = QVBoxLayout(sheet)
        gap = round(8 * spacing_factor(scale))
        column.setContentsMargins(4 * gap, 3 * gap, 4 * gap, 3 * gap)
        column.setSpacing(gap)
        for field in self.fields:
            if field.kind == "checkbox":
                row = QHBoxLayout()
                row.setSpacing(2 * gap)
                row.addWidget(field.input, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(field.label, 1)
                column.addLayout(row)
            else:
                column.addWidget(field.label)
                column.addWidget(field.input)
            column.addWidget(field.problem)
            column.addSpacing(gap)
            if field.kind != "checkbox":
                self._watch(field)
        self.submit = big_button(exercise.params["submit"], primary=True)
        self.submit.clicked.connect(self._submit)
        column.addStretch(1)
        sheet.setMaximumWidth(round(900 * spacing_factor(scale)))
        sheet.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.layout_.addWidget(sheet, 1, Qt.AlignmentFlag.AlignHCenter)   # scrolls with the words
        self.add_feedback(self.submit)   # « Envoyer » stays in sight, under the scroll area
        self.score = FormScore([f.spec["name"] for f in self.fields])
        self._pin_the_data(scale)

    def _pin_the_data(self, scale: float) -> None:
        """The instructions (the data to copy) out of the scrolling form, above it."""
        self.layout_.removeWidget(self.instruction)
        holder = QWidget()
        margin = round(24 * spacing_factor(scale))
        column = QVBoxLayout(holder)
        column.setContentsMargins(margin, round(8 * spacing_factor(scale)), margin, round(8 * spacing_factor(scale)))
        column.addWidget(self.instruction)
        self.model_card = Scroller(holder, name=tr("Les informations à recopier"))
        self.model_card.setObjectName("modelCard")
        self.layout().insertWidget(0, self.model_card)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        holder = self.model_card.widget()
        wanted = holder.layout().totalHeightForWidth(max(1, self.model_card.viewport().width()))
        room = (self.height() - self.bar.totalSizeHint().height()) * 9 // 20  # the form keeps the rest
        if wanted > room:  # whole lines only: the card scrolls, and no line shows cut in half
            margins = holder.layout().contentsMargins()
            line = self.instruction.fontMetrics().lineSpacing()
            wanted = margins.top() + max(1, (room - margins.top()) // line) * line
        self.model_card.setFixedHeight(wanted + 2 * self.model_card.frameWidth())

    def _watch(self, field: FormField) -> None:
        """A gentle word goes away as soon as the field is right."""
        signal = (field.input.currentIndexChanged if field.kind == "choice"
                  else field.input.textEdited)
        signal.connect(lambda *_a, f=field: f.problem.isVisible() and not f.check()
                       and f.show_problem(None))

    def start(self) -> None:
        self.begin()
        self.score = FormScore([f.spec["name"] for f in self.fields])
        for field in self.fields:
            field.clear()
        self.submit.setEnabled(True)
        self.progressed.emit(0, 1)
        self.fields[0].input.setFocus()

    def _submit(self) -> None:
        if not self.submit.isEnabled():
            return
        problems = {}
        for field in self.fields:
            problems[field.spec["name"]] = message = field.check()
            field.show_problem(message)
        if not self.score.submit(problems):
            wrong = [f for f in self.fields if problems[f.spec["name"]]]
            wrong[0].input.setFocus()
            self.scroller.ensureWidgetVisible(wrong[0].problem, 0)
            names = ", ".join(f"« {f.spec['label']} »" for f in wrong)
            self.say((tr("Presque ! Une case à revoir : {names}. Corrigez-la, puis « {submit} ».") if len(wrong) == 1
                      else tr("Presque ! Ces cases sont à revoir : {names}. Corrigez-les, puis « {submit} »."))
                     .format(names=names, submit=self.submit.text()))
            return
        self.submit.setEnabled(False)
        self.progressed.emit(1, 1)
        self.say(tr("Bravo, le formulaire est envoyé !"), "good")
        self.end(self.score.outcome(self.elapsed_ms()))
