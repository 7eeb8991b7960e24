"""Leçons: the modules this Atelier has, shipped and imported, each with its version,
language and duration, or why it cannot be opened. A module's guide opens here to
prepare a session (nothing is recorded: no session is running); a zip received from
another association is imported, an imported module removed.

Reading the files and writing them run on a thread of their own (never the database
worker); what changed is announced like the worker's changes (``lessons``).
"""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier.changes import Changes
from atelier.lessons import imports
from atelier.lessons.installed import IMPORTED, Installed
from ui import modules
from ui.models.lessons import LessonsModel
from ui.operations import plain_words
from ui.render.export_job import ExportJob
from ui.theme import current_scale, px
from ui.views.button_rows import button_rows
from ui.views.lesson_guide import LessonGuideView
from ui.views.lesson_import import ImportDialog, ask_zip_path
from ui.widgets.big_list import BigList
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ask
from ui.widgets.scroller import Scroller


class LessonsView(QWidget):
    def __init__(self, ops, parent: QWidget | None = None, choose_zip=ask_zip_path, user_dir: Path | None = None):
        super().__init__(parent)
        self.ops, self.choose_zip = ops, choose_zip
        self.user_dir = Path(user_dir) if user_dir else modules.user_lessons_dir()
        self.job: ExportJob | None = None
        self.dialog: ImportDialog | None = None
        self.guide: QWidget | None = None
        self.setObjectName("page")
        self.setAccessibleName(_("Leçons"))

        title = QLabel(_("Leçons"))
        title.setObjectName("title")
        intro = QLabel(_("Préparez une séance avec le guide d'un module, ou importez un module reçu "
                               "d'une autre association."))
        intro.setWordWrap(True)
        intro.setVisible(current_scale() < 1.4)   # large text: the list keeps the room
        self.import_button = big_button(_("Importer un module…"), _(
            "Choisir le fichier .zip d'un module, le vérifier, puis l'ajouter"), primary=True,
            on_click=self.choose_and_import)
        self.model = LessonsModel(self)
        self.list = BigList(_("Liste des modules"))
        self.list.setModel(self.model)
        self.list.setMinimumHeight(px(120))
        self.list.selectionModel().currentChanged.connect(lambda *_: self._update())
        self.list.opened.connect(lambda _index: self.open_guide())
        self.details = QLabel()
        self.details.setObjectName("error")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A broken module's messages scroll under the list rather than push it away.
        self.details_area = Scroller(self.details, _("Problèmes du module choisi"), keyboard=True)
        self.details_area.setMaximumHeight(round(px(110) * max(1.0, current_scale())))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.guide_button = big_button(_("Ouvrir le guide"), _(
            "Lire les étapes du module pour préparer une séance"), name=_("Ouvrir le guide du module choisi"),
            on_click=self.open_guide)
        self.remove_button = big_button(_("Retirer…"), name=_("Retirer le module importé choisi"),
                                        danger=True, on_click=self.ask_remove)

        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(px(32), px(20), px(32), px(20))
        column.setSpacing(px(10))
        heading = QHBoxLayout()   # the title and the import share a line: the list keeps its room at 200 %
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.import_button)
        column.addLayout(heading)
        column.addWidget(intro)
        column.addWidget(self.list, 1)
        column.addWidget(self.details_area)
        column.addWidget(self.status)
        column.addLayout(button_rows([self.guide_button, self.remove_button]))
        self.stack = QStackedWidget()
        self.stack.addWidget(listing)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        ops.watch(self, ("lessons",), lambda _changes, _initiator: self.reload())
        self.reload()

    # --- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        chosen = self.list.current_id()
        self.model.set_rows(modules.installed_rows())
        if not self.list.choose(chosen) and self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        self._update()

    def selected(self) -> Installed | None:
        return self.model.row(self.list.currentIndex()) if self.list.current_id() else None

    def choose_module(self, module_id: str) -> None:
        for row, installed in enumerate(self.model.rows):
            if installed.id == module_id and installed.source == IMPORTED:
                self.list.setCurrentIndex(self.model.index(row))

    def _update(self) -> None:
        row = self.selected()
        self.guide_button.setEnabled(row is not None and not row.broken)
        self.remove_button.setEnabled(row is not None and row.source == IMPORTED)
        broken = row is not None and row.broken
        self.details_area.setVisible(broken)
        if row is not None:   # the list just got shorter or taller: its chosen row in sight
            QTimer.singleShot(0, lambda: self.list.scrollTo(self.list.currentIndex()))
        if broken:
            self.details.setText("\n".join([_("Ce module ne peut pas être ouvert. Le vérificateur dit :")]
                                           + [f"• {problem}" for problem in row.problems]))

    # --- the guide, to prepare a session ------------------------------------------------------

    def open_guide(self) -> None:
        row = self.selected()
        if row is None or row.broken:
            return
        self.close_guide()
        self.guide = QWidget()
        back = big_button(_("◀  Retour aux leçons"), name=_("Retour à la liste des modules"),
                          on_click=self.close_guide)
        title = QLabel(_("Préparer : {title}").format(title=row.title))
        title.setObjectName("section")
        title.setWordWrap(True)
        title.setVisible(current_scale() < 1.4)   # large text: the step's words keep the height
        top = QHBoxLayout()
        top.setContentsMargins(px(32), px(16), px(32), 0)
        top.setSpacing(px(16))
        top.addWidget(back)
        top.addWidget(title, 1)
        column = QVBoxLayout(self.guide)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addWidget(LessonGuideView(self.ops, None, row.module), 1)
        self.stack.addWidget(self.guide)
        self.stack.setCurrentWidget(self.guide)
        back.setFocus()

    def close_guide(self) -> None:
        if self.guide is None:
            return
        self.stack.setCurrentIndex(0)
        self.stack.removeWidget(self.guide)
        self.guide.deleteLater()
        self.guide = None
        self.list.setFocus()

    # --- importing and removing --------------------------------------------------------------

    def choose_and_import(self) -> None:
        path = self.choose_zip(self)
        if path:
            self.import_zip(Path(path))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def import_zip(self, path: Path) -> ImportDialog:
        self._say("")
        self.dialog = ImportDialog(self.ops, path, self.user_dir, self)
        self.dialog.imported.connect(self._imported)
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()
        self.dialog.start()
        return self.dialog

    def _imported(self, ids: list[str]) -> None:
        self.reload()
        if ids:
            self.choose_module(ids[0])
        titles = ", ".join(f"« {row.title} »" for row in self.model.rows if row.id in ids and row.source == IMPORTED)
        self._say(_("Importé : {titles}.").format(titles=titles))

    def ask_remove(self) -> None:
        row = self.selected()
        if row is None or row.source != IMPORTED:
            return
        self.question = ask(self, _("Retirer « {title} » ?\nLe module importé sera supprimé de cet "
                                          "ordinateur. Les séances passées gardent son nom.").format(title=row.title),
                            _("Oui, retirer"), lambda: self._remove(row), no=_("Non, le garder"))

    def _remove(self, row: Installed) -> None:
        user_dir = self.user_dir

        def work(_progress, _cancelled):
            imports.remove(user_dir, row.key)
            return modules.read_installed(user_dir)

        def done(rows) -> None:
            modules.replace(rows)
            self.ops.announce(Changes(lessons=True), self)
            self._say(_("Retiré : « {title} ».").format(title=row.title))

        self.remove_button.setEnabled(False)
        self.job = ExportJob(work, self)
        self.job.finished_with.connect(done)
        self.job.failed.connect(lambda error: (self._say(plain_words(error)), self._update()))
        self.job.start()
