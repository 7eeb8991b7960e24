"""The Atelier process: start-up as ``atelier`` does it (atelier/cli.py, then ``ui.app.main()``),

make_app (QApplication, French, theme; Qt's own words put off as ``main`` does), start
(Store.open with its checks, the window over the store), launch (show, the start-up check
and the daily backup queued on the worker); once the window's first frame is painted with
the home's sessions read from the database (a zero-timer queued when that paint begins
runs after it, before what Atelier itself puts off until then), prints "ready" and quits.
Prints its marks (bench/marks.py) on the way, so the runner can tell what costs what.
Usage: atelier_window.py HOME
"""

import sys

# marks.py alone, from this script's own folder (sys.path[0]): as bench.marks it would run
# the bench package's __init__ (dataclasses…) inside the measured process, work a bare
# PySide6 program does not do (2 ms once Qt has loaded what they share).
from marks import mark, ready

mark("interpreter")
import gc  # noqa: E402

gc.disable()  # as ``atelier`` does before it loads the window (atelier/cli.py); make_app turns it back on
import ui  # noqa: E402,F401  (first, as for ``atelier``: the ui package starts PySide6, see ui/qt_start.py)
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402,F401

mark("import Qt")
from pathlib import Path  # noqa: E402

from ui import app as atelier_app  # noqa: E402

mark("import Atelier")


def main(home: Path) -> int:
    atelier_app.put_off_qt_words()  # as ui.app.main() does: Qt's own words after the first frame
    app = atelier_app.make_app([sys.argv[0]])
    mark("application")
    window = atelier_app.start(home)
    if isinstance(window, int):
        print(f"start failed: {window}", file=sys.stderr)
        return window
    mark("data + window")

    def shown() -> None:
        if window.home.data is None:  # no sessions on it yet: the next frame, then
            painted.clear()
            window.update()
            return
        mark("ready")
        ready()
        window.close()  # stops the worker, waiting for a running job
        app.quit()

    painted = []
    own_paint = type(window).paintEvent

    def paint(this, event) -> None:
        if not painted:
            painted.append(True)
            QTimer.singleShot(0, shown)
        own_paint(this, event)

    type(window).paintEvent = paint
    atelier_app.launch(window)
    mark("show")
    try:
        return app.exec()
    finally:
        window.worker.stop()
        window.store.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
