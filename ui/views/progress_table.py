"""The progress grid's table: every column in sight, whatever the width.

Each column is at least as wide as its words; when the titles and « ✓ Réussi » leave no
room for every exercise (200 %, a narrow window), the grid turns compact (numbered
columns, one sign a cell) and ``legend`` says what they stand for; its columns then share the width, whatever it becomes. What room is left goes to
the columns, never to a blank at the right. Rows stay a full target high.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from atelier.i18n import _
from ui.models.progress_grid import DONE, NOT_YET, TRIED, ProgressGridModel
from ui.theme import current_scale, px, target_px


class ProgressTable(QTableView):
    def __init__(self, model: ProgressGridModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(_("Progrès du groupe, exercice par exercice"))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setCornerButtonEnabled(False)
        self.setTabKeyNavigation(False)  # Tab leaves the grid; the arrows move inside it
        for corner in self.findChildren(QAbstractButton):
            corner.setAccessibleName(_("Coin du tableau"))
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setMinimumHeight(target_px(current_scale()))  # numbers alone: still a target high
        self.setMinimumHeight(target_px(current_scale()) * 4)
        # Every column and every row in sight: the grid never scrolls, the page around it does.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.legend = QLabel()  # placed under the table by the page
        self.legend.setObjectName("muted")
        self.legend.setWordWrap(True)
        self.legend.hide()
        self._fitting = False
        self._words: list[int] = []  # each column's width with words, measured by fit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def fit(self) -> None:
        """After new rows or columns: what the words need, then arranged for the width."""
        model: ProgressGridModel = self.model()
        plain, bold, italic = QFont(self.font()), QFont(self.font()), QFont(self.font())
        bold.setBold(True)
        italic.setItalic(True)
        pad = 2 * px(8)
        cells = max(QFontMetrics(bold).horizontalAdvance(model.words_for(DONE)),
                    QFontMetrics(bold).horizontalAdvance(model.words_for(TRIED)),
                    QFontMetrics(italic).horizontalAdvance(model.words_for(NOT_YET)))
        line = QFontMetrics(plain).horizontalAdvance
        self._words = [max([cells, *(line(part) for part in model.title_lines(c))]) + pad
                       for c in range(model.columnCount())]
        self.legend.setText(model.legend())
        self._arrange()

    def _arrange(self) -> None:
        """Words when every column fits with them, else signs; rows a full target high.
        Decided from the table's own width only: the headers' widths change with the
        choice, and must not turn it back."""
        model: ProgressGridModel = self.model()
        if self._fitting or model is None or len(self._words) != model.columnCount():
            return
        self._fitting = True
        try:
            names = self.verticalHeader().sizeHint().width()  # the same in both ways: no turning back
            room = self.width() - 2 * self.frameWidth() - names
            compact = sum(self._words) > room
            if compact != model.compact:
                model.set_compact(compact)  # numbered columns, signs in the cells
                self.updateGeometries()  # the headers measured again for their new words
            columns = self.horizontalHeader()
            if compact:  # the columns share the width, whatever it becomes
                columns.setMinimumSectionSize(1)
                columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            else:
                columns.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
                extra = max(0, room - sum(self._words)) // max(1, len(self._words))
                for column, width in enumerate(self._words):
                    self.setColumnWidth(column, width + extra)
            self.resizeRowsToContents()
            header = self.verticalHeader()
            for row in range(model.rowCount()):
                # + 1: the grid line takes a pixel of each row, which must stay a full target high
                header.resizeSection(row, max(header.sectionSize(row), target_px(current_scale()) + 1))
            # Every row in sight as the page scrolls: a grid that scrolls inside a page that
            # scrolls would take the mouse wheel from it half-way.
            self.setFixedHeight(max(target_px(current_scale()) * 4, self.horizontalHeader().height()
                                    + header.length() + 2 * self.frameWidth()))
            self.legend.setVisible(compact and model.columnCount() > 0)
        finally:
            self._fitting = False
