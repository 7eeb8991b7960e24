"""Helpers shared by the participants and groups tests: real keys, real clicks, big targets."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

LEFT = Qt.MouseButton.LeftButton


def type_text(qtbot, widget, text: str) -> None:
    """Real key presses, one a character; QTest's keyClicks cannot type accents."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def activate(qtbot, widget) -> None:
    """Give the window the keyboard, as a click on it would (offscreen has no window manager)."""
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def click_row(qtbot, view_list, row: int) -> None:
    rect = view_list.visualRect(view_list.model().index(row, 0))
    qtbot.mouseClick(view_list.viewport(), LEFT, pos=rect.center())


def click_and_wait(qtbot, window, button) -> None:
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(button, LEFT)


def check_targets(widget: QWidget) -> None:
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget):
            assert button.width() >= 48 and button.height() >= 48, button.text()
            assert button.accessibleName(), button.text()
    for field in widget.findChildren(QWidget):
        if field.focusPolicy() & Qt.FocusPolicy.TabFocus and field.isVisibleTo(widget) and field.isEnabled():
            if field.metaObject().className() in ("QLineEdit", "SearchField", "BigChoice", "BigCheckBox",
                                                  "QPlainTextEdit", "BigList"):
                assert field.accessibleName(), field
                assert field.height() >= 48, field.accessibleName()
