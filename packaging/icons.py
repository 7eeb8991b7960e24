"""The program's icon, drawn from assets/icons/atelier.svg: a PNG for Linux's menu and an
ICO for the Windows executable (PNG images inside, as Windows Vista and later read them).

``python packaging/icons.py OUT_DIR`` writes OUT_DIR/atelier.png and OUT_DIR/atelier.ico.
"""

import os
import struct
import sys
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "assets" / "icons" / "atelier.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_bytes(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An ICO file holding ``images`` (size → PNG bytes)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, bodies = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(bodies))
        bodies += png
    return header + entries + bodies


def write(out: Path) -> tuple[Path, Path]:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (painting needs one)
    out.mkdir(parents=True, exist_ok=True)
    images = {size: png_bytes(size) for size in ICO_SIZES}
    png, ico = out / "atelier.png", out / "atelier.ico"
    png.write_bytes(images[256])
    ico.write_bytes(ico_bytes(images))
    return png, ico


if __name__ == "__main__":
    for path in write(Path(sys.argv[1])):
        print(path)
