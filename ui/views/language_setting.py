"""Réglages → Langue: Français or English, each named in its own language (someone who
does not read the one on screen still finds theirs).

The choice goes to the window (``language_chosen``), which speaks it at once and keeps
it for this installation (ui.language_change). The first-run dialog shows the same
control first, and says itself again in the language chosen (ui.views.first_run).
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from atelier.i18n import LANGUAGES, _, current_language
from ui.theme import px
from ui.views.look_setting import section
from ui.widgets.buttons import big_button, set_current
from ui.widgets.flow_layout import FlowLayout


class LanguageSetting(QWidget):
    language_chosen = Signal(str)  # a code of atelier.i18n.LANGUAGES

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(6))
        self.title = section(column, _("Langue"))
        row = FlowLayout(spacing=px(12))
        self.buttons: dict[str, QPushButton] = {}
        for code, name in LANGUAGES.items():
            button = big_button(name, on_click=lambda _checked=False, code=code: self.language_chosen.emit(code))
            button.setObjectName("step")  # drawn like the other choices that stay shown
            row.addWidget(button)
            self.buttons[code] = button
        column.addLayout(row)
        self.show_spoken()

    def show_spoken(self) -> None:
        """The language spoken now marked, the words around in it: once built, and again
        where a switch keeps this widget (the first run re-says its dialog in place)."""
        self.title.setText(_("Langue"))
        for code, button in self.buttons.items():
            button.setAccessibleDescription(_("Langue d'Atelier") if code == current_language()
                                            else _("Parler cette langue"))
            set_current(button, code == current_language())

    def controls(self) -> list[QWidget]:
        """In reading order, for the page's Tab chain."""
        return list(self.buttons.values())
