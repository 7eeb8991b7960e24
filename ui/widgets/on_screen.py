"""A window as large as it wants, never larger than its screen, and wholly on it.

A dialog is measured once shown (wrapped words report their height only then) and
resized then; Qt had placed it for its first size, so a grown dialog could hang over
the screen's edge with its buttons out of reach. ``fit_on_screen`` sizes and places it
again. The room left for the window's frame and title bar is ``FRAME`` pixels.
"""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = 40


def screen_room(window: QWidget):
    """The free area of the window's screen (without the task bar)."""
    return (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    room = screen_room(window)
    window.resize(min(width, room.width() - FRAME), min(height, room.height() - FRAME))
    frame = window.frameGeometry()
    # Back inside from the right and the bottom, but the top left corner (the title bar) first.
    x = max(room.left(), min(frame.left(), room.left() + room.width() - frame.width()))
    y = max(room.top(), min(frame.top(), room.top() + room.height() - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)
