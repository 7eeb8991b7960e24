"""The `hover` exercise's card: a grey card the pointer uncovers as it passes, without a
click (the « carte à gratter » of Pix, GCompris's « erase »).

The card is a grid of small cells in its own units (1.0 wide, ``ratio`` high): each
movement of the pointer, a segment with the brush's radius, uncovers the cells whose
middle it passes over. The exercise is done when ``share`` reaches the pack's
``uncover``. A fast movement uncovers its whole path, not only its two ends.
"""

import math

from atelier.lessons.scoring import Outcome

COLUMNS = 40


class ScratchCard:
    def __init__(self, ratio: float, uncover: float = 0.8, columns: int = COLUMNS):
        if not ratio > 0 or not 0 < uncover <= 1:
            raise ValueError("a card has a height and something to uncover")
        self.columns = columns
        self.rows = max(1, round(columns * ratio))
        self.ratio = ratio
        self.uncover = uncover
        self.cleared: set[tuple[int, int]] = set()
        self.moves = 0

    @property
    def share(self) -> float:
        return len(self.cleared) / (self.columns * self.rows)

    @property
    def done(self) -> bool:
        return self.share >= self.uncover - 1e-9

    def _centre(self, column: int, row: int) -> tuple[float, float]:
        return ((column + 0.5) / self.columns, (row + 0.5) * self.ratio / self.rows)

    def sweep(self, x0: float, y0: float, x1: float, y1: float, radius: float) -> bool:
        """The pointer went from (x0, y0) to (x1, y1), in card units (x from 0 to 1, y from 0
        to ``ratio``), uncovering ``radius`` around it. True when it uncovered something."""
        if not all(map(math.isfinite, (x0, y0, x1, y1, radius))) or radius <= 0:
            return False
        self.moves += 1
        before = len(self.cleared)
        cell_w, cell_h = 1 / self.columns, self.ratio / self.rows
        first_col = max(0, math.floor((min(x0, x1) - radius) / cell_w))
        last_col = min(self.columns - 1, math.floor((max(x0, x1) + radius) / cell_w))
        first_row = max(0, math.floor((min(y0, y1) - radius) / cell_h))
        last_row = min(self.rows - 1, math.floor((max(y0, y1) + radius) / cell_h))
        dx, dy = x1 - x0, y1 - y0
        length2 = dx * dx + dy * dy
        for column in range(first_col, last_col + 1):
            for row in range(first_row, last_row + 1):
                if (column, row) in self.cleared:
                    continue
                cx, cy = self._centre(column, row)
                along = 0.0 if length2 == 0 else max(0.0, min(1.0, ((cx - x0) * dx + (cy - y0) * dy) / length2))
                if math.hypot(cx - (x0 + along * dx), cy - (y0 + along * dy)) <= radius:
                    self.cleared.add((column, row))
        return len(self.cleared) > before

    def outcome(self, duration_ms: int, clicks: int = 0) -> Outcome:
        """Never a fault: a card uncovered is done; the clicks (not needed) are counted."""
        return Outcome(1.0, 1 + clicks, duration_ms, self.done,
                       {"uncovered": round(self.share, 4), "moves": self.moves, "clicks": clicks})
