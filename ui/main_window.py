"""The main window: a column of large labelled buttons on the left, the page on the right.

Every section is one click (never a double-click) or Tab then Enter away; the arrow
keys also move along the column.
"""

import sys
import threading
from datetime import date
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from atelier.i18n import N_, _
from atelier import settings
from ui.operations import Operations
from ui.pages import page_class
from ui.qt_language import qt_words_now
from ui.qt_names import set_named
from ui import window_place
from ui.theme import px
from ui.views.home import HomeView
from ui.widgets.buttons import set_current
from ui.widgets.page_stack import PageStack
from ui.widgets.scroller import Scroller
from ui.worker import Worker

if TYPE_CHECKING:  # the question before quitting loads when it is asked; the sync after the first frame
    from ui.hub_pull import HubPuller
    from ui.sync_runner import SyncRunner
    from ui.widgets.confirm import ConfirmDialog

SECTIONS = (
    ("home", N_("Accueil")),
    ("groups", N_("Groupes")),
    ("participants", N_("Participants")),
    ("sessions", N_("Séances")),
    ("lessons", N_("Leçons")),
    ("exercises", N_("Exercices")),
    ("documents", N_("Documents")),
    ("coordination", N_("Coordination")),  # on the coordination's PC only
    ("settings", N_("Réglages")),
)


class NavButton(QPushButton):
    """A navigation entry that Enter opens and the arrow keys move from."""

    def keyPressEvent(self, event) -> None:
        Qt = QtCore.Qt  # read at the first key, not at start (see ui.qt_names)
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key == Qt.Key.Key_Down:
            self.focusNextChild()
        elif key == Qt.Key.Key_Up:
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)


class NavScroll(Scroller):
    """The navigation column; it scrolls rather than push the window off a small
    screen at 200 %, and is always as wide as its widest button (and its scroll bar,
    when the buttons are taller than the window)."""

    def __init__(self, column: QWidget, parent: QWidget | None = None):
        super().__init__(column, frame=True, parent=parent)
        self.setObjectName("navScroll")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        self.widget().ensurePolished()
        width = self.widget().sizeHint().width()
        if self._scrolls():  # room for the bar only when it shows: the page keeps the width
            width += self.verticalScrollBar().sizeHint().width()
        return QSize(width + 2 * self.frameWidth(), super().sizeHint().height())

    def _scrolls(self) -> bool:
        return self.widget().minimumSizeHint().height() > self.height() - 2 * self.frameWidth()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._scrolls() != getattr(self, "_scrolled", None):
            self._scrolled = self._scrolls()
            self.updateGeometry()

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), 0)


class MainWindow(QMainWindow):
    home_ready = Signal()  # the home screen shows the sessions read from the database
    first_painted = Signal()  # the first frame is on screen: what can wait starts now
    restore_requested = Signal(object)  # Réglages → Sauvegardes: a confirmed backup's Path (see ui.app)

    def __init__(self, store, worker: Worker, today: date | None = None, demo: bool = False, owns_worker: bool = True):
        super().__init__()
        self.store = store
        self.worker = worker
        self._owns_worker = owns_worker
        self._checker: Worker | None = None  # the full integrity check, once started
        self.demo = demo
        self.ops = Operations(store, worker, self, today)
        self.ops.watch(self, ("settings",), lambda _changes, _initiator: self.settings_changed())
        self.buttons: dict[str, NavButton] = {}
        self.pages: dict[str, QWidget] = {}
        self._quitting = False
        self.quit_question: ConfirmDialog | None = None
        self._sync: SyncRunner | None = None
        self._pull: HubPuller | None = None
        self._painted = self._stopped = False
        # Set once painted (or closing): the start-up check waits for it on the worker.
        self.first_frame = threading.Event()
        self.started = False  # what follows the first frame has run (start_background)
        self.first_painted.connect(self.start_background)

        # From the window down, each part made in its parent: one moved when full is restyled whole (3 ms).
        body = QWidget()
        body.setObjectName("page")
        self.setCentralWidget(body)
        row = QHBoxLayout(body)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        nav = QWidget()
        nav.setObjectName("nav")
        self.nav = NavScroll(nav, body)
        row.addWidget(self.nav)
        self.stack = PageStack(body)  # sized by the page on screen, not the largest one
        row.addWidget(self.stack, 1)
        column = QVBoxLayout(nav)
        column.setContentsMargins(px(16), px(16), px(16), px(16))
        column.setSpacing(px(8))
        # No exclusive QButtonGroup: it would let Tab reach only the checked entry.
        for key, _label in SECTIONS:
            button = NavButton()
            button.setObjectName("navButton")
            set_named(button, focusPolicy="StrongFocus")
            button.setProperty("current", key == "home")  # before the first polish, which reads it
            button.clicked.connect(lambda _checked=False, k=key: self.show_section(k))
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        self._mark_section("home")

        self._make_home()
        self.home.hold_back = True  # until the first frame: the cards below it come after

        self._name_sections()
        self.refresh_title()
        self.refresh_sections()
        self.show_section("home")
        # The first home is read here, on the main thread, before any job runs: the
        # query takes a millisecond and the window then opens already filled.
        self.home.reload()

    @property
    def sync(self) -> "SyncRunner":
        """The background sync, on its own thread (made when first asked for)."""
        self._make_sync()
        return self._sync

    @property
    def pull(self) -> "HubPuller":
        """At the coordination, the background pull of every site."""
        self._make_sync()
        return self._pull

    def _make_sync(self) -> None:
        if self._sync is None:
            from ui.hub_pull import HubPuller  # the hub's code: after the first frame
            from ui.sync_runner import SyncRunner

            self._sync = SyncRunner(self.ops, self)
            self._pull = HubPuller(self.ops, self._sync, self)
            self.home.attach_sync(self._sync)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._after_first_frame)  # the whole frame is painted by then

    def _after_first_frame(self) -> None:
        self.first_frame.set()
        self.first_painted.emit()

    def start_background(self) -> None:
        """After the first frame, what it did not need: the home's cards below it, reading
        aloud's settings, the sync's first reading of its state (its runs come seconds later)."""
        if self._stopped:  # closed before its first frame
            return
        qt_words_now(QtCore.QCoreApplication.instance())  # Qt's own words: none was on that frame
        self.home.show_the_rest()
        from ui.speech import use_settings

        use_settings(self.ops)  # read aloud at the chosen speed (no engine is made here)
        self.sync.start()
        self.pull.start()
        self.started = True

    def _make_home(self) -> None:
        self.home = HomeView(self.ops, self.stack)
        self.home.loaded.connect(self.home_ready)
        self.home.start_requested.connect(self.open_workshop)
        if self._sync is not None:  # a rebuilt home (another language): the same sync
            self.home.attach_sync(self._sync)
        self.pages["home"] = self.home
        self.stack.addWidget(self.home)

    def _name_sections(self) -> None:
        for key, label in SECTIONS:
            self.buttons[key].setText(_(label))
            self.buttons[key].setAccessibleName(_(label))

    def rebuild_pages(self) -> None:
        """Every page again, in the language now spoken (Réglages → Langue): the pages
        built go, the home and the one on screen come back; workshops under way are the
        caller's (ui.language_change), as they hold more than their session."""
        shown = next((key for key, page in self.pages.items() if page is self.stack.currentWidget()), None)
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self._make_home()
        self._name_sections()
        self.refresh_title()
        if shown is not None:
            self.show_section(shown)
        self.home.reload()

    def change_language(self, code: str):
        """Speak ``code`` now (see ui.language_change); the question asked first, if any."""
        from ui.language_change import change_language  # loaded when a language is chosen

        return change_language(self, code)

    def settings_changed(self) -> None:
        self.refresh_title()
        self.refresh_sections()

    def refresh_sections(self) -> None:
        """« Coordination » shows on the coordination's PC only (Réglages → Synchronisation
        says how to make this PC the one); a facilitator's PC never sees it."""
        coordination = self.ops.read(settings.is_coordinator)
        self.buttons["coordination"].setVisible(coordination)
        if not coordination and self.stack.currentWidget() is self.pages.get("coordination"):
            self.show_section("home")

    def refresh_title(self) -> None:
        if self.demo:
            self.setWindowTitle(_("Atelier — démonstration"))
            return
        site = (self.ops.read(settings.get, settings.SITE, "") or "").strip()
        self.setWindowTitle(_("Atelier — {site}").format(site=site) if site else _("Atelier"))

    def page(self, key: str) -> QWidget:
        """The section's page, built the first time it is needed."""
        if key not in self.pages:
            page = page_class(key)(self.ops)
            start = getattr(page, "start_requested", None)  # a page that lists sessions can start one
            if start is not None:
                start.connect(self.open_workshop)
            restore = getattr(page, "restore_requested", None)  # Réglages: a backup to put in place
            if restore is not None:
                restore.connect(self.restore_requested)
            language = getattr(page, "language_chosen", None)  # Réglages: the program's language
            if language is not None:
                language.connect(self.change_language)
            attach = getattr(page, "attach_sync", None)  # Réglages: the hub's password, « Tester »
            if attach is not None:
                attach(self.sync)
            attach = getattr(page, "attach_pull", None)  # Coordination: « Récupérer maintenant »
            if attach is not None:
                attach(self.pull)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def show_section(self, key: str) -> None:
        self.nav.show()
        self._mark_section(key)
        self.stack.setCurrentWidget(self.page(key))

    def _mark_section(self, key: str | None) -> None:
        for name, button in self.buttons.items():
            set_current(button, name == key)
            button.setAccessibleDescription(_("Page ouverte") if name == key else
                                            _("Ouvrir la page « {name} »").format(name=button.text()))

    def open_workshop(self, session) -> QWidget:
        """Show the workshop of ``session`` on its roll call (the same one if it is already open)."""
        from ui.views.workshop import WorkshopView  # the workshop's screens load on the first "Commencer"

        for i in range(self.stack.count()):
            page = self.stack.widget(i)
            if isinstance(page, WorkshopView) and page.session.id == session.id:
                break
        else:
            page = WorkshopView(self.ops, session)
            page.home_requested.connect(lambda: self.show_section("home"))
            page.finished.connect(lambda workshop=page: self._put_away(workshop))
        self.show_flow(page)
        page.show_step(0)
        return page

    def _put_away(self, workshop: QWidget) -> None:
        """A finished workshop: back to the home, and the workshop goes."""
        self.show_section("home")
        self.stack.removeWidget(workshop)
        workshop.deleteLater()

    def show_flow(self, widget: QWidget) -> None:
        """Show a screen that is not a section (the workshop of the day, from the home).

        The navigation column steps aside: the workshop has the whole width for the
        roll call and the lesson in large print, and its own way back to the home.
        """
        self.nav.hide()
        self._mark_section(None)
        if self.stack.indexOf(widget) < 0:
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def schedule_backup(self) -> int:
        """The daily automatic backup, on the worker: the window never waits for it."""
        return self.worker.run(self.store.backup_if_due)

    def check_deeply(self, on_done) -> None:
        """The full integrity check, on a thread of its own (never the worker: writes go on)."""
        self._checker = Worker(self)
        self._checker.run(self.store.deep_check, on_done=on_done, on_error=lambda error: on_done(str(error)))

    def stop_background(self) -> None:
        self._stopped = True
        self.store.stop_checks()  # the start-up checks of a big file: cut short, not waited for
        self.first_frame.set()  # none will come: a check still waiting for it now does nothing
        if self._sync is not None:
            self._sync.stop()  # no run starts any more; a send under way finishes
            self._pull.stop()
        if self._checker is not None:
            self._checker.stop()
            self._checker = None
        if self._owns_worker:
            self.worker.stop()  # waits for a running backup to finish cleanly

    def workshops(self) -> list[QWidget]:
        """The workshops under way (each stays open until its closing)."""
        workshop = sys.modules.get("ui.views.workshop")  # not loaded: none was ever opened
        if workshop is None:
            return []
        WorkshopView = workshop.WorkshopView
        return [page for i in range(self.stack.count()) if isinstance(page := self.stack.widget(i), WorkshopView)]

    def workshop_running(self) -> bool:
        return bool(self.workshops())

    def closeEvent(self, event) -> None:
        if self.workshop_running() and not self._quitting and self.isVisible():
            event.ignore()  # a workshop is under way: the facilitator says so first
            self._ask_to_quit()
            return
        if self.isVisible():
            window_place.remember(self, self.store.home)
        self.stop_background()
        super().closeEvent(event)


    def _ask_to_quit(self) -> None:
        if self.quit_question is not None and self.quit_question.isVisible():
            self.quit_question.raise_()
            return
        from ui.widgets.confirm import ConfirmDialog

        self.quit_question = ConfirmDialog(
            _("Quitter Atelier pendant la séance ?"),
            _("Une séance est en cours. Ce qui est fait est enregistré : vous pourrez la reprendre "
                    "depuis l'accueil en rouvrant Atelier."),
            _("Quitter Atelier"), _("Rester dans la séance"), parent=self)
        self.quit_question.accepted.connect(self._quit_anyway)
        self.quit_question.open()

    def _quit_anyway(self) -> None:
        self._quitting = True
        self.close()


def build_window(store, today: date | None = None, demo: bool = False, worker: Worker | None = None) -> MainWindow:
    """The main window over an open Store; emits ``home_ready`` once the home is filled."""
    owns = worker is None
    return MainWindow(store, worker or Worker(), today=today, demo=demo, owns_worker=owns)
