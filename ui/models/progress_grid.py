"""The facilitator's progress grid: one row a learner, one column an exercise.

Each cell says it in words (« ✓ Réussi », « Commencé ») and in a colour, dark text on a
light background (7:1 at least, both themes checked by a test); « pas encore » is said
quietly (muted, lighter, no background) so that the results stand out. When the words
do not leave room for every column, the grid goes ``compact``: numbered columns and
one sign a cell (✓, ◐, –), explained by ``legend()`` under the grid. A learner's last name
is under the first name: the columns keep the room.
"""

import textwrap
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from atelier.i18n import _, plural
from atelier.lessons.pack import Exercise, Module
from atelier.people import Participant
from atelier.results import Cell
from ui.theme import current_palette

Index = QModelIndex | QPersistentModelIndex
DONE, TRIED, NOT_YET = "done", "tried", "not-yet"
CELL_ROLE = Qt.ItemDataRole.UserRole + 1  # the state: DONE, TRIED or NOT_YET
DONE_BG = "#DDF2E0"
TRIED_BG = "#FCE7C0"




def colours(state: str) -> tuple[str, str]:
    """(text, background) of a cell in the theme now on; « pas encore » in the muted text."""
    p = current_palette()
    text = p.muted if state == NOT_YET else p.text
    if p.window == "#000000":  # high contrast: light text on dark tints
        return text, {DONE: "#0B3D17", TRIED: "#4A3000", NOT_YET: p.card}[state]
    return text, {DONE: DONE_BG, TRIED: TRIED_BG, NOT_YET: p.card}[state]


SIGNS = {DONE: "✓", TRIED: "◐", NOT_YET: "–"}  # the compact grid's cells


class ProgressGridModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.people: list[Participant] = []
        self.exercises: list[tuple[Module, Exercise]] = []
        self.cells: dict[tuple[str, str, str], Cell] = {}
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """Numbered columns and signs (✓ ◐ –) when the words leave no room for every column."""
        if compact == self.compact:
            return
        self.compact = compact
        if self.exercises:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.exercises) - 1)
        if self.people:  # the names fold onto two lines, or unfold
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.people) - 1)
        if self.people and self.exercises:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.people) - 1, len(self.exercises) - 1))

    def legend(self) -> str:
        """What the compact grid's numbers and signs stand for."""
        keep = lambda text: text.replace(" ", "\u00a0")  # noqa: E731 - one item never breaks across lines
        titles = "   ".join(keep(_("{n}. {title}").format(n=n, title=exercise.title))
                           for n, (_module, exercise) in enumerate(self.exercises, 1))
        signs = "   ".join(keep(words) for words in (_("✓ réussi"), _("◐ commencé"), _("– pas encore")))
        return f"{signs}\n{titles}"

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

    @staticmethod
    def words_for(state: str) -> str:
        return {DONE: _("✓ Réussi"), TRIED: _("Commencé"), NOT_YET: _("pas encore")}[state]

    def words(self, row: int, column: int) -> str:
        return self.words_for(self.state(row, column))

    def title_lines(self, column: int) -> list[str]:
        """An exercise's title on a few short lines, as its column heads it."""
        return textwrap.wrap(self.exercises[column][1].title, 11)

    def details(self, row: int, column: int) -> str:
        cell = self.cell(row, column)
        if cell is None:
            return _("Pas encore essayé")
        times = plural(cell.runs, "fait {n} fois", "fait {n} fois")
        return plural(cell.attempts, "Meilleur score : {score} % · {times} · {n} essai en tout",
                      "Meilleur score : {score} % · {times} · {n} essais en tout",
                      score=round(cell.best * 100), times=times)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.people)
                                       and 0 <= index.column() < len(self.exercises)):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return SIGNS[self.state(row, column)] if self.compact else self.words(row, column)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            quiet = self.state(row, column) == NOT_YET
            font.setBold(not quiet)  # the results stand out; « pas encore » stays in the background
            font.setItalic(quiet and not self.compact)
            return font
        if role == CELL_ROLE:
            return self.state(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.details(row, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("{person}, {exercise} : {state}. {details}").format(
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
            if role == Qt.ItemDataRole.ToolTipRole:
                return title
            return str(section + 1) if self.compact else "\n".join(self.title_lines(section))
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.people):
            person = self.people[section]
            if role == Qt.ItemDataRole.DisplayRole:  # the last name under the first: room for the columns
                return "\n".join(part for part in (person.first_name, person.last_name) if part)
            return person.full_name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
