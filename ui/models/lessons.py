"""The installed modules as a Qt list model: the title, then where it comes from, its
version, language and duration, or why it cannot be opened."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from atelier.i18n import N_, _, plural
from atelier.lessons.installed import SHIPPED, Installed
from ui.widgets.big_list import ID_ROLE, SUBTITLE_ROLE

Index = QModelIndex | QPersistentModelIndex
LANGUAGES = {"fr": N_("français"), "en": N_("anglais"), "de": N_("allemand"), "es": N_("espagnol"), "it": N_("italien")}




def duration_text(minutes: int | None) -> str:
    """'2 h', '1 h 30', '45 min'."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("{m} min").format(m=rest)
    return _("{h} h").format(h=hours) if not rest else _("{h} h {m:02d}").format(h=hours, m=rest)


def source_text(row: Installed) -> str:
    return _("Livré") if row.source == SHIPPED else _("Importé")  # short: two lines a module at 200 %


def describe(row: Installed) -> str:
    if row.broken:
        more = len(row.problems) - 1
        first = row.problems[0].message if row.problems else ""
        text = _("Ne peut pas être ouvert : {problem}").format(problem=first)
        if more > 0:
            text += " " + plural(more, "(et {n} autre problème)", "(et {n} autres problèmes)")
        return f"{source_text(row)} · {text}"
    parts = [source_text(row), _("version {n}").format(n=row.version),
             _(LANGUAGES.get(row.language or "", row.language or "")), duration_text(row.duration)]
    return " · ".join(p for p in parts if p)


class LessonsModel(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Installed] = []

    def set_rows(self, rows: list[Installed]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: Index) -> Installed | None:
        return self.rows[index.row()] if index.isValid() and 0 <= index.row() < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == SUBTITLE_ROLE:
            return describe(row)
        if role == ID_ROLE:
            return f"{row.source}:{row.folder}"   # two broken folders may claim one id
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}, {describe(row)}"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
