"""A bundled program has no console: an error nothing caught, before the window or
inside it, goes to the log in the data folder and to a French dialog naming the log."""

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import ui.app as app_module


def answer_dialog(seen: list[str]) -> None:
    """Read the modal dialog's words, as a person would, then close it."""
    box = QApplication.activeModalWidget()
    if box is None:
        QTimer.singleShot(20, lambda: answer_dialog(seen))
        return
    seen.append(box.text())
    box.reject()


def test_an_error_before_the_window_is_logged_and_said_in_french(home, monkeypatch):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own; put back after

    def broken_start(*_args, **_kwargs):  # a bug met while the window is being built
        raise RuntimeError("panne inventée pour le test")

    monkeypatch.setattr(app_module, "start", broken_start)
    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_dialog(seen))
    assert app_module.main() == 1
    log = home / "atelier-erreurs.log"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "panne inventée pour le test" in text and "broken_start" in text
    assert len(seen) == 1
    assert seen[0].startswith("Une erreur inattendue s'est produite") and str(log) in seen[0]
    assert "n'a pas pu être enregistré" not in seen[0]  # nothing was being saved
    assert "Traceback" not in seen[0] and "RuntimeError" not in seen[0]


def test_an_error_in_a_running_screen_takes_the_same_way(home, qtbot, monkeypatch):
    """What the event loop hands to sys.excepthook once main() has installed it."""
    seen: list[str] = []
    QTimer.singleShot(0, lambda: answer_dialog(seen))
    try:
        raise KeyError("une clé qui manque")
    except KeyError as error:
        app_module.report_unexpected(type(error), error, error.__traceback__)
    assert seen == ["une clé qui manque"]  # a KeyError is said as it is, no log needed
    seen.clear()
    QTimer.singleShot(0, lambda: answer_dialog(seen))
    try:
        raise ZeroDivisionError("division par zéro")
    except ZeroDivisionError as error:
        app_module.report_unexpected(type(error), error, error.__traceback__)
    assert str(home / "atelier-erreurs.log") in seen[0]
    assert "ZeroDivisionError" in (home / "atelier-erreurs.log").read_text(encoding="utf-8")
