"""The one scrolling area of the program: up and down, never sideways.

At 200 % text a page scrolls rather than clips its words or widens the window past the
screen. By default the area has no frame and takes no keyboard focus (the controls
inside do); a page whose only way to scroll by keyboard is the area itself asks for it,
and names it: a screen reader says that name when the keyboard stops on the area.
"""

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.qt_names import set_named


class Scroller(QScrollArea):
    def __init__(self, content: QWidget | None = None, name: str = "", frame: bool = False,
                 keyboard: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        if not frame:
            self.setFrameShape(QFrame.Shape.NoFrame)
        set_named(self, horizontalScrollBarPolicy="ScrollBarAlwaysOff")  # the home has one: by name
        if not keyboard:
            set_named(self, focusPolicy="NoFocus")
        elif not name:
            raise ValueError("a scroll area the keyboard stops on needs a name")
        if name:
            self.setAccessibleName(name)
        if content is not None:
            self.setWidget(content)


def scrolling_page(owner: QWidget, content: QWidget, **options) -> Scroller:
    """``content`` fills ``owner`` edge to edge and scrolls inside it (options as Scroller's)."""
    scroller = Scroller(content, parent=owner, **options)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroller)
    return scroller
