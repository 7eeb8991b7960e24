"""The roll call of one session: counts, "Tous présents", walk-ins, undo, the rows.

One click or one key marks a person (see roll_row.py); a key on a row not yet marked
moves on to the next row. Every change is written at once through ``ops.run`` (there
is no Save button) and the last one can be undone, back to "not marked" if need be; a
walk-in too, record and all. A past session's roll says so in a banner above it, and
is only changed after a confirmation, asked once per opening.
"""

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import attendance, groups, sessions, walk_ins
from atelier.changes import Changes
from atelier.attendance import PRESENT
from atelier.sessions import Session
from ui.models.roll import Roll, read_roll
from ui import theme
from ui.theme import px
from ui.views.button_rows import button_rows
from ui.views.roll_row import RollRow
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ask
from ui.widgets.notice import Notice
from ui.widgets.scroller import scrolling_page
from ui.words import long_date


class RollCallView(QWidget):
    saved = Signal()  # every write asked so far is in the database

    def __init__(self, ops, session: Session, today: date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.session = ops, session
        self.setObjectName("page")
        self._today = today or ops.today()
        self._unlocked = not sessions.is_past(session, self._today)
        self._undo: list[dict[str, str | None] | walk_ins.WalkIn] = []  # marks as they were, or a walk-in
        self._pending = 0
        self._stale = False
        self._shown = False
        self.question = None  # the confirmation on screen, if any
        self.rows: list[RollRow] = []
        self.model = Roll()
        self.toggles = QButtonGroup(self)  # one connection for every row, not one per row
        self.toggles.setExclusive(False)
        self.toggles.idClicked.connect(lambda i: self.choose(i, "toggle", False))
        self.others = QButtonGroup(self)
        self.others.setExclusive(False)
        self.others.idClicked.connect(lambda i: self.rows[i].show_menu())

        group = ops.read(groups.get, session.group_id).name if session.group_id else _("Séance sans groupe")
        self.group_name = group
        title = QLabel(_("L'appel — {group}").format(group=group))
        title.setObjectName("section")
        when = QLabel(_("{day}, {start} – {end}").format(
            day=long_date(session.date), start=session.start_time, end=session.end_time))
        when.setObjectName("subtitle")
        self.counts = QLabel()
        self.counts.setObjectName("cardTitle")
        for label in (title, when, self.counts):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.all_present = big_button(_("Tous présents"), primary=True, name=_("Marquer tout le groupe présent"),
                                      on_click=self.ask_all_present)
        self.walk_in = big_button(_("Ajouter une personne"), name=_("Ajouter une personne venue sans être inscrite"),
                                  on_click=self.open_walk_in)
        self.undo_button = big_button(_("Annuler la dernière modification"),
                                      name=_("Annuler la dernière modification de l'appel"), on_click=self.undo)
        self.undo_button.setEnabled(False)

        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(px(8))
        content = QWidget()
        content.setObjectName("page")
        column = QVBoxLayout(content)
        column.setContentsMargins(px(32), px(16), px(32), px(24))
        column.setSpacing(px(8))
        column.addWidget(title)
        column.addWidget(when)
        column.addLayout(button_rows([self.all_present, self.walk_in, self.undo_button]))
        column.addWidget(self.counts)
        column.addLayout(self.rows_box)
        column.addStretch(1)
        self.scroller = scrolling_page(self, content)
        self.past_banner = None
        if not self._unlocked:  # entered afterwards, from the paper sheet, or on a PC with a wrong date
            self.past_banner = Notice(_("Séance passée : l'appel du {day}").format(
                day=long_date(session.date, capital=False)))
            self.past_banner.setAccessibleDescription(_(
                "Vous pouvez saisir ou corriger cet appel : la première modification vous sera demandée une fois."))
            above = QWidget()  # above the scrolling rows: always in sight, however far the roll scrolls
            above.setObjectName("page")
            holder = QVBoxLayout(above)
            holder.setContentsMargins(px(32), px(12), px(32), 0)
            holder.addWidget(self.past_banner)
            self.layout().insertWidget(0, above)
        self.setAccessibleName(_("L'appel"))

        ops.watch(self, ("attendance", "people", "groups"), self._on_changed)
        self.reload()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown and self.rows:  # the keyboard starts on the first row, the page at its top
            self._shown = True
            self.rows[0].toggle.setFocus(Qt.FocusReason.TabFocusReason)

    # Reading
    def reload(self) -> None:
        rows, genders = self.ops.read(read_roll, self.session.id)
        changed = self.model.reset(rows, genders)
        if changed is None:
            self._build_rows()
        else:
            self._show_rows(changed)

    def _build_rows(self) -> None:
        focused = self.focused_row()
        for row in self.rows:
            self.toggles.removeButton(row.toggle)
            self.others.removeButton(row.more)
            row.setParent(None)
            row.deleteLater()
        colours = theme.current_palette()
        metrics = self.fontMetrics()
        words = [_("à pointer"), _("présente"), _("absente"), _("excusée"), _("en retard")]
        width = max(metrics.horizontalAdvance(w.capitalize()) for w in words) + px(16) * 2 + 12
        sizes = (width, theme.target_px(theme.current_scale()), px(10), px(14))
        self.rows = []
        previous = self.undo_button
        for i in range(len(self.model)):
            person = self.model.row(i)
            row = RollRow(self, i, person.initials, person.full_name, sizes, colours)
            self.toggles.addButton(row.toggle, i)
            self.others.addButton(row.more, i)
            self.rows_box.addWidget(row)
            self.setTabOrder(previous, row.toggle)
            self.setTabOrder(row.toggle, row.more)
            previous = row.more
            self.rows.append(row)
        self._show_rows(range(len(self.rows)))
        if focused is not None and self.rows:
            self.focus_row(min(focused, len(self.rows) - 1))

    def _show_rows(self, indexes) -> None:
        """Redraw these rows with their marks, then the counts."""
        for i in indexes:
            person = self.model.row(i)
            self.rows[i].display(self.model.status(i), self.model.spoken(i), person.full_name, self.model.feminine(i))
        self._update_counts()

    def _update_counts(self) -> None:
        text = self.model.summary()
        self.counts.setText(text)
        self.counts.setAccessibleName(text)

    def focused_row(self) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.toggle.hasFocus() or row.more.hasFocus()), None)

    def focus_row(self, i: int) -> None:
        if 0 <= i < len(self.rows):
            self.rows[i].toggle.setFocus(Qt.FocusReason.TabFocusReason)
            self.scroller.ensureWidgetVisible(self.rows[i])

    # Marking
    def choose(self, i: int, status, by_key: bool) -> None:
        before = self.model.status(i)
        new = attendance.next_status(before) if status == "toggle" else status
        person = self.model.row(i).participant_id

        def then() -> None:
            self.apply({person: new})
            if by_key and before is None:
                self.focus_row(i + 1)

        self.guard(then)

    def ask_all_present(self) -> None:
        def confirm() -> None:
            self.question = ask(self, _("Marquer présentes les {n} personnes de la liste ?").format(
                n=len(self.model)), _("Oui, tous présents"), self.mark_all_present)

        self.guard(confirm)

    def mark_all_present(self) -> None:
        self.question = None
        self.apply({pid: PRESENT for pid in self.model.statuses()})

    def guard(self, action) -> None:
        """Run ``action`` now, or after a confirmation if the session is in the past."""
        if self._unlocked:
            action()
            return

        def yes() -> None:
            self._unlocked = True
            self.question = None
            action()

        self.question = ask(self, _("Cette séance est passée. Modifier son appel quand même ?"),
                            _("Oui, modifier l'appel"), yes, on_no=lambda: setattr(self, "question", None))

    def apply(self, statuses: dict[str, str | None], undoable: bool = True) -> None:
        current = self.model.statuses()
        statuses = {pid: s for pid, s in statuses.items() if current.get(pid, s) != s}
        if not statuses:
            return
        if undoable:
            self._undo.append({pid: current.get(pid) for pid in statuses})
        self.undo_button.setEnabled(bool(self._undo))
        for pid, status in statuses.items():
            self.model.set_status(self.model.row_of(pid), status)
        self._show_rows(self.model.row_of(pid) for pid in statuses)
        self._write(attendance.set_statuses, self.session.id, statuses)

    def undo(self) -> None:
        if self._undo:
            previous = self._undo.pop()
            if isinstance(previous, walk_ins.WalkIn):  # its row comes or goes: read the roll again after
                self.guard(lambda: self._write(walk_ins.undo, previous, then=lambda _r: setattr(self, "_stale", True)))
            else:
                self.guard(lambda: self.apply(previous, undoable=False))
            self.undo_button.setEnabled(bool(self._undo))

    # Walk-ins
    def open_walk_in(self) -> None:
        self.guard(self._open_walk_in)

    def _open_walk_in(self) -> None:
        from ui.views.walk_in import WalkInDialog

        self.dialog = WalkInDialog(self.group_name if self.session.group_id else "", self, ops=self.ops)
        self.dialog.chosen.connect(self.add_walk_in)
        self.dialog.known_chosen.connect(self.add_known_walk_in)
        self.dialog.open()

    def add_walk_in(self, first: str, last: str, phone: str, join: bool) -> None:
        self._write(walk_ins.welcome, self.session.id, first, last, phone or None, join, then=self._undoable)

    def add_known_walk_in(self, person_id: str, join: bool) -> None:
        self._write(walk_ins.welcome_known, self.session.id, person_id, join, then=self._undoable)

    def _undoable(self, walk_in: walk_ins.WalkIn) -> None:
        self._undo.append(walk_in)
        self.undo_button.setEnabled(True)
        self._stale = True  # a new row, even when only a mark was written

    # Writing
    def _write(self, fn, *args, then=None) -> None:
        self._pending += 1

        def done(result) -> None:
            if then is not None:
                then(result)
            self._done(result)

        self.ops.run(fn, *args, on_done=done, on_error=self._failed, parent=self)

    def idle(self) -> bool:
        return self._pending == 0

    def _on_changed(self, changes: Changes, initiator) -> None:
        if initiator is self and not changes.any_of("people", "groups"):
            return  # its own marks: already on screen (a failed write reloads)
        self._stale = True
        if self._pending == 0:
            self._refresh()

    def _refresh(self) -> None:
        self._stale = False
        self.reload()

    def _done(self, _result=None) -> None:
        self._pending -= 1
        if self._pending == 0:
            if self._stale:
                self._refresh()
            self.saved.emit()

    def _failed(self, error: Exception) -> None:
        from ui.operations import show_error

        self._pending -= 1
        self._stale = True
        if self._pending == 0:
            self._refresh()  # the database says what was really kept
        show_error(self, error)
