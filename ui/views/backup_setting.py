"""Réglages, « Sauvegardes »: the backups on this PC (date, size, checked good or not),
« Faire une sauvegarde maintenant », « Restaurer… » after a confirmation, and « Copier
la dernière sauvegarde… » to a chosen folder (a USB stick) with progress.

The list is read from the folder at once (names and sizes); each backup is then checked
on the database worker, one job at a time, so a click elsewhere never waits behind the
whole list. The copy runs on an export thread (``ExportJob``), as the Documents do, so
a slow stick never holds the database. A restore replaces the data under the whole
program: once confirmed and checked, the page asks the window (``restore_requested``),
which closes its data, restores and opens again (``ui.app``).

``choose_folder(parent, title) -> str | None`` picks the stick's folder (a dialog by
default; a test passes its own).
"""

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QFileDialog, QFrame, QLabel, QProgressBar, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import backups
from ui.render.export_job import ExportJob
from ui.theme import px
from ui.views.button_rows import button_rows
from ui.views.look_setting import section
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ConfirmDialog
from ui.words import long_date

SHOWN = 5  # the newest; the others behind « Afficher … »


def ask_folder(parent, title: str) -> str | None:
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    return QFileDialog.getExistingDirectory(parent, title, start) or None


def take_now(db, folder: Path) -> backups.Backup:
    return backups.take(db, folder, "manual")


def check(_db, path: Path) -> str | None:
    return backups.problem(path)


def latest(_db, folder: Path) -> backups.Backup | None:
    return backups.latest_good(folder)


def size_words(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".replace(".", ",") + "\u00a0Mo"
    return f"{max(1, round(size / 1000))}\u00a0Ko"


class BackupRow(QFrame):
    """One backup: when, why and how big on a line, what the check found, « Restaurer… »."""

    def __init__(self, backup: backups.Backup, on_restore, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("card")
        self.backup = backup
        local = backup.taken_at.astimezone()
        self.when = _("{day} à {time}").format(day=long_date(local.date()), time=local.strftime("%H:%M"))
        self.in_sentence = _("{day} à {time}").format(day=long_date(local.date(), capital=False),
                                                             time=local.strftime("%H:%M"))
        title = QLabel(self.when)
        title.setObjectName("cardTitle")
        title.setWordWrap(True)
        kind = backup.reason_words()
        facts = [kind[:1].upper() + kind[1:]] + ([size_words(backup.size)] if backup.size else [])
        self.facts = QLabel(" · ".join(facts))
        self.facts.setWordWrap(True)
        self.state = QLabel(_("Vérification…"))
        self.state.setObjectName("muted")
        self.state.setWordWrap(True)
        self.restore = big_button(_("Restaurer…"), name=_("Restaurer la sauvegarde du {when}").format(
            when=self.in_sentence), on_click=lambda: on_restore(self))
        self.restore.setEnabled(False)  # until the check says it is good
        words = QVBoxLayout()
        words.setSpacing(px(2))
        for label in (title, self.facts, self.state):
            words.addWidget(label)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(px(14), px(10), px(14), px(10))
        self.row.setSpacing(px(12))
        self.row.addLayout(words, 1)
        self.row.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.title = title

    def resizeEvent(self, event) -> None:
        """The button beside the words while the date fits on one line beside it, under them
        otherwise (large text, a narrow window)."""
        margins = self.row.contentsMargins()
        needed = (self.title.fontMetrics().horizontalAdvance(self.when) + self.row.spacing()
                  + self.restore.sizeHint().width() + margins.left() + margins.right())
        beside = event.size().width() >= needed
        self.row.setDirection(QBoxLayout.Direction.LeftToRight if beside else QBoxLayout.Direction.TopToBottom)
        super().resizeEvent(event)

    def checked(self, problem: str | None) -> None:
        if problem is None:
            self.state.setText(_("✓ Vérifiée : en bon état."))
        else:
            self.state.setText(_("✗ Inutilisable : {problem}").format(problem=problem))
        self.restore.setEnabled(problem is None)
        self.restore.setVisible(problem is None)
        self.setAccessibleName(f"{self.when}. {self.facts.text()}. {self.state.text()}")


class BackupSetting(QWidget):
    restore_requested = Signal(object)  # the Path of a checked backup the facilitator confirmed

    def __init__(self, ops, parent: QWidget | None = None, choose_folder=ask_folder):
        super().__init__(parent)
        self.ops, self.choose_folder = ops, choose_folder
        self.folder = ops.store.backups_dir
        self.results: dict[tuple[Path, int], str | None] = {}  # (path, size) → what the check found
        self.rows: list[BackupRow] = []
        self.checking: tuple[Path, int] | None = None
        self.job: ExportJob | None = None
        self.confirm: ConfirmDialog | None = None
        self.show_all = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(6))
        section(column, _("Sauvegardes"))
        explained = QLabel(_(
            "Atelier fait une sauvegarde chaque jour au démarrage. Il garde les plus récentes, puis une par "
            "jour, une par semaine et une par mois pendant un an. Elles restent sur cet ordinateur : "
            "copiez la dernière sur une clé USB de temps en temps."))
        explained.setObjectName("muted")
        explained.setWordWrap(True)
        column.addWidget(explained)
        self.take = big_button(_("Faire une sauvegarde maintenant"), on_click=self.take_backup)
        self.copy = big_button(_("Copier la dernière sauvegarde…"), _(
            "Sur une clé USB, par exemple : une copie gardée ailleurs que sur cet ordinateur."),
            on_click=self.copy_latest)
        column.addLayout(button_rows([self.take, self.copy]))  # side by side, one under the other at 200 %
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Avancement de la copie"))
        self.progress.setMinimumHeight(px(32))
        self.progress.setRange(0, 100)
        self.progress.setFormat("%p\u00a0%")  # « 42 % », the French way
        self.progress.hide()
        column.addWidget(self.progress)
        # Two labels: Qt does not lay out again the text of a label whose style changes
        # from plain to framed, so what went wrong has its own, framed from the start.
        self.message, self.problem = QLabel(), QLabel()
        self.problem.setObjectName("error")
        for label, name in ((self.message, _("Message")), (self.problem, _("Problème"))):
            label.setWordWrap(True)
            label.setAccessibleName(name)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.hide()
            column.addWidget(label)
        self.list_title = QLabel(_("Sur cet ordinateur"))
        self.list_title.setObjectName("cardTitle")
        column.addSpacing(px(6))
        column.addWidget(self.list_title)
        self.list = QVBoxLayout()
        self.list.setSpacing(px(8))
        column.addLayout(self.list)
        self.more = big_button("", on_click=self.show_every_backup)
        column.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)

    def controls(self) -> list[QWidget]:
        """In reading order, for the page's Tab chain."""
        return [self.take, self.copy, *(row.restore for row in self.rows), self.more]

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.refresh()  # a backup may have been taken since (the daily one, the command line)

    # Reading: names and sizes at once, then the checks one by one on the worker

    def refresh(self) -> None:
        found = backups.list_backups(self.folder)
        shown = found if self.show_all else found[:SHOWN]
        if [row.backup for row in self.rows] != shown:
            self._show_rows(shown)
        hidden = len(found) - len(shown)
        self.more.setText(_("Afficher les {n} autres sauvegardes").format(n=hidden) if hidden > 1
                          else _("Afficher l'autre sauvegarde"))
        self.more.setAccessibleName(self.more.text())
        self.more.setVisible(hidden > 0)
        self._check_next()

    def _show_rows(self, shown: list[backups.Backup]) -> None:
        had_focus = any(row.restore.hasFocus() for row in self.rows)
        for row in self.rows:
            self.list.removeWidget(row)
            row.deleteLater()
        self.rows = [BackupRow(backup, self.ask_restore, self) for backup in shown]
        for row in self.rows:
            self.list.addWidget(row)
            if (row.backup.path, row.backup.size) in self.results:
                row.checked(self.results[(row.backup.path, row.backup.size)])
        self.list_title.setText(_("Sur cet ordinateur") if self.rows
                                else _("Aucune sauvegarde sur cet ordinateur pour l'instant."))
        if had_focus:
            self.take.setFocus()
        self._order_tabs()

    def _order_tabs(self) -> None:
        chain = self.controls()
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _check_next(self) -> None:
        if self.checking is not None:
            return
        waiting = [row.backup for row in self.rows if (row.backup.path, row.backup.size) not in self.results]
        if not waiting:
            return
        backup = waiting[0]
        self.checking = (backup.path, backup.size)
        self.ops.run(check, backup.path, parent=self, on_done=self._checked,
                     on_error=lambda error: self._checked(str(error)))

    def _checked(self, problem: str | None) -> None:
        key, self.checking = self.checking, None
        self.results[key] = problem
        for row in self.rows:
            if (row.backup.path, row.backup.size) == key:
                row.checked(problem)
        self._check_next()

    def show_every_backup(self) -> None:
        self.show_all = True
        self.refresh()
        if self.rows[SHOWN:]:  # the keyboard goes on to the backups that just appeared
            self.rows[SHOWN].setFocus()

    # « Faire une sauvegarde maintenant »

    def take_backup(self) -> None:
        self.take.setEnabled(False)
        self.say(_("Sauvegarde en cours…"))
        self.ops.run(take_now, self.folder, parent=self, on_done=self._taken, on_error=self._take_failed)

    def _taken(self, backup: backups.Backup) -> None:
        self.take.setEnabled(True)
        self.results[(backup.path, backup.size)] = None  # checked before it took its name
        self.say(_("Sauvegarde faite."))
        self.refresh()

    def _take_failed(self, error: Exception) -> None:
        self.take.setEnabled(True)
        self.say(str(error), error=True)

    # « Restaurer… »

    def ask_restore(self, row: BackupRow) -> None:
        self.confirm = ConfirmDialog(
            _("Remettre en place la sauvegarde du {when} ?").format(when=row.in_sentence),
            _("Les données actuelles sont d'abord gardées dans une nouvelle sauvegarde «\u00a0avant une remise "
                    "en place\u00a0» : rien n'est perdu. Atelier se ferme un instant, puis se rouvre avec les données "
                    "du {when}. Ce qui a été saisi depuis n'y sera pas.").format(when=row.in_sentence),
            _("Remettre en place"), danger=True, parent=self)
        self.confirm.setObjectName("confirm")
        self.confirm.accepted.connect(lambda path=row.backup.path: self._confirmed(path))
        self.confirm.open()

    def _confirmed(self, path: Path) -> None:
        self.say(_("Vérification de la sauvegarde…"))

        def checked(problem: str | None) -> None:
            if problem is not None:  # gone or spoilt since the list was read: nothing is touched
                self.say(_("Cette sauvegarde ne peut pas être remise en place. {reason}").format(
                    reason=problem), error=True)
                self.refresh()
                return
            self.restore_requested.emit(path)

        self.ops.run(check, path, parent=self, on_done=checked, on_error=lambda error: self.say(str(error), error=True))

    # « Copier la dernière sauvegarde… »

    def copy_latest(self) -> None:
        chosen = self.choose_folder(self, _("Où copier la dernière sauvegarde ?"))
        if not chosen:
            return
        self.copy.setEnabled(False)
        self.say(_("Recherche de la dernière sauvegarde en bon état…"))

        def found(backup: backups.Backup | None) -> None:
            if backup is None:
                self._copy_ended(_("Aucune sauvegarde en bon état à copier : faites-en une d'abord."), True)
                return
            self.say(_("Copie vers « {folder} »…").format(folder=chosen))
            self.progress.setValue(0)
            self.progress.show()
            self.job = ExportJob(lambda progress, _cancelled: backups.copy_to(
                backup.path, Path(chosen), lambda done, total: progress(done * 100 // max(total, 1), 100)), self)
            self.job.progressed.connect(lambda done, _total: self.progress.setValue(done))
            self.job.finished_with.connect(lambda path: self._copy_ended(_(
                "Copie terminée : « {path} ». Pensez à éjecter la clé USB avant de la retirer.").format(path=path)))
            self.job.failed.connect(lambda error: self._copy_ended(str(error), True))
            self.job.start()

        self.ops.run(latest, self.folder, parent=self, on_done=found,
                     on_error=lambda error: self._copy_ended(str(error), True))

    def _copy_ended(self, text: str, error: bool = False) -> None:
        if self.job is not None:
            self.job.wait()
            self.job.deleteLater()
            self.job = None
        self.progress.hide()
        self.copy.setEnabled(True)
        self.say(text, error)

    def say(self, text: str, error: bool = False) -> None:
        shown, hidden = (self.problem, self.message) if error else (self.message, self.problem)
        hidden.hide()
        shown.setText(text)
        shown.show()
