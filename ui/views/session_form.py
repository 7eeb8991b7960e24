"""Plan one session, a weekly series for a term, or edit a session.

A series is a first and a last date: every week's date between them is listed with
a tick, all ticked; the facilitator unticks the holidays and every ticked date is
planned at once (``sessions.plan_series``: all or none).
"""

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QTime
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QTimeEdit, QVBoxLayout, QWidget)

from atelier.i18n import _, plural
from atelier import groups, sessions, settings
from atelier.sessions import Session
from ui.modules import all_modules
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox
from ui.widgets.wheel_guard import guard_wheel
from ui.widgets.scroller import Scroller
from ui.words import long_date

TERM_WEEKS = 12  # a series is offered for a term: twelve weeks from the first date


class SessionForm(QDialog):
    def __init__(self, ops, mode: str, session: Session | None, today: date, parent=None):
        super().__init__(parent)
        self.ops, self.mode, self.session, self.today = ops, mode, session, today
        heading = {"one": _("Planifier une séance"), "series": _("Planifier une série"),
                   "edit": _("Modifier la séance")}[mode]
        self.setWindowTitle(heading)
        self.setAccessibleName(heading)
        title = QLabel(heading)
        title.setObjectName("section")
        s = session or Session(date=today.isoformat(), start_time="14:00", end_time="16:00")

        self.group = QComboBox()
        self.group.addItem(_("Sans groupe"), None)
        for g in ops.read(groups.every):
            self.group.addItem(g.name, g)
        if s.group_id:
            self.group.setCurrentIndex(max(0, next((i for i in range(self.group.count())
                                                    if self.group.itemData(i) and self.group.itemData(i).id == s.group_id), 0)))
        self.group.currentIndexChanged.connect(self._group_chosen)
        self.date = self._date(date.fromisoformat(s.date))
        self.last = self._date(date.fromisoformat(s.date) + timedelta(weeks=TERM_WEEKS - 1))
        self.start = self._time(s.start_time)
        self.end = self._time(s.end_time)
        self.place = QLineEdit(s.place)
        self.facilitator = QComboBox()
        self.facilitator.setEditable(True)
        names = (ops.read(settings.get, settings.FACILITATORS, "") or "").splitlines()
        self.facilitator.addItems([n.strip() for n in names if n.strip()])
        self.facilitator.setCurrentText(s.facilitator or (names[0].strip() if names and not session else ""))
        self.module = QComboBox()
        self.module.addItem(_("Aucun module"), None)
        for m in all_modules():
            self.module.addItem(m.title, m.id)
        self.module.setCurrentIndex(max(0, self.module.findData(s.module_id)))
        # Sixteen modules, some with long titles: the field keeps the dialog's width, its list shows them whole.
        self.module.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.module.setMinimumContentsLength(12)
        guard_wheel(self.group, self.date, self.last, self.start, self.end, self.facilitator, self.module)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(px(6))
        rows = [(_("Groupe"), self.group)]
        if mode == "series":
            rows += [(_("Première séance"), self.date), (_("Dernière séance"), self.last)]
        else:
            rows += [(_("Date"), self.date)]
            # Unused here, yet owned by the dialog: a widget of no one's would be freed by
            # Python's cycle collector at any moment, even while Qt walks every widget.
            self.last.setParent(self)
            self.last.hide()
        rows += [(_("Début"), self.start), (_("Fin"), self.end), (_("Lieu"), self.place),
                 (_("Animatrice ou animateur"), self.facilitator), (_("Module de la leçon"), self.module)]
        for text, widget in rows:
            widget.setAccessibleName(text)
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)

        body = QWidget()
        body.setObjectName("page")
        column = QVBoxLayout(body)
        column.setContentsMargins(px(32), px(20), px(32), px(8))
        column.addWidget(title)
        column.addLayout(form)
        self.ticks: list[tuple[date, BigCheckBox]] = []
        self.ticks_box = QVBoxLayout()
        self.ticks_box.setSpacing(0)
        if mode == "series":
            self.ticks_title = QLabel()
            self.ticks_title.setWordWrap(True)
            self.ticks_title.setObjectName("cardTitle")
            column.addSpacing(px(10))
            column.addWidget(self.ticks_title)
            column.addLayout(self.ticks_box)
            self.date.dateChanged.connect(self._list_dates)
            self.last.dateChanged.connect(self._list_dates)
        column.addStretch(1)
        self.scroller = Scroller(body)

        self.save = big_button(_("Enregistrer"), primary=True, on_click=self.submit)
        self.close_button = big_button(_("Annuler"), name=_("Fermer sans rien enregistrer"),
                                       on_click=self.reject)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(px(32), px(10), px(32), px(16))
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroller, 1)
        layout.addLayout(buttons)
        if mode == "series":
            self._list_dates()
        self.group.setFocus()
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(px(720), screen.width()), min(round(screen.height() * 0.92), px(900)))

    def _date(self, day: date) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dddd d MMMM yyyy")
        edit.calendarWidget().setMinimumSize(px(420), px(320))
        return edit

    def _time(self, value: str) -> QTimeEdit:
        edit = QTimeEdit(QTime.fromString(value, "HH:mm"))
        edit.setDisplayFormat("HH:mm")
        edit.findChild(QLineEdit).setTextMargins(px(10), 0, 0, 0)  # Qt puts a time's digits on its border
        return edit

    def _group_chosen(self) -> None:
        g = self.group.currentData()
        if g is None:
            return
        if g.place:
            self.place.setText(g.place)
        if g.start_time and g.end_time:
            self.start.setTime(QTime.fromString(g.start_time, "HH:mm"))
            self.end.setTime(QTime.fromString(g.end_time, "HH:mm"))

    def _list_dates(self) -> None:
        for _day_, tick in self.ticks:
            tick.setParent(None)
            tick.deleteLater()
        days = sessions.series_dates(self.date.date().toPython(), self.last.date().toPython())
        self.ticks = []
        for day in days:
            tick = BigCheckBox(long_date(day))
            tick.setChecked(True)
            tick.toggled.connect(self._count)
            self.ticks_box.addWidget(tick)  # the whole row is the target; its words wrap rather than hide
            self.ticks.append((day, tick))
        # Made after the buttons, the ticks would come after them in the Tab order.
        chain = [self.module, *(tick for _day, tick in self.ticks), self.close_button, self.save]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self._count()

    def chosen_dates(self) -> list[date]:
        return [day for day, tick in self.ticks if tick.isChecked()]

    def _count(self) -> None:
        n = len(self.chosen_dates())
        self.ticks_title.setText(plural(n, "{n} séance. Décochez les vacances et les jours fériés.",
                                        "{n} séances, une par semaine. Décochez les vacances et les jours fériés."))
        text = plural(n, "Planifier {n} séance", "Planifier {n} séances")
        self.save.setText(text)
        self.save.setAccessibleName(text)
        self.save.setEnabled(n > 0)

    def template(self) -> Session:
        g = self.group.currentData()
        values = dict(date=self.date.date().toPython().isoformat(), start_time=self.start.time().toString("HH:mm"),
                      end_time=self.end.time().toString("HH:mm"), group_id=g.id if g else None,
                      place=self.place.text().strip(), facilitator=self.facilitator.currentText().strip(),
                      module_id=self.module.currentData())
        return replace(self.session, **values) if self.session else Session(**values)

    def submit(self) -> None:
        session, done = self.template(), lambda _result: self.accept()
        if self.mode == "series":
            self.ops.run(sessions.plan_series, session, self.chosen_dates(),
                         on_done=done, parent=self)
        elif self.mode == "edit":
            self.ops.run(sessions.update, session, on_done=done, parent=self)
        else:
            self.ops.run(sessions.add, session, on_done=done, parent=self)
