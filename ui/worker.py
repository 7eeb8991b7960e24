"""One background thread for database work, as Anki's taskman does.

Jobs run one after the other on a single thread, so there is one writer and never a
locked database, and the window never freezes while SQLite works (a backup can take
seconds on an old PC). Results come back to the main thread through a signal.

Only job numbers cross the thread boundary in signals; the jobs and their results
travel in plain Python structures. (Passing Python objects through queued signals
wore out PySide6's reference counts on True/False after a few hundred jobs, and the
interpreter aborted at exit.)
"""

import logging
import threading
from _queue import Empty, SimpleQueue  # queue.SimpleQueue itself: ``queue`` would load heapq too (0.4 ms at start)
from collections.abc import Callable
from itertools import count
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
_STOP = object()


class Worker(QObject):
    """``run(fn, *args, on_done=..., on_error=...)`` from the main thread.

    ``on_done(result)`` and ``on_error(exception)`` are called on the main thread.
    Without ``on_error``, a failure is logged. ``stop()`` waits for the running job
    and drops the queued ones.
    """

    _reported = Signal(int)  # from the worker thread: job id whose outcome is ready
    finished = Signal(int, object)  # job id, result: for whoever listens
    failed = Signal(int, object)  # job id, exception

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._ids = count(1)
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._jobs: SimpleQueue = SimpleQueue()
        self._outcomes: dict[int, tuple[bool, Any]] = {}
        self._lock = threading.Lock()
        self._reported.connect(self._deliver)  # queued: emitted from the other thread
        self._thread = threading.Thread(target=self._loop, name="atelier-worker", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            if job is _STOP:
                return
            job_id, fn, args = job
            try:
                outcome = (True, fn(*args))
            except Exception as error:  # handed back to the main thread, never lost
                outcome = (False, error)
            with self._lock:
                self._outcomes[job_id] = outcome
            self._reported.emit(job_id)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """Queue ``fn(*args)``; returns the job's id."""
        if not self._thread.is_alive():
            raise RuntimeError("worker stopped")
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._jobs.put((job_id, fn, args))
        return job_id

    def pending(self) -> int:
        """How many jobs have not reported back yet."""
        return len(self._callbacks)

    def stop(self) -> None:
        if self._thread.is_alive():
            while True:  # drop what has not started
                try:
                    self._jobs.get_nowait()
                except Empty:
                    break
            self._jobs.put(_STOP)
            self._thread.join()
        self._callbacks.clear()
        with self._lock:
            self._outcomes.clear()

    def _deliver(self, job_id: int) -> None:
        with self._lock:
            outcome = self._outcomes.pop(job_id, None)
        if outcome is None:
            return  # dropped by stop()
        on_done, on_error = self._callbacks.pop(job_id, (None, None))
        ok, value = outcome
        if ok:
            if on_done is not None:
                on_done(value)
            self.finished.emit(job_id, value)
        else:
            if on_error is not None:
                on_error(value)
            else:
                log.error("background job %s failed", job_id, exc_info=value)
            self.failed.emit(job_id, value)
