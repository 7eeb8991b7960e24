"""The theme's colours now in use, for widgets that paint or outline themselves."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui import theme


def theme_palette() -> theme.Palette:
    """Light or high contrast: the theme does not publish which, its window colour tells."""
    window = QApplication.palette().color(QPalette.ColorRole.Window).name().upper()
    return theme.HIGH_CONTRAST if window == theme.HIGH_CONTRAST.window else theme.LIGHT


def focus_colour() -> QColor:
    return QColor(theme_palette().focus)
