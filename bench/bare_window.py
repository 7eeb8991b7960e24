"""The reference process: a bare PySide6 window that only shows a label.

Prints its marks (bench/marks.py) as it goes, then "ready" from a zero-timer once the
window is shown, and quits. Run by bench/startup.py as a whole process; frozen by
bench/bundle.py as the plain PyInstaller bundle.
"""

import sys

# marks.py alone, from this script's own folder (sys.path[0]): as bench.marks it would run
# the bench package's __init__ (dataclasses…) inside the measured process, work a bare
# PySide6 program does not do (2 ms once Qt has loaded what they share).
from marks import mark, ready

mark("interpreter")
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402

mark("import Qt")


def main() -> int:
    app = QApplication(sys.argv)
    mark("application")
    label = QLabel("Atelier")
    label.resize(1024, 700)
    label.show()
    mark("window")

    def shown() -> None:
        mark("ready")
        ready()
        app.quit()

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
