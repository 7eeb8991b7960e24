"""The Atelier process: start-up as ``ui.app.main()`` does it, on a given home folder.

make_app (QApplication, French, theme), start (Store.open with its checks, the window
over the store), launch (show, the daily backup queued on the worker); once the home
screen has shown the sessions read from the database (``home_ready``), prints "ready"
and quits. Prints "mark <step> <ms>" lines on the way, so the runner can tell what
costs what. Usage: atelier_window.py HOME
"""

import sys
import time

_t0 = time.perf_counter()


def mark(step: str) -> None:
    print(f"mark {step} {(time.perf_counter() - _t0) * 1000:.1f}", flush=True)


from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402,F401

mark("import Qt")
from pathlib import Path  # noqa: E402

from ui import app as atelier_app  # noqa: E402

mark("import ui+atelier")


def main(home: Path) -> int:
    app = atelier_app.make_app([sys.argv[0]])
    mark("make_app")
    window = atelier_app.start(home)
    if isinstance(window, int):
        print(f"start failed: {window}", file=sys.stderr)
        return window
    mark("start (store+window)")

    def ready() -> None:
        mark("home_ready")
        print("ready", flush=True)
        window.close()  # stops the worker, waiting for a running job
        app.quit()

    atelier_app.launch(window)
    mark("show")
    if window.home.data is not None:  # filled before showing: ready once the loop runs
        QTimer.singleShot(0, ready)
    else:
        window.home_ready.connect(ready)
    try:
        return app.exec()
    finally:
        window.worker.stop()
        window.store.close()


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
