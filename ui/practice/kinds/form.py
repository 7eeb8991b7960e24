"""form: a realistic but fictitious form (text, e-mail, date, drop-down list, tick box)
and its "Envoyer" button. On sending, a gentle word appears under each field that
needs another look, and the line under the form names those fields; when everything
is right, the form is sent and the exercise ends. The checks themselves are the core's
(atelier.lessons.scoring.field_problem). The data to copy stands beside the form, out
of its scrolling: always in sight."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QSizePolicy, QVBoxLayout, QWidget)

from atelier.lessons.scoring import FormScore, field_problem
from ui.practice.kinds.common import Exercise, tr
from ui.theme import spacing_factor
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox
from ui.widgets.scroller import Scroller
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
        grid = QGridLayout(sheet)  # two fields a line: the whole form shows, no scrolling
        gap = round(8 * spacing_factor(scale))
        grid.setContentsMargins(3 * gap, 2 * gap, 3 * gap, 2 * gap)
        grid.setHorizontalSpacing(3 * gap)
        grid.setVerticalSpacing(2 * gap)
        place = 0
        for field in self.fields:
            cell = QVBoxLayout()
            cell.setSpacing(gap // 2)
            if field.kind == "checkbox":
                row = QHBoxLayout()
                row.setSpacing(2 * gap)
                row.addWidget(field.input, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(field.label, 1)
                cell.addLayout(row)
                place += place % 2  # a tick box and its words take a whole line
                grid.addLayout(cell, place // 2, 0, 1, 2)
                place += 2
            else:
                cell.addWidget(field.label)
                cell.addWidget(field.input)
                grid.addLayout(cell, place // 2, place % 2)
                place += 1
                self._watch(field)
            cell.addWidget(field.problem)
            cell.addStretch(1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        sheet.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        # The data to copy on the left, the form on the right: both in sight while typing.
        # The data stands outside the form's scrolling: filling the last field at 200 % never
        # scrolls the first line of the data away (it scrolls on its own if it must).
        self.layout_.removeWidget(self.instruction)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.instruction.setObjectName("formData")  # plain weight: read line by line while typing
        holder = QWidget()
        column = QVBoxLayout(holder)
        margins = self.layout_.contentsMargins()
        column.setContentsMargins(margins.left(), margins.top(), 0, margins.top())
        column.addWidget(self.instruction)
        column.addStretch(1)
        self.data = Scroller(holder, name=tr("Les informations à recopier"))
        outer = self.layout()
        outer.removeWidget(self.scroller)
        side = QHBoxLayout()
        side.setSpacing(3 * gap)
        side.addWidget(self.data, 2)
        side.addWidget(self.scroller, 3)
        outer.insertLayout(0, side, 1)
        self.layout_.addWidget(sheet, 1, Qt.AlignmentFlag.AlignTop)
        self.submit = big_button(exercise.params["submit"], primary=True)
        self.submit.clicked.connect(self._submit)
        self.add_feedback(self.submit)   # « Envoyer » stays in sight, under the scroll area
        self.score = FormScore([f.spec["name"] for f in self.fields])

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
