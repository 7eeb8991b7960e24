"""form: a realistic but fictitious form, on one page or several, as on real sites.

The words of the exercise and the data card to copy (« La fiche ») stay in sight on the
left while the learner types; the form has the whole height on the right.
« Suivant » looks at the fields of its page: a gentle word under each one that needs
another look, named in the feedback line too; a page goes on only once it is right.
With ``recap``, a last page lists everything with « Modifier » beside each page, before
« Valider ». Sending looks at every field once more. The checks are the core's
(atelier.lessons.scoring.field_problem), fed the value the card asks for.
"""

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier.lessons.scoring import FormScore
from ui.practice.kinds.common import Exercise, instruction_label, quoted, unbroken, whole_in
from ui.practice.kinds.form_field import FormField
from ui.theme import current_palette, spacing_factor
from ui.widgets.buttons import big_button
from ui.widgets.page_stack import PageStack
from ui.widgets.scroller import Scroller


def breakable(text: str) -> str:
    """``text`` with a line allowed after each @ . / - _ (a zero-width space): Qt wraps
    only at spaces, and an e-mail address at 200 % is wider than the page."""
    return re.sub(r"([@./_-])", "\\1\u200b", text)


def quoted_labels(fields) -> str:
    return ", ".join(quoted(f.spec["label"]) for f in fields)


class FormPages(PageStack):
    """As tall as the page shown, for the width it has too: Qt's stacked layout answers
    with its tallest page, and a short page would scroll for a long one."""

    def hasHeightForWidth(self) -> bool:
        page = self.currentWidget()
        return page is not None and page.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        page = self.currentWidget()
        return page.heightForWidth(width) if page is not None else super().heightForWidth(width)


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
        self.stack = FormPages()   # as tall as the page shown: a short page never scrolls
        for n, fields in enumerate(self.page_fields):
            self.stack.addWidget(self._page(n, fields))
        self.recap_page = QFrame()
        self.recap_page.setObjectName("card")
        self.recap_column = QVBoxLayout(self.recap_page)
        self.stack.addWidget(self.recap_page)
        self.stack.setMaximumWidth(round(900 * spacing_factor(scale)))
        self.stack.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.layout_.addWidget(self.stack, 1)   # as wide as the room, to its maximum, in the middle
        self._side(p.get("data"))
        self.back_button = big_button(_("‹ Précédent"), name=_("Page précédente"))
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
        column.setContentsMargins(4 * gap, 2 * gap, 4 * gap, 2 * gap)
        column.setSpacing(gap // 2)   # a label close to its field, farther from the field above
        title = self.pages_spec[n].get("title") or ""
        if len(self.pages_spec) > 1 or title:
            column.addWidget(instruction_label(unbroken(_("Page {n} sur {count} : {title}").format(
                n=n + 1, count=len(self.pages_spec), title=title) if len(self.pages_spec) > 1 and title
                else title or _("Page {n} sur {count}").format(n=n + 1, count=len(self.pages_spec)))))
        for field in fields:
            if field.kind == "checkbox":
                column.addWidget(field.input)   # its words are in it: the whole row ticks it
            else:
                column.addWidget(field.label)
                if isinstance(field.row, QHBoxLayout):   # a password and its « œil »
                    column.addLayout(field.row)
                else:
                    column.addWidget(field.row)
            column.addWidget(field.problem)
            column.addSpacing(0 if field.kind == "checkbox" else gap)   # a tick's tall row has its own air
        column.addStretch(1)
        return sheet

    def _side(self, data: str | None) -> None:
        """The words on top, and « La fiche » under them, on the left, outside the form's
        scroll area: always in sight, on every page, and the form has the whole height
        for its fields (at 200 % on a 768-pixel screen a page of three fields needs it)."""
        side = QWidget()
        self.side_column = QVBoxLayout(side)
        self.side_column.setContentsMargins(0, 0, 2 * self.gap, 0)
        self.side_column.setSpacing(2 * self.gap)
        self.layout_.removeWidget(self.instruction)
        self.instruction.setText(breakable(unbroken(self.exercise.instructions)))   # an address wraps too
        self.side_column.addWidget(self.instruction)
        if data:
            self.side_column.addWidget(self._data_card(data))
        self.side_column.addStretch(1)
        self.side = Scroller(side, _("La consigne"))   # a card longer than the screen scrolls on its own
        outer = self.layout()
        outer.removeWidget(self.scroller)
        row = QHBoxLayout()
        row.setContentsMargins(3 * self.gap, 2 * self.gap, 0, 0)
        row.setSpacing(0)
        # Half each with a card: the words and the card wrap less, the fields need less.
        # Without one, the words alone need less: the form's round buttons stand side by side.
        row.addWidget(self.side, 1 if data else 2)
        row.addWidget(self.scroller, 1 if data else 3)
        outer.insertLayout(0, row, 1)

    def _data_card(self, text: str) -> QFrame:
        """« La fiche », as tall as its words. They wrap at spaces, and after the dots and
        the @ of an e-mail address (one long word at 200 %)."""
        card = QFrame()
        card.setObjectName("dataCard")
        column = QVBoxLayout(card)
        column.setContentsMargins(3 * self.gap, 2 * self.gap, 2 * self.gap, 2 * self.gap)
        self.data = QLabel(breakable(text))
        self.data.setTextFormat(Qt.TextFormat.PlainText)
        self.data.setWordWrap(True)
        self.data.setAccessibleName(_("La fiche à recopier : {text}").format(text=text))
        column.addWidget(instruction_label(_("La fiche")))
        column.addWidget(self.data)
        pal = current_palette()
        card.setStyleSheet(f"QFrame#dataCard {{ background: {pal.card}; border: 3px dashed {pal.border}; "
                           f"border-radius: {2 * self.gap}px; }} QFrame#dataCard QLabel "
                           f"{{ background: {pal.card}; color: {pal.text}; border: none; }}")
        return card

    def fits(self) -> bool:
        """The words and the card on the side, and every page of the form, not only the
        first, show whole. The recap, written at the end, may scroll."""
        at = self.stack.currentIndex()
        narrow = self.side_column.totalMinimumSize().width() <= self.side.viewport().width()   # no long word cut
        whole = narrow and whole_in(self.side, self.side_column)
        for page in range(len(self.pages_spec)):
            self.stack.setCurrentIndex(page)
            whole = whole and super().fits()
        self.stack.setCurrentIndex(at)
        return whole

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
        self.submit.setText(self.exercise.params["submit"] if last else _("Suivant"))
        self.submit.setAccessibleName(self.submit.text())
        self.back_button.setVisible(page > 0)
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
        self.say(_("Bravo, le formulaire est envoyé !"), "good")
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
        self.say(_("Presque ! À revoir : {fields}.").format(fields=quoted_labels(wrong)))

    # --- the recap ---------------------------------------------------------------------

    def _fill_recap(self) -> None:
        column = self.recap_column
        while column.count():
            item = column.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        column.setContentsMargins(4 * self.gap, 3 * self.gap, 4 * self.gap, 3 * self.gap)
        column.setSpacing(self.gap)
        column.addWidget(instruction_label(_("Récapitulatif")))
        how = QLabel(_("Relisez tout. Pour changer une page, cliquez sur «\u00a0Modifier\u00a0»."))
        how.setWordWrap(True)
        column.addWidget(how)
        for n, fields in enumerate(self.page_fields):
            title = QLabel(self.pages_spec[n].get("title") or _("Page {n}").format(n=n + 1))
            title.setWordWrap(True)
            title.setStyleSheet("font-weight: bold;")
            column.addWidget(title)
            for field in fields:
                said = _("{label} : {value}").format(label=field.spec["label"], value=field.shown_value())
                line = QLabel(breakable(said))   # a long e-mail address wraps instead of widening the page
                line.setWordWrap(True)
                line.setTextFormat(Qt.TextFormat.PlainText)
                line.setAccessibleName(said)
                column.addWidget(line)
            change = big_button(_("Modifier"), name=_("Modifier : {page}").format(page=title.text()))
            change.clicked.connect(lambda _c=False, n=n: self._go(n))
            column.addWidget(change, 0, Qt.AlignmentFlag.AlignLeft)   # under what it changes
            column.addSpacing(2 * self.gap)
        column.addStretch(1)
