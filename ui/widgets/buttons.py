"""Large buttons with an accessible name, in the theme's look.

The theme sizes every QPushButton; this only names them and marks the primary and
the dangerous ones, so a screen reader and the eye both tell them apart.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

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
) -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text.replace("&", ""))
    if description:
        button.setAccessibleDescription(description)
        button.setToolTip(description)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setAutoDefault(False)  # Enter in a field goes to the dialog's default button only
    if primary:
        button.setObjectName("primary")
    if danger:
        button.setObjectName("danger")
        button.setStyleSheet(danger_style())
    return button
