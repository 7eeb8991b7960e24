"""Exercices: the facilitator opens practice mode on this PC — for today's group or for
anyone — and follows each group's progress in a learner × exercise grid.
"""

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import groups, people, pin, results, sessions
from atelier.groups import Group
from ui import modules as library
from ui.models.progress_grid import ProgressGridModel
from ui.views.progress_table import ProgressTable
from atelier.changes import Changes
from ui.practice import help_flag
from ui.theme import current_scale, px, target_px
from ui.widgets.buttons import big_button
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.scroller import scrolling_page
from ui.widgets.wheel_guard import guard_wheel


@dataclass(frozen=True)
class TodayGroup:
    group: Group
    session_id: str


def todays_groups(db, today) -> list[TodayGroup]:
    """The groups with a session today, in the order of the day."""
    found, seen = [], set()
    for row in sessions.upcoming(db, today, limit=50):
        if row.session.date != today.isoformat() or not row.session.group_id or row.session.group_id in seen:
            continue
        seen.add(row.session.group_id)
        found.append(TodayGroup(groups.get(db, row.session.group_id), row.session.id))
    return found


def grid_rows(db, group_id: str | None, exercises):
    members = groups.members(db, group_id) if group_id else people.every(db)
    keys = [(m.id, e.id) for m, e in exercises]
    return members, results.grid(db, [p.id for p in members], keys)


class PracticeHomeView(QWidget):
    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.ops = ops
        self.practice = None  # the practice window, while it is open
        self.flag: help_flag.HelpFlag | None = None  # the facilitator's window's, once practice opened
        self.today: list[TodayGroup] = []

        title = QLabel(_("Exercices"))
        title.setObjectName("title")
        open_title = QLabel(_("Ouvrir l'entraînement sur ce PC"))
        open_title.setObjectName("section")
        open_title.setWordWrap(True)
        self.open_hint = QLabel(_("L'écran passe en plein écran. Chacun choisit son prénom, "
                                        "ou « Invité » : les résultats d'un invité ne sont pas gardés."))
        self.open_hint.setWordWrap(True)
        self.open_buttons = FlowLayout(spacing=px(12))  # side by side, wrapping: the grid stays in sight
        self.anyone_button = big_button(_("Pour tout le monde"), _(
            "Ouvrir l'entraînement avec la liste de tous les participants"))
        self.anyone_button.clicked.connect(lambda: self.open_practice(None))
        self.no_pin = QLabel(_("Conseil : choisissez un code de l'animateur dans Réglages. "
                                     "Sans code, n'importe qui peut quitter l'entraînement."))
        self.no_pin.setObjectName("error")
        self.no_pin.setWordWrap(True)

        grid_title = QLabel(_("Progrès par groupe"))
        grid_title.setObjectName("section")
        grid_title.setWordWrap(True)
        self.group_choice = self._combo(_("Groupe"))
        self.module_choice = self._combo(_("Thème"))
        self.model = ProgressGridModel(self)
        self.table = ProgressTable(self.model)  # every column in sight: words, or signs and a legend
        self.empty = QLabel(_("Personne dans ce groupe pour l'instant."))
        self.empty.setObjectName("empty")

        choices = QGridLayout()
        choices.setHorizontalSpacing(px(12))
        choices.setVerticalSpacing(px(8))
        wide = current_scale() < 1.4  # one line for both choices, while they fit
        for n, (text, combo) in enumerate(((_("Groupe :"), self.group_choice),
                                           (_("Thème :"), self.module_choice))):
            label = QLabel(text)
            label.setBuddy(combo)
            choices.addWidget(label, 0 if wide else n, 2 * n if wide else 0)
            choices.addWidget(combo, 0 if wide else n, 2 * n + 1 if wide else 1)
            choices.setColumnStretch(2 * n + 1 if wide else 1, 1)
        content = QWidget()
        content.setObjectName("page")
        column = QVBoxLayout(content)
        column.setContentsMargins(px(32), px(20), px(32), px(24))
        column.setSpacing(px(12))
        for widget in (title, open_title, self.open_hint):
            column.addWidget(widget)
        column.addLayout(self.open_buttons)
        column.addWidget(self.no_pin)
        column.addSpacing(px(4))
        column.addWidget(grid_title)
        column.addLayout(choices)
        column.addWidget(self.table, 1)
        column.addWidget(self.table.legend)
        column.addWidget(self.empty)
        scrolling_page(self, content, frame=True)
        self.setAccessibleName(_("Exercices"))

        self.group_choice.currentIndexChanged.connect(self.reload_grid)
        self.module_choice.currentIndexChanged.connect(self.reload_grid)
        ops.watch(self, ('results', 'groups', 'sessions', 'settings', 'people', 'lessons'), self._on_changed)
        self.reload()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(name)
        combo.setMinimumHeight(target_px(current_scale()))
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        guard_wheel(combo)
        return combo

    def reload(self) -> None:
        self.today = self.ops.read(todays_groups, self.ops.today())
        while self.open_buttons.count():
            item = self.open_buttons.takeAt(0)
            if item.widget() is not None and item.widget() is not self.anyone_button:
                item.widget().deleteLater()
        self.group_buttons = []
        for today in self.today:
            button = big_button(_("Pour le groupe « {name} »").format(name=today.group.name),
                                _("Ouvrir l'entraînement avec les membres de ce groupe"), primary=True)
            if current_scale() >= 1.4:  # large text: the group's name alone, the words go to the hint
                button.setText(today.group.name)
            button.clicked.connect(lambda _checked=False, t=today: self.open_practice(t))
            self.open_buttons.addWidget(button)
            self.group_buttons.append(button)
        self.open_buttons.addWidget(self.anyone_button)
        self._order_tabs()
        self.no_pin.setVisible(not self.ops.read(pin.has_pin))
        self._fill_choices()
        self.reload_grid()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._order_tabs()  # now that the page sits in the window's focus chain

    def _order_tabs(self) -> None:
        """Buttons made after the grid would come last in the Tab order: top to bottom again."""
        chain = [*self.group_buttons, self.anyone_button, self.group_choice, self.module_choice, self.table]
        anchor = self.group_choice.previousInFocusChain()  # what comes before the page
        while anchor in chain:
            anchor = anchor.previousInFocusChain()
        for before, after in zip([anchor, *chain], chain):
            QWidget.setTabOrder(before, after)

    def _fill_choices(self) -> None:
        chosen_group, chosen_module = self.group_choice.currentData(), self.module_choice.currentData()
        for combo in (self.group_choice, self.module_choice):
            combo.blockSignals(True)
            combo.clear()
        today_ids = [t.group.id for t in self.today]
        every = sorted(self.ops.read(groups.every), key=lambda g: (
            today_ids.index(g.id) if g.id in today_ids else len(today_ids), g.name.casefold()))
        for group in every:
            self.group_choice.addItem(group.name, group.id)
        self.group_choice.addItem(_("Tout le monde"), "")
        for module in library.all_modules():
            self.module_choice.addItem(module.title, module.id)
        for combo, value in ((self.group_choice, chosen_group), (self.module_choice, chosen_module)):
            found = combo.findData(value) if value is not None else -1
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

    def reload_grid(self) -> None:
        module = library.module_by_id(self.module_choice.currentData())
        exercises = [(module, e) for e in module.exercises] if module else []
        members, cells = self.ops.read(grid_rows, self.group_choice.currentData() or None, exercises)
        self.model.set_grid(members, exercises, cells)
        self.table.fit()
        self.empty.setVisible(not members)

    def open_practice(self, today: TodayGroup | None) -> None:
        from ui.practice.shell import open_practice

        if self.practice is not None:
            self.practice.activateWindow()
            return
        window = self.window()  # the facilitator's window: a call for help shows on it
        if self.flag is None and isinstance(window, QMainWindow):
            self.flag = help_flag.attach(window)
        group_id = today.group.id if today else None
        members = self.ops.read(groups.members, group_id) if group_id else self.ops.read(people.every)
        self.practice = open_practice(self.ops, members, library.all_modules(), self.flag,
                                      today.session_id if today else None, parent=window)
        self.practice.left.connect(self._practice_left)

    def _practice_left(self) -> None:
        self.practice = None

    def _on_changed(self, changes: Changes, _initiator) -> None:
        if changes.any_of("groups", "sessions", "settings", "people", "lessons"):  # lessons: a pack imported
            self.reload()
        else:  # a learner's results: the grid only
            self.reload_grid()
