"""Réglages, « Synchronisation »: where the summaries go (a folder or a WebDAV server),
« Tester la connexion », the association's secret, named summaries, learners' progress,
coordination.

Every write goes through ``ops.run``; the WebDAV password goes to the background sync
(``ui.sync_runner``), which keeps it as ``atelier.sync.passwords`` says: in the system's
keyring when one works, else in memory only; never in a file or the database.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import settings
from atelier.sync import hub_config, learner_progress
from ui.theme import px
from ui.views.look_setting import section
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox


def save_hub(db, address: str, user: str | None) -> str:
    """The hub's address, checked (plain http:// off this PC refused, in French)."""
    checked = hub_config.checked_address(address)
    settings.set_hub(db, checked, user)
    return checked


def set_coordinator(db, on: bool) -> None:
    settings.put(db, settings.HUB_COORDINATOR, "1" if on else "0")


def load(db) -> dict:
    return {"address": settings.hub_address(db) or "", "user": settings.hub_user(db),
            "secret": settings.sync_secret(db) if settings.get(db, settings.SYNC_SECRET) else "",
            "named": settings.named_summaries(db), "progress": learner_progress.is_on(db),
            "coordinator": settings.is_coordinator(db)}


def _label(text: str, muted: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if muted:
        label.setObjectName("muted")
    return label


class SyncSetting(QWidget):
    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.runner = None
        self.folder_dialog: QFileDialog | None = None
        self.mode = ""
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(6))
        self.column = column

        section(column, _("Synchronisation"))
        column.addWidget(_label(_(
            "Les résumés des séances sont copiés vers un partage de l'association : un dossier "
            "(clé USB, disque partagé) ou un serveur WebDAV. Cela se fait tout seul.")))
        self.folder_mode = self._mode_button(_("Dossier"), _("Envoyer vers un dossier"), "folder")
        self.web_mode = self._mode_button(_("Serveur WebDAV"), _("Envoyer vers un serveur WebDAV"), "web")
        self._row(self.folder_mode, self.web_mode)

        self.folder_panel = QWidget()
        box = QVBoxLayout(self.folder_panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.folder = self._field(box, _("Dossier du partage"))
        self.folder.editingFinished.connect(self.save_folder)
        self.choose = big_button(_("Choisir le dossier…"), on_click=self.choose_folder)
        box.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.folder_panel)

        self.web_panel = QWidget()
        box = QVBoxLayout(self.web_panel)
        box.setContentsMargins(0, 0, 0, 0)
        self.address = self._field(box, _("Adresse du serveur (https://…)"))
        self.user = self._field(box, _("Nom d'utilisateur"))
        self.password = self._field(box, _("Mot de passe (gardé par le trousseau de l'ordinateur s'il y en a un, "
                                                 "sinon jusqu'à la fermeture du programme)"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        for edit in (self.address, self.user):
            edit.editingFinished.connect(self.save_web)
        self.password.editingFinished.connect(self.keep_password)
        column.addWidget(self.web_panel)

        self.test_button = big_button(_("Tester la connexion"), on_click=self.test)
        column.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.answer = _label("")
        self.answer.hide()
        column.addWidget(self.answer)

        section(column, _("Code secret de l'association"))
        column.addWidget(_label(_(
            "Le même code sur chaque ordinateur de l'association : il rend les personnes "
            "reconnaissables d'un ordinateur à l'autre sans envoyer leur nom."), muted=True))
        self.secret = self._field(column, _("Code secret (16 caractères au moins)"))
        self.secret.editingFinished.connect(self.save_secret)
        self.copy = big_button(_("Copier"), name=_("Copier le code secret"), on_click=self.copy_secret)
        column.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)

        section(column, _("Ce qui part de cet ordinateur"))
        self.named = BigCheckBox(_("Résumés nominatifs"))
        self.named.toggled.connect(lambda on: self.ops.run(settings.set_named_summaries, on, parent=self))
        column.addWidget(self.named, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(_label(_(
            "Non coché : chaque séance part avec ses chiffres (présents, âges, nouveaux venus), "
            "sans aucun nom. Coché : les prénoms et noms des participants partent aussi."), muted=True))
        self.progress = BigCheckBox(_("Progrès des apprenants"))
        self.progress.toggled.connect(lambda on: self.ops.run(learner_progress.turn, on, parent=self))
        column.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(_label(_(
            "Non coché : rien ne part sur les exercices. Coché : les progrès de chaque apprenant aux "
            "exercices partent aussi (exercices réussis, nombre d'essais), sous un code, sans nom sauf si "
            "«\u00a0Résumés nominatifs\u00a0» est coché."), muted=True))
        self.coordinator = BigCheckBox(_("Coordination"))
        self.coordinator.toggled.connect(lambda on: self.ops.run(set_coordinator, on, parent=self))
        column.addWidget(self.coordinator, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(_label(_(
            "Cochez sur un seul ordinateur : celui qui rassemble les résumés de tous les lieux. "
            "La page « Coordination » apparaît alors dans le menu."), muted=True))
        self._show_mode("")

    # Building blocks

    def _mode_button(self, text: str, name: str, mode: str):
        button = big_button(text, name=name, on_click=lambda: self._show_mode(mode, focus=True))
        button.setObjectName("step")  # the chosen kind of share shows as chosen, as « À venir » / « Passées »
        button.setCheckable(True)
        return button

    def _row(self, *widgets: QWidget) -> None:
        row = QHBoxLayout()
        row.setSpacing(px(12))
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        self.column.addLayout(row)

    def _field(self, box: QVBoxLayout, question: str) -> QLineEdit:
        label = _label(question)
        edit = QLineEdit()
        edit.setAccessibleName(question)
        label.setBuddy(edit)
        box.addWidget(label)
        box.addWidget(edit)
        return edit

    def controls(self) -> list[QWidget]:
        """In reading order, for the page's Tab chain."""
        return [self.folder_mode, self.web_mode, self.folder, self.choose, self.address, self.user,
                self.password, self.test_button, self.secret, self.copy, self.named, self.progress, self.coordinator]

    def attach_sync(self, runner) -> None:
        self.runner = runner
        runner.tested.connect(self._tested)

    # Reading

    def refresh(self) -> None:
        data = self.ops.read(load)
        address = data["address"]
        if not self.mode and address:
            self._show_mode("web" if hub_config.is_web(address) else "folder")
        field = self.address if hub_config.is_web(address) else self.folder
        for edit, value in ((field, address), (self.user, data["user"]), (self.secret, data["secret"])):
            if value and not edit.hasFocus() and edit.text() != value:
                edit.setText(value)
        for box, on in ((self.named, data["named"]), (self.progress, data["progress"]),
                        (self.coordinator, data["coordinator"])):
            if box.isChecked() != on:
                box.blockSignals(True)
                box.setChecked(on)
                box.blockSignals(False)

    def _show_mode(self, mode: str, focus: bool = False) -> None:
        self.mode = mode
        self.folder_mode.setChecked(mode == "folder")
        self.web_mode.setChecked(mode == "web")
        self.folder_panel.setVisible(mode == "folder")
        self.web_panel.setVisible(mode == "web")
        self.test_button.setVisible(bool(mode))
        if focus:
            (self.folder if mode == "folder" else self.address).setFocus()

    # Writing

    def _closing(self) -> bool:
        """The window is closing (its sync stopped): leaving a field saves nothing more."""
        return self.runner is not None and self.runner.stopped

    def _say(self, text: str) -> None:
        self.answer.setText(text)
        self.answer.show()

    def _refused(self, error: Exception) -> None:
        self._say(str(error).strip("'"))

    def save_folder(self) -> None:
        if self._closing():
            return
        text = self.folder.text().strip()
        if text and text != (self.ops.read(settings.hub_address) or ""):
            self.ops.run(save_hub, text, None, parent=self, on_done=self._saved, on_error=self._refused)

    def choose_folder(self) -> None:
        dialog = QFileDialog(self, _("Dossier du partage"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self._folder_chosen)
        self.folder_dialog = dialog
        dialog.open()  # the page is never held while the dialog is up

    def _folder_chosen(self, path: str) -> None:
        self.folder.setText(path)
        self.save_folder()

    def save_web(self) -> None:
        if self._closing():
            return
        address, user = self.address.text().strip(), self.user.text().strip()
        saved = self.ops.read(settings.hub_address) or ""
        if address and (address != saved or user != self.ops.read(settings.hub_user)):
            self.ops.run(save_hub, address, user, parent=self, on_done=self._saved, on_error=self._refused)

    def keep_password(self) -> None:
        if self.runner is None or not self.address.text().strip():
            return
        try:
            address = hub_config.checked_address(self.address.text())
        except ValueError:
            return  # said when the address is saved
        self.runner.set_password(address, self.user.text().strip(), self.password.text())

    def _saved(self, address: str) -> None:
        self._say(_("Partage enregistré : {address}").format(address=address))
        if self.runner is not None:
            self.runner.run_now()

    def test(self) -> None:
        if self.runner is None:
            return
        web = self.mode == "web"
        address = (self.address if web else self.folder).text().strip()
        if web:
            self.keep_password()
        self.test_button.setEnabled(False)
        self._say(_("Essai en cours…"))
        self.runner.test(address, self.user.text().strip() if web else "", self.password.text() if web else "")

    def _tested(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        self._say(message if ok else _("Le partage ne répond pas : {error}").format(error=message))

    def save_secret(self) -> None:
        if self._closing():
            return
        text = self.secret.text().strip()
        if text and text != self.ops.read(settings.get, settings.SYNC_SECRET):
            self.ops.run(settings.set_sync_secret, text, parent=self,
                         on_done=lambda _s: self._say(_("Code secret enregistré.")), on_error=self._refused)

    def copy_secret(self) -> None:
        QApplication.clipboard().setText(self.secret.text())
        self._say(_("Code secret copié : collez-le sur les autres ordinateurs."))
