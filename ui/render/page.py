"""The printed page: A4 portrait, 15 mm margins, drawn in tenths of a millimetre.

Every document is painted by the same code on a QPdfWriter (a file) or a QPrinter
(print preview, the print dialog). ``Page`` scales the painter so that one unit is
0.1 mm whatever the device's resolution, and gives fonts their size in print points.
``PdfFile`` paints into memory and writes the bytes through ``atelier.files``: QPdfWriter
reports no write error of its own (on a full disk it "succeeds" with a truncated file),
Python's writes do. A cancelled or failed export leaves the previous file as it was.
"""

import os
from collections.abc import Callable
from contextlib import ExitStack
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QGuiApplication, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from atelier.files import whole_file
from ui.qt_language import install_qt_translations


MARGIN_MM = 15
RESOLUTION = 300  # dpi of the PDF's coordinates (text and lines stay vectors)
PT = 3.528  # one print point in tenths of a millimetre
FAMILIES = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica"]

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


class ExportCancelled(Exception):
    """The person pressed "Annuler": nothing was written."""




def ensure_app() -> None:
    """Fonts need a QGuiApplication; the CLI and the benchmark have none of their own."""
    if QCoreApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        ensure_app.app = QGuiApplication([])  # kept for the life of the process
        install_qt_translations(ensure_app.app)  # dates and numbers in the program's language


@lru_cache(maxsize=64)
def font(points: float, bold: bool = False) -> QFont:
    """A font ``points`` high in print, in the painter's 0.1 mm units (shared: do not change it)."""
    f = QFont()
    f.setFamilies(FAMILIES)
    f.setStyleHint(QFont.StyleHint.SansSerif)
    f.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    f.setPixelSize(round(points * PT))
    f.setBold(bold)
    return f


def a4_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


class Page:
    """A painter on a paged device, in 0.1 mm units from the top-left of the printable area."""

    def __init__(self, painter: QPainter, device):
        self.painter = painter
        self.device = device
        unit = device.logicalDpiX() / 254.0  # device pixels per 0.1 mm
        painter.scale(unit, unit)
        self.width = device.width() / unit
        self.height = device.height() / unit
        self.pages = 0

    def new_page(self) -> None:
        """Start the next page (the first one is there already)."""
        if self.pages:
            self.device.newPage()
        self.pages += 1

    def pen(self, width_mm: float = 0.3, color=Qt.GlobalColor.black) -> None:
        pen = QPen(color)
        pen.setWidthF(width_mm * 10)
        self.painter.setPen(pen)

    def text(self, rect: QRectF, text: str, f: QFont, flags=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
             wrap: bool = False) -> None:
        self.painter.setFont(f)
        options = int(flags) | (int(Qt.TextFlag.TextWordWrap) if wrap else 0)
        self.painter.drawText(rect, options, text)

    def footer(self, number: int, total: int, left: str = "") -> None:
        """'n / N' at the bottom right, and a short note at the bottom left."""
        f = font(11)
        rect = QRectF(0, self.height - 60, self.width, 60)
        self.pen(0.2)
        self.text(rect, f"{number} / {total}", f, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        if left:
            self.text(QRectF(0, self.height - 60, self.width - 250, 60), left, f,
                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)


def text_height(text: str, f: QFont, width: float) -> float:
    """The height ``text`` takes wrapped to ``width`` (0.1 mm units)."""
    rect = QFontMetricsF(f).boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text)
    return rect.height()


class PdfFile:
    """``with PdfFile(path, title) as (painter, writer): ...``; written whole at the end, or not at all.

    The target's temporary file is opened first, so a read-only folder or a folder's name
    fails before any page is painted; the pages go to memory (a year of sheets, 800 pages,
    is 2 MB) and are written, fsynced and renamed when the painting is done.
    """

    def __init__(self, path, title: str):
        ensure_app()
        self.path = Path(path)
        self.title = title

    def __enter__(self) -> tuple[QPainter, QPdfWriter]:
        with ExitStack() as stack:
            partial = stack.enter_context(whole_file(self.path))
            self.file = stack.enter_context(open(partial, "xb"))
            self.closing = stack.pop_all()
        self.buffer = QBuffer()
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.writer = QPdfWriter(self.buffer)
        self.writer.setPageLayout(a4_layout())
        self.writer.setResolution(RESOLUTION)
        self.writer.setTitle(self.title)
        self.writer.setCreator("Atelier")
        self.painter = QPainter(self.writer)
        return self.painter, self.writer

    def __exit__(self, kind, error, traceback) -> bool:
        self.painter.end()  # the PDF's last bytes (its cross-reference table) are in the buffer now
        del self.painter, self.writer
        if kind is None:
            try:
                self.file.write(memoryview(self.buffer.data()))  # no second copy of the bytes
            except OSError as failed:
                kind, error, traceback = type(failed), failed, failed.__traceback__
        self.buffer.close()
        return self.closing.__exit__(kind, error, traceback)


def check(cancelled: Cancelled) -> None:
    if cancelled is not None and cancelled():
        raise ExportCancelled()


def report(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
