"""The reference process: a bare PySide6 window that only shows a label.

Prints "mark <step> <ms>" lines as it goes, then "ready" from a zero-timer once the
window is shown, and quits. Run by bench/startup.py as a whole process.
"""

import sys
import time

_t0 = time.perf_counter()


def mark(step: str) -> None:
    print(f"mark {step} {(time.perf_counter() - _t0) * 1000:.1f}", flush=True)


from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

mark("import Qt")


def main() -> int:
    app = QApplication(sys.argv)
    mark("QApplication")
    label = QLabel("Atelier")
    label.resize(1024, 700)
    label.show()
    mark("show")

    def ready() -> None:
        mark("ready")
        print("ready", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
