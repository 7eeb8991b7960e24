"""The feuille d'émargement of one session: blank or completed, then preview, print or
save as PDF. Large buttons, one click each, every one with an accessible name.

``choose_path(parent, title, suggested, filter) -> str | None`` chooses where the PDF
goes (a QFileDialog by default; a test passes its own); ``show(dialog)`` opens the
preview and print dialogs (``exec`` by default).
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from atelier.i18n import _
from atelier import sessions
from atelier.exports.sheet import sheet_for
from atelier.files import WriteError, error_text
from ui.theme import px
from ui.views.button_rows import button_rows
from ui.widgets.buttons import big_button
from ui.widgets.file_dialogs import ask_save_path  # the folder chosen last time
from ui.words import short_date


ZERO_WIDTH_SPACE = "\u200b"


def breakable(path) -> str:
    """A path that may wrap after its separators (an invisible space after each): a long
    one otherwise runs off the window at 200 %. The plain path goes in the tooltip."""
    text = str(path)
    for separator in ("/", "\\", "-", "_"):
        text = text.replace(separator, separator + ZERO_WIDTH_SPACE)
    return text


class SheetDialog(QDialog):
    def __init__(self, ops, session_id: str, parent=None, completed: bool = False,
                 choose_path=ask_save_path, show=lambda dialog: dialog.exec()):
        super().__init__(parent)
        self.ops, self.session_id = ops, session_id
        self.choose_path, self.show_dialog = choose_path, show
        self.saved: Path | None = None
        found = ops.read(sessions.get_row, session_id)
        which = _("{group}, {day}, {start} – {end}").format(
            group=found.group_name or _("Séance sans groupe"), day=short_date(found.session.date),
            start=found.session.start_time, end=found.session.end_time)
        self.setWindowTitle(_("Feuille d'émargement — {session}").format(session=which))
        self.setAccessibleName(self.windowTitle())

        title = QLabel(_("Feuille d'émargement"))
        title.setObjectName("title")
        self.session_label = QLabel(which)  # which session: the dialog may be opened from anywhere
        self.session_label.setObjectName("subtitle")
        self.session_label.setWordWrap(True)
        self.blank = big_button(_("Vierge, à signer pendant la séance"),
                                name=_("Feuille vierge, à imprimer avant la séance"),
                                on_click=lambda: self.set_completed(False))
        self.filled = big_button(_("Remplie avec l'appel"),
                                 name=_("Feuille remplie avec les présences de l'appel"),
                                 on_click=lambda: self.set_completed(True))
        self.blank_text, self.filled_text = self.blank.text(), self.filled.text()
        for button in (self.blank, self.filled):
            button.setCheckable(True)
            button.setObjectName("step")
        self.preview = big_button(_("Aperçu avant impression"), on_click=self.open_preview)
        self.print_button = big_button(_("Imprimer"), name=_("Imprimer la feuille"),
                                       on_click=self.open_print)
        self.save = big_button(_("Enregistrer en PDF"), primary=True,
                               name=_("Enregistrer la feuille en PDF"), on_click=self.save_pdf)
        self.close_button = big_button(_("Fermer"), on_click=self.reject)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.message.hide()  # no empty gap above "Fermer" until there is something to say
        kinds = button_rows([self.blank, self.filled])  # rows that wrap: inside the screen at 200 %
        actions = button_rows([self.preview, self.print_button, self.save])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(24), px(20), px(24), px(20))
        layout.setSpacing(px(14))
        for widget in (title, self.session_label):  # the two kinds say what they are: no question above them
            layout.addWidget(widget)
        layout.addLayout(kinds)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.setStyleSheet("QPushButton#step:checked { background: palette(highlight); "
                           "color: palette(highlighted-text); border-color: palette(highlight); }")
        self._room_for_the_tick()
        self.set_completed(completed)
        self._fit_the_screen()

    def _room_for_the_tick(self) -> None:
        """Each kind as wide with its tick as without: choosing never moves nor wraps a button.
        Measured once the theme has styled them (their words are bold)."""
        self.ensurePolished()
        for button, text in ((self.blank, self.blank_text), (self.filled, self.filled_text)):
            button.ensurePolished()
            button.setText(f"\u2713 {text}")
            button.setMinimumWidth(button.sizeHint().width())
            button.setText(text)

    def _fit_the_screen(self) -> None:
        """Wide enough for each row of buttons on one line, when the screen has the room."""
        rows = ((self.blank, self.filled), (self.preview, self.print_button, self.save))
        wanted = max(sum(b.sizeHint().width() for b in row) + px(12) * (len(row) - 1) for row in rows) + px(48)
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width = min(wanted, screen.width() - px(40)) if screen is not None else wanted
        self.resize(width, self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height())

    def set_completed(self, completed: bool) -> None:
        """The chosen kind is pressed and ticked: it does not read as one more action."""
        self.completed = completed
        for button, text, chosen in ((self.blank, self.blank_text, not completed),
                                     (self.filled, self.filled_text, completed)):
            button.setChecked(chosen)
            button.setText(f"\u2713 {text}" if chosen else text)

    def content(self):
        return self.ops.read(sheet_for, self.session_id, self.completed)

    def preview_dialog(self):
        from ui.render.printing import preview_dialog

        return preview_dialog([self.content()], self)

    def open_preview(self) -> None:
        self.show_dialog(self.preview_dialog())

    def open_print(self) -> None:
        from ui.render.printing import print_dialog

        self.show_dialog(print_dialog([self.content()], self))

    def save_pdf(self) -> None:
        from ui.render.documents import render_sheet

        content = self.content()
        kind = _("remplie") if self.completed else _("vierge")
        suggested = _("emargement-{date}-{kind}.pdf").format(date=content.date.isoformat(), kind=kind)
        path = self.choose_path(self, _("Enregistrer la feuille d'émargement"), suggested,
                                _("Document PDF (*.pdf)"))
        if not path:
            return
        path = Path(path) if Path(path).suffix.lower() == ".pdf" else Path(f"{path}.pdf")
        try:
            self.saved = render_sheet(content, path)
        except (WriteError, OSError) as error:  # the previous file at that path is left as it was
            self.say(breakable(error_text(error, path)))
            return
        self.say(_("Feuille enregistrée : {path}").format(path=breakable(self.saved)))
        self.message.setToolTip(str(self.saved))

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()


def open_sheet_dialog(ops, session_id: str, parent=None, completed: bool = False) -> SheetDialog:
    """Open the dialog (window-modal, not blocking) and return it."""
    dialog = SheetDialog(ops, session_id, parent, completed)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
