"""« Coordination »: what every site sent, on the coordination's PC only.

The sessions held, the different people (counted once across sites by their keyed
hash), the hours and the attendances by month, for every site or one, with a bar chart;
every site and device with its last file received and when; the files refused with their
reasons; « Récupérer maintenant » and the state of the background pull (``ui.hub_pull``).

The figures are read on the database worker (``coordination.overview``: one pass for
every site at once, so choosing a site redraws without reading again), again when the
core announces a change of the hub's data (Changes.hub), at most one reading at a time.
"""

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from atelier.i18n import N_, _, plural
from atelier.sync import coordination
from atelier.sync.coordination import EVERY_SITE
from ui.hub_pull import DONE, FAILED, IDLE, NO_HUB, OFFLINE, RUNNING, PullState
from ui.theme import current_scale, px, target_px
from ui.views.button_rows import button_rows
from ui.views.hub_devices import HubDevices, HubRejects
from ui.widgets.buttons import big_button
from ui.widgets.choice import BigChoice
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.month_chart import MonthChart
from ui.widgets.month_table import MonthTable
from ui.widgets.scroller import scrolling_page
from ui.words import moment_words, month_words, number_words

YEARS_BACK = 4  # the period choice: the last twelve months, this year and the four before
RELOAD_MS, RELOAD_PULLING_MS = 300, 3_000  # a pull under way merges batch after batch: read now and then
# Each measure's button, the button's name for a screen reader and the chart's title:
# whole phrases, since a word put into another sentence agrees differently in each language.
MEASURES = {
    "sessions": (N_("Séances"), N_("Graphique des séances par mois"), N_("Séances par mois")),
    "people": (N_("Personnes"), N_("Graphique des personnes par mois"), N_("Personnes par mois")),
    "hours": (N_("Heures"), N_("Graphique des heures par mois"), N_("Heures par mois")),
    "attendances": (N_("Présences"), N_("Graphique des présences par mois"), N_("Présences par mois")),
}


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class CoordinationView(QWidget):
    loaded = Signal()  # the figures on screen are those of the database

    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.puller = None
        self.overview: coordination.Overview | None = None
        self.loading = self.stale = False
        self.measure = "sessions"
        self.setObjectName("page")
        self.setAccessibleName(_("Coordination"))
        height = target_px(current_scale())

        self.pull_button = big_button(_("Récupérer maintenant"), _(
            "Lire tout de suite les nouveaux fichiers des sites sur le partage."), on_click=self.pull_now)
        self.pull_state = _label()
        self.progress = QProgressBar()
        self.progress.setAccessibleName(_("Avancement de la récupération"))
        self.progress.setMinimumHeight(height)
        self.progress.setFormat(_("%v fichiers sur %m"))
        self.progress.hide()
        self.site = BigChoice([], name=_("Site"), letters=16)
        self.site.currentIndexChanged.connect(lambda _i: self.render())
        this_year = ops.today().year
        self.period = BigChoice([(None, _("12 derniers mois"))] + [
            (year, str(year)) for year in range(this_year, this_year - YEARS_BACK - 1, -1)],
            name=_("Période"), letters=16)
        self.period.currentIndexChanged.connect(lambda _i: self.reload())
        self.busy = _label(_("Calcul des chiffres…"), "muted")
        self.totals = {key: _label("", "cardTime") for key in ("sessions", "people", "hours", "attendances")}
        self.measures = {}
        self.chart = MonthChart()
        self.table = MonthTable()
        self.devices, self.rejects = HubDevices(), HubRejects()

        column = QVBoxLayout()
        column.setSpacing(px(10))
        column.addWidget(_label(_("Coordination"), "title"))
        column.addWidget(_label(_("Ce que les sites ont envoyé : séances, personnes, heures, par mois. "
                                        "Les fichiers sont récupérés tout seuls, toutes les quelques minutes."), "muted"))
        column.addLayout(button_rows([self.pull_button]))
        column.addWidget(self.pull_state)
        column.addWidget(self.progress)
        column.addLayout(self._choices())
        column.addWidget(self.busy)
        column.addLayout(self._total_cards())
        self._section(column, _("Par mois"))
        column.addLayout(self._measure_buttons())
        column.addWidget(self.chart)
        column.addWidget(self.table)
        self._section(column, _("Sites et postes"))
        column.addWidget(self.devices)
        self._section(column, _("Fichiers refusés"))
        column.addWidget(self.rejects)
        column.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        column.setContentsMargins(px(32), px(20), px(32), px(24))
        scrolling_page(self, inner, frame=True, keyboard=True, name=_("Coordination : les sites"))

        self.reload_timer = QTimer(self)
        self.reload_timer.setSingleShot(True)
        self.reload_timer.timeout.connect(self.reload)
        ops.watch(self, ("hub",), lambda _changes, _initiator: self.schedule_reload())
        self.show_pull(PullState(NO_HUB))
        self.reload()

    # Building blocks

    def _choices(self) -> FlowLayout:
        row = FlowLayout(spacing=px(16))
        for text, box in ((_("Site"), self.site), (_("Période"), self.period)):
            pair = QWidget()
            line = QGridLayout(pair)
            line.setContentsMargins(0, 0, 0, 0)
            line.setHorizontalSpacing(px(10))
            label = QLabel(text)
            label.setBuddy(box)
            line.addWidget(label, 0, 0)
            line.addWidget(box, 0, 1)
            row.addWidget(pair)
        return row

    def _total_cards(self) -> FlowLayout:
        row = FlowLayout(spacing=px(12))
        for key, text in (("sessions", _("séances")), ("people", _("personnes différentes")),
                          ("hours", _("heures d'atelier")), ("attendances", _("présences"))):
            card = QFrame()
            card.setObjectName("card")
            box = QVBoxLayout(card)
            box.setContentsMargins(px(16), px(10), px(16), px(10))
            box.setSpacing(px(2))
            box.addWidget(self.totals[key])
            box.addWidget(QLabel(text))
            row.addWidget(card)
        return row

    def _measure_buttons(self):
        buttons = []
        for key, (text, name, _title) in MEASURES.items():
            button = big_button(_(text), name=_(name),
                                on_click=lambda _checked=False, k=key: self.choose_measure(k))
            button.setObjectName("step")
            button.setCheckable(True)
            self.measures[key] = button
            buttons.append(button)
        self.measures[self.measure].setChecked(True)
        return button_rows(buttons)

    @staticmethod
    def _section(column: QVBoxLayout, text: str) -> None:
        column.addSpacing(px(12))
        column.addWidget(_label(text, "section"))

    def attach_pull(self, puller) -> None:
        """The background pull: its state under « Récupérer maintenant »."""
        self.puller = puller
        puller.state_changed.connect(self.show_pull)
        self.show_pull(puller.state)

    # Reading

    def period_bounds(self):
        year = self.period.currentData()
        if year is None:
            return coordination.last_twelve_months(self.ops.today())
        return date(year, 1, 1), date(year, 12, 31)

    def schedule_reload(self) -> None:
        """Read again soon: during a pull, now and then; after it, at once."""
        pulling = self.puller is not None and self.puller.state.kind == RUNNING
        wait = RELOAD_PULLING_MS if pulling else RELOAD_MS
        if not self.reload_timer.isActive() or self.reload_timer.remainingTime() > wait:
            self.reload_timer.start(wait)

    def reload(self) -> None:
        if self.loading:  # one reading at a time; the newest data is read right after
            self.stale = True
            return
        self.loading, self.stale = True, False
        self.busy.show()
        first, last = self.period_bounds()
        self.ops.run(coordination.overview, first, last, parent=self, on_done=self.show_overview,
                     on_error=self._failed)

    def _failed(self, error: Exception) -> None:
        self.loading = False
        self.busy.setText(_("Les chiffres n'ont pas pu être lus : {error}").format(error=error))

    def show_overview(self, overview: coordination.Overview) -> None:
        self.loading = False
        self.overview = overview
        chosen = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(_("Tous les sites"), EVERY_SITE)
        for folder in overview.sites:
            self.site.addItem(overview.names.get(folder, folder), folder)
        self.site.setCurrentIndex(max(0, self.site.findData(chosen)))
        self.site.blockSignals(False)
        self.render()
        if self.stale:
            self.reload()
        else:
            self.busy.hide()
            self.loaded.emit()

    def render(self) -> None:
        """The figures of the chosen site (or of all), from the overview already read."""
        if self.overview is None:
            return
        site = self.site.currentData()
        figures = self.overview.of(site)
        total = figures.total
        for key, value in (("sessions", total.sessions), ("people", total.people), ("hours", total.hours),
                           ("attendances", total.attendances)):
            self.totals[key].setText(number_words(value))
        self.show_chart(figures)
        self.fill_table(figures)
        self.devices.show_status(self.overview.status, self.overview.names, site)
        self.rejects.show_rejects(self.overview.status.get("rejects", []), self.overview.names, site)

    def choose_measure(self, key: str) -> None:
        self.measure = key
        for name, button in self.measures.items():
            button.setChecked(name == key)
        if self.overview is not None:
            self.show_chart(self.overview.of(self.site.currentData()))

    def show_chart(self, figures: coordination.Figures) -> None:
        self.chart.set_bars(_(MEASURES[self.measure][2]),
                            [(t.month, getattr(t, self.measure)) for t in figures.months])

    def fill_table(self, figures: coordination.Figures) -> None:
        heads = [_("Mois"), _("Séances"), _("Personnes"), _("Heures"), _("Présences")]
        rows = [(month_words(t.month), t) for t in figures.months] + [(_("Total"), figures.total)]
        self.table.set_rows(heads, [
            (name, [number_words(v) for v in (t.sessions, t.people, t.hours, t.attendances)], self.month_line(name, t))
            for name, t in rows])

    def month_line(self, name: str, tally: coordination.Tally) -> str:
        """A month's figures as a sentence, for the table's narrow form."""
        counts = (plural(tally.sessions, "{n} séance", "{n} séances"),
                  plural(tally.people, "{n} personne", "{n} personnes"),
                  plural(tally.hours, "{h} heure", "{h} heures", h=number_words(tally.hours)),
                  plural(tally.attendances, "{n} présence", "{n} présences"))
        return _("{month} : {counts}").format(month=name, counts=", ".join(counts))

    # The pull

    def pull_now(self) -> None:
        if self.puller is not None:
            self.puller.run_now()

    def show_pull(self, state: PullState) -> None:
        self.pull_button.setEnabled(state.kind != RUNNING)
        self.progress.setVisible(state.kind == RUNNING and state.total > 0)
        if state.total:
            self.progress.setRange(0, state.total)
            self.progress.setValue(state.read)
        self.pull_state.setText(self.pull_words(state))
        if state.kind != RUNNING and self.reload_timer.isActive():
            self.reload_timer.start(RELOAD_MS)  # what the pull merged, shown as soon as it ended

    def pull_words(self, state: PullState) -> str:
        if state.kind == NO_HUB:
            return _("Choisissez d'abord le partage des sites dans Réglages, « Synchronisation ».")
        if state.kind == RUNNING:
            if not state.total:
                return _("Récupération en cours : lecture du partage…")
            return _("Récupération en cours : {read} fichiers lus sur {total}.").format(
                read=state.read, total=state.total)
        error = state.message.strip().rstrip(".")
        if state.kind == FAILED:
            return _("Récupération impossible : {error}. Rien n'est perdu : ce qui n'a pas été lu "
                           "le sera la prochaine fois.").format(error=error)
        if state.kind == OFFLINE:
            return _("Le partage ne répond pas : {error}. Nouvel essai dans quelques minutes.").format(
                error=error)
        if state.kind == DONE:
            report = state.report
            received = plural(report.files_merged, "{n} fichier reçu", "{n} fichiers reçus")
            if report.rejected:
                received += ", " + plural(report.rejected, "{n} refusé", "{n} refusés")
            news = received if report.files_merged or report.rejected else _("rien de nouveau")
            return _("Dernière récupération {when} : {news}.").format(
                when=moment_words(state.finished_at), news=news)
        if state.kind == IDLE and state.finished_at is None:
            return _("Première récupération dans quelques secondes.")
        return ""
