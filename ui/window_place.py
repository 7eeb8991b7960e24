"""Where the main window opens: maximised the first time (old PCs have small screens,
and large print needs the room), then where and as large as it was left.

The place is kept in a small file of the data folder, not in the database: it belongs
to this PC's screen, and a restored or copied file must not carry it elsewhere.
``restoreGeometry`` brings a window saved on a screen that is gone back onto one.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from atelier import files

FILE_NAME = "fenetre.json"


def show_placed(window: QWidget, home: Path) -> None:
    saved = _read(home / FILE_NAME)
    if saved is not None and window.restoreGeometry(saved):
        window.show()
    else:
        window.showMaximized()


def remember(window: QWidget, home: Path) -> None:
    """Keep the window's place; never a reason to fail when closing (a full disk)."""
    text = json.dumps({"geometry": base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii")})
    try:
        files.write_text(home / FILE_NAME, text)
    except files.WriteError:
        pass


def _read(path: Path) -> QByteArray | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return QByteArray(base64.b64decode(data["geometry"], validate=True))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no file yet, or a damaged one: open maximised
