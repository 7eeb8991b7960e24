"""A long export off the main thread, with progress and a cancel that really stops it.

``ExportJob(work)`` runs ``work(progress, cancelled)`` on its own thread (QPainter on a
QPdfWriter is allowed there: it is a paint device, not a widget). ``progress(done,
total)`` reaches the window as the ``progressed`` signal; ``cancel()`` makes
``cancelled()`` true, the renderer stops between two pages and removes its temporary
file, and ``stopped`` is emitted. ``finished_with(result)`` or ``failed(error)``
otherwise. Every signal arrives on the main thread.
"""

import threading

from PySide6.QtCore import QThread, Signal

from ui.render.page import ExportCancelled


class ExportJob(QThread):
    progressed = Signal(int, int)
    finished_with = Signal(object)
    failed = Signal(object)
    stopped = Signal()

    def __init__(self, work, parent=None):
        super().__init__(parent)
        self.work = work
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self.work(lambda done, total: self.progressed.emit(done, total), self._cancel.is_set)
        except ExportCancelled:
            self.stopped.emit()
        except Exception as error:  # handed to the window, never lost
            self.failed.emit(error)
        else:
            if self._cancel.is_set():
                self.stopped.emit()
            else:
                self.finished_with.emit(result)
