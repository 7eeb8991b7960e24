"""The main window opens maximised the first time, then where it was left."""

from PySide6.QtCore import QRect

from ui.app import launch, start
from ui.window_place import FILE_NAME


def opened(home, qtbot):
    window = start(home, ask=lambda widget: None)
    qtbot.addWidget(window)
    launch(window, ask=lambda widget: None, quit=lambda code: None)
    qtbot.waitExposed(window)
    return window


def test_first_time_maximised_then_where_it_was_left(home, qtbot):
    first = opened(home, qtbot)
    assert first.isMaximized()
    first.showNormal()
    first.setGeometry(QRect(20, 10, 640, 480))
    qtbot.waitUntil(lambda: first.geometry().width() == 640)
    first.close()
    first.store.close()
    assert (home / FILE_NAME).exists()

    second = opened(home, qtbot)
    try:
        assert not second.isMaximized()
        assert (second.geometry().width(), second.geometry().height()) == (640, 480)
    finally:
        second.close()
        second.store.close()


def test_a_damaged_place_file_opens_maximised(home, qtbot):
    (home / FILE_NAME).write_text("{ pas du json", encoding="utf-8")
    window = opened(home, qtbot)
    try:
        assert window.isMaximized()
    finally:
        window.close()
        window.store.close()
