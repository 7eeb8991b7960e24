"""A live change of text size walks the layouts of every window (theme.rescale_layouts):
each layout once, and safely even when Python's cycle collector frees a forgotten window
in the middle of the walk (that once crashed the program with a segmentation fault)."""

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from ui import theme

ROOT = Path(__file__).resolve().parents[2]

# Run apart: a crash must fail this test, not end the whole test run.
FORGOTTEN_WINDOWS = """
import gc
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget
from ui import theme

app = QApplication([])

class Forgotten(QWidget):
    def __init__(self):
        super().__init__()
        self.me = self  # only the cycle collector frees it
        column = QVBoxLayout(self)
        for _ in range(5):
            column.addWidget(QScrollArea())  # with children Qt makes itself: viewport, scroll bars

gc.set_threshold(1, 1, 1)  # a collection at nearly every allocation, as bad luck would have it
for _ in range(50):
    for _ in range(5):
        Forgotten()
    theme.rescale_layouts(app, 1.0)
print("ok")
"""


def test_rescaling_survives_the_cycle_collector_freeing_windows():
    result = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", FORGOTTEN_WINDOWS], cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "ok"


def test_every_layout_is_rescaled_once_nested_and_child_windows_too(qtbot, qapp):
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    column.setContentsMargins(20, 20, 20, 20)
    column.setSpacing(10)
    row = QHBoxLayout()  # nested: reached through its parent layout
    row.setContentsMargins(8, 0, 8, 0)
    row.addSpacing(30)
    column.addLayout(row)
    dialog = QDialog(window)  # a window of its own, and a child of the first
    inside = QVBoxLayout(dialog)
    inside.setContentsMargins(40, 40, 40, 40)

    theme.rescale_layouts(qapp, 1.5)

    assert column.contentsMargins().left() == 30 and column.spacing() == 15
    assert (row.contentsMargins().left(), row.contentsMargins().top()) == (12, 0)  # 0 stays 0
    assert row.itemAt(0).spacerItem().sizeHint().width() == 45
    assert inside.contentsMargins().left() == 60  # once, not once per window it sits under
