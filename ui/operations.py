"""Changes flow one way (Anki's operations, at our size).

A screen never writes to the database itself nor reloads another screen: it asks
``Operations.run`` to do a piece of core work on the single worker thread. When the
work is done, ``changed`` is emitted once with what kind of data changed, and every
screen that shows such data refreshes itself.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from atelier.db import DatabaseError
from atelier.store import Store
from ui.worker import Worker


@dataclass(frozen=True)
class Changes:
    participants: bool = False
    groups: bool = False
    sessions: bool = False
    attendance: bool = False
    progress: bool = False
    settings: bool = False

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(**{name: getattr(self, name) or getattr(other, name) for name in self.__dataclass_fields__})


class Operations(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, store: Store, worker: Worker, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.worker = worker

    def run(
        self,
        work: Callable[..., Any],
        *args: Any,
        changes: Changes,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        parent: QWidget | None = None,
    ) -> int:
        """Run ``work(db, *args)`` on the worker; announce ``changes`` once it succeeded."""

        def done(result: Any) -> None:
            self.changed.emit(changes)
            if on_done is not None:
                on_done(result)

        def failed(error: Exception) -> None:
            if on_error is not None:
                on_error(error)
            else:
                show_error(parent, error)

        def guarded(*call_args: Any) -> Any:
            if self.store.damage:  # the start-up check found damage: write nothing more
                raise self.store.damaged_error()
            return work(self.store.db, *call_args)

        return self.worker.run(guarded, *args, on_done=done, on_error=failed)

    def read(self, work: Callable[..., Any], *args: Any) -> Any:
        """A quick read on the main thread, on the store's read-only connection
        (queries are fast; writes go through run)."""
        return work(self.store.reader, *args)


def show_error(parent: QWidget | None, error: Exception) -> None:
    """Plain words for the facilitator: the core's French message, or a general one."""
    if isinstance(error, (ValueError, KeyError, DatabaseError)):
        text = str(error).strip("'")
    else:
        text = QCoreApplication.translate(
            "Operations", "Cela n'a pas pu être enregistré. Rien n'a été perdu : réessayez.\n({error})"
        ).format(error=error)
    QMessageBox.warning(parent, QCoreApplication.translate("Operations", "Attention"), text)
