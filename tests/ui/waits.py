"""Waits on what the screen is, never on the clock: a loaded machine may take any time."""

from PySide6.QtWidgets import QWidget


def laid_out(qtbot, window: QWidget, timeout: int = 5000) -> None:
    """Until a change to ``window`` is laid out: no widget in it moves, resizes, shows or
    hides over a whole turn of the event loop (which runs every posted layout request)."""
    def snapshot():
        return [(w.geometry(), w.isVisible()) for w in [window, *window.findChildren(QWidget)]]

    last = [None]

    def steady() -> bool:
        now = snapshot()
        same, last[0] = now == last[0], now
        return same

    qtbot.waitUntil(steady, timeout=timeout)
