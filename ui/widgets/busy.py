"""Work the whole program waits for (putting a backup in place), done on a thread while
a small window says what is happening: the screen keeps being drawn and never looks
frozen, and nothing else runs meanwhile."""

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

POLL_MS = 50


def wait_for(work: Callable[[], Any], text: str, parent: QWidget | None = None) -> Any:
    """``work()`` on a thread; returns what it returned, or raises what it raised."""
    box = QProgressDialog(text, "", 0, 0, parent)  # no end known: a moving bar
    box.setCancelButton(None)  # half a restore cannot be taken back by a click
    box.setWindowTitle(text)
    box.setAccessibleName(text)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.setMinimumDuration(0)
    box.setMinimumWidth(box.fontMetrics().horizontalAdvance(text) + 80)
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the main thread below
            outcome["error"] = error
        finally:
            done.set()

    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: done.is_set() and loop.quit())
    thread = threading.Thread(target=run, name="atelier-wait", daemon=True)
    box.show()
    thread.start()
    timer.start(POLL_MS)
    if not done.is_set():
        loop.exec()
    timer.stop()
    thread.join()
    box.close()
    box.deleteLater()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")
