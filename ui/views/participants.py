"""The participants: find a person, add, edit, archive, or erase them for good.

A click (or the arrow keys) chooses a person; the buttons under the list act on
that person; Enter on a row opens their form. Every write goes through
``ops.run``; the list reloads itself when a change to participants is announced.
"""

from dataclasses import replace

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import erasure, people
from ui.models.participants import ParticipantsModel
from ui.theme import px
from ui.views.erase_dialog import EraseDialog
from ui.views.participant_form import ParticipantForm
from ui.widgets.big_list import BigList
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ConfirmDialog
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.search_field import SearchField


class ParticipantsView(QWidget):
    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.ops = ops
        self.dialog = None  # the dialog open now, if any (tests drive it)

        title = QLabel(_("Participants"))
        title.setObjectName("title")
        self.new_button = big_button(_("Nouvelle personne"), _("Ajouter une personne"), primary=True)
        self.search = SearchField(_("Rechercher un nom…"), _("Rechercher une personne par son nom"))
        self.show_archived = big_button(_("Voir aussi les fiches archivées"))
        self.show_archived.setCheckable(True)
        self.model = ParticipantsModel(parent=self)
        self.list = BigList(_("Liste des participants"))
        self.list.setModel(self.model)
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.edit_button = big_button(_("Modifier"), _("Modifier la fiche de la personne choisie"))
        self.archive_button = big_button(_("Archiver"), _("Archiver la personne choisie"))
        self.erase_button = big_button(_("Effacer…"), _("Effacer définitivement la personne choisie"))

        top = QHBoxLayout()  # the button and the search share a line: the list keeps four rows at 200 %
        top.setSpacing(px(12))
        top.addWidget(self.new_button)
        top.addWidget(self.search, 1)
        actions = FlowLayout()  # wraps at 200 % rather than widen the window
        for button in (self.edit_button, self.archive_button, self.erase_button, self.show_archived):
            actions.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(px(32), px(20), px(32), px(24))
        column.setSpacing(px(12))
        column.addWidget(title)
        column.addLayout(top)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        column.addLayout(actions)
        order = [self.new_button, self.search, self.list,
                 self.edit_button, self.archive_button, self.erase_button, self.show_archived]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)
        self.setAccessibleName(_("Participants"))

        self.new_button.clicked.connect(lambda: self.open_form(None))
        self.edit_button.clicked.connect(self.edit_chosen)
        self.archive_button.clicked.connect(self.archive_chosen)
        self.erase_button.clicked.connect(self.erase_chosen)
        self.search.searched.connect(lambda _text: self.reload())
        self.show_archived.toggled.connect(self._archived_toggled)
        self.list.opened.connect(lambda _index: self.edit_chosen())
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ops.watch(self, ('people',), lambda _changes, _initiator: self.reload())
        self.reload()

    # --- reading -------------------------------------------------------------------------

    def reload(self) -> None:
        chosen = self.list.current_id()
        text = self.search.text()
        rows = self.ops.read(people.search, text, self.show_archived.isChecked())
        self.model.set_rows(rows)
        self.list.choose(chosen)
        if rows:
            self.empty.hide()
        else:
            self.empty.setText(
                _("Personne ne correspond à « {text} ».").format(text=text.strip()) if text.strip()
                else _("Aucune personne pour l'instant. Commencez par « Nouvelle personne ».")
            )
            self.empty.show()
        self._update_buttons()

    def _archived_toggled(self, on: bool) -> None:
        self.show_archived.setText(_("Cacher les fiches archivées") if on else _("Voir aussi les fiches archivées"))
        self.show_archived.setAccessibleName(self.show_archived.text())
        self.reload()

    def chosen(self):
        person_id = self.list.current_id()
        row = self.model.row_of(person_id) if person_id else -1
        return self.model.person(row) if row >= 0 else None

    def _update_buttons(self) -> None:
        person = self.chosen()
        for button in (self.edit_button, self.archive_button, self.erase_button):
            button.setEnabled(person is not None)
        text = _("Réactiver") if person and person.archived_at else _("Archiver")
        self.archive_button.setText(text)
        self.archive_button.setAccessibleName(text)

    # --- acting --------------------------------------------------------------------------

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def open_form(self, person) -> None:
        form = ParticipantForm(self.ops, person, self.ops.today(), parent=self,
                               use_text=_("Ouvrir la fiche de {name}"))
        form.existing_chosen.connect(self.open_known)
        form.merge_requested.connect(self.merge_into)
        self._open(form)

    def open_known(self, person) -> None:
        """A new person was someone already known: their own record, back from the archive if need be."""
        if person.archived_at:
            self.ops.run(people.unarchive, person.id, parent=self)
        self.list.choose(person.id)
        self.open_form(replace(person, archived_at=None))

    def edit_chosen(self) -> None:
        person = self.chosen()
        if person:
            self.open_form(person)

    def archive_chosen(self) -> None:
        person = self.chosen()
        if person is None:
            return
        if person.archived_at:  # bringing someone back loses nothing: no question asked
            self.ops.run(people.unarchive, person.id, parent=self)
            return
        dialog = ConfirmDialog(
            _("Archiver {name} ?").format(name=person.full_name),
            _("Sa fiche ne sera plus proposée dans les listes ni dans les groupes. "
                    "Ses présences sont gardées. Vous pourrez la réactiver à tout moment."),
            _("Archiver"), parent=self,
        )
        dialog.accepted.connect(lambda: self.ops.run(
            people.archive, person.id, parent=self))
        self._open(dialog)

    def merge_into(self, person) -> None:
        """« Fusionner… » on a record: choose the other record of that person."""
        from ui.views.merge_dialog import MergeDialog

        self._open(MergeDialog(self.ops, person, parent=self))

    def erase_chosen(self) -> None:
        person = self.chosen()
        if person is None:
            return
        plan = self.ops.read(erasure.plan, person.id)
        dialog = EraseDialog(person, plan.report, plan.mentions, parent=self)
        dialog.accepted.connect(lambda: self.ops.run(erasure.erase, person.id, dialog.replace_names, parent=self))
        self._open(dialog)
