"""Starting the program: the application, the data file, the first run, the window.

Every modal question (a message box, the first-run dialog) goes through one
``ask(widget)`` function: by default it runs the widget; a test passes its own to
answer the way a person would, without a global flag.
"""

from __future__ import annotations

import gc
import logging
import sqlite3
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from atelier.i18n import _
from atelier import paths, settings
from atelier.backup_check import BackupError  # not atelier.backups: a start takes no backup before its first frame
from atelier.files import plain_os_error
from atelier.db import DamagedDatabaseError, DatabaseError, NewerDatabaseError
from atelier.store import Store, damaged, restore
from ui.main_window import MainWindow, build_window
from ui.operations import plain_words
from ui.qt_language import install_qt_translations, put_off_qt_words, qt_words_now
from ui.theme import apply_theme
from ui import window_place
from ui.retention_offer import offer_at_start

if TYPE_CHECKING:  # a start with nothing to say loads no message box (its class costs a millisecond)
    from PySide6.QtWidgets import QMessageBox

__all__ = ["main", "start", "launch", "build_window", "open_store", "make_app"]

EXIT_DATA_PROBLEM = 3  # the CLI's code for a data file it cannot open
FIRST_FRAME_WAIT_S = 1.0  # a window not painted by then (minimised) has its file checked all the same
Ask = Callable[[QWidget], Any]




def exec_widget(widget: QWidget) -> Any:
    """Run a modal widget; for a message box, return the button that was clicked."""
    qt_words_now(QApplication.instance())  # a dialog before the window: Qt's words in it too
    result = widget.exec()
    return widget.clickedButton() if hasattr(widget, "clickedButton") else result  # a message box


def make_app(argv: list[str] | None = None, scale: float = 1.0) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    if not gc.isenabled():  # put off for the start (atelier.cli): back at the loop's first turn
        QTimer.singleShot(0, collect_again)
    app.setApplicationName("Atelier")
    app.setApplicationDisplayName("Atelier")
    install_qt_translations(app)  # Qt's own words ("Annuler", "Regarder dans :") in French too
    apply_theme(app, scale)
    return app


def collect_again() -> None:
    """Garbage collection back on, the start's objects (modules, classes, the first
    screen) set aside first: else the first collection would go through all of them."""
    gc.freeze()
    gc.enable()


def newer_box(error: NewerDatabaseError) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, _("Atelier"), _(
        "Ces données ont été enregistrées par une version plus récente d'Atelier.\n\n"
        "Elles n'ont pas été modifiées. Installez la dernière version d'Atelier pour les ouvrir."
    ))
    box.setDetailedText(str(error))
    box.addButton(_("Quitter"), QMessageBox.ButtonRole.RejectRole).setAccessibleName(_("Quitter"))
    return box


def open_store(home: Path, ask: Ask = exec_widget, check: bool = True) -> Store | int:
    """The open Store, or the exit code after a plain-French message.

    With ``check=False`` the start-up quick_check is left to ``launch``, which runs it
    first thing on the worker while the window is already on screen.
    """
    try:
        return Store.open(home, check=check)
    except NewerDatabaseError as error:
        ask(newer_box(error))
        return EXIT_DATA_PROBLEM
    except DamagedDatabaseError as error:
        if not offer_backup(error, home, ask):
            return EXIT_DATA_PROBLEM  # "Quitter": the file stays exactly as it is
        return open_store(home, ask)
    except DatabaseError as error:  # a read-only disk, a full disk: said, nothing changed
        from ui.views.data_file_messages import refusal

        ask(refusal(str(error)))
        return EXIT_DATA_PROBLEM


def offer_backup(error: DamagedDatabaseError, home: Path, ask: Ask) -> bool:
    """Say the file is damaged and offer the latest good backup; True once it is back."""
    from ui.views.data_file_messages import DamagedFileDialog, refusal

    question = DamagedFileDialog(error)
    ask(question)
    if not question.chose_restore():
        return False
    try:
        restore(error.backup.path, home)
    except (BackupError, DatabaseError, OSError) as problem:
        said = plain_os_error(problem, home) if isinstance(problem, OSError) else problem
        ask(refusal(_(
            "La sauvegarde n'a pas pu être remise en place. Rien d'autre n'a été changé.\n\n{problem}"
        ).format(problem=said)))
        return False
    return True


def is_first_run(store: Store) -> bool:
    return store.is_empty() and not (settings.get(store.db, settings.ASSOCIATION, "") or "").strip()


def open_demo(home: Path, ask: Ask = exec_widget) -> Store | int:
    """The demonstration's own Store, filled once; the real data is never touched."""
    result = open_store(home / "demo", ask)
    if isinstance(result, Store) and result.is_empty():
        from atelier import demo

        demo.fill(result.db)
    return result


def apply_saved_look(store: Store) -> Store:
    """This installation's language, text size and contrast, read from its settings,
    applied before its window is built (French when no language was chosen)."""
    app = QApplication.instance()
    if app is not None:
        install_qt_translations(app, settings.language(store.db))
        apply_theme(app, settings.text_scale(store.db), settings.high_contrast(store.db))
    return store


def start(home: Path | None = None, ask: Ask = exec_widget, today: date | None = None) -> MainWindow | int:
    """Everything before the event loop: the data file, the first run, the window."""
    home = home or paths.home()
    store = open_store(home, ask, check=False)
    if isinstance(store, int):
        return store
    try:
        first = is_first_run(store)
    except sqlite3.DatabaseError as problem:  # damage the start-up check has not reached yet
        store.close()
        if not offer_backup(damaged(store.path, store.backups_dir, str(problem)), home, ask):
            return EXIT_DATA_PROBLEM
        return start(home, ask, today)
    if first:
        from ui.views import first_run  # the first start only: later ones skip loading it

        dialog = first_run.FirstRunDialog()
        ask(dialog)
        if dialog.choice == first_run.SETUP and dialog.answers:
            first_run.save(store.db, dialog.answers)
        elif dialog.choice == first_run.DEMO:
            store.close()
            demo_store = open_demo(home, ask)
            if isinstance(demo_store, int):
                return demo_store
            settings.set_language(demo_store.db, dialog.spoken)  # the demonstration speaks the language chosen
            return build_window(apply_saved_look(demo_store), today, demo=True)
    return build_window(apply_saved_look(store), today)


def launch(window: MainWindow, ask: Ask = exec_widget, quit: Callable[[int], Any] = QApplication.exit) -> None:
    """Show the window, check the file on the worker once the first frame is painted
    (the quick check of a big file takes a tenth of a second of processor time: on an
    old single-core PC the first frame does not share it), then take the daily backup
    and look for people past the retention period (asked about without blocking).

    The worker runs its jobs in order, so nothing is written before the check has
    passed; when it fails, every later write is refused (see Operations). Once the
    quick check has passed, the full check runs on a thread of its own: it can take a
    minute on a big file, and the workshop must not wait for it.
    """
    window_place.show_placed(window, window.store.home)
    window.restore_requested.connect(lambda backup: restore_chosen(window, backup, ask, quit))

    def checked(result: str | None) -> None:
        if result is None:
            return  # cut short: the window is closing
        if result != "ok":
            recover(window, ask, quit)
        else:
            window.check_deeply(lambda deep: deep in ("ok", None) or recover(window, ask, quit))

    def verify_after_the_first_frame() -> str | None:
        window.first_frame.wait(FIRST_FRAME_WAIT_S)
        return window.store.verify()

    window.worker.run(verify_after_the_first_frame, on_done=checked)
    if not window.demo:
        window.schedule_backup()
        offer_at_start(window.ops, window)  # people past the retention period, if any


def let_go(window: MainWindow) -> None:
    """The window lets go of its data: no job, no sync, no connection left to the file."""
    window.hide()
    window.stop_background()
    window.store.close()


def recover(window: MainWindow, ask: Ask = exec_widget, quit: Callable[[int], Any] = QApplication.exit) -> None:
    """The start-up check found damage: say so, keep the file, offer the latest good backup."""
    error = window.store.damaged_error()
    home = window.store.home
    let_go(window)
    if offer_backup(error, home, ask):
        replacement = start(home, ask)
        if not isinstance(replacement, int):
            launch(replacement, ask, quit)
            return
    quit(EXIT_DATA_PROBLEM)


def report_unexpected(kind, error, trace) -> None:
    """The last net: an error no screen caught goes to the log and to a French dialog."""
    if issubclass(kind, KeyboardInterrupt):
        return sys.__excepthook__(kind, error, trace)
    error.__traceback__ = trace
    qt_words_now(QApplication.instance())
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(None, _("Atelier"), plain_words(error, saving=False))


def restore_chosen(window: MainWindow, backup: Path, ask: Ask = exec_widget,
                   quit: Callable[[int], Any] = QApplication.exit) -> None:
    """Réglages → Sauvegardes: the window lets go of its data, the backup is put in place
    on a thread (the current file kept aside first; a refused one changes nothing), and
    the program opens again where it was, on the data now in place, and says how it went."""
    from ui.views.data_file_messages import told
    from ui.widgets.busy import wait_for

    home, demo, geometry = window.store.home, window.demo, window.saveGeometry()
    let_go(window)
    try:
        restored = wait_for(lambda: restore(backup, home), _("Remise en place de la sauvegarde…"))
        said = _("La sauvegarde est remise en place.")
        if restored.was_damaged:
            said += "\n\n" + _("Le fichier abîmé d'avant est mis de côté, pas effacé : {path}").format(
                path=restored.kept_aside)
        elif restored.kept_aside is not None:
            said += "\n\n" + _("Les données d'avant sont gardées dans une sauvegarde « avant une remise "
                                 "en place ».")
    except (BackupError, DatabaseError) as problem:
        said = _("La sauvegarde n'a pas pu être remise en place. Les données sont restées telles quelles.\n\n"
                  "{problem}").format(problem=problem)
    except Exception:  # never a traceback: the program opens again on the data as it is
        logging.getLogger(__name__).exception("restore of %s failed", backup)
        said = _("La sauvegarde n'a pas pu être remise en place. Les données sont restées telles quelles.")
    window.close()
    window.deleteLater()
    if demo:
        opened = open_store(home, ask)
        replacement = opened if isinstance(opened, int) else build_window(apply_saved_look(opened), demo=True)
    else:
        replacement = start(home, ask)
    if isinstance(replacement, int):
        quit(replacement)
        return
    replacement.restoreGeometry(geometry)
    launch(replacement, ask, quit)
    replacement.show_section("settings")
    ask(told(said, _("Fermer"), replacement))  # a long reason scrolls at 200 %, « Fermer » stays in sight


def main() -> int:
    sys.excepthook = report_unexpected
    put_off_qt_words()  # until the window's first frame (or a dialog before it)
    app = make_app()
    try:
        window = start()
        if isinstance(window, int):
            return window
        launch(window)
    except Exception as error:  # before the event loop: the same net (a bundle has no console)
        report_unexpected(type(error), error, error.__traceback__)
        return 1
    try:
        return app.exec()
    finally:  # the window on screen may be a replacement opened by recover()
        for widget in app.topLevelWidgets():
            if isinstance(widget, MainWindow):
                widget.stop_background()
                widget.store.close()
