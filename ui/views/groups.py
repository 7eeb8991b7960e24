"""The groups (workshop series): a list; one click or Enter opens a group's page."""

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import groups
from ui.models.groups import GroupRow, GroupsModel
from ui.theme import px
from ui.views.group_form import GroupForm
from ui.views.group_page import GroupPage
from ui.widgets.big_list import ID_ROLE, BigList
from ui.widgets.buttons import big_button
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.page_stack import PageStack


def load_rows(db, include_archived: bool) -> list[GroupRow]:
    counts = groups.member_counts(db)
    return [GroupRow(g, counts.get(g.id, 0)) for g in groups.every(db, include_archived)]


class GroupsView(QWidget):
    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page")
        self.ops = ops
        self.dialog = None

        self.list_page = QWidget()
        self.list_page.setObjectName("page")
        title = QLabel(_("Groupes"))
        title.setObjectName("title")
        self.new_button = big_button(_("Nouveau groupe"), _("Créer un groupe d'ateliers"), primary=True)
        self.show_archived = big_button(_("Voir aussi les groupes archivés"))
        self.show_archived.setCheckable(True)
        hint = QLabel(_("Cliquez sur un groupe pour l'ouvrir."))  # one line at 200 %: the list keeps its rows
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.model = GroupsModel(self)
        self.list = BigList(_("Liste des groupes"), open_on_click=True)
        self.list.setModel(self.model)
        self.empty = QLabel(_("Aucun groupe pour l'instant. Commencez par « Nouveau groupe »."))
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)

        top = FlowLayout()  # wraps at 200 % rather than widen the window
        top.addWidget(title)
        top.addWidget(self.new_button)
        under = FlowLayout()
        under.addWidget(self.show_archived)
        column = QVBoxLayout(self.list_page)
        column.setContentsMargins(px(32), px(12), px(32), px(12))
        column.setSpacing(px(8))
        column.addLayout(top)
        column.addWidget(hint)
        column.addWidget(self.list, 1)
        column.addWidget(self.empty)
        column.addLayout(under)
        QWidget.setTabOrder(self.new_button, self.list)
        QWidget.setTabOrder(self.list, self.show_archived)

        self.group_page = GroupPage(ops)
        self.stack = PageStack()  # sized by the page on screen, not the largest one
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.group_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setAccessibleName(_("Groupes"))

        self.new_button.clicked.connect(self.new_group)
        self.show_archived.toggled.connect(self._archived_toggled)
        self.list.opened.connect(self.open_row)
        self.group_page.back.connect(self.show_list)
        ops.watch(self, ('groups', 'people'), lambda _changes, _initiator: self.reload())
        self.reload()

    def reload(self) -> None:
        rows = self.ops.read(load_rows, self.show_archived.isChecked())
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)

    def _archived_toggled(self, on: bool) -> None:
        text = _("Cacher les groupes archivés") if on else _("Voir aussi les groupes archivés")
        self.show_archived.setText(text)
        self.show_archived.setAccessibleName(text)
        self.reload()

    def open_row(self, index: QModelIndex) -> None:
        self.open_group(index.data(ID_ROLE))

    def open_group(self, group_id: str) -> None:
        self.group_page.show_group(group_id)
        self.stack.setCurrentWidget(self.group_page)
        self.group_page.back_button.setFocus()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.list_page)
        self.list.setFocus()

    def new_group(self) -> None:
        form = GroupForm(self.ops, None, parent=self)
        form.saved.connect(lambda group: self.open_group(group.id))  # then add its members
        self.dialog = form
        form.finished.connect(lambda _r: setattr(self, "dialog", None))
        form.open()
