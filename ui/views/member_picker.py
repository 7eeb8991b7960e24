"""Add members to a group: tick several people in the searchable list of everyone else."""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier import groups, people
from ui.models.participants import ParticipantsModel
from ui.theme import px
from ui.widgets.big_list import BigList
from ui.widgets.form_dialog import FormDialog
from ui.widgets.search_field import SearchField


class MemberPicker(FormDialog):
    def __init__(self, ops, group_id: str, group_name: str, parent: QWidget | None = None):
        super().__init__(_("Ajouter à « {name} »").format(name=group_name),
                         save_text=_("Ajouter"), parent=parent)
        self.ops = ops
        self.group_id = group_id
        self.save_button.setDefault(False)  # Enter in the search field must not add anyone yet
        self.search = SearchField(_("Rechercher un nom…"), _("Rechercher une personne à ajouter"))
        self.model = ParticipantsModel(checkable=True, parent=self)
        self.list = BigList(_("Personnes à cocher"))
        self.list.setModel(self.model)
        self.list.setMinimumHeight(px(120))
        self.count = QLabel()
        self.count.setWordWrap(True)
        hint = QLabel(_("Cochez les personnes d'un clic (ou Espace)."))
        hint.setWordWrap(True)
        inner = QVBoxLayout()
        inner.setSpacing(px(10))
        for widget in (hint, self.search, self.list, self.count):
            inner.addWidget(widget)
        holder = QWidget()
        holder.setLayout(inner)
        inner.setContentsMargins(0, 0, 0, 0)
        # The list itself scrolls: it takes the dialog's height instead of the form's scroll area.
        self.scroll.hide()
        self.layout().insertWidget(2, holder, 1)
        order = [self.search, self.list, self.cancel_button, self.save_button]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

        self.members = {p.id for p in ops.read(groups.members, group_id)}
        self.search.searched.connect(lambda _t: self.reload())
        self.model.checked_changed.connect(self._update_count)
        self.submitted.connect(self.submit)
        self.reload()
        self._update_count()
        self.initial_focus = self.search
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(px(760), screen.width() - 40), min(px(680), screen.height() - 40))

    def reload(self) -> None:
        everyone = self.ops.read(people.search, self.search.text())
        self.model.set_rows([p for p in everyone if p.id not in self.members])

    def _update_count(self) -> None:
        n = len(self.model.checked_ids())
        self.count.setText(_("Aucune personne cochée.") if n == 0 else
                           plural(n, "{n} personne cochée.", "{n} personnes cochées."))
        self.save_button.setEnabled(n > 0)

    def submit(self) -> None:
        ids = self.model.checked_ids()
        if not ids:
            return
        self.set_busy(True)
        self.ops.run(groups.add_members, self.group_id, ids,
                     on_done=lambda _r: self.accept(), on_error=lambda e: self.show_error(str(e)), parent=self)
