"""Sessions: the coming ones and the past ones; plan one, plan a series, edit, cancel or
restore, delete one that never took place.

The first action follows the chosen session: « Commencer » (a coming one, asked which
day when it is not today's), « Ouvrir l'appel » (a past one: its roll says so),
« Rouvrir » (a finished one, for corrections).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import session_removal, sessions
from ui.models.sessions import SessionsModel
from ui.theme import BASE_POINTS, current_scale, px
from ui.views.button_rows import button_rows
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ask

class SessionsView(QWidget):
    start_requested = Signal(object)  # "Commencer": the Session whose workshop should open

    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("page")
        self.past = False
        self.question = None
        self.form = None

        title = QLabel(_("Séances"))
        title.setObjectName("title")
        # Short words: both on one line at 200 %, and the list keeps its room.
        self.plan_one = big_button(_("Nouvelle séance"), primary=True,
                                   name=_("Planifier une nouvelle séance"), on_click=lambda: self.open_form("one"))
        self.plan_series = big_button(_("Nouvelle série"),
                                      name=_("Planifier une nouvelle série de séances, une par semaine"),
                                      on_click=lambda: self.open_form("series"))
        self.coming_button = big_button(_("À venir"), name=_("Voir les séances à venir"),
                                        on_click=lambda: self.show_past(False))
        self.past_button = big_button(_("Passées"), name=_("Voir les séances passées"),
                                      on_click=lambda: self.show_past(True))
        for button in (self.coming_button, self.past_button):
            button.setCheckable(True)
            button.setObjectName("step")

        self.model = SessionsModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(_("Liste des séances"))
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)

        self.start = big_button(_("Commencer"), name=_("Commencer la séance choisie"),
                                on_click=self.start_selected)
        self.edit = big_button(_("Modifier"), name=_("Modifier la séance choisie"),
                               on_click=lambda: self.open_form("edit"))
        self.cancel = big_button(_("Annuler la séance"), name=_("Annuler la séance choisie"),
                                 on_click=self.cancel_or_restore)
        self.delete = big_button(_("Supprimer"), name=_("Supprimer la séance choisie"),
                                 description=_("Pour une séance qui n'a jamais eu lieu"), on_click=self.ask_delete)
        self.sheet = big_button(_("Feuille d'émargement"),
                                name=_("Feuille d'émargement de la séance choisie"), on_click=self.open_sheet)

        top = button_rows([self.plan_one, self.plan_series])
        which = button_rows([self.coming_button, self.past_button])
        self.list.setMinimumHeight(px(90))
        actions = button_rows([self.start, self.edit, self.cancel, self.delete, self.sheet])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(32), px(12), px(32), px(12))
        layout.setSpacing(px(8))
        heading = QHBoxLayout()  # the title and the two lists share a line: the list keeps its room at 200 %
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addLayout(which)
        layout.addLayout(heading)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(actions)
        self.setStyleSheet(f"""
QPushButton#step:checked {{ background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight); }}
QListView {{ background: palette(base); border: 2px solid palette(mid); {self._list_font()} }}
QListView::item {{ padding: {px(5)}px {px(6)}px; border-bottom: 1px solid palette(mid); }}
QListView::item:selected {{ background: palette(highlight); color: palette(highlighted-text); }}
""")
        self.setAccessibleName(_("Séances"))
        ops.watch(self, ('sessions', 'groups', 'settings'), lambda _changes, _initiator: self.reload())
        self.show_past(False)

    @staticmethod
    def _list_font() -> str:
        """At large sizes the sessions' words a little smaller: a date and its hours keep to
        one line, and more than one session shows."""
        scale = current_scale()
        return f"font-size: {BASE_POINTS * scale * 0.85:.1f}pt;" if scale >= 1.5 else ""

    def show_past(self, past: bool) -> None:
        self.past = past
        self.coming_button.setChecked(not past)
        self.past_button.setChecked(past)
        self.reload()

    def reload(self) -> None:
        selected = self.selected()
        self.model.set_rows(self.ops.read(sessions.past if self.past else sessions.coming, self.ops.today()))
        self.empty.setText(_("Aucune séance passée.") if self.past
                           else _("Aucune séance prévue. Planifiez-en une avec les boutons ci-dessus."))
        self.empty.setVisible(self.model.rowCount() == 0)
        row = self.model.row_of(selected.id) if selected else -1
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
        self._update_buttons()

    def selected(self):
        index = self.list.currentIndex()
        return self.model.session(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        session = self.selected()
        live = session is not None and session.status != sessions.CANCELLED
        cancelled = session is not None and session.status == sessions.CANCELLED
        self.edit.setEnabled(live)
        self.cancel.setEnabled(cancelled or live and session.status == sessions.PLANNED)
        self.delete.setEnabled(session is not None)
        self.sheet.setEnabled(live)
        self.start.setEnabled(live)
        start, name = _("Commencer"), _("Commencer la séance choisie")
        if session is not None and session.status == sessions.DONE:
            start, name = _("Rouvrir"), _("Rouvrir la séance terminée pour la corriger")
        elif session is not None and sessions.is_past(session, self.ops.today()):
            start, name = _("Ouvrir l'appel"), _("Ouvrir l'appel de la séance passée")
        self.start.setText(start)
        self.start.setAccessibleName(name)
        restore = _("Rétablir la séance") if cancelled else _("Annuler la séance")
        self.cancel.setText(restore)
        self.cancel.setAccessibleName(_("Rétablir la séance choisie") if cancelled
                                      else _("Annuler la séance choisie"))

    def open_form(self, mode: str) -> None:
        from ui.views.session_form import SessionForm

        session = self.selected() if mode == "edit" else None
        if mode == "edit" and session is None:
            return
        self.form = SessionForm(self.ops, mode, session, self.ops.today(), self)
        self.form.open()

    def cancel_or_restore(self) -> None:
        session = self.selected()
        if session is not None and session.status == sessions.CANCELLED:  # nothing lost: no question
            self.ops.run(sessions.restore, session.id, parent=self)
        else:
            self.ask_cancel()

    def ask_cancel(self) -> None:
        session = self.selected()
        if session is None:
            return
        when = self.model.data(self.list.currentIndex(), Qt.ItemDataRole.AccessibleTextRole)
        self.question = ask(self, _("Annuler cette séance ?\n{when}").format(when=when),
                            _("Oui, annuler la séance"), lambda: self.ops.run(
                                sessions.cancel, session.id, parent=self),
                            no=_("Non, la garder"))

    def ask_delete(self) -> None:
        from ui.views.session_removal import removal_dialog

        session = self.selected()
        if session is None:
            return
        self.question = removal_dialog(self, session, self.ops.read(session_removal.removal, session.id))
        self.question.accepted.connect(lambda: self.ops.run(session_removal.delete, session.id, parent=self))
        self.question.open()

    def start_selected(self) -> None:
        """Open the chosen session's workshop; one planned for a coming day asks which day it is."""
        session = self.selected()
        if session is None:
            return
        today = self.ops.today()
        if session.status != sessions.PLANNED or session.date <= today.isoformat():
            self.start_requested.emit(session)
            return
        from ui.views.start_day import KEEP, StartDayDialog

        def answered(result: int) -> None:
            self.question = None
            if result == KEEP:
                self.start_requested.emit(session)
            elif result == StartDayDialog.DialogCode.Accepted:
                self.ops.run(sessions.move_to, session.id, today, on_done=self.start_requested.emit, parent=self)

        self.question = StartDayDialog(session, today, self)
        self.question.finished.connect(answered)
        self.question.open()

    def open_sheet(self) -> None:
        from ui.views.sheet_dialog import open_sheet_dialog

        session = self.selected()
        if session is not None:
            self.sheet_dialog = open_sheet_dialog(self.ops, session.id, self, completed=self.past)
