"""Rows for a ``BigList``: a name, a second line and an id each, and, when the list is
one of tick boxes, a box each. The ticks are kept here, by id, in one place for every
such list: a search that hides a row keeps its tick, « Tout cocher » ticks what is shown,
and a screen reader hears the row's name, its second line and whether it is ticked.
"""

from collections.abc import Iterable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from atelier.i18n import _
from ui.widgets.big_list import ID_ROLE, SUBTITLE_ROLE

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")
CHECK = Qt.ItemDataRole.CheckStateRole


class BigRowsModel(QAbstractListModel, Generic[Row]):
    """Subclasses say what a row is called (``row_id``, ``title``, ``subtitle``) and may
    answer more roles in ``extra``."""

    checked_changed = Signal()

    def __init__(self, checkable: bool = False, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []
        self.checkable = checkable
        self._checked: set[str] = set()

    def row_id(self, row: Row) -> str:
        raise NotImplementedError

    def title(self, row: Row) -> str:
        raise NotImplementedError

    def subtitle(self, row: Row) -> str:
        return ""

    def extra(self, row: Row, role: int) -> Any:
        return None

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def checked_ids(self) -> list[str]:
        return sorted(self._checked)

    def is_checked(self, row_id: str) -> bool:
        return row_id in self._checked

    def check_all(self, checked: bool) -> None:
        """Tick (or untick) every row shown, in one change."""
        ids = {self.row_id(row) for row in self.rows}
        self._checked = self._checked | ids if checked else self._checked - ids
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1),
                                  [CHECK, Qt.ItemDataRole.AccessibleTextRole])
        self.checked_changed.emit()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title(row)
        if role == SUBTITLE_ROLE:
            return self.subtitle(row)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [self.title(row), self.subtitle(row)]
            if self.checkable:
                parts.append(_("coché") if self.row_id(row) in self._checked else _("non coché"))
            return ", ".join(p for p in parts if p)
        if role == CHECK:
            if not self.checkable:
                return None
            return Qt.CheckState.Checked if self.row_id(row) in self._checked else Qt.CheckState.Unchecked
        return self.extra(row, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (self.checkable and index.isValid() and role == CHECK):
            return False
        row_id = self.row_id(self.rows[index.row()])
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self._checked.add(row_id)
        else:
            self._checked.discard(row_id)
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.AccessibleTextRole])
        self.checked_changed.emit()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self.checkable else flags
