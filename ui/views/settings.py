"""Réglages: the language (``language_setting``), the association (name, place, town,
logo), the facilitators, the text size, the contrast, the facilitator's code, how long
people are kept (``retention_setting``), the sync (``sync_setting``) and the backups
(``backup_setting``).

Everything is saved as it changes, through ``ops.run`` (no Save button). The logo is in
``logo_setting``; the text size and the contrast, applied at once to the whole program
and kept per installation, in ``look_setting``. ``choose_logo_file`` picks the logo's
image (a file dialog by default; a test passes its own).
"""

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from atelier.i18n import _
from atelier import pin, settings
from ui.theme import px
from ui.views.backup_setting import BackupSetting
from ui.views.language_setting import LanguageSetting
from ui.views.logo_setting import LogoSetting, ask_image_path
from ui.views.look_setting import LookSetting, section
from ui.views.retention_setting import RetentionSetting
from ui.views.speech_setting import SpeechSetting
from ui.views.sync_setting import SyncSetting
from ui.widgets.buttons import big_button
from ui.widgets.pin_dialog import PinChangeDialog, change_pin
from ui.widgets.recovery_code import show_recovery_code
from ui.widgets.scroller import scrolling_page

TYPING_PAUSE_MS = 700  # a name is saved when typing pauses, and when the field is left


@dataclass(frozen=True)
class SettingsData:
    association: str
    site: str
    town: str
    facilitators: list[str]
    has_pin: bool


def load(db) -> SettingsData:
    return SettingsData(
        association=settings.get(db, settings.ASSOCIATION, "") or "",
        site=settings.get(db, settings.SITE, "") or "",
        town=settings.get(db, settings.TOWN, "") or "",
        facilitators=settings.facilitators(db),
        has_pin=pin.has_pin(db),
    )


class SettingsView(QWidget):
    def __init__(self, ops, parent: QWidget | None = None, choose_logo_file=ask_image_path):
        super().__init__(parent)
        self.ops = ops
        self.pin_dialog: PinChangeDialog | None = None
        self._pending: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.flush)
        self.setAccessibleName(_("Réglages"))

        content = QWidget()
        content.setObjectName("page")
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(px(32), px(20), px(32), px(32))
        self.column.setSpacing(px(6))
        title = QLabel(_("Réglages"))
        title.setObjectName("title")
        intro = QLabel(_("Tout est enregistré dès que vous le changez."))
        intro.setObjectName("subtitle")
        intro.setWordWrap(True)
        self.column.addWidget(title)
        self.column.addWidget(intro)
        self.language = LanguageSetting()  # near the top: found by someone who does not read the page
        self.language_chosen = self.language.language_chosen  # the window speaks it (ui.language_change)
        self.column.addWidget(self.language)

        self._section(_("L'association"))
        self.association = self._field(_("Nom de l'association"), settings.ASSOCIATION)
        self.site = self._field(_("Lieu de l'atelier (il s'affiche dans le titre de la fenêtre)"), settings.SITE)
        self.town = self._field(_("Commune (« Fait à … » sur les attestations)"), settings.TOWN)
        self.logo = LogoSetting(ops, choose_file=choose_logo_file)
        self.column.addSpacing(px(8))
        self.column.addWidget(self.logo)

        self._section(_("Animatrices et animateurs"))
        self.facilitator_list = QWidget()
        self.facilitator_rows = QVBoxLayout(self.facilitator_list)
        self.facilitator_rows.setContentsMargins(0, 0, 0, 0)
        self.facilitator_rows.setSpacing(px(8))
        self.column.addWidget(self.facilitator_list)
        self.new_name = QLineEdit()
        self.new_name.setAccessibleName(_("Nom à ajouter"))
        self.new_name.returnPressed.connect(self.add_facilitator)
        self.add_button = big_button(_("Ajouter"), name=_("Ajouter ce nom"), on_click=self.add_facilitator)
        label = QLabel(_("Ajouter un nom"))
        label.setBuddy(self.new_name)
        row = QHBoxLayout()
        row.setSpacing(px(12))
        row.addWidget(self.new_name, 1)
        row.addWidget(self.add_button)
        self.column.addSpacing(px(8))
        self.column.addWidget(label)
        self.column.addLayout(row)

        self.look = LookSetting(ops)
        self.column.addWidget(self.look)
        # The page's tests and screenshots reach the look's controls from here too.
        self.smaller, self.larger, self.size_label = self.look.smaller, self.look.larger, self.look.size_label
        self.preview, self.contrast, self.set_scale = self.look.preview, self.look.contrast, self.look.set_scale
        self.speech = SpeechSetting(ops)
        self.column.addWidget(self.speech)

        self._section(_("Code de l'animateur"))
        self.pin_status = QLabel()
        self.pin_status.setWordWrap(True)
        self.pin_button = big_button("", on_click=self.open_pin_dialog)
        self.column.addWidget(self.pin_status)
        row = QHBoxLayout()
        row.addWidget(self.pin_button)
        row.addStretch(1)
        self.column.addLayout(row)

        self.retention = RetentionSetting(ops)
        self.column.addWidget(self.retention)

        self.sync = SyncSetting(ops)
        self.column.addWidget(self.sync)
        self.backups = BackupSetting(ops)
        self.column.addWidget(self.backups)
        self.restore_requested = self.backups.restore_requested  # the window reopens on the restored data
        self.column.addStretch(1)

        scrolling_page(self, content)  # the fields take the keyboard, not the page

        self._names: list[str] | None = None
        ops.watch(self, ('settings',), lambda _changes, _initiator: self.refresh())
        self.refresh()

    def attach_sync(self, runner) -> None:
        """The background sync: the hub's password goes to it, and « Tester la connexion »."""
        self.sync.attach_sync(runner)

    # Building blocks

    def _section(self, text: str) -> None:
        section(self.column, text)

    def _field(self, question: str, key: str) -> QLineEdit:
        label = QLabel(question)
        label.setWordWrap(True)
        edit = QLineEdit()
        edit.setAccessibleName(question)
        label.setBuddy(edit)
        edit.textEdited.connect(lambda text: self._typed(key, text))
        edit.editingFinished.connect(self.flush)
        self.column.addSpacing(px(4))
        self.column.addWidget(label)
        self.column.addWidget(edit)
        return edit

    # Reading

    def refresh(self) -> None:
        data = self.ops.read(load)
        for edit, key, value in ((self.association, settings.ASSOCIATION, data.association),
                                 (self.site, settings.SITE, data.site), (self.town, settings.TOWN, data.town)):
            if key not in self._pending and not edit.hasFocus() and edit.text() != value:
                edit.setText(value)  # never under the fingers of someone typing
        self.logo.refresh()
        self.sync.refresh()
        if data.facilitators != self._names:
            self._show_names(data.facilitators)
        if data.has_pin:
            self.pin_status.setText(_("Un code est choisi. Il protège la sortie des exercices."))
            self.pin_button.setText(_("Changer le code"))
        else:
            self.pin_status.setText(_("Aucun code n'est encore choisi. Choisissez-en un avant "
                                            "d'ouvrir les exercices aux participants."))
            self.pin_button.setText(_("Choisir un code"))
        self.pin_button.setAccessibleName(self.pin_button.text())

    def _show_names(self, names: list[str]) -> None:
        had_focus = any(b.hasFocus() for b in self.facilitator_list.findChildren(QPushButton))
        self._names = list(names)
        while self.facilitator_rows.count():
            item = self.facilitator_rows.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.remove_buttons: list[QPushButton] = []
        if not names:
            empty = QLabel(_("Aucun nom pour l'instant."))
            empty.setObjectName("empty")
            self.facilitator_rows.addWidget(empty)
        for name in names:
            row = QWidget(self.facilitator_list)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(name)
            label.setWordWrap(True)
            remove = big_button(_("Retirer"), parent=row, name=_("Retirer {name}").format(name=name),
                                on_click=lambda _checked=False, n=name: self.remove_facilitator(n))
            line.addWidget(label, 1)
            line.addWidget(remove)
            self.facilitator_rows.addWidget(row)
            self.remove_buttons.append(remove)
        self._order_tabs()
        if had_focus:
            (self.remove_buttons[0] if self.remove_buttons else self.new_name).setFocus()

    def _order_tabs(self) -> None:
        """New rows join the end of the focus chain: put them back in reading order."""
        chain = [*self.language.controls(), self.association, self.site, self.town, *self.logo.controls(),
                 *self.remove_buttons, self.new_name, self.add_button, *self.look.controls(), *self.speech.controls(),
                 self.pin_button, *self.retention.controls(),
                 *self.sync.controls(), *self.backups.controls()]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    # Writing: through ops.run, announced as a change of the settings

    def _typed(self, key: str, text: str) -> None:
        self._pending[key] = text
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for key, text in pending.items():
            self.ops.run(settings.put, key, text.strip(), parent=self)

    def add_facilitator(self) -> None:
        name = self.new_name.text().strip()
        if name:
            self.new_name.clear()
            self.ops.run(settings.add_facilitator, name, parent=self)

    def remove_facilitator(self, name: str) -> None:
        self.ops.run(settings.remove_facilitator, name, parent=self)

    def open_pin_dialog(self) -> None:
        dialog = PinChangeDialog(self.ops.read(pin.has_pin), self)
        self.pin_dialog = dialog

        def saved(recovery_code: str | None) -> None:
            dialog.accept()
            self.pin_status.setText(_("Le nouveau code est enregistré."))
            if recovery_code:  # the first code: its recovery code, shown this once
                self.recovery_dialog = show_recovery_code(recovery_code, self)

        dialog.submitted.connect(lambda current, new: self.ops.run(
            change_pin, current, new, parent=dialog,
            on_done=saved, on_error=lambda error: refused(error),
        ))

        def refused(error: Exception) -> None:
            if isinstance(error, ValueError):
                dialog.refuse(str(error))
            else:
                dialog.refuse(_("Le code n'a pas pu être enregistré. Rien n'a été perdu : réessayez."))

        dialog.open()
