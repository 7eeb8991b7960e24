"""The practice window: full screen, one thing a screen, and no way out by accident.

Learner tiles → « Bonjour Hélène » → a theme's exercises → instructions → the
exercise (a kind's widget) → the encouraging summary. « J'ai besoin d'aide » is always
on screen; « Changer de personne » goes back to the tiles; leaving practice, or closing
the window (Alt+F4), takes the facilitator's code — or, while no code was chosen, a
deliberate « Quitter l'entraînement ». Escape never leaves. A named learner's results
are recorded through ``ops``; a guest's never are.
"""

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QVBoxLayout, QWidget

from atelier.i18n import _, pgettext
from atelier import pin, results
from atelier.lessons.pack import Exercise, Module
from atelier.people import Participant
from atelier.results import Result
from atelier.lessons.scoring import Outcome
from ui.practice.exercise_page import InstructionsPage, RunPage
from ui.practice.help_flag import HelpFlag
from ui.practice.learner_picker import LearnerPicker, short_name
from ui.practice.look import apply_learner_look, learner_button, learner_label, lpx
from ui.practice.menu import ExerciseMenu, LearnerHome
from ui.practice.my_progress import MyProgressPage
from ui.practice.summary import SummaryPage
from ui.theme import current_scale, notifier
from ui.widgets.confirm import ConfirmDialog
from ui.widgets.page_stack import PageStack
from ui.widgets.pin_dialog import guard
from ui.widgets.scroller import Scroller


def default_factory(exercise: Exercise, scale: float, parent: QWidget | None = None):
    from ui.practice.kinds import widget_for  # the kinds are loaded when practice opens

    return widget_for(exercise, scale, parent)


class LearnerPages(PageStack):
    """Only the page on screen counts for the size: a short page never scrolls."""

    def heightForWidth(self, width: int) -> int:
        """Qt's stacked layout answers for its tallest page: a short page would scroll.
        A page taller than the screen but whose own scroll areas can give up the
        difference is made as tall as the screen: only its words scroll, never the page."""
        page = self.currentWidget()
        if page is None:
            return super().heightForWidth(width)
        least = page.minimumSizeHint().height()
        wanted = page.heightForWidth(width) if page.hasHeightForWidth() else least
        room = self.parentWidget().height() if self.parentWidget() is not None else wanted
        return min(wanted, max(room, least))


class PracticeWindow(QWidget):
    left = Signal()  # the facilitator left practice mode
    recorded = Signal(object)  # a named learner's Result, once stored

    def __init__(self, ops, people: list[Participant], modules: list[Module], flag: HelpFlag | None = None,
                 session_id: str | None = None, factory: Callable | None = None, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("practice")
        self.setWindowTitle(_("Atelier — entraînement"))
        self.setAccessibleName(_("Entraînement"))
        self.ops, self.people, self.modules = ops, list(people), list(modules)
        self.flag = flag or HelpFlag(self)
        self.session_id = session_id
        self.factory = factory or default_factory
        self.learner: Participant | None = None
        self.guest = False
        self.mine: list[Result] = []
        self.current: tuple[Module, Exercise] | None = None
        self.dialog = None  # the code or confirmation dialog open now
        self._may_close = False

        self.who = learner_label("", "learnerName", wrap=False)
        self.help_button = learner_button(_("J'ai besoin d'aide"), _("Appeler l'animateur"))
        self.help_button.setObjectName("help")
        self.change_button = learner_button(_("Changer de personne"), _("Revenir aux prénoms"))
        self.exit_button = learner_button(pgettext("leave the practice", "Quitter"),
                                          _("Quitter l'entraînement. Pour l'animateur : demande le code"))
        self.exit_button.setAccessibleName(_("Quitter l'entraînement"))

        self.picker = LearnerPicker()
        self.home = LearnerHome()
        self.menu = ExerciseMenu()
        self.instructions = InstructionsPage()
        self.run_page = RunPage()
        self.summary = SummaryPage()
        self.progress = MyProgressPage()
        self.stack = LearnerPages()
        for page in (self.picker, self.home, self.menu, self.instructions, self.run_page, self.summary,
                     self.progress):
            self.stack.addWidget(page)

        bar = QWidget()
        bar.setObjectName("topBar")
        self.top_row = QHBoxLayout(bar)
        self.top_row.setContentsMargins(lpx(24), lpx(10), lpx(24), lpx(10))
        self.top_row.setSpacing(lpx(16))
        self.top_row.addWidget(self.who)
        self.top_row.addStretch(1)
        self.top_row.addWidget(self.run_page.count)  # while an exercise runs: how far, and « Passer »
        self.top_row.addWidget(self.run_page.skip_button)
        self.top_row.addWidget(self.help_button)
        self.footer = QWidget()
        self.footer.setObjectName("topBar")
        self.bottom_row = QHBoxLayout(self.footer)
        self.bottom_row.setContentsMargins(lpx(24), lpx(8), lpx(24), lpx(8))
        self.bottom_row.setSpacing(lpx(16))
        self.bottom_row.addWidget(self.change_button)
        self.bottom_row.addStretch(1)
        self.bottom_row.addWidget(self.exit_button)

        self.help_notice = learner_label(_("L'animateur arrive. Il vient vous aider."), "helpNotice")
        self.help_notice.setAccessibleName(self.help_notice.text())
        self.help_done = learner_button(_("C'est réglé"), _("Pour l'animateur : enlever la demande d'aide"))
        notice = QHBoxLayout()
        notice.setContentsMargins(lpx(24), lpx(12), lpx(24), 0)
        notice.setSpacing(lpx(16))
        notice.addWidget(self.help_notice, 1)
        notice.addWidget(self.help_done)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(bar)
        column.addLayout(notice)
        scroll = Scroller(self.stack)  # at 200 % on a small screen, a page scrolls rather than overflow
        scroll.setObjectName("tiles")
        self.stack.currentChanged.connect(  # a new screen starts at its top: the words first
            lambda _index: QTimer.singleShot(0, lambda: scroll.verticalScrollBar().setValue(0)))
        column.addWidget(scroll, 1)
        column.addWidget(self.footer)
        self.stack.currentChanged.connect(self._arrange)

        self.help_button.clicked.connect(self.ask_for_help)
        self.help_done.clicked.connect(self.flag.clear)
        self.flag.raised.connect(self._help_shown)
        self.flag.cleared.connect(self._help_shown)
        self.change_button.clicked.connect(self.show_picker)
        self.exit_button.clicked.connect(self.request_exit)
        self.picker.chosen.connect(self.choose)
        self.home.next_chosen.connect(self.open_exercise)
        self.home.module_chosen.connect(self.open_module)
        self.home.progress_asked.connect(self.show_progress)
        self.menu.exercise_chosen.connect(self.open_exercise)
        self.menu.back.connect(self.show_home)
        self.instructions.start.connect(self.start_exercise)
        self.instructions.back.connect(lambda: self.open_module(self.current[0]))
        self.run_page.skipped.connect(self.skip)
        self.summary.again.connect(self.start_exercise)
        self.summary.skip.connect(self.next_exercise)
        self.summary.go_on.connect(self.next_exercise)
        self.progress.next_chosen.connect(self.open_exercise)
        self.progress.back.connect(self.show_home)
        notifier().changed.connect(self._restyle)
        apply_learner_look(self)
        self.picker.set_people(self.people)
        self._help_shown()
        self.show_picker()
        self._arrange()

    def _restyle(self, *_args) -> None:
        apply_learner_look(self)

    def _arrange(self, _index: int = 0) -> None:
        """The bars hold what the page needs, and no more: all the room is the page's.
        While an exercise runs, how far it is and « Passer » take the name's place and
        the foot goes; on the tiles, « Quitter » goes up beside « J'ai besoin d'aide »
        (the page's title says « Qui êtes-vous ? »)."""
        page = self.stack.currentWidget()
        running, picking = page is self.run_page, page is self.picker
        self.who.setVisible(not running and not picking)
        self.run_page.count.setVisible(running)
        self.run_page.skip_button.setVisible(running)
        home, away = (self.top_row, self.bottom_row) if picking else (self.bottom_row, self.top_row)
        if home.indexOf(self.exit_button) < 0:
            away.removeWidget(self.exit_button)
            home.addWidget(self.exit_button)
            self.exit_button.show()
        self.footer.setVisible(not running and not picking)

    # --- who is practising ----------------------------------------------------------

    def who_text(self) -> str:
        if self.learner is not None:
            return short_name(self.learner, self.people)
        return _("Invité") if self.guest else ""

    def show_picker(self) -> None:
        self.run_page.clear()
        self.learner, self.guest, self.mine, self.current = None, False, [], None
        self.who.setText(_("Entraînement"))
        self.change_button.hide()
        self.stack.setCurrentWidget(self.picker)
        self.picker.focus_first()

    def choose(self, person: Participant | None) -> None:
        self.learner, self.guest = person, person is None
        self.mine = self.ops.read(results.for_learner, person.id) if person is not None else []
        self.who.setText(self.who_text())
        self.change_button.show()
        self.show_home()

    def done_keys(self) -> set[tuple[str, str]]:
        return results.done_keys(self.mine)

    # --- the learner's screens ------------------------------------------------------

    def show_home(self) -> None:
        name = "" if self.guest else self.who_text()
        self.home.show_for(name, self.modules, self.done_keys(), results.next_for_learner(self.modules, self.mine))
        self.stack.setCurrentWidget(self.home)
        self.home.focus_first()

    def open_module(self, module: Module) -> None:
        self.menu.show_module(module, self.done_keys())
        self.stack.setCurrentWidget(self.menu)
        self.menu.focus_first()

    def show_progress(self) -> None:
        self.progress.show_results(self.modules, self.mine)
        self.stack.setCurrentWidget(self.progress)
        self.progress.focus_first()

    def open_exercise(self, module: Module, exercise: Exercise) -> None:
        self.run_page.clear()
        self.current = (module, exercise)
        self.instructions.show_exercise(exercise)
        self.stack.setCurrentWidget(self.instructions)
        self.instructions.start_button.setFocus()

    def start_exercise(self) -> None:
        module, exercise = self.current
        self.stack.setCurrentWidget(self.run_page)
        if self.run_page.widget is None:
            self._build(exercise)
        else:
            self.run_page.widget.start()
        self.run_page.widget.setFocus()

    def _build(self, exercise: Exercise) -> None:
        """The exercise at the largest text size, from the one chosen down to 100 %, at
        which it shows whole without scrolling: its target, answers, field or form."""
        for scale in smaller_sizes(current_scale()):
            widget = self.factory(exercise, scale, None)
            widget.finished.connect(self._finished)
            self.run_page.set_widget(widget, exercise)
            widget.start()
            if self.run_page.shows_whole():
                return

    def _finished(self, outcome: Outcome) -> None:
        if self.sender() is not self.run_page.widget or self.stack.currentWidget() is not self.run_page:
            return  # an exercise says it once; a late word from an old one changes nothing
        module, exercise = self.current
        if self.learner is not None and outcome.completed:
            self.ops.run(results.record, self.learner.id, module.id, exercise.id, outcome, self.ops.store.device_id,
                         self.session_id, on_done=self._recorded, parent=self)
        elif self.guest and outcome.completed:  # remembered for this visit only, never stored
            self.mine.append(Result("", module.id, exercise.id, outcome.score, outcome.attempts,
                                    outcome.duration_ms, "", ""))
        self._show_summary(outcome)

    def skip(self) -> None:
        """« Passer »: the item on screen when the exercise has several, else the exercise."""
        widget = self.run_page.widget
        if widget is not None and widget.skip_item():
            focused = QApplication.focusWidget()
            if (self.stack.currentWidget() is self.run_page and widget.focusPolicy() != Qt.FocusPolicy.NoFocus
                    and not widget.isAncestorOf(focused)):
                widget.setFocus()  # the keys to find go on to the exercise, not to « Passer »
            return
        self._show_summary(None)

    def _recorded(self, result: Result) -> None:
        if self.learner is not None and result.participant_id == self.learner.id:
            self.mine.append(result)
        self.recorded.emit(result)

    def _show_summary(self, outcome: Outcome | None) -> None:
        module, exercise = self.current if self.current else (None, None)
        last = module is not None and module.exercises and module.exercises[-1] == exercise
        self.summary.show_outcome(outcome, self.guest, self._following() is not None,
                                  module.remember if last and outcome is not None else ())
        self.stack.setCurrentWidget(self.summary)

    def _following(self) -> tuple[Module, Exercise] | None:
        order = [(m, e) for m in self.modules for e in m.exercises]
        keys = [(m.id, e.id) for m, e in order]
        here = keys.index((self.current[0].id, self.current[1].id)) if self.current else -1
        return order[here + 1] if here + 1 < len(order) else None

    def next_exercise(self) -> None:
        following = self._following()
        if following is None:
            self.show_home()
        else:
            self.open_exercise(*following)

    # --- help -----------------------------------------------------------------------

    def ask_for_help(self) -> None:
        self.flag.raise_for(self.who_text() or _("quelqu'un à l'entraînement"))

    def _help_shown(self, *_args) -> None:
        self.help_notice.setVisible(self.flag.is_raised)
        self.help_done.setVisible(self.flag.is_raised)

    # --- leaving: the facilitator's code --------------------------------------------

    def request_exit(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        if self.ops.read(pin.has_pin):
            self.dialog = guard(self.ops, self, self._leave, _(
                "Pour quitter l'entraînement, tapez le code de l'animateur."))
            return
        self.dialog = ConfirmDialog(
            _("Quitter l'entraînement ?"),
            _("Aucun code de l'animateur n'est encore choisi : n'importe qui peut quitter. "
                    "Vous pouvez en choisir un dans Réglages.\n\nSi vous êtes l'animateur, "
                    "appuyez sur « Quitter l'entraînement »."),
            _("Quitter l'entraînement"), _("Rester"), parent=self)
        self.dialog.accepted.connect(self._leave)
        self.dialog.open()

    def _leave(self) -> None:
        self._may_close = True
        self.run_page.clear()
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
            self.left.emit()
            return
        event.ignore()  # Alt+F4 or the window's cross: the facilitator decides
        self.request_exit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()  # never a way out
            return
        super().keyPressEvent(event)


def smaller_sizes(scale: float) -> list[float]:
    """The text sizes to try for an exercise: the one chosen, then a quarter less each
    time, down to 100 % (the learners' 20 pt)."""
    return [scale] + [s / 4 for s in range(int(scale * 4 - 0.01), 3, -1)]


def open_practice(ops, people, modules, flag=None, session_id=None, parent=None) -> PracticeWindow:
    window = PracticeWindow(ops, people, modules, flag, session_id, parent=parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen = (parent.screen() if parent is not None else None) or QGuiApplication.primaryScreen()
    window.setGeometry(screen.geometry())  # covers the screen even where no window manager obeys
    window.showFullScreen()
    window.activateWindow()
    return window
