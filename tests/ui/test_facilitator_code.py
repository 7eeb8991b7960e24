"""The facilitator's code on the real screens: the recovery code shown once when the
first code is chosen in Réglages, the pause after five wrong codes at the practice
exit (it goes on in a dialog opened again), and « Code oublié ? » with the recovery code."""

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from atelier import people, pin, settings
from atelier.people import Participant
from ui import modules as library
from ui.practice.help_flag import attach
from ui.practice.shell import PracticeWindow
from ui.widgets.pin_dialog import PinDialog
from ui.widgets.recovery_code import RecoveryCodeDialog

LEFT = Qt.MouseButton.LeftButton


def typed(qtbot, dialog, *codes) -> None:
    for field, code in zip(dialog.fields, codes):
        qtbot.keyClicks(field, code)
    qtbot.mouseClick(dialog.ok, LEFT)


def answered(qtbot, dialog) -> None:
    """Until the worker's answer came back (the button wakes, or sleeps for a pause)."""
    qtbot.waitUntil(lambda: dialog.message.isVisible() or not dialog.isVisible(), timeout=5000)


def test_the_first_code_brings_its_recovery_code_once(store, open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    view = window.stack.currentWidget()
    qtbot.mouseClick(view.pin_button, LEFT)
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        typed(qtbot, view.pin_dialog, "2580", "2580")
    qtbot.waitUntil(lambda: getattr(view, "recovery_dialog", None) is not None, timeout=5000)
    shown = view.recovery_dialog
    assert isinstance(shown, RecoveryCodeDialog) and shown.isVisible()
    code = shown.code.text()
    assert pin.recovery_digits(code) and "plus jamais montré" in " ".join(
        label.text() for label in shown.findChildren(type(shown.code)))
    qtbot.mouseClick(shown.done_button, LEFT)
    view.recovery_dialog = None
    qtbot.mouseClick(view.pin_button, LEFT)  # changing the code: no recovery code again
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        typed(qtbot, view.pin_dialog, "2580", "1379", "1379")
    qtbot.wait(50)
    assert view.recovery_dialog is None and pin.check_pin(store.db, "1379")


def test_wrong_codes_pause_then_the_recovery_code_lets_the_facilitator_out(store, open_window, qtbot):
    code = pin.choose_pin(store.db, "2580")
    learner = people.add(store.db, Participant("Hélène", "Martin"))
    window = open_window()
    shell = PracticeWindow(window.ops, [learner], library.all_modules(), attach(window), parent=window)
    shell.show()
    qtbot.waitExposed(shell)
    try:
        qtbot.mouseClick(shell.exit_button, LEFT)
        dialog = shell.dialog
        for n in range(5):
            typed(qtbot, dialog, "1111")
            answered(qtbot, dialog)
            qtbot.waitUntil(lambda: not dialog.field.text(), timeout=5000)
        assert "30 secondes" in dialog.message.text() or "29 secondes" in dialog.message.text()
        assert not dialog.ok.isEnabled() and not dialog.field.isEnabled() and dialog.paused.isActive()
        qtbot.mouseClick(dialog.cancel, LEFT)
        qtbot.mouseClick(shell.exit_button, LEFT)  # asked again: the pause goes on
        dialog = shell.dialog
        assert isinstance(dialog, PinDialog) and not dialog.ok.isEnabled() and "secondes" in dialog.message.text()
        qtbot.mouseClick(dialog.cancel, LEFT)

        past = datetime.now(timezone.utc) - timedelta(seconds=1)  # the pause is over
        settings.put(store.db, pin.PAUSED_UNTIL, past.isoformat(timespec="seconds"))
        qtbot.mouseClick(shell.exit_button, LEFT)
        dialog = shell.dialog
        assert dialog.ok.isEnabled() and not dialog.paused.isActive()
        qtbot.mouseClick(dialog.forgot, LEFT)
        assert dialog.recovering and dialog.focusWidget() is dialog.recovery and dialog.field.isHidden()
        typed(qtbot, dialog, "1234")
        assert "12 chiffres" in dialog.message.text() and shell.isVisible()
        with qtbot.waitSignal(shell.left, timeout=5000):
            typed(qtbot, dialog, code)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "pinRecovered") is not None, timeout=5000)
        told = window.findChild(QMessageBox, "pinRecovered")
        assert "Choisissez-en un nouveau dans Réglages" in told.text()
        assert not pin.has_pin(store.db)
        told.close()
    finally:
        shell._may_close = True
        shell.close()
