"""Choosing a file: the dialog opens in the folder chosen last time.

A coordinator who saves this month's sheets to a USB stick finds the stick again for
the register. The folder is kept per kind of file (documents, pictures) in a small file
of the data folder, like the window's place: it belongs to this PC, not to the data.
"""

import json
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from atelier import files, paths

FILE_NAME = "dossiers.json"
DOCUMENTS, PICTURES = "documents", "images"
_STANDARD = {DOCUMENTS: QStandardPaths.StandardLocation.DocumentsLocation,
             PICTURES: QStandardPaths.StandardLocation.PicturesLocation}


def _read() -> dict:
    try:
        data = json.loads((paths.home() / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # none yet, or a damaged one: the usual folders
    return data if isinstance(data, dict) else {}


def last_folder(kind: str) -> Path:
    """The folder chosen last for ``kind``, while it is still there; else the usual one."""
    kept = _read().get(kind)
    if isinstance(kept, str) and Path(kept).is_dir():
        return Path(kept)
    return Path(QStandardPaths.writableLocation(_STANDARD[kind]))


def remember_folder(kind: str, chosen: str | Path) -> None:
    """Keep the folder of the file chosen; never a reason to fail (a full disk)."""
    data = _read()
    data[kind] = str(Path(chosen).parent)
    try:
        files.write_text(paths.home() / FILE_NAME, json.dumps(data, ensure_ascii=False))
    except (files.WriteError, OSError):
        pass


def ask_save_path(parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
    path, _chosen = QFileDialog.getSaveFileName(parent, title, str(last_folder(DOCUMENTS) / suggested), filters)
    if path:
        remember_folder(DOCUMENTS, path)
    return path or None


def ask_image_path(parent: QWidget, title: str, filters: str) -> str | None:
    path, _chosen = QFileDialog.getOpenFileName(parent, title, str(last_folder(PICTURES)), filters)
    if path:
        remember_folder(PICTURES, path)
    return path or None
