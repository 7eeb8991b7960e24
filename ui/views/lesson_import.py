"""Importing a zip of modules: what it holds first, then, when asked, in place.

The zip is unpacked and checked on a thread of its own (atelier.lessons.imports), with
a progress bar and « Annuler »; a refused zip shows the checker's messages, each with
its file and line, for whoever made it. A module that replaces an older version is
said so, and asked once more before anything is replaced.
"""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier.changes import Changes
from atelier.lessons import imports
from atelier.lessons.archive import Cancelled
from ui import modules
from ui.models.lessons import LANGUAGES, duration_text
from ui.operations import plain_words
from ui.render.export_job import ExportJob
from ui.render.page import ExportCancelled
from ui.theme import current_scale, px, target_px
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ask
from ui.widgets.scroller import Scroller


def ask_zip_path(parent: QWidget) -> str | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    path, _chosen = QFileDialog.getOpenFileName(
        parent, _("Choisir le zip d'un module"), folder, _("Modules de leçons (*.zip)"))
    return path or None


class ImportDialog(QDialog):
    imported = Signal(list)   # the ids of the modules put in place

    def __init__(self, ops, source: Path, user_dir: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops, self.source, self.user_dir = ops, Path(source), Path(user_dir)
        self.unpacked: imports.Unpacked | None = None
        self.latest: imports.Unpacked | None = None   # read by the thread, not yet shown
        self.closing = False                         # « Annuler » while the thread works
        self.job: ExportJob | None = None
        self.setWindowTitle(_("Importer un module"))
        self.setAccessibleName(_("Importer un module"))
        self.setModal(True)

        self.heading = QLabel()
        self.heading.setObjectName("cardTitle")
        self.message = QLabel()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Avancement"))
        self.progress.setFormat(_("%p %"))   # French: a space before the sign
        self.progress.setMinimumHeight(target_px(current_scale()))
        for label in (self.heading, self.message):
            label.setWordWrap(True)
        self.listing = QVBoxLayout()
        self.listing.setContentsMargins(0, 0, px(8), 0)
        self.listing.setSpacing(px(12))
        inner = QWidget()
        inner.setObjectName("page")
        inner.setLayout(self.listing)
        self.scroll = Scroller(inner, _("Contenu du zip"), frame=True, keyboard=True)
        self.cancel_button = big_button(_("Annuler"), on_click=self.reject)
        self.confirm_button = big_button(_("Importer"), primary=True, on_click=self.confirm)
        self.close_button = big_button(_("Fermer"), on_click=self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.cancel_button, self.close_button, self.confirm_button):
            buttons.addWidget(button)
        column = QVBoxLayout(self)
        column.setContentsMargins(px(28), px(24), px(28), px(24))
        column.setSpacing(px(14))
        column.addWidget(self.heading)
        column.addWidget(self.message)
        column.addWidget(self.progress)
        column.addWidget(self.scroll, 1)
        column.addLayout(buttons)
        self._state(_("Lecture de « {name} »…").format(name=self.source.name),
                    _("Atelier vérifie le zip avant de l'importer."), busy=True)

    # --- the states ------------------------------------------------------------------------

    def _state(self, heading: str, message: str, busy: bool = False, choice: bool = False) -> None:
        self.heading.setText(heading)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.setAccessibleDescription(f"{heading} {message}".strip())
        self.progress.setVisible(busy)
        self.scroll.setVisible(not busy)
        self.cancel_button.setVisible(busy or choice)
        self.confirm_button.setVisible(choice)
        self.close_button.setVisible(not busy and not choice)
        (self.confirm_button if choice else self.cancel_button if busy else self.close_button).setFocus()

    def start(self) -> None:
        """Unpack and check the zip on its own thread."""
        def work(progress, cancelled):
            try:
                self.latest = imports.unpack_zip(self.source, self.user_dir, progress, cancelled)
            except Cancelled:
                raise ExportCancelled() from None
            return self.latest   # kept on the dialog too: « Annuler » at this moment removes it
        self._run(work, self.show_contents)

    def show_contents(self, unpacked: imports.Unpacked) -> None:
        self.latest = None
        if self.closing:   # « Annuler » came while the last file was read
            imports.discard(unpacked)
            super().reject()
            return
        self.unpacked = unpacked
        if unpacked.refused:
            self._state(_("Ce zip ne peut pas être importé"), plural(
                len(unpacked.problems), "{n} problème trouvé, à envoyer à l'auteur du module :",
                "{n} problèmes trouvés, à envoyer à l'auteur du module :"))
            for problem in unpacked.problems:
                self._line(str(problem), selectable=True)
        else:
            count = len(unpacked.modules)
            self._state(plural(count, "Ce zip contient {n} module", "Ce zip contient {n} modules"),
                        _("Vérifié : il peut être importé."), choice=True)
            for incoming in unpacked.modules:
                self._card(incoming)
            replacing = any(incoming.replaces for incoming in unpacked.modules)
            self.confirm_button.setText(_("Remplacer…") if replacing else _("Importer"))
            self.confirm_button.setAccessibleName(self.confirm_button.text().rstrip("…"))
        self.listing.addStretch(1)
        QTimer.singleShot(0, self.fit_to_screen)   # once the new lines are shown (the layout shows them next)

    def _line(self, text: str, selectable: bool = False, name: str = "") -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setWordWrap(True)
        if selectable:   # to copy the checker's words into an e-mail
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.listing.addWidget(label)
        return label

    def _card(self, incoming: imports.Incoming) -> None:
        module = incoming.module
        self._line(module.title, name="cardTitle")
        facts = [_("version {n}").format(n=module.version),
                 _(LANGUAGES.get(module.language, module.language)), duration_text(module.duration),
                 plural(len(module.steps), "{n} étape", "{n} étapes"),
                 plural(len(module.exercises), "{n} exercice", "{n} exercices")]
        self._line(" · ".join(fact for fact in facts if fact))
        if incoming.replaces:
            self._line(_("Remplacera la version {old} déjà importée.").format(
                old=incoming.installed_version), name="error")
        else:
            self._line(_("Nouveau module."), name="muted")

    # --- importing --------------------------------------------------------------------------

    def confirm(self) -> None:
        if self.unpacked is None or self.unpacked.refused:
            return
        replaced = [i for i in self.unpacked.modules if i.replaces]
        if not replaced:
            self._install()
            return
        names = ", ".join(f"« {i.module.title} »" for i in replaced)
        self.question = ask(self, _("Remplacer {names} ?\nLa version déjà importée sera supprimée de cet "
                                          "ordinateur et remplacée par celle du zip.").format(names=names),
                            _("Oui, remplacer"), self._install, no=_("Non, garder l'ancienne"))

    def _install(self) -> None:
        unpacked, user_dir = self.unpacked, self.user_dir
        self._state(_("Importation…"), "", busy=True)
        self.cancel_button.setEnabled(False)   # the renames are quick and must not stop halfway
        self.progress.setRange(0, 0)
        self._run(lambda _progress, _cancelled: (imports.install(unpacked, user_dir),
                                                 modules.read_installed(user_dir)), self._installed)

    def _installed(self, outcome) -> None:
        ids, rows = outcome
        self.unpacked = None
        modules.replace(rows)
        self.ops.announce(Changes(lessons=True), self.parentWidget())
        self.imported.emit(ids)
        self.accept()

    def _run(self, work, done) -> None:
        self.job = ExportJob(work, self)
        self.job.progressed.connect(self._progressed)
        self.job.finished_with.connect(done)
        self.job.failed.connect(self._failed)
        self.job.stopped.connect(self._stopped)
        self.job.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, error: Exception) -> None:
        """A full disk, a read-only one…: said here, in French, and nothing imported."""
        if self.closing:
            super().reject()
            return
        if self.unpacked is not None and not self.unpacked.refused:   # it failed while installing:
            modules.reload()                                           # some may be in place
            self.ops.announce(Changes(lessons=True), self.parentWidget())
        self.unpacked = None
        self.job = None
        self._state(_("L'importation n'a pas pu se faire"), plain_words(error))
        self.fit_to_screen()

    def _stopped(self) -> None:
        if self.latest is not None:   # read whole, then « Annuler »: the thread dropped it
            imports.discard(self.latest)
            self.latest = None
        super().reject()

    def reject(self) -> None:
        if self.job is not None and self.job.isRunning():
            self.closing = True
            self.job.cancel()     # « stopped » (or the contents, if they come first) closes it
            return
        if self.unpacked is not None and not self.unpacked.refused:
            imports.discard(self.unpacked)
            self.unpacked = None
        super().reject()

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait()   # its work is over (or it was never closed): the thread ends now
        super().done(result)

    def fit_to_screen(self) -> None:
        """As tall as the words of the listing, up to the screen (Qt sizes a dialog
        before its labels wrap, and a scroll area asks for little)."""
        for widget in self.findChildren(QWidget):
            widget.ensurePolished()   # labels just added: measured in the theme's fonts
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        width = min(max(self.sizeHint().width(), px(680)), px(900), screen.width() - 40)
        column = self.layout()
        margins = column.contentsMargins()
        frame = 2 * self.scroll.frameWidth()
        inner = (width - margins.left() - margins.right() - frame
                 - self.scroll.verticalScrollBar().sizeHint().width())
        around = column.totalHeightForWidth(width)
        around = around if around >= 0 else column.totalSizeHint().height()
        listing = self.listing.totalHeightForWidth(inner) if self.scroll.isVisibleTo(self) else 0
        height = around - (self.scroll.sizeHint().height() if self.scroll.isVisibleTo(self) else 0) \
            + listing + frame + px(16)  # the theme's borders and a wrapped line's leading
        self.resize(width, min(height, screen.height() - 40))

    def showEvent(self, event) -> None:
        self.fit_to_screen()
        super().showEvent(event)
