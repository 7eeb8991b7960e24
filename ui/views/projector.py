"""The projector window: the current step in very large print, for the whole room.

It follows the lesson guide (the guide calls ``show_step``). With a second screen it
fills that screen, away from the facilitator's; with one screen it is an ordinary
window. Escape or the window's close button closes it, and ``closed`` tells the guide.
A presenter remote or the keyboard can move the lesson from here too (arrows, space,
Page keys).
"""

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atelier.i18n import _
from ui.widgets.markdown_view import MarkdownView

LINES_PER_SCREEN = 13  # body text: about this many lines fill the height, as on a slide
TITLE_SHARE = 12  # the title's letters: the window's height over this, in pixels


def other_screen(screens: list, current) -> object | None:
    """The screen to project on: the first that is not the guide's, or None with one."""
    if len(screens) < 2:
        return None
    return next((screen for screen in screens if screen is not current and screen != current), None)


class ProjectedText(MarkdownView):
    """The step's text, sized from the window's height rather than the text-size setting:
    it is read from the back of the room, on whatever the projector gives."""

    def text_font(self) -> QFont:
        font = QFont(self.font())
        pixels = max(self.window().height() / LINES_PER_SCREEN / 1.25, 22)  # 1.25: line spacing
        font.setPointSizeF(pixels * 72 / max(self.logicalDpiY(), 1))
        return font


class ProjectorWindow(QWidget):
    closed = Signal()
    next_requested = Signal()
    previous_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)  # a window of its own, gone with its guide
        self.setObjectName("page")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setWindowTitle(_("Atelier — projection"))
        self.setAccessibleName(_("Projection de l'étape"))
        self.counter_label = QLabel()
        self.counter_label.setObjectName("muted")
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.content = ProjectedText(self, text_factor=1.0, image_height=0.6, max_upscale=3.0)
        self.content.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the window
        self.content.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it follows the guide's
        self.content.setAccessibleName(_("Contenu de l'étape"))
        for label in (self.counter_label, self.title_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.counter_label)
        self.layout_.addWidget(self.title_label)
        self.layout_.addWidget(self.content, 1)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._size_text()

    def sizeHint(self) -> QSize:
        return QSize(1024, 720)

    def show_step(self, counter: str, title: str, markdown: str, folder: Path | None) -> None:
        self.counter_label.setText(counter)
        self.counter_label.setAccessibleName(counter)
        self.title_label.setText(title)
        self.title_label.setAccessibleName(title)
        self.content.set_markdown(markdown, folder)

    def open_beside(self, guide_screen: QScreen | None) -> None:
        """Full screen on a screen that is not the guide's; a plain window otherwise."""
        target = other_screen(QGuiApplication.screens(), guide_screen)
        if target is not None:
            self.setScreen(target)
            self.setGeometry(target.geometry())
            self.showFullScreen()
        else:
            if not self.isVisible() and guide_screen is not None:
                room = guide_screen.availableGeometry()
                self.resize(min(1024, room.width()), min(720, room.height()))
            self.showNormal()

    # --- very large print, from the window's height --------------------------------------

    def _size_text(self) -> None:
        height = max(self.height(), 300)
        margin = round(height / 30)
        self.layout_.setContentsMargins(2 * margin, margin, 2 * margin, margin)
        self.layout_.setSpacing(round(margin / 2))
        self.title_label.setStyleSheet(f"font-size: {round(height / TITLE_SHARE)}px; font-weight: bold;")
        self.counter_label.setStyleSheet(f"font-size: {round(height / 26)}px;")

    def resizeEvent(self, event) -> None:
        self._size_text()
        super().resizeEvent(event)

    # --- keys and closing ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.close()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.next_requested.emit()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.previous_requested.emit()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()
