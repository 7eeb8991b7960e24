"""Sessions as a Qt list model: one row per session, written out in French."""

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from atelier.i18n import _
from atelier.sessions import SessionRow
from ui.words import long_date, module_label, with_status

SESSION_ROLE = Qt.ItemDataRole.UserRole + 1


def describe(row: SessionRow) -> tuple[str, str]:
    """('Vendredi 27 novembre 2026, 14:00 – 16:00', 'Groupe · Salle 2 · La souris · Martine')."""
    s = row.session
    when = _("{day}, {start} – {end}").format(
        day=long_date(s.date), start=s.start_time, end=s.end_time)
    when = with_status(s, when)
    details = [row.group_name or _("Sans groupe"), s.place, module_label(s.module_id), s.facilitator]
    return when, " · ".join(part for part in details if part)


class SessionsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[SessionRow] = []
        self._texts: list[tuple[str, str]] = []

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        when, details = self._texts[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{when}\n{details}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{when}, {details}"
        if role == SESSION_ROLE:
            return self._rows[index.row()].session
        return None

    def set_rows(self, rows: list[SessionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [describe(r) for r in rows]
        self.endResetModel()

    def session(self, i: int):
        return self._rows[i].session

    def row_of(self, session_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.session.id == session_id), -1)
