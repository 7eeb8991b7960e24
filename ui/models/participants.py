"""Participants as a Qt list model: one large row each, optionally with a tick box."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from atelier.i18n import _
from atelier.people import Participant
from ui.widgets.big_list import ID_ROLE, INITIALS_ROLE, SUBTITLE_ROLE

Index = QModelIndex | QPersistentModelIndex


class ParticipantsModel(QAbstractListModel):
    checked_changed = Signal()

    def __init__(self, checkable: bool = False, parent=None):
        super().__init__(parent)
        self.rows: list[Participant] = []
        self.checkable = checkable
        self._checked: set[str] = set()  # kept across searches: ticking, then searching again

    def set_rows(self, rows: list[Participant]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def person(self, row: int) -> Participant:
        return self.rows[row]

    def row_of(self, person_id: str) -> int:
        return next((i for i, p in enumerate(self.rows) if p.id == person_id), -1)

    def checked_ids(self) -> list[str]:
        return sorted(self._checked)

    def _subtitle(self, person: Participant) -> str:
        return _("Fiche archivée") if person.archived_at else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        person = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return person.full_name
        if role == INITIALS_ROLE:
            return person.initials
        if role == SUBTITLE_ROLE:
            return self._subtitle(person)
        if role == ID_ROLE:
            return person.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [person.full_name, self._subtitle(person)]
            if self.checkable:
                parts.append(_("coché") if person.id in self._checked else _("non coché"))
            return ", ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.CheckStateRole and self.checkable:
            return Qt.CheckState.Checked if person.id in self._checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and role == Qt.ItemDataRole.CheckStateRole):
            return False
        person_id = self.rows[index.row()].id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(person_id)
        else:
            self._checked.discard(person_id)
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.AccessibleTextRole])
        self.checked_changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self.checkable else flags
