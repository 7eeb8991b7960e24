"""A plain question before something that cannot be taken back lightly: the one way
the program asks.

Opened with ``open()`` (never a blocking ``exec()``): the window stays alive and a
test drives the real buttons. "Annuler" is the default and has the focus, so a hasty
Enter never confirms, unless the question says Enter may (``enter_confirms``, for an
action that can be undone). ``ask()`` opens one and calls back with the answer.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from atelier.i18n import _
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.on_screen import FRAME, fit_on_screen, screen_room
from ui.widgets.scroller import Scroller


class ConfirmDialog(QDialog):
    def __init__(
        self,
        title: str,
        message: str,
        confirm_text: str,
        cancel_text: str = "",
        danger: bool = False,
        parent: QWidget | None = None,
        enter_confirms: bool = False,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.heading = heading = QLabel(title)
        heading.setObjectName("cardTitle")  # bold, a little larger: leaves room for the words at 200 %
        self.message = QLabel(message)
        for label in (heading, self.message):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.cancel_button = big_button(cancel_text or _("Annuler"))
        self.confirm_button = big_button(confirm_text, primary=not danger, danger=danger)
        self.cancel_button.clicked.connect(self.reject)
        self.confirm_button.clicked.connect(self.accept)
        self.default_button = self.confirm_button if enter_confirms else self.cancel_button
        self.default_button.setDefault(True)
        self.message.setVisible(bool(message))

        self.buttons = buttons = QHBoxLayout()  # a dialog with a third answer adds it here
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        # The words scroll if, at 200 %, they are taller than the screen; the buttons stay.
        content = QWidget()
        content.setObjectName("page")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, px(8), 0)
        self.body.setSpacing(px(14))
        self.body.addWidget(heading)
        self.body.addWidget(self.message)
        self.scroll = Scroller(content, _("Texte de la question"))
        self.outer = QVBoxLayout(self)  # the scrolling words, then anything added, then the buttons
        self.outer.setContentsMargins(px(28), px(24), px(28), px(24))
        self.outer.setSpacing(px(14))
        self.outer.addWidget(self.scroll, 1)
        self.outer.addLayout(buttons)
        self.setAccessibleName(title)
        self.setAccessibleDescription(message)
        self.default_button.setFocus()

    def stack_answers(self) -> None:
        """The answers one under the other, as wide as the dialog, the confirming one on
        top: for answers too long to sit side by side at 200 % (a date in a button)."""
        self.buttons.setDirection(QBoxLayout.Direction.TopToBottom)
        for button in (self.confirm_button, self.cancel_button):
            self.buttons.removeWidget(button)
            self.buttons.addWidget(button)
        QWidget.setTabOrder(self.confirm_button, self.cancel_button)

    def fit_to_screen(self) -> None:
        """Tall enough for the wrapped text (Qt sizes a dialog before it wraps)."""
        room = screen_room(self)
        width = min(max(self.sizeHint().width(), px(640)), px(900), room.width() - FRAME)
        margins = self.outer.contentsMargins()
        inner = (width - margins.left() - margins.right() - self.scroll.verticalScrollBar().sizeHint().width()
                 - 2 * self.scroll.frameWidth())
        around = self.outer.totalHeightForWidth(width)  # -1 when nothing outside the words wraps
        around = around if around >= 0 else self.outer.totalSizeHint().height()
        height = (around - self.scroll.sizeHint().height()
                  + self.body.totalHeightForWidth(inner) + 2 * self.scroll.frameWidth() + 12)  # the theme borders scroll areas
        if self.isVisible():  # placed for its first size: back inside the screen if it grew
            fit_on_screen(self, width, height)
        else:
            self.resize(width, min(height, room.height() - FRAME))
        # When the words do not all fit, the keyboard must be able to scroll them too.
        overflow = height > room.height() - FRAME
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus if overflow else Qt.FocusPolicy.NoFocus)

    def showEvent(self, event) -> None:
        self.fit_to_screen()
        super().showEvent(event)
        self.default_button.setFocus()


def ask(parent: QWidget, question: str, yes: str, on_yes: Callable[[], None], no: str = "",
        on_no: Callable[[], None] | None = None) -> ConfirmDialog:
    """Ask, window-modal and without blocking; ``on_yes()`` only if ``yes`` was chosen,
    else ``on_no()``. The question's first line is the heading, the rest explains it.
    Enter chooses ``yes`` (what is asked this way can be undone); Escape or ``no``
    changes nothing."""
    heading, _newline, details = question.partition("\n")
    dialog = ConfirmDialog(heading, details, yes, no or _("Annuler"),
                           parent=parent, enter_confirms=True)
    dialog.setObjectName("confirm")

    def finished(result: int) -> None:
        dialog.deleteLater()
        if result == ConfirmDialog.DialogCode.Accepted:
            on_yes()
        elif on_no is not None:
            on_no()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
