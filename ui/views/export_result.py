"""What became of an export, where the eye is: « C'est prêt » with « Ouvrir » (the
keyboard on it) and « Ouvrir le dossier », or what went wrong, in plain French — scrolled
into sight in the page around it, which may have been scrolled to its top.

``open_file(path)`` and ``open_folder(path)`` do the opening (the desktop's, by default;
a test passes its own).
"""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from atelier.i18n import _
from ui.theme import px
from ui.views.button_rows import button_rows
from ui.views.sheet_dialog import breakable
from ui.widgets.buttons import big_button


def open_on_desktop(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class ExportResult(QWidget):
    def __init__(self, open_file: Callable[[Path], object], open_folder: Callable[[Path], object],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.paths: list[Path] = []
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = big_button(_("Ouvrir"), primary=True, name=_("Ouvrir le document"),
                                      on_click=lambda: open_file(self.paths[0]))
        self.folder = big_button(_("Ouvrir le dossier"), on_click=lambda: open_folder(self.paths[0]))
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(10))
        column.addWidget(self.message)
        column.addLayout(button_rows([self.open_button, self.folder]))
        self.say("")

    def ready(self, paths: list[Path]) -> None:
        """« C'est prêt », where the files are, and the ways to open them."""
        self.paths = [Path(p) for p in paths]
        names = "\n".join(str(p) for p in self.paths)
        said = (_("C'est prêt. Le document est ici :\n{paths}") if len(self.paths) == 1
                else _("C'est prêt. Les documents sont ici :\n{paths}"))
        self.say(said.format(paths=breakable(names)), tooltip=names, in_sight=False)
        for button in (self.open_button, self.folder):
            button.setVisible(bool(self.paths))
        self.open_button.setAccessibleDescription(said.format(paths=names))
        self.open_button.setFocus()  # the keyboard where the eye goes: Entrée opens it
        self._in_sight()

    def say(self, text: str, tooltip: str = "", in_sight: bool = True) -> None:
        """Words only (« Préparation… », a disk error): nothing to open."""
        self.message.setText(text)
        self.message.setToolTip(tooltip)
        for button in (self.open_button, self.folder):
            button.hide()
        if in_sight and text:
            self._in_sight()

    def _in_sight(self) -> None:
        """Scrolled into sight, once laid out: the buttons when there are, else the words."""
        def scroll() -> None:
            area = self.parentWidget()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parentWidget()
            if area is not None:
                area.ensureWidgetVisible(self.folder if self.folder.isVisible() else self.message, 0, px(24))
        QTimer.singleShot(0, self, scroll)  # never after this widget is gone
