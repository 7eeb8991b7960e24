"""The background sync of the program: summaries go to the hub without a screen waiting.

A run has three steps (``atelier.sync.push``): ``gather`` reserves the next file on the
database worker (``ops.run``; a file an earlier run left unconfirmed comes first, and a
run follows at once for the newer rows), ``send`` talks to the hub on a thread of its own (never
the database worker: a slow server never holds a click), and ``confirm`` marks the rows
sent, back on the worker. The sending thread hands its answer to the main thread by a
signal carrying plain values only.

Runs come at start (a few seconds after the window shows), after the outbox changes (a
session closed) and every few minutes while the hub answers; offline, the wait grows.
One run at a time; no hub chosen, nothing runs. The WebDAV password follows
``atelier.sync.passwords``, as on the command line: in the system's keyring when one
works, else in memory for this run of the program only; never in a file or the database.
"""

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from atelier.i18n import _
from atelier import settings
from atelier.sync import hub_config, passwords, push as pushing
from atelier.sync.hub import HubConflict, HubError
from ui.operations import Operations
from ui.sync_state import ERROR, NEVER, NONE, OFFLINE, SYNCED, SyncState

START_DELAY_MS = 4_000  # after the window shows: the first screen comes first
AFTER_CHANGE_MS = 1_500  # a closed session: soon, once the clicks around it are done
EVERY_MS = 5 * 60_000  # while the hub answers
LONGEST_WAIT_MS = 30 * 60_000  # offline, the wait doubles up to this
THREAD_JOIN_S = 25.0  # at closing, a send under way may finish (the hub's timeout is 20 s)

@dataclass(frozen=True)
class Stored:
    address: str | None
    user: str
    site: str | None
    pending: int
    last_success: str | None
    last_error: str | None


def stored(db) -> Stored:
    """What the database says of the sync (the same readings as ``atelier sync status``)."""
    return Stored(settings.hub_address(db), settings.hub_user(db), settings.get(db, settings.SITE),
                  pushing.pending_count(db), settings.get(db, pushing.LAST_SUCCESS) or None,
                  settings.get(db, pushing.LAST_ERROR) or None)


def is_offline(address: str, error: HubError) -> bool:
    """A server that does not answer, or a folder that is not there (a USB stick unplugged)."""
    if isinstance(error, HubConflict):
        return False
    if error.transient:
        return True
    return not hub_config.is_web(address) and not Path(address).is_dir()


class Runs(QObject):
    """One run at a time, started by its timer or by hand, its hub work on sync threads:
    what the push (below) and the coordination's pull (``ui.hub_pull``) share."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.running = self.again = self.stopped = False
        self.wait_ms = EVERY_MS
        self.threads: list[threading.Thread] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.run_now)

    def run_now(self) -> None:
        raise NotImplementedError

    def may_run(self) -> bool:
        """True when a run may start now; during one, another is asked to follow it."""
        if self.stopped:
            return False
        if self.running:
            self.again = True
            return False
        self.timer.stop()
        return True

    def stop(self) -> None:
        """At closing: no more runs; the work under way on a sync thread finishes (joined)."""
        self.stopped = True
        self.timer.stop()
        for thread in self.threads:
            thread.join(THREAD_JOIN_S)
        self.threads = []

    def _thread(self, target, *args) -> None:
        self.threads = [t for t in self.threads if t.is_alive()]
        thread = threading.Thread(target=target, args=args, name="atelier-sync", daemon=True)
        self.threads.append(thread)
        thread.start()


class SyncRunner(Runs):
    state_changed = Signal(object)  # SyncState
    tested = Signal(bool, str)  # the hub answered, and the French words to show
    _sent = Signal(int, str, str, bool)  # run number, outcome, error message, offline
    _test_done = Signal(bool, str)

    def __init__(self, ops: Operations, parent: QObject | None = None):
        super().__init__(parent)
        self.ops = ops
        self.passwords = passwords.Passwords()
        self.state = SyncState(NONE)
        self.offline = False
        self._run = 0
        self._batch = None
        self._address = ""
        self._sent.connect(self._on_sent)
        self._test_done.connect(self.tested)
        ops.changed.connect(self._on_changed)

    # When

    def start(self, delay_ms: int = START_DELAY_MS) -> None:
        """Show what the database says, then the first run after ``delay_ms``."""
        self.refresh()
        self.timer.start(delay_ms)

    def _on_changed(self, changes, initiator) -> None:
        if self.stopped or initiator is self:
            return
        if changes.any_of("outbox", "sessions"):  # a session closed (its summary queued)
            self.timer.start(min(self.timer.remainingTime(), AFTER_CHANGE_MS)
                             if self.timer.isActive() else AFTER_CHANGE_MS)
        if changes.any_of("settings"):
            self.refresh()

    # The password, never in a file

    def password(self, address: str, user: str) -> str:
        return self.passwords.get(address, user)

    def secret_for(self, address: str, user: str) -> str | None:
        """What opens the hub: "" for a folder, the password for WebDAV; None when it is missing."""
        if not hub_config.is_web(address):
            return ""
        secret = self.password(address, user)
        return None if user and not secret else secret

    def password_missing(self) -> str:
        return _("Le mot de passe du serveur est à indiquer dans Réglages, « Synchronisation ».")

    def set_password(self, address: str, user: str, password: str) -> None:
        self.passwords.keep(address, user, password)

    # A run

    def run_now(self) -> None:
        """Start a run now (« Réessayer »); during one, another follows it."""
        if not self.may_run():
            return
        now = self.ops.read(stored)
        if not now.address:
            self._show(now)
            return
        secret = self.secret_for(now.address, now.user)
        if secret is None:
            self._show(now, message=self.password_missing(), offline=False)
            return
        self.running, self.again = True, False
        self._run += 1
        run = self._run
        self._address = now.address
        self._show(now)
        self.ops.run(pushing.gather, now.site, self.ops.store.device_id, initiator=self,
                     on_done=lambda batch: self._gathered(run, now, secret, batch),
                     on_error=lambda error: self._finish(str(error), False))

    def _gathered(self, run: int, now: Stored, secret: str, batch) -> None:
        if self.stopped or run != self._run:
            return
        if batch is None:  # nothing pending: the hub is not asked anything
            self._finish("", self.offline)
            return
        self._batch = batch
        self._thread(self._send, run, now.address, now.user, secret, batch)

    def _send(self, run: int, address: str, user: str, secret: str, batch) -> None:
        """On the sync thread: the hub only, never the database."""
        try:
            hub = hub_config.open_hub(address, user, secret)
            try:
                outcome = pushing.send(hub, batch, attempts=3)
            finally:
                hub.close()
        except HubError as error:
            self._sent.emit(run, "", error.message, is_offline(address, error))
            return
        except Exception as error:  # noqa: BLE001 - a bug must not kill the thread silently
            self._sent.emit(run, "", str(error), False)
            return
        self._sent.emit(run, outcome, "", False)

    def _on_sent(self, run: int, outcome: str, message: str, offline: bool) -> None:
        if self.stopped or run != self._run:
            return
        batch, self._batch = self._batch, None
        if message:
            self.ops.run(pushing.record_error, message, initiator=self,
                         on_done=lambda _none: self._finish(message, offline),
                         on_error=lambda _error: self._finish(message, offline))
            return
        if batch.resent:  # the file a cut run left: the newer rows go right after
            self.again = True
        self.ops.run(pushing.confirm, batch, initiator=self,
                     on_done=lambda _none: self._finish("", False),
                     on_error=lambda error: self._finish(str(error), False))

    def _finish(self, message: str, offline: bool) -> None:
        self.running = False
        if self.stopped:
            return
        self.offline = bool(message) and offline
        if message:
            self.wait_ms = min(self.wait_ms * 2, LONGEST_WAIT_MS)
        else:
            self.wait_ms = EVERY_MS
        self._show(self.ops.read(stored), message=message, offline=self.offline)
        if self.again:
            self.timer.start(0)
        else:
            self.timer.start(self.wait_ms)

    # The state on screen

    def refresh(self) -> None:
        if not self.stopped:
            self._show(self.ops.read(stored), offline=self.offline)

    def _show(self, now: Stored, message: str | None = None, offline: bool | None = None) -> None:
        if not now.address:
            state = SyncState(NONE)
        else:
            text = message if message is not None else (now.last_error or "")
            offline = self.offline if offline is None else offline
            if text:
                kind = OFFLINE if offline else ERROR
            else:
                kind = SYNCED if now.last_success else NEVER
            state = SyncState(kind, now.pending, now.last_success, text, self.running)
        self.state = state
        self.state_changed.emit(state)

    # « Tester la connexion »

    def test(self, address: str, user: str, secret: str) -> None:
        """``hub.test()`` on a thread; the answer comes by ``tested``."""
        def work() -> None:
            try:
                hub = hub_config.open_hub(hub_config.checked_address(address), user, secret)
                try:
                    hub.test()
                finally:
                    hub.close()
            except (HubError, ValueError) as error:
                self._test_done.emit(False, getattr(error, "message", str(error)))
                return
            except Exception as error:  # noqa: BLE001
                self._test_done.emit(False, str(error))
                return
            self._test_done.emit(True, _("Le partage répond et accepte l'écriture."))

        self._thread(work)
