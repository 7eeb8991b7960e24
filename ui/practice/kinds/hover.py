"""hover: a grey card to uncover by moving the pointer over it, without a click (the
« carte à gratter »). Under it, the pack's picture or a drawn landscape. The pointer
uncovers a round brush (the pack's ``brush`` pixels at 100 %, half as much again at
200 %, as targets grow); once the pack's share of
the card is uncovered, the whole picture shows. The rule is the core's
(atelier.lessons.scratch_card); this draws it.
"""

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from atelier.i18n import _
from atelier.lessons.scratch_card import ScratchCard
from ui.practice.kinds.common import Exercise, draw_landscape
from ui.practice.kinds.picture import PictureFile
from ui.theme import spacing_factor

CARD = "#8C8C8C"
CARD_LINES = "#A6A6A6"
PLAIN_RATIO = 0.62   # the drawn landscape's height over its width


class ScratchArea(QWidget):
    """The card, as large as its room allows. ``swept`` after each stretch the pointer
    uncovered; ``pressed`` when a button is pressed (not needed here)."""

    swept = Signal()
    pressed = Signal()

    def __init__(self, picture: PictureFile | None, brush_px: float, uncover: float, parent=None):
        super().__init__(parent)
        self.picture = picture
        self.brush_px = brush_px
        self.card = ScratchCard(picture.ratio() if picture else PLAIN_RATIO, uncover)
        self.overlay = QImage()
        self.last: QPointF | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 140)
        self.setAccessibleName(_("Carte à gratter : promenez la flèche dessus"))

    def reset(self, uncover: float) -> None:
        self.card = ScratchCard(self.card.ratio, uncover)
        self.last = None
        self._new_overlay()
        self.update()

    def shown(self) -> QRectF:
        room = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        width = min(room.width(), room.height() / self.card.ratio)
        height = width * self.card.ratio
        return QRectF(room.center().x() - width / 2, room.center().y() - height / 2, width, height)

    def _new_overlay(self) -> None:
        """The grey card at the size shown, with what was uncovered already taken off."""
        size = self.shown().size().toSize()
        self.overlay = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        if self.overlay.isNull():   # not laid out yet
            return
        self.overlay.fill(QColor(CARD))
        painter = QPainter(self.overlay)
        painter.setPen(QPen(QColor(CARD_LINES), 3))
        step = max(12, size.width() // 24)
        for x in range(-size.height(), size.width(), step):   # a scratch-card look
            painter.drawLine(x, size.height(), x + size.height(), 0)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
        cell_w, cell_h = size.width() / self.card.columns, size.height() / self.card.rows
        for column, row in self.card.cleared:
            painter.fillRect(QRectF(column * cell_w, row * cell_h, cell_w + 1, cell_h + 1), Qt.GlobalColor.transparent)
        painter.end()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._new_overlay()

    def uncover_all(self) -> None:
        if not self.overlay.isNull():
            self.overlay.fill(Qt.GlobalColor.transparent)
        self.update()

    def mousePressEvent(self, event):
        self.pressed.emit()

    def leaveEvent(self, event):
        self.last = None

    def mouseMoveEvent(self, event):
        shown = self.shown()
        here = event.position() - shown.topLeft()
        before, self.last = self.last, here
        if before is None or self.overlay.isNull() or self.card.done:
            return
        scale = shown.width()   # the card's units: 1.0 is its width
        if self.card.sweep(before.x() / scale, before.y() / scale, here.x() / scale, here.y() / scale,
                           self.brush_px / scale):
            painter = QPainter(self.overlay)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
            painter.setPen(QPen(Qt.GlobalColor.transparent, 2 * self.brush_px, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.RoundCap))
            painter.drawLine(before, here)
            painter.end()
            self.update()
            self.swept.emit()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shown = self.shown()
        painter.fillRect(shown, QColor("#FFFFFF"))
        if self.picture is not None:
            self.picture.paint(painter, shown)
        else:
            draw_landscape(painter, shown)
        if not self.overlay.isNull():
            painter.drawImage(shown.topLeft(), self.overlay)
        painter.setPen(QPen(QColor("#3A3A3A"), 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(shown)


class HoverExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.uncover = exercise.params["uncover"]
        # The brush grows half as fast as the text, as targets do: the card cannot grow past the screen.
        brush = round(exercise.params["brush"] * spacing_factor(scale))
        self.area = ScratchArea(self.pack_picture("image"), brush, self.uncover)
        self.area.swept.connect(self._swept)
        self.area.pressed.connect(self._pressed)
        self.layout_.addWidget(self.area, 1)
        self.add_feedback()
        self.clicks = 0

    def start(self) -> None:
        self.begin()
        self.clicks = 0
        self.area.reset(self.uncover)
        self.progressed.emit(0, 1)

    def _swept(self) -> None:
        card = self.area.card
        if not card.done:
            words = (_("Continuez : l'image apparaît.") if card.share < self.uncover / 2
                     else _("Encore un peu : vous y êtes presque."))
            if self.feedback.text() != words:
                self.say(words, "good")
            return
        self.area.uncover_all()
        self.progressed.emit(1, 1)
        self.say(_("Bravo, vous avez découvert toute l'image !"), "good")
        self.end(card.outcome(self.elapsed_ms(), self.clicks))

    def _pressed(self) -> None:
        if self.area.card.done:
            return
        self.clicks += 1
        self.say(_("Pas besoin de cliquer : promenez simplement la flèche sur la carte."))
