"""The home screen: today's date, today's sessions, then the next ones.

The sessions are read in one quick query on the read-only connection, again whenever
the core announces a change of sessions, groups or settings (once, when the home is
shown again, if it was hidden); ``loaded`` is emitted once the cards are on screen.
At start, the cards below the first screen come just after its first frame
(``hold_back`` and ``show_the_rest``): the first frame waits only for what it shows.
"""

from datetime import date, datetime
from typing import NamedTuple

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier import sessions, settings
from atelier.sessions import SessionRow
from ui.sync_state import ERROR, NEVER, NONE, OFFLINE, SyncState
from ui.qt_names import set_named
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.scroller import scrolling_page
from ui.words import long_date, module_label, with_status

_LATER = (sessions.PLANNED, sessions.DONE, sessions.CANCELLED)  # today's cards, in this order
NEXT_COUNT = 8  # "Prochaines séances": enough to plan the week, short enough to read
FIRST_CARDS = 4  # more than fill the first screen at 100 % on 1366×768


class HomeData(NamedTuple):  # not a dataclass: made at every start, a sixth of the cost
    association: str
    site: str
    today: list[SessionRow]
    coming: list[SessionRow]


def load(db, today: date) -> HomeData:
    """Everything the home screen shows, in one go."""
    rows = sessions.upcoming(db, today, limit=40, cancelled=True)
    iso = today.isoformat()
    return HomeData(
        association=settings.get(db, settings.ASSOCIATION, "") or "",
        site=settings.get(db, settings.SITE, "") or "",
        # what is still to start first: at 200 % its « Commencer » shows without scrolling
        today=sorted((r for r in rows if r.session.date == iso), key=lambda r: _LATER.index(r.session.status)),
        coming=[r for r in rows if r.session.date != iso][:NEXT_COUNT],
    )


class SessionCard(QFrame):
    """One session as a large card: the time first (and whether it is done or cancelled),
    then the group, place and module. Today's has « Commencer », or « Rouvrir » once done."""

    def __init__(self, row: SessionRow, today: date, parent: QWidget | None = None, on_start=None):
        super().__init__(parent)
        self.setObjectName("card")
        self.start = None
        s = row.session
        when = _("{start} – {end}").format(start=s.start_time, end=s.end_time)
        if s.date != today.isoformat():
            when = _("{day}, {time}").format(day=long_date(s.date, year=False), time=when)
        when = with_status(s, when)
        group = row.group_name or _("Séance sans groupe")
        details = [part for part in (s.place, module_label(s.module_id)) if part]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(18), px(12), px(18), px(14))
        layout.setSpacing(px(4))
        time_label = QLabel(when)
        time_label.setObjectName("cardTime")
        title = QLabel(group)
        title.setObjectName("cardTitle")
        layout.addWidget(time_label)
        layout.addWidget(title)
        if details:
            more = QLabel(" · ".join(details))
            more.setObjectName("muted")
            layout.addWidget(more)
        for label in self.findChildren(QLabel):
            label.setWordWrap(True)
            set_named(label, textInteractionFlags="NoTextInteraction")  # by name: the first screen
        # Screen readers read the card as one sentence.
        self.setAccessibleName(", ".join([when, group, *details]))
        set_named(self, focusPolicy="NoFocus")
        if on_start is not None and s.status == sessions.PLANNED:  # one large button opens the workshop
            self.start = big_button(_("Commencer"), primary=True, on_click=lambda: on_start(row.session),
                                    name=_("Commencer la séance : {what}").format(what=", ".join([when, group])))
        elif on_start is not None and s.status == sessions.DONE:  # corrections after « Terminer la séance »
            self.start = big_button(_("Rouvrir"), on_click=lambda: on_start(row.session),
                                    name=_("Rouvrir la séance pour la corriger : {what}").format(
                                        what=", ".join([when, group])))
        if self.start is not None:
            layout.addSpacing(px(6))
            # As wide as its words, on the left (its size policy, not Qt.AlignLeft: see ui.qt_names)
            self.start.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
            layout.addWidget(self.start)


class HomeView(QWidget):
    loaded = Signal()
    start_requested = Signal(object)  # "Commencer": the Session whose workshop should open

    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.data: HomeData | None = None
        self.hold_back = False  # the first frame is not painted yet: the first cards only
        self._rest: list[tuple[QVBoxLayout, SessionRow]] = []  # the cards held back
        ops.watch(self, ("sessions", "groups", "settings"), lambda _changes, _initiator: self.reload())

        content = QWidget()
        content.setObjectName("page")
        # The page scrolls rather than clips when the text is made larger. The area itself
        # takes the keyboard: the cards do not, and the list may be long. Made before what
        # it holds, which is then styled once, where it stays (see MainWindow).
        scrolling_page(self, content, keyboard=True, name=_("Les séances du jour et à venir"))

        # The date first and no separate greeting: at 200 % text the first
        # session's "Commencer" must still show without scrolling.
        self.where = QLabel()
        self.where.setObjectName("subtitle")
        self.date_label = QLabel()
        self.date_label.setObjectName("subtitle")
        # The sync's state, under the date; nothing at all when no hub is chosen.
        self.sync_runner = None
        self.sync_label = QLabel()
        self.sync_label.setObjectName("muted")
        self.retry = big_button(_("Réessayer"), name=_("Réessayer la synchronisation"),
                                on_click=self.retry_sync)
        self.sync_row = QWidget(content)
        sync_line = QHBoxLayout(self.sync_row)
        sync_line.setContentsMargins(0, 0, 0, 0)
        sync_line.setSpacing(px(12))
        sync_line.addWidget(self.sync_label, 1)
        sync_line.addWidget(self.retry)
        self.sync_row.hide()
        self.today_title = QLabel(_("Aujourd'hui"))
        self.today_title.setObjectName("section")
        self.today_box = QVBoxLayout()
        self.coming_title = QLabel(_("Prochaines séances"))
        self.coming_title.setObjectName("section")
        self.coming_box = QVBoxLayout()

        column = QVBoxLayout(content)
        column.setContentsMargins(px(32), px(20), px(32), px(32))
        column.setSpacing(px(6))
        for widget in (self.date_label, self.where, self.sync_label, self.today_title, self.coming_title):
            widget.setWordWrap(True)
        column.addWidget(self.date_label)
        column.addWidget(self.sync_row)
        column.addWidget(self.where)
        column.addSpacing(px(12))
        column.addWidget(self.today_title)
        column.addLayout(self.today_box)
        column.addSpacing(px(18))
        column.addWidget(self.coming_title)
        column.addLayout(self.coming_box)
        column.addStretch(1)
        self.today_box.setSpacing(px(12))
        self.coming_box.setSpacing(px(12))

        self.setAccessibleName(_("Accueil"))

    def today(self) -> date:
        return self.ops.today()

    def start_session(self, session) -> None:
        """The "Commencer" button: asks for the workshop of that session (the main window opens it)."""
        self.start_requested.emit(session)

    def attach_sync(self, runner) -> None:
        """The background sync whose state the line under the date shows."""
        self.sync_runner = runner
        runner.state_changed.connect(self.show_sync)
        self.show_sync(runner.state)

    def retry_sync(self) -> None:
        if self.sync_runner is not None:
            self.retry.setEnabled(False)
            self.sync_runner.run_now()

    def show_sync(self, state: SyncState) -> None:
        self.sync_row.setVisible(state.kind != NONE)
        if state.kind == NONE:
            return
        self.sync_label.setText(self.sync_text(state))
        self.retry.setVisible(state.kind in (OFFLINE, ERROR))
        self.retry.setEnabled(not state.running)

    def sync_text(self, state: SyncState) -> str:
        waiting = plural(state.pending, "{n} résumé en attente", "{n} résumés en attente")
        if state.kind == OFFLINE:
            return _("Hors ligne — {waiting}").format(waiting=waiting)
        if state.kind == ERROR:
            return _("Synchronisation impossible : {error}").format(error=state.message)
        if state.kind == NEVER:
            return _("Pas encore synchronisé — {waiting}").format(waiting=waiting)
        moment = datetime.fromisoformat(state.last_success).astimezone()
        if moment.date() == datetime.now().astimezone().date():
            text = _("Synchronisé à {time}").format(time=moment.strftime("%H:%M"))
        else:
            text = _("Synchronisé le {day} à {time}").format(day=moment.strftime("%d/%m"),
                                                                  time=moment.strftime("%H:%M"))
        return text + (" — " + waiting if state.pending else "")

    def reload(self) -> None:
        self.show_data(self.ops.read(load, self.today()))

    def show_data(self, data: HomeData) -> None:
        self.data = data
        today = self.today()
        names = [n for n in (data.association, data.site) if n]
        self.where.setText(" — ".join(names))
        self.where.setVisible(bool(names))
        self.date_label.setText(long_date(today))
        cards = [(self.today_box, row) for row in data.today] + [(self.coming_box, row) for row in data.coming]
        first = cards[:FIRST_CARDS] if self.hold_back else cards
        self._rest = cards[len(first):]
        self._fill(self.today_box, data.today, _("Aucune séance aujourd'hui."))
        self._fill(self.coming_box, data.coming, _("Aucune séance prévue pour l'instant."))
        self._add_cards(first)
        if not self._rest:
            self.loaded.emit()

    @property
    def complete(self) -> bool:
        """Every session read is on screen (none held back for after the first frame)."""
        return self.data is not None and not self._rest

    def show_the_rest(self) -> None:
        """The first frame is painted: the cards held back, then ``loaded``."""
        self.hold_back = False
        if self._rest:
            rest, self._rest = self._rest, []
            self._add_cards(rest)
            self.loaded.emit()

    def _fill(self, box: QVBoxLayout, rows: list[SessionRow], empty: str) -> None:
        """Empty ``box``; say ``empty`` in it when there are no ``rows``."""
        while box.count():
            item = box.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone from the screen now, not at the next turn of the event loop
                item.widget().deleteLater()
        if not rows:
            label = QLabel(empty)
            label.setObjectName("empty")
            label.setWordWrap(True)
            box.addWidget(label)
            label.show()

    def _add_cards(self, cards: list[tuple[QVBoxLayout, SessionRow]]) -> None:
        today = self.today()
        for box, row in cards:
            card = SessionCard(row, today, box.parentWidget(),  # made in the page: styled once
                               on_start=self.start_session if box is self.today_box else None)
            box.addWidget(card)
            card.show()  # at once, not at the next turn of the event loop: "loaded" means on screen
