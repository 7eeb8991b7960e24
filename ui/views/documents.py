"""Documents for the coordinator: for a period and a group (or all), the feuilles
d'émargement, the attendance register, the funders' activity report, an attestation,
and everything Atelier holds about one person (GDPR).

What a document says is read on the database worker (one thread for SQLite); the PDF
is then painted on an export thread, with a progress bar and an "Annuler" button that
stops it between two pages and leaves no file. When it is ready, « C'est prêt » comes
into sight with « Ouvrir » and « Ouvrir le dossier » (``export_result``).
``choose_path``, ``open_file`` and ``open_folder`` are
parameters, so that a test chooses the files without a real dialog.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from atelier.i18n import _
from atelier import groups, people
from atelier.exports import attestation, person, report_xlsx, sheet
from atelier.files import WriteError, error_text
from ui.render.export_job import ExportJob
from ui.render.page import ExportCancelled
from ui.theme import current_scale, px, target_px
from ui.views.button_rows import button_rows
from ui.views.funder_gaps import FunderGaps
from ui.views.sheet_dialog import ask_save_path, breakable
from ui.views.export_result import ExportResult, open_on_desktop
from ui.views.site_choice import SiteChoice, activity_report, hub_sites, write_register
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox
from ui.widgets.period_choice import PeriodChoice
from ui.widgets.wheel_guard import guard_wheel
from ui.widgets.scroller import scrolling_page
from ui.words import SHORT_DATE_FORMAT


def _open_folder(path: Path) -> None:
    open_on_desktop(path.parent)


def gather_sheets(db, first: date, last: date, group_id, completed: bool, cancelled) -> list:
    from atelier.exports.catalogue import module_index

    modules = list(module_index().values())
    contents = []
    for session_id in sheet.sheets_for_period(db, first, last, group_id):
        if cancelled():
            raise ExportCancelled()
        contents.append(sheet.sheet_for(db, session_id, completed, modules=modules))
    return contents


class DocumentsView(QWidget):
    export_started = Signal(object)  # the ExportJob, just before it starts
    export_ended = Signal(str)  # "done", "failed" or "stopped"

    def __init__(self, ops, parent=None, choose_path=ask_save_path, open_folder=_open_folder,
                 open_file=open_on_desktop):
        super().__init__(parent)
        self.ops = ops
        self.choose_path, self.open_folder, self.open_file = choose_path, open_folder, open_file
        self.job: ExportJob | None = None
        self.cancelling = False
        self.last_paths: list[Path] = []
        self.setObjectName("page")
        self.setAccessibleName(_("Documents"))
        height = target_px(current_scale())

        title = QLabel(_("Documents"))
        title.setObjectName("title")
        intro = QLabel(_("Choisissez la période et le groupe, puis le document."))
        intro.setWordWrap(True)
        today = ops.today()
        self.first = self._date(today.replace(month=1, day=1), _("Premier jour de la période"), height)
        self.last = self._date(today, _("Dernier jour de la période"), height)
        self.group = self._choice(_("Groupe"), height)
        self.sites = SiteChoice(_("Sites du registre et du rapport"), height)
        self.person = self._choice(_("Personne"), height)
        # A check box, not a button that stays pressed: it says it is a choice, not an action.
        # Short, as a check box does not wrap its text.
        self.completed = BigCheckBox(_("Remplies avec l'appel"))
        self.completed.setAccessibleName(_("Feuilles remplies avec les présences de l'appel"))

        # Short button texts (a button does not wrap: at 200 % a long one would leave the
        # window); what each document is, in a line under it (so no tooltip repeats it).
        self.sheets = big_button(_("Feuilles d'émargement"), _(
            "Un PDF avec la feuille de chaque séance de la période : vierge, "
            "ou remplie avec les présences si la case est cochée."), on_click=self.export_sheets, tooltip=False)
        self.register = big_button(_("Registre de présence"), _(
            "Un tableur (.xlsx ou .csv) : qui est venu à chaque séance."),
            on_click=self.export_register, tooltip=False)
        self.report = big_button(_("Rapport d'activité"), _(
            "Pour les financeurs : un tableur .xlsx et un résumé .pdf."), on_click=self.export_report, tooltip=False)
        self.attestation = big_button(_("Attestation"), _(
            "Les ateliers suivis par la personne pendant la période, en PDF."),
            on_click=self.export_attestation, tooltip=False)
        self.person_data = big_button(_("Données de la personne"), _(
            "Tout ce qu'Atelier sait d'elle (droit d'accès RGPD) : un PDF et un fichier JSON."),
            on_click=self.export_person, tooltip=False)

        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Avancement"))
        self.progress.setMinimumHeight(height)
        self.progress.setFormat(_("%v pages sur %m"))
        self.cancel = big_button(_("Annuler"), on_click=self.cancel_export)
        # What became of the export; the openers are asked when clicked (a test sets its own).
        self.result = ExportResult(lambda path: self.open_file(path), lambda path: self.open_folder(path))
        self.message, self.open_button, self.folder = self.result.message, self.result.open_button, self.result.folder

        column = QVBoxLayout()
        column.setSpacing(px(10))
        for widget in (title, intro):
            column.addWidget(widget)
        labels = [_("Du"), _("Au"), _("Groupe"), _("Personne")]
        label_width = max(QLabel(text).sizeHint().width() for text in labels)  # both forms line up
        column.addLayout(self._form(zip(labels[:2], (self.first, self.last)), label_width))
        self.periods = PeriodChoice(self.first, self.last, today)  # « Ce mois-ci », « Cette année »…
        column.addWidget(self.periods)
        column.addLayout(self._form([(labels[2], self.group)], label_width))
        self.sites_row = QWidget()  # at the coordination only
        sites = QVBoxLayout(self.sites_row)
        sites.setContentsMargins(0, 0, 0, 0)
        sites.addLayout(self._form([(_("Sites"), self.sites)], label_width))
        hint = QLabel(_("Pour le registre et le rapport : ce poste, ou les résumés rassemblés de tous les "
                              "sites ou d'un seul (sans le choix du groupe)."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        sites.addWidget(hint)
        column.addWidget(self.sites_row)
        self._section(column, _("Pour la période et le groupe"))
        self._document(column, self.sheets, beside=self.completed)
        self._document(column, self.register)
        self.gaps = FunderGaps(ops, (_("venue sur la période"), _("venues sur la période")), self)  # before the report: fields it needs
        column.addWidget(self.gaps)
        self._document(column, self.report)
        self._section(column, _("Pour une personne"))
        column.addLayout(self._form([(labels[3], self.person)], label_width))
        for button in (self.attestation, self.person_data):
            self._document(column, button)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.cancel)
        column.addSpacing(px(8))
        column.addLayout(busy)
        column.addWidget(self.result)
        column.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        column.setContentsMargins(px(32), px(20), px(32), px(20))
        self.scroller = scrolling_page(self, inner, frame=True, keyboard=True,  # everything fits the width
                       name=_("Documents à préparer"))
        self._set_busy(False)
        ops.watch(self, ('groups', 'people', 'settings', 'hub'), lambda _changes, _initiator: self.reload())
        self.reload()
        self.gaps.follow_period(self, self.first, self.last, self.group)

    def _date(self, value: date, name: str, height: int) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(SHORT_DATE_FORMAT)
        edit.setAccessibleName(name)
        guard_wheel(edit)
        inner = edit.findChild(QLineEdit)
        if inner is not None:  # the field inside is what the keyboard reaches
            inner.setAccessibleName(name)
        return edit

    def _choice(self, name: str, height: int) -> QComboBox:
        box = QComboBox()
        box.setAccessibleName(name)
        box.setMinimumHeight(height)
        # As wide as about 14 letters, not as the longest name: it fits the window at 200 %.
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(14)
        guard_wheel(box)
        return box

    @staticmethod
    def _form(rows, label_width: int) -> QGridLayout:
        form = QGridLayout()
        form.setHorizontalSpacing(px(12))
        form.setVerticalSpacing(px(10))
        for row, (label, widget) in enumerate(rows):
            text = QLabel(label)
            text.setBuddy(widget)
            text.setMinimumWidth(label_width)
            form.addWidget(text, row, 0)
            form.addWidget(widget, row, 1)
        form.setColumnStretch(2, 1)
        return form

    @staticmethod
    def _section(column: QVBoxLayout, text: str) -> None:
        label = QLabel(text)
        label.setObjectName("section")
        label.setWordWrap(True)
        column.addSpacing(px(12))
        column.addWidget(label)

    @staticmethod
    def _document(column: QVBoxLayout, button: QPushButton, beside: QWidget | None = None) -> None:
        """The button (and its option beside it, or under it when narrow), then what the
        document is."""
        explained = QLabel(button.accessibleDescription())
        explained.setObjectName("muted")
        explained.setWordWrap(True)
        column.addSpacing(px(4))
        if beside is None:
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            column.addLayout(button_rows([button, beside]))
        column.addWidget(explained)


    def reload(self) -> None:
        chosen_group, chosen_person = self.group.currentData(), self.person.currentData()
        self.group.clear()
        self.group.addItem(_("Tous les groupes"), None)
        for g in self.ops.read(groups.every):
            self.group.addItem(g.name, g.id)
        self.person.clear()
        for p in self.ops.read(people.every):
            self.person.addItem(p.full_name, p.id)
        # a person completed or renamed elsewhere keeps the choices made here
        self.group.setCurrentIndex(max(0, self.group.findData(chosen_group)))
        self.person.setCurrentIndex(max(0, self.person.findData(chosen_person)))
        sites = self.ops.read(hub_sites)
        self.sites_row.setVisible(sites is not None)
        self.sites.fill(sites or [])

    def period(self) -> tuple[date, date, str | None]:
        return self.first.date().toPython(), self.last.date().toPython(), self.group.currentData()

    # — the exports —

    def _ask(self, title: str, suggested: str, filters: str) -> Path | None:
        path = self.choose_path(self, title, suggested, filters)
        return Path(path) if path else None

    def export_sheets(self) -> None:
        first, last, group_id = self.period()
        path = self._ask(_("Enregistrer les feuilles d'émargement"),
                         _("emargements-{first}-{last}.pdf").format(first=first, last=last),
                         _("Document PDF (*.pdf)"))
        if path is None:
            return
        from ui.render.documents import render_sheets

        completed = self.completed.isChecked()
        self.run(lambda db, cancelled: gather_sheets(db, first, last, group_id, completed, cancelled),
                 lambda contents, progress, cancelled: [render_sheets(contents, path, progress, cancelled)])

    def export_register(self) -> None:
        first, last, group_id = self.period()
        path = self._ask(_("Enregistrer le registre de présence"),
                         _("registre-{first}-{last}.xlsx").format(first=first, last=last),
                         _("Classeur (*.xlsx);;Tableur CSV (*.csv)"))
        if path is None:
            return
        scope = self.sites.scope()

        def written(db, cancelled) -> list[Path]:
            write_register(db, path, first, last, group_id, scope)
            return [path]

        self.run(written, None)

    def export_report(self) -> None:
        first, last, _group = self.period()
        path = self._ask(_("Enregistrer le rapport d'activité"),
                         _("rapport-activite-{first}-{last}.xlsx").format(first=first, last=last),
                         _("Classeur (*.xlsx)"))
        if path is None:
            return
        from ui.render.documents import render_report_pdf

        xlsx, pdf = path.with_suffix(".xlsx"), path.with_suffix(".pdf")
        today, scope = self.ops.today(), self.sites.scope()
        self.run(lambda db, cancelled: activity_report(db, first, last, scope, today),
                 lambda data, progress, cancelled: [report_xlsx.write_report_xlsx(data, xlsx),
                                                    render_report_pdf(data, pdf, progress, cancelled)])

    def export_attestation(self) -> None:
        person_id, name = self.person.currentData(), self.person.currentText()
        if person_id is None:
            self.result.say(_("Choisissez d'abord une personne."))
            return
        first, last, _group = self.period()
        path = self._ask(_("Enregistrer l'attestation"),
                         _("attestation-{name}.pdf").format(name=name.replace(" ", "-")),
                         _("Document PDF (*.pdf)"))
        if path is None:
            return
        from ui.render.documents import render_attestation

        today = self.ops.today()
        self.run(lambda db, cancelled: attestation.attestation_for(db, person_id, first, last, today=today),
                 lambda data, progress, cancelled: [render_attestation(data, path, progress, cancelled)])

    def export_person(self) -> None:
        person_id, name = self.person.currentData(), self.person.currentText()
        if person_id is None:
            self.result.say(_("Choisissez d'abord une personne."))
            return
        path = self._ask(_("Enregistrer les données de la personne"),
                         _("donnees-{name}.pdf").format(name=name.replace(" ", "-")),
                         _("Document PDF (*.pdf)"))
        if path is None:
            return
        from ui.render.documents import render_person_pdf

        pdf, json_path = path.with_suffix(".pdf"), path.with_suffix(".json")
        self.run(lambda db, cancelled: person.person_export(db, person_id),
                 lambda data, progress, cancelled: [render_person_pdf(data, pdf, progress, cancelled),
                                                    person.write_json(data, json_path)])

    # — running one export at a time —

    def run(self, gather, render) -> None:
        """``gather(db, cancelled)`` on the database worker, then ``render(data, progress,
        cancelled) -> [paths]`` on an export thread (or nothing more when render is None)."""
        self.cancelling = False
        self.result.say(_("Préparation…"))
        self.progress.setRange(0, 0)
        self._set_busy(True)

        def gathered(data) -> None:
            if self.cancelling:
                return self._stopped()
            if render is None:
                return self._done(data)
            self.job = ExportJob(lambda progress, cancelled: render(data, progress, cancelled), self)
            self.job.progressed.connect(self._progressed)
            self.job.finished_with.connect(self._done)
            self.job.failed.connect(self._failed)
            self.job.stopped.connect(self._stopped)
            self.export_started.emit(self.job)
            self.job.start()

        self.ops.run(gather, lambda: self.cancelling, on_done=gathered, parent=self,
                     on_error=lambda error: self._stopped() if isinstance(error, ExportCancelled) else self._failed(error))

    def cancel_export(self) -> None:
        self.cancelling = True
        self.result.say(_("Arrêt en cours…"))
        if self.job is not None:
            self.job.cancel()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _done(self, paths: list) -> None:
        self._finish()
        self.last_paths = [Path(p) for p in paths]
        self.result.ready(self.last_paths)
        self.export_ended.emit("done")

    def _failed(self, error: Exception) -> None:
        self._finish()
        text = error_text(error)  # a full disk, a read-only folder: in plain French, naming the file
        if not isinstance(error, (WriteError, OSError)):
            text = _("Le document n'a pas pu être écrit : {error}").format(error=text)
        self.result.say(breakable(text), tooltip=text)
        self.export_ended.emit("failed")

    def _stopped(self) -> None:
        self._finish()
        self.result.say(_("Export annulé. Aucun fichier n'a été écrit."))
        self.export_ended.emit("stopped")

    def _finish(self) -> None:
        if self.job is not None:
            self.job.wait()
            self.job.deleteLater()
            self.job = None
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.sheets, self.register, self.report, self.attestation, self.person_data):
            button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.cancel.setVisible(busy)
        self.cancel.setEnabled(busy)
