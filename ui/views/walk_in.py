"""Someone came without being in the group: three fields and one tick.

First name (the only one needed), last name, phone; "l'ajouter au groupe" is ticked
when the session has a group. The person is recorded present at once.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox


class WalkInDialog(QDialog):
    chosen = Signal(str, str, str, bool)  # first name, last name, phone, join the group

    def __init__(self, group_name: str = "", parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ajouter une personne"))
        self.setAccessibleName(self.tr("Ajouter une personne venue aujourd'hui"))
        title = QLabel(self.tr("Une personne de plus aujourd'hui"))
        title.setObjectName("section")
        title.setWordWrap(True)
        self.first = self._field(self.tr("Prénom"))
        self.last = self._field(self.tr("Nom"))
        self.phone = self._field(self.tr("Téléphone (facultatif)"))
        self.join = BigCheckBox(self.tr("L'ajouter au groupe « {group} »").format(group=group_name)
                              if group_name else self.tr("L'ajouter au groupe"))
        self.join.setAccessibleName(self.join.text())
        self.join.setChecked(bool(group_name))
        self.join.setEnabled(bool(group_name))

        self.add = big_button(self.tr("Ajouter (présent)"), primary=True,
                              name=self.tr("Ajouter cette personne, marquée présente"), on_click=self._accept)
        self.add.setDefault(True)
        self.cancel = big_button(self.tr("Annuler"), name=self.tr("Annuler, n'ajouter personne"), on_click=self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(32), px(20), px(32), px(20))
        layout.setSpacing(px(4))
        layout.addWidget(title)
        for label, edit in (self.first, self.last, self.phone):
            layout.addSpacing(px(6))
            layout.addWidget(label)
            layout.addWidget(edit)
        layout.addSpacing(px(10))
        layout.addWidget(self.join)
        buttons = QHBoxLayout()
        buttons.setSpacing(px(16))
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.add)
        layout.addSpacing(px(12))
        layout.addLayout(buttons)
        self.setTabOrder(self.first[1], self.last[1])
        self.setTabOrder(self.last[1], self.phone[1])
        self.setTabOrder(self.phone[1], self.join)
        self.setTabOrder(self.join, self.add)
        self.setTabOrder(self.add, self.cancel)
        self.first[1].setFocus()
        self.first[1].textChanged.connect(lambda text: self.add.setEnabled(bool(text.strip())))
        self.add.setEnabled(False)
        screen = QGuiApplication.primaryScreen().availableGeometry()
        self.resize(min(px(640), screen.width()), min(self.sizeHint().height(), screen.height()))

    def _field(self, text: str) -> tuple[QLabel, QLineEdit]:
        label = QLabel(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        edit = QLineEdit()
        edit.setAccessibleName(text)
        label.setBuddy(edit)
        return label, edit

    def _accept(self) -> None:
        first = self.first[1].text().strip()
        if not first:
            return
        self.chosen.emit(first, self.last[1].text().strip(), self.phone[1].text().strip(), self.join.isChecked())
        self.accept()
