"""A bar chart by month, drawn with QPainter (QtCharts is not in PySide6-Essentials).

One measure: a bar per month, its value above it, the month under it. It takes the
theme's colours and font, so it follows the text size and the high contrast; what does
not fit a month's width at 200 % gives way (the month's number instead of its name, no
values above the bars: the table beside the chart says them). A screen reader reads the
chart as its title and the list of values.
"""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from atelier.i18n import _

from ui.theme import current_palette, px
from ui.words import month_words, number_words, short_month


class MonthChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = ""
        self.bars: list[tuple[str, float]] = []  # ("2026-03", value)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_bars(self, title: str, bars: list[tuple[str, float]]) -> None:
        self.title, self.bars = title, bars
        self.setAccessibleName(_("Graphique : {title}").format(title=title))
        self.setAccessibleDescription(", ".join(
            _("{label} : {value}").format(label=month_words(month), value=number_words(value)) for month, value in bars))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        line = QFontMetricsF(self.font()).height()
        return QSize(px(400), round(line * 4 + px(180)))

    def minimumSizeHint(self) -> QSize:
        return QSize(px(200), self.sizeHint().height())

    def labels(self, slot: float, metrics: QFontMetricsF) -> tuple[list[str], bool]:
        """The months' names (or numbers, when a name is wider than a month's room), and
        whether the values fit above the bars."""
        room = slot - px(6)  # a gap between two months' words
        names = [short_month(month) for month, _v in self.bars]
        if any(metrics.horizontalAdvance(name) > room for name in names):
            names = [month[5:] for month, _v in self.bars]
        values_fit = all(metrics.horizontalAdvance(number_words(value)) <= room for _m, value in self.bars)
        return names, values_fit

    def years(self, slot: float, metrics: QFontMetricsF) -> list[tuple[int, str]]:
        """(bar, year) under the first month of each year, when every year fits before the next one."""
        starts = [(index, month[:4]) for index, (month, _v) in enumerate(self.bars)
                  if index == 0 or month[:4] != self.bars[index - 1][0][:4]]
        ends = [index for index, _year in starts[1:]] + [len(self.bars)]
        fits = all(metrics.horizontalAdvance(year) <= (end - index) * slot for (index, year), end in zip(starts, ends))
        return starts if fits else []  # the table under the chart says them

    def paintEvent(self, _event) -> None:
        palette = current_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        metrics = QFontMetricsF(font)
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(px(8), line + px(8), -px(8), -(2 * line + px(12)))
        painter.setPen(QPen(QColor(palette.border), 2))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not self.bars:
            painter.end()
            return
        slot = area.width() / len(self.bars)
        names, values_fit = self.labels(slot, metrics)
        peak = max([value for _m, value in self.bars] + [1])
        text = QColor(palette.text)
        painter.setPen(text)
        for index, ((_month, value), name) in enumerate(zip(self.bars, names)):
            left = area.left() + index * slot
            height = area.height() * value / peak
            bar = QRectF(left + slot * 0.2, area.bottom() - height, slot * 0.6, height)
            painter.fillRect(bar, QColor(palette.accent))
            if values_fit and value:
                painter.drawText(QRectF(left, bar.top() - line - px(2), slot, line),
                                 int(Qt.AlignmentFlag.AlignCenter), number_words(value))
            painter.drawText(QRectF(left, area.bottom() + px(6), slot, line), int(Qt.AlignmentFlag.AlignCenter), name)
        years = self.years(slot, metrics)
        for index, year in years:
            painter.drawText(QRectF(area.left() + index * slot, area.bottom() + px(6) + line, area.width(), line),
                             int(Qt.AlignmentFlag.AlignLeft), year)
        painter.end()
