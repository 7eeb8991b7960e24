"""Where the main window opens: maximised the first time (old PCs have small screens,
and large print needs the room), then where and as large as it was left.

The place is kept in a small file of the data folder, not in the database: it belongs
to this PC's screen, and a restored or copied file must not carry it elsewhere.
``restoreGeometry`` brings a window saved on a screen that is gone back onto one.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QWidget

from atelier import files

FILE_NAME = "fenetre.json"
# The file as remember() writes it, read without the json module (1 ms of every start);
# any other JSON (edited by hand) goes through json.
_AS_WRITTEN = re.compile(r'\s*\{\s*"geometry"\s*:\s*"([A-Za-z0-9+/=]*)"\s*\}\s*')


def show_placed(window: QWidget, home: Path) -> None:
    saved = _read(home / FILE_NAME)
    if saved is not None and window.restoreGeometry(saved):
        window.show()
    else:
        window.showMaximized()


def remember(window: QWidget, home: Path) -> None:
    """Keep the window's place; never a reason to fail when closing (a full disk)."""
    geometry = base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii")
    text = f'{{"geometry": "{geometry}"}}'  # JSON: base64 has nothing to escape
    try:
        files.write_text(home / FILE_NAME, text)
    except files.WriteError:
        pass


def _read(path: Path) -> QByteArray | None:
    try:
        text = path.read_text(encoding="utf-8")
        if found := _AS_WRITTEN.fullmatch(text):
            geometry = found[1]
        else:
            import json

            geometry = json.loads(text)["geometry"]
        # As bytes: from a str, base64 would load the ascii codec (0.3 ms of every start)
        return QByteArray(base64.b64decode(geometry.encode(), validate=True))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no file yet, or a damaged one: open maximised
