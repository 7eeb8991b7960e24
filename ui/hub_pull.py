"""The coordinator's background pull: every site's new files, read off the database worker.

Only on the coordination's PC (Réglages → Synchronisation, « Coordination ») with a hub
chosen: soon after start, every few minutes while the hub answers (the wait grows
offline), soon after the setting is turned on, and at « Récupérer maintenant ».

A run is the sync's pattern (``ui.sync_runner``): the hub is listed and each new file
read and checked (``coordinator.new_names`` and ``fetch``) on a thread of its own, never
the database worker; the files go to the worker in batches, where ``coordinator.keep_all``
merges each one with its device's checkpoint in one transaction. The worker then
announces what changed (Changes.hub) and the Coordination screen refreshes itself. At
most WAITING_BATCHES batches wait for the worker, so the first pull of a large hub never
piles up in memory; a batch the window's closing drops was never merged, and is read
again next time (the checkpoint moves only with its merge).
"""

import queue
import threading
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from atelier.i18n import _
from atelier import settings
from atelier.clock import utc_now
from atelier.sync import hub_config
from atelier.sync.pull_report import PullReport
from atelier.sync.hub import HubError
from ui import sync_runner
from ui.operations import Operations

START_DELAY_MS = sync_runner.START_DELAY_MS + 2_000  # the push's first run goes first
AFTER_CHANGE_MS = 1_500  # coordination just turned on, or the hub changed
BATCH_FILES = 20
BATCH_ENTRIES = 5_000  # summaries a batch holds at most (one file may hold more)
WAITING_BATCHES = 2
ATTEMPTS = 3  # a transient hub error is tried again this many times

OFF, NO_HUB, IDLE, RUNNING, DONE, FAILED, OFFLINE = "off", "no-hub", "idle", "running", "done", "failed", "offline"


@dataclass(frozen=True)
class PullState:
    kind: str = OFF  # OFF (not the coordination), NO_HUB, IDLE (not yet), RUNNING, DONE, FAILED, OFFLINE
    read: int = 0  # files read and kept in this run
    total: int = 0  # new files the hub holds for this run (0 while it is being listed)
    report: PullReport = field(default_factory=PullReport)  # of the run under way, or of the last one
    message: str = ""  # FAILED and OFFLINE: what went wrong, in French
    finished_at: str | None = None  # ISO time the last run ended well


def _coordinator():
    """The reading of the hub's files: loaded on the coordination's PC, at its first pull,
    not at every start of every PC (a quarter of the program's imports)."""
    from atelier.sync import coordinator

    return coordinator


def where_from(db) -> tuple[bool, str | None, str]:
    """(this PC is the coordination, the hub's address, its user)."""
    return settings.is_coordinator(db), settings.hub_address(db), settings.hub_user(db)


class HubPuller(sync_runner.Runs):
    state_changed = Signal(object)  # PullState
    _listed = Signal(int, int)  # run, new files found
    _batch_ready = Signal(int)  # run: a batch waits in the queue
    _ended = Signal(int, str, bool)  # run, error message (empty when it went well), offline

    def __init__(self, ops: Operations, runner: sync_runner.SyncRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.ops, self.runner = ops, runner
        self.state = PullState()
        self.batches: queue.Queue = queue.Queue()
        self._run = 0
        self._slots = threading.Semaphore(WAITING_BATCHES)
        self._cancel = threading.Event()
        self._waiting = 0  # batches handed to the worker, not yet kept
        self._fetched_all = False
        self._error, self._offline = "", False
        self._address: str | None = None  # the hub of the last run or reading: a new one is pulled soon
        self._listed.connect(self._on_listed)
        self._batch_ready.connect(self._on_batch)
        self._ended.connect(self._on_ended)
        ops.changed.connect(self._on_changed)

    # When

    def start(self, delay_ms: int | None = None) -> None:
        """The first run after ``delay_ms`` (START_DELAY_MS by default), at the coordination only."""
        coordination, address, _user = self.ops.read(where_from)
        self._address = address
        self._show(PullState(IDLE if coordination and address else NO_HUB if coordination else OFF))
        if coordination and address:
            self.timer.start(START_DELAY_MS if delay_ms is None else delay_ms)

    def _on_changed(self, changes, initiator) -> None:
        if self.stopped or initiator is self or not changes.any_of("settings"):
            return
        coordination, address, _user = self.ops.read(where_from)
        if not coordination:
            self.timer.stop()
            self._show(PullState(OFF))
        elif not self.running and (self.state.kind in (OFF, NO_HUB) or address != self._address):
            self._address = address
            self._show(PullState(IDLE if address else NO_HUB, finished_at=self.state.finished_at))
            if address:
                self.timer.start(AFTER_CHANGE_MS)

    def stop(self) -> None:
        """At closing: no more runs; the thread stops between two files (joined)."""
        self._cancel.set()
        super().stop()

    # A run

    def run_now(self) -> None:
        """Pull now (« Récupérer maintenant »); during a run, another follows it."""
        if not self.may_run():
            return
        coordination, address, user = self.ops.read(where_from)
        self._address = address
        if not coordination or not address:
            self._show(PullState(NO_HUB if coordination else OFF, finished_at=self.state.finished_at))
            return
        secret = self.runner.secret_for(address, user)
        if secret is None:
            self._show(PullState(FAILED, message=self.runner.password_missing(), finished_at=self.state.finished_at))
            return
        known = self.ops.read(_coordinator().every_known_file)
        self.running, self.again = True, False
        self._run += 1
        self._slots, self._cancel = threading.Semaphore(WAITING_BATCHES), threading.Event()
        self._waiting, self._fetched_all, self._error, self._offline = 0, False, "", False
        self._show(PullState(RUNNING, finished_at=self.state.finished_at))
        missing = _("Le dossier du partage est introuvable : {folder} (clé USB débranchée ?)").format(
            folder=address)
        self._thread(self._fetch, self._run, address, user, secret, known, missing, self._slots, self._cancel)

    def _fetch(self, run: int, address: str, user: str, secret: str, known: dict, missing: str, slots,
               cancel) -> None:
        """On the sync thread: the hub only, never the database."""
        try:
            if not hub_config.is_web(address) and not Path(address).is_dir():
                raise HubError(missing)  # a folder hub lists nothing when it is not there: say why
            hub = hub_config.open_hub(address, user, secret)
            try:
                self._read_all(run, hub, known, slots, cancel)
            finally:
                hub.close()
        except HubError as error:
            self._ended.emit(run, error.message, sync_runner.is_offline(address, error))
            return
        except Exception as error:  # noqa: BLE001 - a bug must not kill the thread silently
            self._ended.emit(run, str(error), False)
            return
        self._ended.emit(run, "", False)

    def _read_all(self, run: int, hub, known: dict, slots, cancel) -> None:
        todo = []
        for site, device_id in _coordinator().device_folders(hub, attempts=ATTEMPTS):
            names = _coordinator().new_names(hub, site, device_id, known.get((site, device_id), set()), attempts=ATTEMPTS)
            if names:
                todo.append((site, device_id, names))
        self._listed.emit(run, sum(len(names) for _site, _device, names in todo))
        batch, entries = [], 0
        for site, device_id, names in todo:
            for fetched in _coordinator().fetch(hub, site, device_id, names, attempts=ATTEMPTS):
                batch.append(fetched)
                entries += len(fetched.entries or ())
                if len(batch) >= BATCH_FILES or entries >= BATCH_ENTRIES:
                    if not self._hand_over(run, batch, slots, cancel):
                        return
                    batch, entries = [], 0
        if batch:
            self._hand_over(run, batch, slots, cancel)

    def _hand_over(self, run: int, batch: list, slots, cancel) -> bool:
        """Queue a batch for the worker once a place is free; False when the run is called off."""
        while not slots.acquire(timeout=0.2):
            if cancel.is_set():
                return False
        if cancel.is_set():
            return False
        self.batches.put((run, batch))
        self._batch_ready.emit(run)
        return True

    def _on_listed(self, run: int, total: int) -> None:
        if run == self._run and self.running:
            self._show(PullState(RUNNING, total=total, finished_at=self.state.finished_at))

    def _on_batch(self, run: int) -> None:
        found, batch = self.batches.get_nowait()
        if found != self._run or self.stopped:
            return
        self._waiting += 1
        self.ops.run(_coordinator().keep_all, batch, initiator=self,
                     on_done=lambda report: self._kept(run, len(batch), report, ""),
                     on_error=lambda error: self._kept(run, len(batch), PullReport(), str(error)))

    def _kept(self, run: int, files: int, report: PullReport, error: str) -> None:
        if run != self._run:
            return
        self._waiting -= 1
        self._slots.release()
        if error and not self._error:
            self._error = _("Les fichiers lus n'ont pas pu être enregistrés : {error}").format(error=error)
            self._cancel.set()  # what was kept stays; the rest is read again next time
        state = self.state
        self._show(PullState(RUNNING, state.read + files, max(state.total, state.read + files),
                             state.report + report, finished_at=state.finished_at))
        self._finish_if_done()

    def _on_ended(self, run: int, message: str, offline: bool) -> None:
        if run != self._run:
            return
        self._fetched_all = True
        if message and not self._error:
            self._error, self._offline = message, offline
        self._finish_if_done()

    def _finish_if_done(self) -> None:
        if not self._fetched_all or self._waiting or not self.running:
            return
        self.running = False
        if self.stopped:
            return
        state = self.state
        if self._error:
            self.wait_ms = min(self.wait_ms * 2, sync_runner.LONGEST_WAIT_MS)
            self._show(PullState(OFFLINE if self._offline else FAILED, state.read, state.total, state.report,
                                 self._error, state.finished_at))
        else:
            self.wait_ms = sync_runner.EVERY_MS
            self._show(PullState(DONE, state.read, state.total, state.report, finished_at=utc_now()))
        self.timer.start(0 if self.again else self.wait_ms)

    def _show(self, state: PullState) -> None:
        self.state = state
        self.state_changed.emit(state)
