"""One group's page: what it is, and its members — add them, create one, remove one.

It listens to the change announcements: a person renamed or archived in the
participants screen shows here without anyone reloading it by hand.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import funder_fields, groups
from ui.models.groups import describe
from ui.models.participants import ParticipantsModel
from ui.theme import px
from ui.views.funder_gaps import FunderGaps
from ui.views.group_form import GroupForm
from ui.views.member_picker import MemberPicker
from ui.views.participant_form import ParticipantForm
from ui.widgets.big_list import BigList
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ConfirmDialog
from ui.widgets.flow_layout import FlowLayout


class GroupPage(QWidget):
    back = Signal()

    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.ops = ops
        self.group = None
        self.dialog = None

        self.back_button = big_button(_("← Groupes"), _("Revenir à la liste des groupes"))
        self.title = QLabel()
        self.title.setObjectName("section")  # one line at 200 %: the list keeps its rows
        self.details = QLabel()
        self.details.setObjectName("subtitle")
        for label in (self.title, self.details):
            label.setWordWrap(True)
        # Short words, so that the three fit on one line even at 200 %.
        self.edit_button = big_button(_("Modifier"), _("Modifier le nom, le lieu, le jour et les heures du groupe"))
        self.archive_button = big_button(_("Archiver"), _("Archiver le groupe"))
        self.gaps = FunderGaps(ops, (_("de ce groupe"),) * 2, self, brief=True)  # the quick ways of adding leave them empty
        self.model = ParticipantsModel(parent=self)
        self.list = BigList(_("Membres du groupe"))
        self.list.setModel(self.model)
        self.empty = QLabel(_("Ce groupe n'a pas encore de membres."))
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.add_button = big_button(_("Ajouter"), _("Choisir des personnes dans la liste"),
                                     primary=True, name=_("Ajouter des membres"))  # short: one line of buttons at 200 %
        self.new_button = big_button(_("Créer une fiche"), _("Créer une personne et l'ajouter au groupe"),
                                     name=_("Nouvelle personne"))  # short: one line of buttons at 200 % on 1280 px
        self.remove_button = big_button(_("Retirer"), _("Retirer la personne choisie du groupe"),
                                        name=_("Retirer du groupe"))

        # Rows of buttons wrap at 200 % rather than widen the window past the screen.
        head = FlowLayout()
        for button in (self.back_button, self.edit_button, self.archive_button):
            head.addWidget(button)
        actions = FlowLayout()
        for button in (self.add_button, self.new_button, self.remove_button):
            actions.addWidget(button)
        # Only the list scrolls (a page that scrolls round a list that scrolls loses the
        # mouse wheel); at 200 % it keeps four rows in sight.
        content = QWidget()
        content.setObjectName("page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(content)
        self.list.setMinimumHeight(px(150))
        column = QVBoxLayout(content)
        column.setContentsMargins(px(32), px(12), px(32), px(12))
        column.setSpacing(px(8))
        column.addLayout(head)
        column.addWidget(self.title)
        column.addWidget(self.details)
        column.addWidget(self.gaps)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        column.addLayout(actions)
        order = [self.back_button, self.edit_button, self.archive_button, self.gaps.complete, self.list,
                 self.add_button, self.new_button, self.remove_button]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

        self.back_button.clicked.connect(self.back)
        self.edit_button.clicked.connect(self.edit_group)
        self.archive_button.clicked.connect(self.archive_group)
        self.add_button.clicked.connect(self.add_members)
        self.new_button.clicked.connect(self.new_member)
        self.remove_button.clicked.connect(self.remove_chosen)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        ops.watch(self, ('groups', 'people'), lambda _changes, _initiator: self.reload())

    def show_group(self, group_id: str) -> None:
        self.group = self.ops.read(groups.get, group_id)
        self.reload()

    def reload(self) -> None:
        if self.group is None:
            return
        try:
            self.group = self.ops.read(groups.get, self.group.id)
        except KeyError:  # gone (another screen): nothing to show
            self.back.emit()
            return
        chosen = self.list.current_id()
        rows = self.ops.read(groups.members, self.group.id)
        self.model.set_rows(rows)
        self.list.choose(chosen)
        self.title.setText(self.group.name)
        self.details.setText(describe(self.group, len(rows)))
        self.empty.setVisible(not rows)
        self.gaps.show_gaps(funder_fields.gaps(rows))
        archived = bool(self.group.archived_at)
        self.archive_button.setText(_("Réactiver") if archived else _("Archiver"))
        self.archive_button.setAccessibleName(_("Réactiver le groupe") if archived else _("Archiver le groupe"))
        self.setAccessibleName(_("Groupe {name}").format(name=self.group.name))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(self.list.current_id() is not None)

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        dialog.open()

    def edit_group(self) -> None:
        self._open(GroupForm(self.ops, self.group, parent=self))

    def archive_group(self) -> None:
        group = self.group
        if group.archived_at:
            self.ops.run(groups.unarchive, group.id, parent=self)
            return
        dialog = ConfirmDialog(
            _("Archiver le groupe « {name} » ?").format(name=group.name),
            _("Il ne sera plus proposé dans les listes. Ses séances et ses présences sont gardées. "
                    "Vous pourrez le réactiver à tout moment."),
            _("Archiver le groupe"), parent=self,
        )
        dialog.accepted.connect(lambda: self.ops.run(
            groups.archive, group.id, on_done=lambda _r: self.back.emit(), parent=self))
        self._open(dialog)

    def add_members(self) -> None:
        self._open(MemberPicker(self.ops, self.group.id, self.group.name, parent=self))

    def new_member(self) -> None:
        group_id = self.group.id
        form = ParticipantForm(
            self.ops, None, self.ops.today(), parent=self,
            save=lambda db, person: groups.add_new_member(db, group_id, person),
            use_text=_("Ajouter {name} au groupe"),
        )
        form.existing_chosen.connect(lambda person: self.ops.run(
            groups.add_known_member, group_id, person.id, parent=self))
        self._open(form)

    def remove_chosen(self) -> None:
        person_id = self.list.current_id()
        if person_id is None:
            return
        person = self.model.person(self.model.row_of(person_id))
        group = self.group
        dialog = ConfirmDialog(
            _("Retirer {name} du groupe ?").format(name=person.full_name),
            _("{name} ne fera plus partie de « {group} ». Sa fiche et ses présences passées sont gardées.")
            .format(name=person.full_name, group=group.name),
            _("Retirer du groupe"), parent=self,
        )
        dialog.accepted.connect(lambda: self.ops.run(
            groups.remove_member, group.id, person.id, parent=self))
        self._open(dialog)
