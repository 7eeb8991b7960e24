"""Large buttons with an accessible name, in the theme's look: the one button factory
of the program, for the facilitator's screens and the learners' alike.

The theme sizes every QPushButton; this only names them and marks the primary and
the dangerous ones, so a screen reader and the eye both tell them apart. Enter in a
field never presses them by accident: only a dialog's chosen default button answers it.
"""

from collections.abc import Callable

from PySide6 import QtCore
from PySide6.QtWidgets import QPushButton, QWidget

from ui.qt_names import set_named
from ui.theme import current_palette


def danger_style() -> str:
    """Dark red with white text (over 7:1); the light focus ring stays visible on it.
    Disabled, it looks like every disabled button of the theme."""
    p = current_palette()
    return (
        "QPushButton#danger { background: #8B0000; color: #FFFFFF; border-color: #8B0000; }"
        "QPushButton#danger:focus { border-color: #FFB347; }"
        f"QPushButton#danger:disabled {{ background: {p.button}; color: {p.muted};"
        f" border: 3px dashed {p.border}; }}"
    )


def big_button(
    text: str,
    description: str = "",
    primary: bool = False,
    danger: bool = False,
    parent: QWidget | None = None,
    *,
    name: str = "",
    on_click: Callable[[], object] | None = None,
    tooltip: bool = True,
) -> QPushButton:
    """``name`` is what a screen reader says when the text alone is too short
    ("Modifier" → "Modifier la séance choisie"); ``description`` is said after it, and
    shown as a tooltip unless ``tooltip`` is False (the learners' screens have none)."""
    button = QPushButton(parent)  # (text, parent) would make PySide6 build QIcon's 150 names to choose
    button.setText(text)
    button.setAccessibleName(name or text.replace("&", ""))
    if description:
        button.setAccessibleDescription(description)
        if tooltip:
            button.setToolTip(description)
    set_named(button, focusPolicy="StrongFocus")  # by name: the home has buttons (see ui.qt_names)
    button.setAutoDefault(False)  # Enter in a field goes to the dialog's default button only
    if primary:
        button.setObjectName("primary")
    if danger:
        button.setObjectName("danger")
        button.setStyleSheet(danger_style())
    if on_click is not None:
        button.clicked.connect(on_click)
    return button


def set_current(button: QPushButton, current: bool) -> None:
    """Show ``button`` as the entry of what is on screen (a navigation entry, a step of the
    workshop). It stays a plain button: a checkable one is announced as a check box."""
    if bool(button.property("current")) == current:
        return
    button.setProperty("current", current)
    if button.testAttribute(QtCore.Qt.WidgetAttribute.WA_WState_Polished):  # else the first polish reads it
        button.style().unpolish(button)  # the theme draws [current="true"] like a pressed entry
        button.style().polish(button)


def is_current(button: QPushButton) -> bool:
    return bool(button.property("current"))
