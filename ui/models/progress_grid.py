"""The facilitator's progress grid: one row a learner, one column an exercise.

Each cell says it in words (« ✓ Réussi », « Commencé », « Pas encore ») and in a
colour, dark text on a light background (7:1 at least, both themes checked by a test).
"""

import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from atelier.lessons.pack import Exercise, Module
from atelier.people import Participant
from atelier.results import Cell
from ui.theme import current_palette
from ui.words import plural

Index = QModelIndex | QPersistentModelIndex
DONE, TRIED, NOT_YET = "done", "tried", "not-yet"
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the state: DONE, TRIED or NOT_YET
DONE_BG = "#DDF2E0"
TRIED_BG = "#FCE7C0"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ProgressGrid", text)


def colours(state: str) -> tuple[str, str]:
    """(text, background) of a cell in the theme now on."""
    p = current_palette()
    if p.window == "#000000":  # high contrast: light text on dark tints
        return p.text, {DONE: "#0B3D17", TRIED: "#4A3000", NOT_YET: p.card}[state]
    return p.text, {DONE: DONE_BG, TRIED: TRIED_BG, NOT_YET: p.card}[state]


class ProgressGridModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list[Participant] = []
        self.exercises: list[tuple[Module, Exercise]] = []
        self.cells: dict[tuple[str, str, str], Cell] = {}

    def set_grid(self, people: list[Participant], exercises: list[tuple[Module, Exercise]],
                 cells: dict[tuple[str, str, str], Cell]) -> None:
        self.beginResetModel()
        self.people, self.exercises, self.cells = list(people), list(exercises), dict(cells)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.exercises)

    def cell(self, row: int, column: int) -> Cell | None:
        module, exercise = self.exercises[column]
        return self.cells.get((self.people[row].id, module.id, exercise.id))

    def state(self, row: int, column: int) -> str:
        cell = self.cell(row, column)
        if cell is None:
            return NOT_YET
        return DONE if cell.done else TRIED

    def words(self, row: int, column: int) -> str:
        return {DONE: _tr("✓ Réussi"), TRIED: _tr("Commencé"), NOT_YET: _tr("Pas encore")}[self.state(row, column)]

    def details(self, row: int, column: int) -> str:
        cell = self.cell(row, column)
        if cell is None:
            return _tr("Pas encore essayé")
        times = plural(cell.runs, _tr("fait 1 fois"), _tr("fait {n} fois"))
        return _tr("Meilleur score : {score} % · {times} · {attempts} essais en tout").format(
            score=round(cell.best * 100), times=times, attempts=cell.attempts)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.people)
                                       and 0 <= index.column() < len(self.exercises)):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.words(row, column)
        if role == CELL_ROLE:
            return self.state(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.details(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _tr("{person}, {exercise} : {state}. {details}").format(
                person=self.people[row].full_name, exercise=self.exercises[column][1].title,
                state=self.words(row, column), details=self.details(row, column))
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            text, background = colours(self.state(row, column))
            return QBrush(QColor(text if role == Qt.ItemDataRole.ForegroundRole else background))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.exercises):
            title = self.exercises[section][1].title
            return textwrap.fill(title, 16) if role == Qt.ItemDataRole.DisplayRole else title
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.people):
            return self.people[section].full_name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
