"""The roll call as a Qt list model: one row per member, with their mark.

The rows come from ``attendance.roll``; a mark the facilitator makes is shown at once
(``set_status``) while the worker writes it, and a reload from the database updates
only the rows that changed, so that the focus stays where it was.
"""

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from atelier import attendance
from atelier.attendance import ABSENT, EXCUSED, LATE, PRESENT, RollRow
from ui.words import plural

STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
INITIALS_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
FEMININE_ROLE = Qt.ItemDataRole.UserRole + 4

# (masculine, feminine) — the roll says "Hélène Martin : présente".
_WORDS = {
    PRESENT: ("présent", "présente"),
    ABSENT: ("absent", "absente"),
    EXCUSED: ("excusé", "excusée"),
    LATE: ("en retard", "en retard"),
    None: ("pas encore pointé", "pas encore pointée"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("Roll", text)


def status_word(status: str | None, feminine: bool = False) -> str:
    return tr(_WORDS[status][1 if feminine else 0])


def read_roll(db, session_id: str) -> tuple[list[RollRow], dict[str, str | None]]:
    """The roll and everyone's gender key, in one go (a quick read)."""
    return attendance.roll(db, session_id), attendance.genders(db, session_id)


def summary(counts: dict[str | None, int]) -> str:
    """'8 présents, 2 absents, 2 non pointés' (excused and late only when there are some)."""
    parts = [plural(counts[PRESENT], tr("{n} présent"), tr("{n} présents"))]
    if counts[LATE]:
        parts.append(plural(counts[LATE], tr("{n} en retard"), tr("{n} en retard")))
    if counts[EXCUSED]:
        parts.append(plural(counts[EXCUSED], tr("{n} excusé"), tr("{n} excusés")))
    parts.append(plural(counts[ABSENT], tr("{n} absent"), tr("{n} absents")))
    parts.append(plural(counts[None], tr("{n} non pointé"), tr("{n} non pointés")))
    return ", ".join(parts)


class RollModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[RollRow] = []
        self._statuses: list[str | None] = []
        self._genders: dict[str, str | None] = {}

    # Qt's side
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        row, status = self._rows[index.row()], self._statuses[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.full_name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.spoken(index.row())
        if role == STATUS_ROLE:
            return status
        if role == INITIALS_ROLE:
            return row.initials
        if role == ID_ROLE:
            return row.participant_id
        if role == FEMININE_ROLE:
            return self.feminine(index.row())
        return None

    # Atelier's side
    def reset(self, rows: list[RollRow], genders: dict[str, str | None]) -> bool:
        """New rows from the database; True if the people changed (the view rebuilds)."""
        self._genders = dict(genders)
        if [r.participant_id for r in rows] == [r.participant_id for r in self._rows]:
            changed = [i for i, r in enumerate(rows) if r != self._rows[i] or r.status != self._statuses[i]]
            self._rows, self._statuses = list(rows), [r.status for r in rows]
            for i in changed:
                self.dataChanged.emit(self.index(i), self.index(i))
            return False
        self.beginResetModel()
        self._rows, self._statuses = list(rows), [r.status for r in rows]
        self.endResetModel()
        return True

    def row(self, i: int) -> RollRow:
        return self._rows[i]

    def status(self, i: int) -> str | None:
        return self._statuses[i]

    def statuses(self) -> dict[str, str | None]:
        return {r.participant_id: s for r, s in zip(self._rows, self._statuses)}

    def row_of(self, participant_id: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r.participant_id == participant_id)

    def set_status(self, i: int, status: str | None) -> None:
        if self._statuses[i] != status:
            self._statuses[i] = status
            self.dataChanged.emit(self.index(i), self.index(i))

    def feminine(self, i: int) -> bool:
        return self._genders.get(self._rows[i].participant_id) == "feminin"

    def spoken(self, i: int) -> str:
        """'Hélène Martin : présente'."""
        return tr("{name} : {status}").format(
            name=self._rows[i].full_name, status=status_word(self._statuses[i], self.feminine(i)))

    def counts(self) -> dict[str | None, int]:
        counts: dict[str | None, int] = {s: 0 for s in (*attendance.STATUSES, None)}
        for status in self._statuses:
            counts[status] += 1
        return counts

    def summary(self) -> str:
        return summary(self.counts())
