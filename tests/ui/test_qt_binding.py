"""The Qt binding installed does not lose references when signals are emitted.

PySide6 6.12.0 released a reference to True at every emit: after a few thousand
emits (a morning's work in Atelier) the interpreter aborted with "bool_dealloc".
"""

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal(int)


def test_emitting_signals_keeps_reference_counts(qapp):
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for n in range(200):
        emitter.ping.emit(n)
    assert abs(sys.getrefcount(True) - before) < 50


def test_the_worker_survives_thousands_of_jobs(qtbot):
    from ui.worker import Worker

    worker = Worker()
    results = []
    for n in range(2000):
        worker.run(lambda n=n: n % 2 == 0, on_done=results.append)
    qtbot.waitUntil(lambda: len(results) == 2000, timeout=20000)
    worker.stop()
    assert results.count(True) == 1000 and results.count(False) == 1000


def test_painting_keeps_the_reference_count_of_none(qapp):
    """PySide6 6.12.0 also lost a reference to None at every call returning nothing."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.drawLine(0, 0, 7, 7)
    painter.end()
    assert abs(sys.getrefcount(None) - before) < 50
