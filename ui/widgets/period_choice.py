"""One click for the periods a coordinator asks for most, under the « Du » and « Au »
fields: « Ce mois-ci », « Le mois dernier », « Ce trimestre », « Cette année ».

The buttons fill both dates (the rules are the core's, ``atelier.periods``); the one
whose period the dates hold is shown as current, whoever typed them.
"""

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QSizePolicy, QWidget

from atelier.i18n import _
from atelier import periods
from ui.theme import px
from ui.widgets.buttons import big_button, set_current
from ui.widgets.flow_layout import FlowLayout


class PeriodChoice(QWidget):
    def __init__(self, first: QDateEdit, last: QDateEdit, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.first, self.last, self.today = first, last, today
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # the row wraps at 200 %
        self.setSizePolicy(policy)
        row = FlowLayout(self, spacing=px(10))
        row.setContentsMargins(0, 0, 0, 0)
        self.buttons = {}
        for kind in periods.LABELS:
            words = periods.label(kind)
            button = big_button(words, name=_("Période : {period}").format(period=words.lower()),
                                on_click=lambda _checked=False, k=kind: self.choose(k))
            button.setObjectName("step")  # drawn like the other choices that stay shown
            row.addWidget(button)
            self.buttons[kind] = button
        for edit in (first, last):
            edit.dateChanged.connect(self._show_current)
        self._show_current()

    def choose(self, kind: str) -> None:
        first, last = periods.period(kind, self.today)
        self.first.setDate(QDate(first))
        self.last.setDate(QDate(last))

    def _show_current(self) -> None:
        now = periods.which(self.first.date().toPython(), self.last.date().toPython(), self.today)
        for kind, button in self.buttons.items():
            set_current(button, kind == now)
