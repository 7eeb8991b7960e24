"""« J'ai besoin d'aide »: a clear flag on the facilitator's window of this PC.

``attach(window)`` gives the main window's one ``HelpFlag`` and puts a large coloured
banner at the top of that window (a fixed tool bar: the main window's own code is
left alone). Raising the flag shows the banner, prefixes the window title and asks
the task bar for attention; the facilitator clears it with « C'est réglé », there or
on the practice screen.
"""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QSizePolicy, QToolBar, QWidget

from atelier.i18n import _
from ui.practice.look import HELP_BG
from ui.theme import current_palette, px
from ui.widgets.buttons import big_button


class HelpFlag(QObject):
    """``raised(who)`` and ``cleared()``; ``who`` is the words shown, « Hélène M. »."""

    raised = Signal(str)
    cleared = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.who: str | None = None

    @property
    def is_raised(self) -> bool:
        return self.who is not None

    def raise_for(self, who: str) -> None:
        self.who = who
        self.raised.emit(who)

    def clear(self) -> None:
        if self.who is not None:
            self.who = None
            self.cleared.emit()


class HelpBanner(QToolBar):
    """The banner on the facilitator's window, shown while the flag is up."""

    def __init__(self, flag: HelpFlag, window: QMainWindow):
        super().__init__(window)
        self.setObjectName("helpBanner")
        self.flag = flag
        self.window_ = window
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # no menu entry to hide it by mistake
        self.setAccessibleName(_("Demande d'aide"))
        self.box = box = QWidget()
        box.setObjectName("helpBox")
        self.label = QLabel()
        self.label.setObjectName("helpText")
        self.label.setWordWrap(True)
        # Never wider than the window: a tool bar would widen it past the screen for a long
        # name. The words wrap instead, and the banner grows (see resizeEvent).
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.clear_button = big_button(_("C'est réglé"), _("Enlever la demande d'aide"))
        self.clear_button.clicked.connect(flag.clear)
        row = QHBoxLayout(box)
        row.setContentsMargins(px(24), px(12), px(24), px(12))
        row.setSpacing(px(16))
        row.addWidget(self.label, 1)
        row.addWidget(self.clear_button)
        self.addWidget(box)
        self.restyle()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        self.hide()
        flag.raised.connect(self._raised)
        flag.cleared.connect(self._cleared)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        row = self.box.layout()
        m = row.contentsMargins()
        room = self.width() - m.left() - m.right() - row.spacing() - self.clear_button.sizeHint().width()
        lines = self.label.heightForWidth(max(room, self.label.fontMetrics().averageCharWidth() * 12))
        if lines > 0 and lines != self.label.maximumHeight():
            self.label.setFixedHeight(lines)  # its own guess at a height would be for another width

    def restyle(self) -> None:
        p = current_palette()
        bg, fg = (p.card, p.text) if p.window == "#000000" else (HELP_BG, "#1B1B1B")
        self.setStyleSheet(f"""
QToolBar#helpBanner {{ background: {bg}; border: none; border-bottom: 4px solid {p.focus}; padding: 0; }}
QWidget#helpBox {{ background: {bg}; }}
QLabel#helpText {{ color: {fg}; font-size: {current_font_points() * 1.5:.1f}pt; font-weight: bold; }}
""")

    def _raised(self, who: str) -> None:
        self.show_call(who)
        QApplication.alert(self.window_)

    def show_call(self, who: str) -> None:
        """The banner up and the window's title prefixed: on a new call, or for the call
        still up when the banner is built again (another language)."""
        text = _("Besoin d'aide : {who}").format(who=who)
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.restyle()
        self.show()
        if self.base_title is None:
            self.base_title = self.window_.windowTitle()
        self.window_.setWindowTitle(f"{text} — {self.base_title}")

    base_title: str | None = None  # the window's title before the flag went up

    def _cleared(self) -> None:
        self.hide()
        if self.base_title is not None:
            self.window_.setWindowTitle(self.base_title)
            self.base_title = None


def current_font_points() -> float:
    return QApplication.font().pointSizeF()


def attach(window: QMainWindow) -> HelpFlag:
    """The window's help flag, made (with its banner) the first time."""
    flag = window.findChild(HelpFlag, "helpFlag")
    if flag is None:
        flag = HelpFlag(window)
        flag.setObjectName("helpFlag")
        HelpBanner(flag, window)
    return flag
