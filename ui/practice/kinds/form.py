"""form: a realistic but fictitious form, on one page or several, as on real sites.

The data card to copy (« La fiche ») stays in sight on the left while the learner types.
« Suivant » looks at the fields of its page: a gentle word under each one that needs
another look, named in the feedback line too; a page goes on only once it is right.
With ``recap``, a last page lists everything with « Modifier » beside each page, before
« Valider ». Sending looks at every field once more. The checks are the core's
(atelier.lessons.scoring.field_problem), fed the value the card asks for.
"""

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout

from atelier.lessons.scoring import FormScore
from ui.practice.kinds.common import Exercise, instruction_label, tr
from ui.practice.kinds.form_field import FormField
from ui.theme import current_palette, spacing_factor
from ui.widgets.buttons import big_button
from ui.widgets.page_stack import PageStack


def breakable(text: str) -> str:
    """``text`` with a line allowed after each @ . / - _ (a zero-width space): Qt wraps
    only at spaces, and an e-mail address at 200 % is wider than the page."""
    return re.sub(r"([@./_-])", "\\1\u200b", text)


def quoted(fields) -> str:
    return ", ".join(f"«\u00a0{f.spec['label']}\u00a0»" for f in fields)


class FormExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        p = exercise.params
        self.gap = round(8 * spacing_factor(scale))
        self.recap = bool(p.get("recap"))
        self.pages_spec = p.get("pages") or [{"title": "", "fields": p["fields"]}]
        self.page_fields = [[FormField(spec, self._forward, scale) for spec in page["fields"]]
                            for page in self.pages_spec]
        self.fields = [field for page in self.page_fields for field in page]
        self.stack = PageStack()   # as tall as the page shown: a short page never scrolls
        for n, fields in enumerate(self.page_fields):
            self.stack.addWidget(self._page(n, fields))
        self.recap_page = QFrame()
        self.recap_page.setObjectName("card")
        self.recap_column = QVBoxLayout(self.recap_page)
        self.stack.addWidget(self.recap_page)
        self.stack.setMaximumWidth(round(900 * spacing_factor(scale)))
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.layout_.addWidget(self.stack, 1, Qt.AlignmentFlag.AlignHCenter)
        if p.get("data"):
            self._data_card(p["data"])
        self.back_button = big_button(tr("‹ Précédent"), name=tr("Page précédente"))
        self.back_button.clicked.connect(self._back)
        self.submit = big_button(p["submit"], primary=True)
        self.submit.clicked.connect(self._forward)
        self.add_feedback(self.back_button, self.submit)   # in sight, under the scroll area
        for field in self.fields:
            self._watch(field)
        self.score = FormScore([f.spec["name"] for f in self.fields])
        self.at = 0

    # --- building ------------------------------------------------------------------

    def _page(self, n: int, fields: list[FormField]) -> QFrame:
        sheet = QFrame()
        sheet.setObjectName("card")
        column = QVBoxLayout(sheet)
        gap = self.gap
        column.setContentsMargins(4 * gap, 3 * gap, 4 * gap, 3 * gap)
        column.setSpacing(gap)
        title = self.pages_spec[n].get("title") or ""
        if len(self.pages_spec) > 1 or title:
            column.addWidget(instruction_label(tr("Page {n} sur {count} : {title}").format(
                n=n + 1, count=len(self.pages_spec), title=title) if len(self.pages_spec) > 1 and title
                else title or tr("Page {n} sur {count}").format(n=n + 1, count=len(self.pages_spec))))
        for field in fields:
            if field.kind == "checkbox":
                row = QHBoxLayout()
                row.setSpacing(2 * gap)
                row.addWidget(field.input, 0, Qt.AlignmentFlag.AlignTop)
                row.addWidget(field.label, 1)
                # A row of wrapped words is as tall as its words say (Qt asks the words only):
                # at least as tall as the box beside them.
                field.label.setMinimumHeight(field.input.minimumHeight())
                column.addLayout(row)
            else:
                column.addWidget(field.label)
                if isinstance(field.row, QHBoxLayout):   # a password and its « œil »
                    column.addLayout(field.row)
                else:
                    column.addWidget(field.row)
            column.addWidget(field.problem)
            column.addSpacing(gap)
        column.addStretch(1)
        return sheet

    def _data_card(self, text: str) -> None:
        """« La fiche » on the left, outside the form's scroll area: always in sight. Its
        words wrap anywhere (an e-mail address is one long word at 200 %) and scroll on
        their own when the card is longer than the screen."""
        card = QFrame()
        card.setObjectName("dataCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(3 * self.gap, 2 * self.gap, 2 * self.gap, 2 * self.gap)
        heading = instruction_label(tr("La fiche"))
        self.data = QPlainTextEdit(text)
        self.data.setReadOnly(True)
        self.data.setFrameShape(QFrame.Shape.NoFrame)
        self.data.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.data.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.data.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # Tab goes from field to field
        self.data.setAccessibleName(tr("La fiche à recopier : {text}").format(text=text))
        column.addWidget(heading)
        column.addWidget(self.data, 1)
        pal = current_palette()
        card.setStyleSheet(f"QFrame#dataCard {{ background: {pal.card}; border: 3px dashed {pal.border}; "
                           f"border-radius: {2 * self.gap}px; }} QFrame#dataCard QLabel, QFrame#dataCard "
                           f"QPlainTextEdit {{ background: {pal.card}; color: {pal.text}; border: none; }}")
        outer = self.layout()
        outer.removeWidget(self.scroller)
        row = QHBoxLayout()
        row.setContentsMargins(3 * self.gap, 2 * self.gap, 0, 0)
        row.setSpacing(0)
        row.addWidget(card, 2)   # the form keeps room for its round buttons' words at 200 %
        row.addWidget(self.scroller, 3)
        outer.insertLayout(0, row, 1)

    def _watch(self, field: FormField) -> None:
        """A gentle word goes away as soon as the field is right."""
        field.changed_signal().connect(lambda *_a, f=field: f.problem.isVisible() and not f.check()
                                       and f.show_problem(None))

    # --- going through the pages -----------------------------------------------------

    def start(self) -> None:
        self.begin()
        self.score = FormScore([f.spec["name"] for f in self.fields])
        for field in self.fields:
            field.clear()
        self.submit.setEnabled(True)
        self.progressed.emit(0, len(self.pages_spec))
        self._go(0)

    def _go(self, page: int) -> None:
        self.at = page
        self.stack.setCurrentIndex(page)
        last = page >= len(self.pages_spec) - (0 if self.recap else 1)
        self.submit.setText(self.exercise.params["submit"] if last else tr("Suivant"))
        self.submit.setAccessibleName(self.submit.text())
        self.back_button.setVisible(page > 0)
        self.instruction.setVisible(page == 0)   # said once; then the pages speak
        self.scroller.verticalScrollBar().setValue(0)
        if page == len(self.pages_spec):
            self._fill_recap()
            self.say("", "none")
            self.submit.setFocus()
        else:
            self.say("", "none")
            first = self.page_fields[page][0]
            first.input.setFocus()
            QTimer.singleShot(0, self, lambda: self.scroller.ensureWidgetVisible(first.input, 0))

    def _back(self) -> None:
        if self.at > 0 and self.submit.isEnabled():
            self._go(self.at - 1)

    def _forward(self) -> None:
        if not self.submit.isEnabled():
            return
        if self.at < len(self.pages_spec):
            fields = self.page_fields[self.at]
            if not self._page_right(fields):
                return
            self.progressed.emit(self.at + 1, len(self.pages_spec))
            if self.at + 1 < len(self.pages_spec) or self.recap:
                self._go(self.at + 1)
                return
        problems = {f.spec["name"]: f.check() for f in self.fields}   # once more, every page
        self.score.recheck(problems)
        wrong = [f for f in self.fields if problems[f.spec["name"]]]
        if wrong:
            self._go(next(n for n, page in enumerate(self.page_fields) if wrong[0] in page))
            for field in self.page_fields[self.at]:
                field.show_problem(problems[field.spec["name"]])
            self._not_yet([f for f in wrong if f in self.page_fields[self.at]])
            return
        self.submit.setEnabled(False)
        self.back_button.setEnabled(False)
        self.say(tr("Bravo, le formulaire est envoyé !"), "good")
        self.end(self.score.outcome(self.elapsed_ms(), {f.spec["name"]: f.spec["label"] for f in self.fields}))

    def _page_right(self, fields: list[FormField]) -> bool:
        problems = {f.spec["name"]: f.check() for f in fields}
        for field in fields:
            field.show_problem(problems[field.spec["name"]])
        if self.score.check_page(problems):
            return True
        self._not_yet([f for f in fields if problems[f.spec["name"]]])
        return False

    def _not_yet(self, wrong: list[FormField]) -> None:
        """Short, since the fields themselves say what to do: the feedback names them."""
        wrong[0].input.setFocus()
        QTimer.singleShot(0, self, lambda: self.scroller.ensureWidgetVisible(wrong[0].problem, 0))
        self.say(tr("Presque ! À revoir : {fields}.").format(fields=quoted(wrong)))

    # --- the recap ---------------------------------------------------------------------

    def _fill_recap(self) -> None:
        column = self.recap_column
        while column.count():
            item = column.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        column.setContentsMargins(4 * self.gap, 3 * self.gap, 4 * self.gap, 3 * self.gap)
        column.setSpacing(self.gap)
        column.addWidget(instruction_label(tr("Récapitulatif")))
        how = QLabel(tr("Relisez tout. Pour changer une page, cliquez sur «\u00a0Modifier\u00a0»."))
        how.setWordWrap(True)
        column.addWidget(how)
        for n, fields in enumerate(self.page_fields):
            title = QLabel(self.pages_spec[n].get("title") or tr("Page {n}").format(n=n + 1))
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold;")
            column.addWidget(title)
            for field in fields:
                said = tr("{label} : {value}").format(label=field.spec["label"], value=field.shown_value())
                line = QLabel(breakable(said))   # a long e-mail address wraps instead of widening the page
                line.setWordWrap(True)
                line.setTextFormat(Qt.TextFormat.PlainText)
                line.setAccessibleName(said)
                column.addWidget(line)
            change = big_button(tr("Modifier"), name=tr("Modifier : {page}").format(page=title.text()))
            change.clicked.connect(lambda _c=False, n=n: self._go(n))
            column.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)   # under what it changes
            column.addSpacing(2 * self.gap)
        column.addStretch(1)
