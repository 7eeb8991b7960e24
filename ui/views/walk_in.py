"""Someone came without being in the group: three fields and one tick.

First name (the only one needed), last name, phone; "l'ajouter au groupe" is ticked
when the session has a group. The person is recorded present at once. A name already
known shows that person, with a button to mark them present rather than make a second
record of them.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from atelier.i18n import _
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox
from ui.widgets.scroller import Scroller


class WalkInDialog(QDialog):
    chosen = Signal(str, str, str, bool)  # first name, last name, phone, join the group
    known_chosen = Signal(str, bool)  # the id of a person already known, join the group

    def __init__(self, group_name: str = "", parent=None, ops=None):
        super().__init__(parent)
        self.setWindowTitle(_("Ajouter une personne"))
        self.setAccessibleName(_("Ajouter une personne venue aujourd'hui"))
        title = QLabel(_("Une personne de plus aujourd'hui"))
        title.setObjectName("section")
        title.setWordWrap(True)
        self.first = self._field(_("Prénom"))
        self.last = self._field(_("Nom"))
        self.phone = self._field(_("Téléphone (facultatif)"))
        self.join = BigCheckBox(_("L'ajouter au groupe « {group} »").format(group=group_name)
                                if group_name else _("L'ajouter au groupe"))
        self.join.setAccessibleName(self.join.text())
        self.join.setChecked(bool(group_name))
        self.join.setEnabled(bool(group_name))

        self.add = big_button(_("Ajouter (présent)"), primary=True,
                              name=_("Ajouter cette personne, marquée présente"), on_click=self._accept)
        self.add.setDefault(True)
        self.cancel = big_button(_("Annuler"), name=_("Annuler, n'ajouter personne"), on_click=self.reject)

        # The fields scroll at 200 % on a small screen; the two buttons stay in sight under them.
        content = QWidget()
        content.setObjectName("page")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, px(8), 0)
        layout.setSpacing(px(4))
        layout.addWidget(title)
        self.known = None
        for label, edit in (self.first, self.last, self.phone):
            layout.addSpacing(px(6))
            layout.addWidget(label)
            layout.addWidget(edit)
            if edit is self.last[1] and ops is not None:  # right under the name: someone already known?
                from ui.views.known_person import KnownPerson

                self.known = KnownPerson(ops, lambda person: _("Marquer {name} présente")
                                         if person.gender == "feminin" else _("Marquer {name} présent"), self)
                self.known.chosen.connect(self._use_known)
                layout.addSpacing(px(10))
                layout.addWidget(self.known)
        if self.known is not None:
            for _label, edit in (self.first, self.last):
                edit.textChanged.connect(self._look_up)
        layout.addSpacing(px(10))
        layout.addWidget(self.join)
        layout.addStretch(1)
        self.scroll = Scroller(content)
        buttons = QHBoxLayout()
        buttons.setSpacing(px(16))
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(32), px(20), px(32), px(20))
        outer.setSpacing(px(12))
        outer.addWidget(self.scroll, 1)
        outer.addLayout(buttons)
        self.setTabOrder(self.first[1], self.last[1])
        self.setTabOrder(self.last[1], self.phone[1])
        self.setTabOrder(self.phone[1], self.join)
        self.setTabOrder(self.join, self.add)
        self.setTabOrder(self.add, self.cancel)
        self.first[1].setFocus()
        self.first[1].textChanged.connect(lambda text: self.add.setEnabled(bool(text.strip())))
        self.add.setEnabled(False)
        self.ensurePolished()  # the theme's fonts first: the tick's words on one line when the screen has the room
        self._fit()

    def _field(self, text: str) -> tuple[QLabel, QLineEdit]:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        edit = QLineEdit()
        edit.setAccessibleName(text)
        label.setBuddy(edit)
        return label, edit

    def _look_up(self) -> None:
        self.known.look_up(self.first[1].text(), self.last[1].text())
        known = bool(self.known.matches)
        self.add.setText(_("Ajouter une autre personne") if known else _("Ajouter (présent)"))
        self.add.setAccessibleName(_("Ajouter une nouvelle fiche, marquée présente") if known
                                   else _("Ajouter cette personne, marquée présente"))
        self.add.setDefault(not known)  # Enter never makes a second record of someone known
        if known:
            self.known.buttons[0].setDefault(True)
            chain = [self.last[1], *self.known.buttons, self.phone[1]]  # read in the order they are shown
            for before, after in zip(chain, chain[1:]):
                self.setTabOrder(before, after)
        self._fit()

    def _use_known(self, person) -> None:
        self.known_chosen.emit(person.id, self.join.isChecked())
        self.accept()

    def _fit(self) -> None:
        """As tall as the fields want, never taller than the screen (they scroll then)."""
        screen = QGuiApplication.primaryScreen().availableGeometry()
        content = self.scroll.widget()
        content.adjustSize()
        height = self.sizeHint().height() - self.scroll.sizeHint().height() + content.sizeHint().height() + 4
        width = self.sizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width()  # room for the bar
        self.resize(min(max(px(640), width), screen.width() - 40), min(height, screen.height() - 40))

    def _accept(self) -> None:
        first = self.first[1].text().strip()
        if not first:
            return
        self.chosen.emit(first, self.last[1].text().strip(), self.phone[1].text().strip(), self.join.isChecked())
        self.accept()
