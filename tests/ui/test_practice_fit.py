"""At 200 % text on a 1366 × 768 screen, the way on is always in sight: the summary's
buttons and the instructions' « Commencer » lie whole inside the practice window,
never scrolled away or cut off, with or without the help notice showing."""

import pytest
from PySide6.QtCore import QRect

from atelier.people import Participant
from atelier.lessons.scoring import Outcome
from ui import modules as library
from ui.practice.shell import PracticeWindow
from ui.theme import apply_theme
from fit import in_sight
from waits import laid_out

SCREEN = QRect(0, 0, 1366, 768)


@pytest.fixture
def big_shell(qapp, qtbot, open_window, store):
    from atelier import people

    window = open_window()
    learner = people.add(store.db, Participant("Jacqueline", "Girard-Delacroix"))
    apply_theme(qapp, 2.0)
    shell = PracticeWindow(window.ops, [learner], library.all_modules())
    try:
        shell.setGeometry(SCREEN)
        shell.show()
        qtbot.waitExposed(shell)
        shell.picker.tiles[learner.id].click()
        yield shell
    finally:
        shell._may_close = True
        shell.close()
        shell.deleteLater()  # closed is not gone: it would stay, following every later theme change
        apply_theme(qapp, 1.0)


@pytest.mark.parametrize("outcome", [Outcome(0.9, 5, 80_000), Outcome(0.3, 14, 200_000), Outcome(0.6, 9, 90_000),
                                     None])
@pytest.mark.parametrize("help_asked", [False, True])
def test_the_summary_buttons_are_in_sight_at_200_percent(big_shell, qtbot, outcome, help_asked):
    shell = big_shell
    assert shell.size() == SCREEN.size()
    if help_asked:
        shell.ask_for_help()
    shell.open_exercise(*shell.home.next)
    laid_out(qtbot, shell)
    assert in_sight(shell.instructions.start_button, shell)
    assert in_sight(shell.instructions.back_button, shell)
    shell._show_summary(outcome)
    laid_out(qtbot, shell)
    summary = shell.summary
    shown = [b for b in (summary.again_button, summary.skip_button, summary.next_button) if b.isVisibleTo(summary)]
    assert summary.next_button in shown and len(shown) >= 2
    for button in shown:
        assert in_sight(button, shell), button.text()
    assert in_sight(shell.help_button, shell)

