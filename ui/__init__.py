"""The Qt program. The core (atelier/) never imports this package."""

from ui.qt_start import start_pyside

start_pyside()  # PySide6 first, its own start made lighter (see ui.qt_start)
