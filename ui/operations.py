"""The one way to the data for every screen (Anki's operations, at our size).

A screen never writes to the database itself nor reloads another screen: it asks
``Operations.run`` to do a piece of core work on the single worker thread. The core
says what its work changed (``atelier.changes``); ``changed(changes, initiator)`` is
emitted once on the main thread, and each screen refreshes only for what concerns it
(``watch``), knowing whether it asked for the change itself. Screens read through
``read``, on the store's read-only connection.
"""

import sqlite3
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QWidget

from atelier.i18n import _
from atelier.changes import Changes, Done, perform
from atelier import error_log
from atelier.db import DatabaseError
from atelier.files import WriteError, error_text
from atelier.store import Store
from ui.worker import Worker


class Operations(QObject):
    changed = Signal(object, object)  # Changes, the object that asked for them (or None)

    def __init__(self, store: Store, worker: Worker, parent: QObject | None = None, today: date | None = None):
        super().__init__(parent)
        self.store = store
        self.worker = worker
        self._today = today

    def today(self) -> date:
        """The program's day: the real one, or the one a test or a demonstration fixed."""
        return self._today or date.today()

    def run(
        self,
        work: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        parent: QWidget | None = None,
        initiator: QObject | None = None,
    ) -> int:
        """Run ``work(db, *args)`` on the worker; once it succeeded, announce what the core
        says it changed, with ``initiator`` (by default ``parent``), then call ``on_done``."""
        asker = initiator if initiator is not None else parent

        def done(outcome: Done) -> None:
            if outcome.changes:
                self.changed.emit(outcome.changes, asker)
            if on_done is not None:
                on_done(outcome.value)

        def failed(error: Exception) -> None:
            if on_error is not None:
                on_error(error)
            else:
                show_error(parent, error)

        def guarded(*call_args: Any) -> Done:
            if self.store.damage:  # the start-up check found damage: write nothing more
                raise self.store.damaged_error()
            return perform(self.store.db, work, *call_args)

        return self.worker.run(guarded, *args, on_done=done, on_error=failed)

    def announce(self, changes: Changes, initiator: QObject | None = None) -> None:
        """Say what work done off the database changed (lesson packs are files): the
        screens hear it as they hear the worker's changes."""
        if changes:
            self.changed.emit(changes, initiator)

    def read(self, work: Callable[..., Any], *args: Any) -> Any:
        """A quick read on the main thread, on the store's read-only connection
        (queries are fast; writes go through run)."""
        return work(self.store.reader, *args)

    def watch(self, screen: QWidget, kinds: tuple[str, ...],
              refresh: Callable[[Changes, QObject | None], None]) -> None:
        """Call ``refresh(changes, initiator)`` when a change of one of ``kinds`` is announced.

        A hidden screen does not re-read on every click elsewhere: it keeps what changed
        and refreshes once, when it is shown again.
        """
        _Watch(self, screen, kinds, refresh)


class _Watch(QObject):
    """A screen's listener; a child of the screen, so it goes away with it."""

    def __init__(self, ops: Operations, screen: QWidget, kinds: tuple[str, ...], refresh):
        super().__init__(screen)
        self.screen, self.kinds, self.refresh = screen, kinds, refresh
        self.missed: Changes | None = None
        ops.changed.connect(self.on_changed)

    def on_changed(self, changes: Changes, initiator: QObject | None) -> None:
        if not changes.any_of(*self.kinds):
            return
        if self.screen.isVisible():
            self.refresh(changes, initiator)
        elif self.missed is None:
            self.missed = changes
            # Only while something is missed: a filter sees every event of the screen.
            self.screen.installEventFilter(self)
        else:
            self.missed = self.missed | changes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.missed is not None:
            self.screen.removeEventFilter(self)
            missed, self.missed = self.missed, None
            self.refresh(missed, None)
        return False


def show_error(parent: QWidget | None, error: Exception) -> None:
    """Plain words for the facilitator: the core's French message, or a general one
    (the details, in English, go to the error log, never on the screen)."""
    from PySide6.QtWidgets import QMessageBox  # not at start: its class costs a millisecond

    QMessageBox.warning(parent, _("Attention"), plain_words(error))


def plain_words(error: Exception, saving: bool = True) -> str:
    """``saving=False``: an error met outside any save (the last net, ui.app.report_unexpected)."""
    if isinstance(error, (ValueError, KeyError, DatabaseError)):
        return str(error).strip("'")
    if isinstance(error, (WriteError, OSError)):
        return error_text(error)  # never the system's English
    if isinstance(error, sqlite3.DatabaseError):  # damage met after the start-up checks
        error_log.record(error)
        return _("Le fichier de données d'Atelier n'a pas pu être lu ou écrit. Fermez Atelier et "
            "rouvrez-le : il vérifiera le fichier et proposera la dernière sauvegarde en bon état si besoin.")
    if not saving:
        return error_log.message(error)
    return _("Cela n'a pas pu être enregistré. Rien n'a été perdu : réessayez.") + "\n" + error_log.message(error)
