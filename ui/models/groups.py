"""Groups as a Qt list model: the name, then place, usual day and time, members."""

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from atelier.i18n import _, plural
from atelier.groups import Group
from ui.widgets.big_list import ID_ROLE, SUBTITLE_ROLE
from ui.words import day_name

Index = QModelIndex | QPersistentModelIndex




def when(group: Group) -> str:
    """'le mardi, 14:00 – 16:00', or what is known of it."""
    parts = []
    if group.weekday is not None:
        parts.append(_("le {day}").format(day=day_name(group.weekday)))
    times = " – ".join(t for t in (group.start_time, group.end_time) if t)
    if times:
        parts.append(times)
    return ", ".join(parts)


def members_text(count: int) -> str:
    if count == 0:
        return _("aucun membre")
    return plural(count, "{n} membre", "{n} membres")


def describe(group: Group, count: int) -> str:
    parts = [group.place, when(group), members_text(count)]
    if group.archived_at:
        parts.append(_("archivé"))
    return " · ".join(p for p in parts if p)


@dataclass(frozen=True)
class GroupRow:
    group: Group
    members: int


class GroupsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[GroupRow] = []

    def set_rows(self, rows: list[GroupRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.group.name
        if role == SUBTITLE_ROLE:
            return describe(row.group, row.members)
        if role == ID_ROLE:
            return row.group.id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.group.name}, {describe(row.group, row.members)}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
