"""A list of large rows: initials or a big tick box, a name, a second line.

No double-click anywhere: a click (or the arrow keys) chooses a row, Enter opens it;
with ``open_on_click`` a single click opens it too. In a list of tick boxes, a click
anywhere on the row or the space bar ticks it.
"""

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui.theme import current_palette, current_scale, px, target_px

ID_ROLE = Qt.ItemDataRole.UserRole + 1
INITIALS_ROLE = Qt.ItemDataRole.UserRole + 2
SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 3


class RowDelegate(QStyledItemDelegate):
    """Paints a row; a long second line wraps (the row grows) rather than being cut."""

    def _fonts(self, option) -> tuple[QFont, QFontMetrics, QFont, QFontMetrics]:
        bold = QFont(option.font)
        bold.setBold(True)
        return option.font, QFontMetrics(option.font), bold, QFontMetrics(bold)

    def _marks(self, index: QModelIndex, metrics: QFontMetrics, bold_metrics: QFontMetrics) -> tuple[int, int, int]:
        """(tick box side, badge width, space they take before the text)."""
        side = round(metrics.height() * 1.5)
        has_box = index.data(Qt.ItemDataRole.CheckStateRole) is not None
        badge = max(side, bold_metrics.horizontalAdvance("MM") + px(14)) if index.data(INITIALS_ROLE) is not None else 0
        used = px(4) + px(14) + (side + px(14) if has_box else 0) + (badge + px(16) if badge else 0)
        return side, badge, used

    def _subtitle_height(self, text: str, width: int, metrics: QFontMetrics) -> int:
        flags = Qt.TextFlag.TextWordWrap
        return metrics.boundingRect(QRect(0, 0, max(width, 1), 10**6), flags, text).height()

    def sizeHint(self, option, index: QModelIndex) -> QSize:
        view = self.parent()
        if isinstance(view, QListView):  # the view's spacing goes round each row too
            width = view.viewport().width() - 2 * view.spacing()
        else:
            width = option.rect.width()
        return self.size_at(option, index, width)

    def size_at(self, option, index: QModelIndex, width: int) -> QSize:
        """The row's size when the list is ``width`` wide inside."""
        _font, metrics, _bold, bold_metrics = self._fonts(option)
        _side, _badge, used = self._marks(index, metrics, bold_metrics)
        text_height = bold_metrics.height()
        subtitle = index.data(SUBTITLE_ROLE)
        if subtitle:
            text_height += self._subtitle_height(str(subtitle), width - used - px(14), metrics)
        # A target high, or the words and a margin: more rows in sight at 200 %.
        height = max(target_px(current_scale()), text_height + px(16))
        # Never wider than the list (it does not scroll sideways): a long name is elided.
        natural = bold_metrics.horizontalAdvance(str(index.data() or "")) + used + px(20)
        return QSize(min(natural, width) if width > 0 else natural, height)

    def editorEvent(self, *args) -> bool:
        return False  # ticking is the view's job: a click anywhere on the row

    def paint(self, painter: QPainter, option, index: QModelIndex) -> None:
        # The theme's own colours (all pairs reach 7:1), not the style's grey ones.
        p = current_palette()
        font, metrics, bold, bold_metrics = self._fonts(option)
        side, badge_width, used = self._marks(index, metrics, bold_metrics)
        painter.save()
        rect = option.rect.adjusted(px(4), px(2), -px(4), -px(2))
        side = min(side, rect.height() - px(12))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        text_colour = QColor(p.accent_text if selected else p.text)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(p.border), 1))
        painter.setBrush(QColor(p.accent if selected else p.card))
        painter.drawRoundedRect(rect, px(8), px(8))
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(QPen(QColor(p.focus_on_accent if selected else p.focus), px(4)))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(px(2), px(2), -px(2), -px(2)), px(8), px(8))

        left = rect.left() + px(14)
        check = index.data(Qt.ItemDataRole.CheckStateRole)
        if check is not None:
            box = QRect(left, rect.center().y() - side // 2, side, side).adjusted(px(3), px(3), -px(3), -px(3))
            painter.setPen(QPen(text_colour, px(3)))
            painter.setBrush(QColor(p.card))
            painter.drawRoundedRect(box, px(4), px(4))
            if Qt.CheckState(check) == Qt.CheckState.Checked:
                painter.setPen(QPen(QColor(p.text), px(5)))
                w, h, corner = box.width(), box.height(), box.topLeft()
                painter.drawPolyline([corner + QPoint(round(w * x), round(h * y))
                                      for x, y in ((0.2, 0.55), (0.42, 0.78), (0.82, 0.25))])
            left += side + px(14)
        initials = index.data(INITIALS_ROLE)
        if initials is not None:
            badge = QRect(left, rect.center().y() - side // 2, badge_width, side)
            painter.setPen(QPen(QColor(p.border), 2))
            painter.setBrush(QColor(p.nav))
            painter.drawRoundedRect(badge, side // 2, side // 2)
            painter.setPen(QColor(p.text))
            painter.setFont(bold)
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, initials)

        left = option.rect.left() + used
        text_rect = QRect(left, rect.top() + px(6), rect.right() - left - px(10), rect.height() - px(12))
        title, subtitle = str(index.data() or ""), index.data(SUBTITLE_ROLE)
        painter.setFont(bold)
        painter.setPen(text_colour)
        if not subtitle:
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, text_rect.width()))
        else:
            top = QRect(text_rect.left(), text_rect.top(), text_rect.width(), bold_metrics.height())
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft,
                             bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, top.width()))
            painter.setFont(font)
            painter.setPen(QColor(p.accent_text if selected else p.muted))
            painter.drawText(text_rect.adjusted(0, bold_metrics.height(), 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, str(subtitle))
        painter.restore()


class BigList(QListView):
    opened = Signal(QModelIndex)  # Enter on a row, or a click with open_on_click

    def __init__(self, accessible_name: str, open_on_click: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._open_on_click = open_on_click
        self.setAccessibleName(accessible_name)
        self.setItemDelegate(RowDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSpacing(px(2))
        self.setResizeMode(QListView.ResizeMode.Adjust)  # rows re-measured when the width changes
        self._rows_in_sight = 0
        self.clicked.connect(self._on_click)
        p = current_palette()
        self.setStyleSheet(
            f"QListView {{ border: 3px solid {p.border}; border-radius: {px(8)}px; background: {p.window}; }}"
            f"QListView:focus {{ border-color: {p.focus}; }}"
        )

    def show_rows(self, rows: int) -> None:
        """Ask for the height of ``rows`` rows (fewer when the list has fewer), so that a
        dialog sized to its contents is as tall as a short list and no taller for a long
        one: the rest scrolls. Only those rows are measured, however many there are."""
        self._rows_in_sight = rows
        self.updateGeometry()

    def rows_height(self, rows: int) -> int:
        """The height that shows the first ``rows`` rows whole (fewer if there are fewer),
        measured at the list's own width: its viewport is only sized once it is shown."""
        model = self.model()
        shown = min(rows, model.rowCount()) if model is not None else 0
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        width = self.contentsRect().width() - self.verticalScrollBar().sizeHint().width() - 2 * self.spacing()
        delegate = self.itemDelegate()
        height = sum(delegate.size_at(option, model.index(row, 0), width).height() + 2 * self.spacing()
                     for row in range(shown))
        return max(height, target_px(current_scale())) + 2 * self.frameWidth()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if not self._rows_in_sight or self.model() is None:
            return hint
        return QSize(hint.width(), self.rows_height(self._rows_in_sight))

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        # The row with the keyboard focus is the chosen one: what the buttons act on is
        # always the row that is highlighted.
        if current.isValid() and not self.selectionModel().isSelected(current):
            self.selectionModel().select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current_id(self) -> str | None:
        """The id of the chosen row, or None when nothing is chosen."""
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isSelected(index):
            return None
        return index.data(ID_ROLE)

    def choose(self, row_id: str | None) -> bool:
        """Choose the row with this id again (after a reload); False if it is gone."""
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if row_id is not None and index.data(ID_ROLE) == row_id:
                self.setCurrentIndex(index)
                return True
        self.setCurrentIndex(QModelIndex())
        self.clearSelection()
        return False

    def _toggle(self, index: QModelIndex) -> None:
        state = index.data(Qt.ItemDataRole.CheckStateRole)
        if state is None:
            return
        new = Qt.CheckState.Unchecked if Qt.CheckState(state) == Qt.CheckState.Checked else Qt.CheckState.Checked
        self.model().setData(index, new, Qt.ItemDataRole.CheckStateRole)

    def _on_click(self, index: QModelIndex) -> None:
        self._toggle(index)
        if self._open_on_click:
            self.opened.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        index = self.currentIndex()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and index.isValid():
            self.opened.emit(index)
            return
        if event.key() == Qt.Key.Key_Space and index.isValid() and index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            self._toggle(index)
            return
        super().keyPressEvent(event)
