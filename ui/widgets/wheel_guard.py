"""The mouse wheel turns the page, never a field the pointer happens to cross.

Qt lets the wheel change a drop-down list, a date, a time or a number under the pointer
even when the field has no focus: a hand scrolling down a form would change the
session's time on its way. ``guard_wheel(field)`` lets the wheel change the field only
once it was chosen (clicked, or reached with Tab); until then the wheel scrolls the
page around it. One filter a field, not one for the whole program: a filter on the
application would run Python for every event of every widget.
"""

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

from ui.theme import app_child

GUARDED = "wheelGuarded"  # a property the accessibility audit looks for


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and not watched.hasFocus():
            event.ignore()  # not for this field: Qt hands it on to the page, which scrolls
            return True
        return False


def guard_wheel(*fields: QComboBox | QAbstractSpinBox) -> None:
    guard = app_child(WheelGuard, "wheelGuard")  # one filter object for every field
    for field in fields:
        field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the wheel alone never gives it the focus
        field.installEventFilter(guard)
        field.setProperty(GUARDED, True)
