"""The practice window over a real database, driven with real clicks and keys.

Until the kinds' registry exists, a small test exercise (a real widget with a button
that ends it) stands in for the kinds; one test runs a shipped module's exercise
through ``widget_for`` once the registry is there.
"""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QPushButton, QVBoxLayout

from atelier import people, pin, results
from atelier.people import Participant
from atelier.lessons.scoring import Outcome
from ui import modules as library
from ui.practice.base import ExerciseWidget
from ui.practice.help_flag import HelpBanner, attach
from ui.practice.shell import PracticeWindow
from ui.widgets.pin_dialog import PinDialog
from ui.widgets.confirm import ConfirmDialog

LEFT = Qt.MouseButton.LeftButton


class DemoExercise(ExerciseWidget):
    """A real exercise widget: one large button that ends it with a fixed outcome."""

    def __init__(self, exercise, scale=1.0, parent=None, score=0.9):
        super().__init__(exercise, scale, parent)
        self.starts = 0
        self.score = score
        self.button = QPushButton("Fini")
        self.button.setAccessibleName("Fini")
        self.button.setMinimumSize(self.scaled(200), self.scaled(120))
        self.button.clicked.connect(self._done)
        QVBoxLayout(self).addWidget(self.button)

    def start(self) -> None:
        self.starts += 1
        self.progressed.emit(0, 1)

    def _done(self) -> None:
        self.progressed.emit(1, 1)
        self.finished.emit(Outcome(score=self.score, attempts=3, duration_ms=95_000))


@pytest.fixture
def helene(store):
    return people.add(store.db, Participant("Hélène", "Martin"))


@pytest.fixture
def others(store):
    return [people.add(store.db, Participant(f, l)) for f, l in (("Bernard", "Roux"), ("Hélène", "Petit"))]


@pytest.fixture
def practice(open_window, qtbot, store, helene, others):
    """``practice(score=0.9)``: the main window and a full-screen practice window over it."""
    made = []

    def opener(score: float = 0.9, factory=None):
        window = open_window()
        flag = attach(window)
        shell = PracticeWindow(window.ops, [helene, *others], library.all_modules(), flag,
                               factory=factory or (lambda e, s, p=None: DemoExercise(e, s, p, score)), parent=window)
        made.append(shell)
        shell.showFullScreen()
        qtbot.waitExposed(shell)
        return window, shell

    yield opener
    for shell in made:
        shell._may_close = True
        shell.close()


def click(qtbot, widget) -> None:
    assert widget.isVisible(), widget.accessibleName()
    qtbot.mouseClick(widget, LEFT)


def wait_worker(qtbot, window) -> None:
    """Everything asked of the worker before now is done."""
    done = []
    window.ops.run(lambda db: None, on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)


def check_learner_targets(widget) -> None:
    for button in widget.findChildren(QAbstractButton):
        if button.isVisibleTo(widget):
            assert button.width() >= 64 and button.height() >= 64, button.accessibleName()
            assert button.accessibleName(), button.text()


def run_first_exercise(qtbot, shell):
    click(qtbot, shell.home.next_button)
    assert shell.stack.currentWidget() is shell.instructions
    check_learner_targets(shell)
    click(qtbot, shell.instructions.start_button)
    assert shell.stack.currentWidget() is shell.run_page
    return shell.run_page.widget


def test_a_named_learner_practises_and_the_result_is_kept(practice, qtbot, store, helene):
    window, shell = practice()
    assert shell.isFullScreen()
    check_learner_targets(shell)
    assert shell.picker.guest_tile.accessibleName() == "Invité"
    assert [shell.picker.tiles[p.id].accessibleName() for p in shell.people] == ["Hélène M.", "Bernard", "Hélène P."]
    click(qtbot, shell.picker.tiles[helene.id])
    assert shell.home.title.text() == "Bonjour Hélène M.\u00a0!"
    menu_first = library.all_modules()[0]   # the module the menu lists first
    first = menu_first.exercises[0]
    assert shell.home.next_button.accessibleName() == f"Continuer : {first.title}"
    check_learner_targets(shell)
    widget = run_first_exercise(qtbot, shell)
    assert shell.instructions.instructions.font().pointSizeF() >= 20
    assert shell.run_page.count.font().pointSizeF() >= 20
    assert widget.starts == 1 and shell.run_page.count.text() == "0 sur 1"
    with qtbot.waitSignal(shell.recorded, timeout=5000):
        click(qtbot, widget.button)
    assert shell.stack.currentWidget() is shell.summary
    assert shell.summary.bravo.text() == "Bravo !"
    assert shell.summary.detail.text() == "Vous avez pris 2 minutes, à votre rythme."
    check_learner_targets(shell)
    rows = store.db.execute("SELECT participant_id, module_id, exercise_id, score, attempts, duration_ms, device_id "
                            "FROM exercise_results").fetchall()
    assert rows == [(helene.id, menu_first.id, first.id, 0.9, 3, 95_000, store.device_id)]
    click(qtbot, shell.summary.again_button)  # Recommencer: the same widget, started again
    assert shell.run_page.widget is widget and widget.starts == 2
    with qtbot.waitSignal(shell.recorded, timeout=5000):
        click(qtbot, widget.button)
    click(qtbot, shell.summary.next_button)
    assert shell.instructions.title.text() == menu_first.exercises[1].title
    assert results.count(store.db) == 2
    click(qtbot, shell.change_button)  # no code needed to change learner
    assert shell.stack.currentWidget() is shell.picker and shell.isVisible()


def test_a_guest_practises_and_nothing_is_kept(practice, qtbot, store):
    window, shell = practice()
    click(qtbot, shell.picker.guest_tile)
    assert shell.who.text() == "Invité" and not shell.home.progress_button.isVisible()
    widget = run_first_exercise(qtbot, shell)
    click(qtbot, widget.button)
    assert shell.summary.bravo.text() == "Bravo !"
    assert shell.summary.kept.text() == "Vous êtes invité : ce résultat n'est pas gardé."
    wait_worker(qtbot, window)
    assert results.count(store.db) == 0
    click(qtbot, shell.summary.next_button)
    click(qtbot, shell.instructions.back_button)
    assert shell.menu.tiles[library.all_modules()[0].exercises[0].id].accessibleDescription() == "Réussi"


def test_a_low_score_offers_to_try_again_warmly(practice, qtbot, store, helene):
    window, shell = practice(score=0.3)
    click(qtbot, shell.picker.tiles[helene.id])
    widget = run_first_exercise(qtbot, shell)
    with qtbot.waitSignal(shell.recorded, timeout=5000):
        click(qtbot, widget.button)
    texts = " ".join(label.text() for label in (shell.summary.bravo, shell.summary.message))
    assert "Essayons encore" in texts and "erreur" not in texts.lower() and "échec" not in texts.lower()
    assert shell.summary.again_button.objectName() == "primary" and shell.summary.again_button.hasFocus()
    click(qtbot, shell.summary.skip_button)  # Passer: on to the next one
    assert shell.stack.currentWidget() is shell.instructions


def test_skipping_during_an_exercise_keeps_nothing(practice, qtbot, store, helene):
    window, shell = practice()
    click(qtbot, shell.picker.tiles[helene.id])
    run_first_exercise(qtbot, shell)
    click(qtbot, shell.run_page.skip_button)
    assert shell.summary.bravo.text() == "Pas de souci !"
    wait_worker(qtbot, window)
    assert results.count(store.db) == 0


def test_the_code_guards_the_way_out(practice, qtbot, store):
    pin.set_pin(store.db, "2468")
    window, shell = practice()
    qtbot.keyClick(shell, Qt.Key.Key_Escape)
    assert shell.isVisible()
    assert not shell.close()  # Alt+F4, the window's cross: refused, the code is asked
    dialog = shell.dialog
    assert isinstance(dialog, PinDialog) and dialog.isVisible()
    click(qtbot, dialog.cancel)
    assert shell.isVisible()
    click(qtbot, shell.exit_button)
    dialog = shell.dialog
    qtbot.keyClicks(dialog.field, "1111")
    click(qtbot, dialog.ok)
    qtbot.waitUntil(lambda: dialog.message.isVisible() and dialog.ok.isEnabled(), timeout=5000)
    assert dialog.message.text() == "Ce n'est pas le bon code. Essayez encore."
    assert shell.isVisible()
    qtbot.keyClicks(dialog.field, "2468")
    with qtbot.waitSignal(shell.left, timeout=5000):
        click(qtbot, dialog.ok)
    assert not shell.isVisible()


def test_without_a_code_leaving_takes_a_deliberate_gesture(practice, qtbot, store):
    window, shell = practice()
    click(qtbot, shell.exit_button)
    dialog = shell.dialog
    assert isinstance(dialog, ConfirmDialog) and "Aucun code" in dialog.message.text()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.cancel_button.hasFocus()  # a hasty Enter stays
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Return)
    assert shell.isVisible()
    shell.close()
    dialog = shell.dialog
    assert dialog.confirm_button.text() == "Quitter l'entraînement"
    with qtbot.waitSignal(shell.left, timeout=2000):
        click(qtbot, dialog.confirm_button)
    assert not shell.isVisible()


def test_help_raises_a_flag_on_the_facilitators_window(practice, qtbot, store, helene):
    window, shell = practice()
    click(qtbot, shell.picker.tiles[helene.id])
    title = window.windowTitle()
    banner = window.findChild(HelpBanner, "helpBanner")
    assert not banner.isVisible() and not shell.help_notice.isVisible()
    click(qtbot, shell.help_button)
    assert banner.isVisible() and banner.label.accessibleName() == "Besoin d'aide : Hélène M."
    assert window.windowTitle() == f"Besoin d'aide : Hélène M. — {title}"
    assert shell.help_notice.isVisible() and shell.help_notice.text() == "L'animateur arrive. Il vient vous aider."
    assert banner.clear_button.height() >= 48 and banner.clear_button.accessibleName()
    click(qtbot, banner.clear_button)  # the facilitator, on the main window
    assert not banner.isVisible() and not shell.help_notice.isVisible()
    assert window.windowTitle() == title
    click(qtbot, shell.help_button)
    click(qtbot, shell.help_done)  # or on the practice screen
    assert not banner.isVisible() and window.windowTitle() == title


def test_my_progress_shows_what_is_done_and_what_comes_next(practice, qtbot, store, helene):
    ordered = library.all_modules()
    for exercise in ordered[0].exercises[:2]:
        results.record(store.db, helene.id, ordered[0].id, exercise.id, Outcome(1.0, 4, 1000), store.device_id)
    third = ordered[0].exercises[2]
    results.record(store.db, helene.id, ordered[0].id, third.id, Outcome(0.4, 9, 1000), store.device_id)
    window, shell = practice()
    click(qtbot, shell.picker.tiles[helene.id])
    click(qtbot, shell.home.progress_button)
    page = shell.progress
    assert shell.stack.currentWidget() is page
    total = sum(len(module.exercises) for module in ordered)
    assert page.summary.text() == f"Vous avez réussi 2 exercices sur {total}."
    assert page.next_label.text() == f"Et maintenant : {third.title}"
    first, second = ordered[0].exercises[:2]
    assert page.lines[(ordered[0].id, first.id)] == f"✓ {first.title} : réussi"
    assert page.lines[(ordered[0].id, third.id)] == f"○ {third.title} : commencé"
    assert page.lines[(ordered[1].id, ordered[1].exercises[0].id)].endswith(": pas encore")
    check_learner_targets(shell)
    click(qtbot, page.next_button)
    assert shell.instructions.title.text() == third.title


def test_a_shipped_exercise_runs_in_the_shell(practice, qtbot, store, helene):
    from ui.practice import kinds

    window, shell = practice(factory=kinds.widget_for)
    click(qtbot, shell.picker.tiles[helene.id])
    widget = run_first_exercise(qtbot, shell)
    assert isinstance(widget, ExerciseWidget)
    with qtbot.waitSignal(shell.recorded, timeout=5000):
        widget.finished.emit(Outcome(score=1.0, attempts=8, duration_ms=30_000))
    assert results.count(store.db) == 1
