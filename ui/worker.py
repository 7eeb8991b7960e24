"""One background thread for database work, as Anki's taskman does.

Jobs run one after the other on a single thread, so there is one writer and never a
locked database, and the window never freezes while SQLite works (a backup can take
seconds on an old PC). Results come back to the main thread through a signal.
"""

import logging
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

log = logging.getLogger(__name__)


class _Runner(QObject):
    """Lives on the worker thread and runs what it is sent."""

    done = Signal(int, object)
    failed = Signal(int, object)

    @Slot(int, object)
    def execute(self, job_id: int, call: Callable[[], Any]) -> None:
        try:
            result = call()
        except Exception as error:  # handed back to the main thread, never lost
            self.failed.emit(job_id, error)
        else:
            self.done.emit(job_id, result)


class Worker(QObject):
    """``run(fn, *args, on_done=..., on_error=...)`` from the main thread.

    ``on_done(result)`` and ``on_error(exception)`` are called on the main thread.
    Without ``on_error``, a failure is logged. ``stop()`` waits for the running job
    and drops the queued ones.
    """

    _submit = Signal(int, object)
    finished = Signal(int, object)  # job id, result: for whoever listens
    failed = Signal(int, object)  # job id, exception

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids = count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._thread = QThread()
        self._thread.setObjectName("atelier-worker")
        self._runner = _Runner()
        self._runner.moveToThread(self._thread)
        self._submit.connect(self._runner.execute)  # queued: the runner is on the other thread
        self._runner.done.connect(self._on_done)
        self._runner.failed.connect(self._on_failed)
        self._thread.start()

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """Queue ``fn(*args)``; returns the job's id."""
        if not self._thread.isRunning():
            raise RuntimeError("worker stopped")
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._submit.emit(job_id, lambda: fn(*args))
        return job_id

    def pending(self) -> int:
        """How many jobs have not reported back yet."""
        return len(self._callbacks)

    def stop(self) -> None:
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
        self._callbacks.clear()

    @Slot(int, object)
    def _on_done(self, job_id: int, result: Any) -> None:
        on_done, _on_error = self._callbacks.pop(job_id, (None, None))
        if on_done is not None:
            on_done(result)
        self.finished.emit(job_id, result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: Exception) -> None:
        _on_done, on_error = self._callbacks.pop(job_id, (None, None))
        if on_error is not None:
            on_error(error)
        else:
            log.error("background job %s failed", job_id, exc_info=error)
        self.failed.emit(job_id, error)
