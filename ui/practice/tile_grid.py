"""A grid of large tiles that shows every tile at once: the learners' names, the themes,
a theme's exercises.

A learner should never have to scroll to find their own name. When the tiles do not
all fit at the text size chosen, the grid first drops the initials badges, then makes
the tiles' margins smaller and their text a step smaller, never under the learners'
20 pt, and chooses as few columns as it can without cutting a word. Only when even
that does not fit (a very large group on a very small screen) does it scroll.
"""

import re
from dataclasses import dataclass

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ui.practice.look import LEARNER_POINTS, Tile, learner_target, lpx
from ui.theme import current_scale, notifier
from ui.widgets.scroller import Scroller

MAX_COLUMNS = 6
TEXT_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)  # of the learners' text size, down to the 20 pt floor


@dataclass(frozen=True)
class Fit:
    """How the tiles are drawn: badges shown, roomy margins, text size (a fraction)."""

    badges: bool
    roomy: bool
    text: float

    def stylesheet(self, scale: float) -> str:
        if self.roomy:
            return ""
        body = max(LEARNER_POINTS, LEARNER_POINTS * scale * self.text)
        name = max(LEARNER_POINTS * 1.1, LEARNER_POINTS * 1.1 * scale * self.text)
        least = learner_target(scale) - 6  # the tile's border adds up to one target
        return (f"QPushButton#tile, QPushButton#tile:focus {{ padding: 0px; min-height: {least}px; }}"
                f"QPushButton#tile QLabel {{ font-size: {body:.1f}pt; }}"
                f"QPushButton#tile QLabel#learnerName {{ font-size: {name:.1f}pt; }}")


def fits_in_order(scale: float) -> list[Fit]:
    """From the roomiest way to draw the tiles to the most compact one."""
    steps = [Fit(True, True, 1.0), Fit(False, True, 1.0)]
    floor = LEARNER_POINTS / (LEARNER_POINTS * scale)
    texts = [t for t in TEXT_STEPS if t >= floor] or [1.0]
    if texts[-1] > floor:
        texts.append(floor)
    return steps + [Fit(False, False, t) for t in texts]


class TileGrid(Scroller):
    """Tiles in rows, all in sight whenever they can be (see the module's words)."""

    def __init__(self, accessible_name: str, columns: int = 3, parent: QWidget | None = None):
        super().__init__(name=accessible_name, parent=parent)
        self.setObjectName("tiles")
        self.columns = columns if current_scale() < 1.4 else max(1, columns - 1)
        self.tiles: list[QPushButton] = []
        self.fit = fits_in_order(current_scale())[0]
        self._fitted_for: tuple | None = None
        self._holder = QWidget()
        self.setWidget(self._holder)
        notifier().changed.connect(self._theme_changed)

    def _theme_changed(self, *_args) -> None:
        # Measured again once the window has its new look too (it changes after this).
        self._fitted_for = None
        QTimer.singleShot(0, self, self.refit)

    def set_tiles(self, tiles: list[QPushButton]) -> None:
        old = self._holder
        self._holder = QWidget()
        grid = QGridLayout(self._holder)
        grid.setContentsMargins(lpx(4), lpx(4), lpx(4), lpx(4))
        grid.setSpacing(lpx(16))
        self.setWidget(self._holder)  # deletes the previous holder and its tiles
        del old
        self.tiles = list(tiles)
        for tile in tiles:
            tile.setParent(self._holder)
        for before, after in zip(tiles, tiles[1:]):
            QWidget.setTabOrder(before, after)
        self._fitted_for = None
        self._place(self.columns)
        self.refit()

    def minimumSizeHint(self) -> QSize:
        return QSize(learner_target() * 2, learner_target() + 2 * lpx(4))  # the rest is found by refit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        """Choose how to draw the tiles for the room the grid has now."""
        room = self.contentsRect().size()
        key = (room.width(), room.height(), len(self.tiles), current_scale())
        if not self.tiles or room.isEmpty() or key == self._fitted_for:
            return
        self._fitted_for = key
        scale = current_scale()
        tightest, least = None, None
        for fit in fits_in_order(scale):
            self._draw(fit, scale)
            for columns in range(1, min(MAX_COLUMNS, len(self.tiles)) + 1):
                height = self._height(columns, room.width())
                if height is None:
                    continue
                if least is None or height <= least:
                    tightest, least = (fit, columns), height
                if height <= room.height():
                    self._place(columns)
                    return
        fit, columns = tightest or (self.fit, self.columns)
        self._draw(fit, scale)
        self._place(columns)  # does not fit even so: it scrolls, as little as it can

    def _draw(self, fit: Fit, scale: float) -> None:
        self.fit = fit
        self._holder.layout().setSpacing(lpx(16) if fit.roomy else lpx(10))
        self._holder.setStyleSheet(fit.stylesheet(scale))
        for tile in self.tiles:
            if isinstance(tile, Tile):
                tile.set_roomy(fit.roomy)
            for badge in tile.findChildren(QLabel, "initials"):
                badge.setVisible(fit.badges)
            tile.ensurePolished()
            for label in tile.findChildren(QLabel):
                label.ensurePolished()

    def _height(self, columns: int, width: int) -> int | None:
        """The grid's height with ``columns`` columns in ``width``; None if a word would be cut."""
        grid = self._holder.layout()
        m = grid.contentsMargins()
        gap = grid.spacing()
        column_width = (width - m.left() - m.right() - gap * (columns - 1)) // columns
        if any(widest_piece(tile) > column_width for tile in self.tiles):
            return None
        rows = [self.tiles[n:n + columns] for n in range(0, len(self.tiles), columns)]
        heights = [max(max(tile.heightForWidth(column_width), tile.minimumHeight()) for tile in row) for row in rows]
        return sum(heights) + gap * (len(rows) - 1) + m.top() + m.bottom()

    def _place(self, columns: int) -> None:
        grid: QGridLayout = self._holder.layout()
        for tile in self.tiles:
            grid.removeWidget(tile)
        for n, tile in enumerate(self.tiles):
            grid.addWidget(tile, n // columns, n % columns)
        for column in range(MAX_COLUMNS):
            grid.setColumnStretch(column, 1 if column < columns else 0)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        grid.setRowStretch(len(self.tiles) // columns + 1, 1)
        self.columns = columns

    def focus_first(self) -> None:
        if self.tiles:
            self.tiles[0].setFocus()


def unbreakable(text: str) -> list[str]:
    """The pieces a wrapped line never cuts: words, split after their hyphens
    (« Jean-Christophe » may go onto two lines as « Jean- » and « Christophe »)."""
    return [piece for word in text.split() for piece in re.findall(r"[^-]+-?|-", word)]


def widest_piece(tile: QPushButton) -> int:
    """The room the tile's longest word needs, with the tile's own margins."""
    words = [label.fontMetrics().horizontalAdvance(word) for label in tile.findChildren(QLabel)
             if label.objectName() != "initials" for word in unbreakable(label.text())]
    m = tile.layout().contentsMargins() if tile.layout() is not None else None
    return max(words, default=0) + (m.left() + m.right() if m is not None else 0) + 8
