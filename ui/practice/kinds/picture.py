"""A picture of the module, drawn at any size: an SVG as vectors (sharp at 200 %), a PNG
or JPEG as pixels. Exercises name it by its path inside the module (images/x.svg); the
checker has made sure it is there.
"""

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from ui.widgets.markdown_view import resolve_image


class PictureFile:
    def __init__(self, folder: Path | None, name: str | None):
        self.renderer: QSvgRenderer | None = None
        self.image: QImage | None = None
        path = resolve_image(Path(folder), name) if folder and name else None
        if path is None:
            return
        if path.suffix.lower() == ".svg":
            renderer = QSvgRenderer(str(path))
            if renderer.isValid():
                renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
                self.renderer = renderer
        else:
            image = QImage(str(path))
            if not image.isNull():
                self.image = image

    @property
    def valid(self) -> bool:
        return self.renderer is not None or self.image is not None

    def box(self) -> QRectF:
        """The picture's own units: the SVG's viewBox, or the image's pixels."""
        if self.renderer is not None:
            box = self.renderer.viewBoxF()
            return box if not box.isEmpty() else QRectF(QPointF(0, 0), QSizeF(self.renderer.defaultSize()))
        if self.image is not None:
            return QRectF(0, 0, self.image.width(), self.image.height())
        return QRectF(0, 0, 1, 1)

    def ratio(self) -> float:
        """Height over width."""
        box = self.box()
        return box.height() / box.width() if box.width() > 0 else 1.0

    def fitted(self, room: QRectF) -> QRectF:
        """The largest rectangle of the picture's shape inside ``room``, in its middle."""
        ratio = self.ratio()
        width = min(room.width(), room.height() / ratio) if ratio > 0 else room.width()
        height = width * ratio
        return QRectF(room.center().x() - width / 2, room.center().y() - height / 2, width, height)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if self.renderer is not None:
            self.renderer.render(painter, rect)
        elif self.image is not None:
            painter.drawImage(rect, self.image)
        painter.restore()

    def to_units(self, shown: QRectF, point: QPointF) -> QPointF:
        """Where ``point`` (on screen, the picture drawn in ``shown``) is in the picture's units."""
        box = self.box()
        return QPointF(box.left() + (point.x() - shown.left()) * box.width() / shown.width(),
                       box.top() + (point.y() - shown.top()) * box.height() / shown.height())

    def to_screen(self, shown: QRectF, area: QRectF) -> QRectF:
        """A rectangle of the picture's units, on screen (the picture drawn in ``shown``)."""
        box = self.box()
        sx, sy = shown.width() / box.width(), shown.height() / box.height()
        return QRectF(shown.left() + (area.left() - box.left()) * sx,
                      shown.top() + (area.top() - box.top()) * sy, area.width() * sx, area.height() * sy)
