"""The reference process: a bare PySide6 window that only shows a label.

Prints its marks (bench/marks.py) as it goes, then "ready" once its first frame is
painted (a zero-timer queued when that paint begins runs after it), and quits. Run by bench/startup.py as a whole process; frozen by
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


class Label(QLabel):
    painted = False

    def paintEvent(self, event) -> None:
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, shown)
        super().paintEvent(event)


def shown() -> None:
    mark("ready")
    ready()
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv)
    mark("application")
    label = Label("Atelier")
    label.resize(1024, 700)
    label.show()
    mark("window")
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
