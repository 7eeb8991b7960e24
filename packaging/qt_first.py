"""Run-time hook of the bundle, run before PyInstaller's own hook for PySide6, which
imports QtCore: Atelier starts PySide6 itself first, as it does outside the bundle
(ui/qt_start.py: its support code compiled once and kept, Python's own import back)."""

import ui  # noqa: F401
