"""The practice window at 200 % text on a 1366 × 768 screen (or another), a learner chosen: where
the tests check that the way on, and the whole of an exercise, are in sight."""

from contextlib import contextmanager

from PySide6.QtCore import QRect

from atelier.people import Participant
from ui.practice.shell import PracticeWindow
from ui.theme import apply_theme

SCREEN = QRect(0, 0, 1366, 768)


@contextmanager
def big_practice(qapp, qtbot, window, store, modules, factory=None, screen: QRect = SCREEN):
    from atelier import people

    learner = people.add(store.db, Participant("Jacqueline", "Girard-Delacroix"))
    apply_theme(qapp, 2.0)
    shell = PracticeWindow(window.ops, [learner], modules, factory=factory)
    try:
        shell.setGeometry(screen)
        shell.show()
        qtbot.waitExposed(shell)
        shell.picker.tiles[learner.id].click()
        yield shell
    finally:
        shell._may_close = True
        shell.close()
        shell.deleteLater()  # closed is not gone: it would stay, following every later theme change
        apply_theme(qapp, 1.0)
