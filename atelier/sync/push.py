"""The device's push: every pending summary in one file, appended to its own folder on the hub.

A run is three steps, so the program's window can keep the database worker free:

- ``gather(db, …)`` reads the outbox (a read-only connection will do) and builds the
  file's bytes and its name ``<epoch>-<seq>-<sha256>.json``;
- ``send(hub, batch)`` talks to the hub only, never to the database;
- ``confirm(db, batch)`` marks those rows sent and advances the device's seq, in one
  transaction, only after the hub said the file is there.

Nothing depends on the wall clock: the file holds no time, rows are taken in outbox
order. The same pending rows give the same bytes, hence the same name: a run cut
after the hub stored its file but before ``confirm`` finds it "already there" next
time and confirms without a second file.

The epoch belongs to one device id. A restored backup or a copied database gets a new
device id (``atelier.settings``), hence a new epoch and a seq starting over: a name
is never reused, and two PCs never write the same name.
"""

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

from atelier import settings
from atelier.clock import utc_now
from atelier.db import Database
from atelier.sync import outbox
from atelier.sync.hub import Hub, HubConflict, HubError, with_retries

FORMAT = 1
EPOCH = "sync_epoch"
EPOCH_DEVICE = "sync_epoch_device"  # the device id the epoch belongs to
SEQ = "sync_seq"  # the seq of the last file the hub confirmed, in this epoch
LAST_SUCCESS = "sync_last_success"  # an ISO time, for display only
LAST_ERROR = "sync_last_error"


@dataclass(frozen=True)
class Batch:
    site_folder: str
    device_id: str
    epoch: str
    seq: int
    name: str
    data: bytes
    rows: tuple[int, ...]  # the outbox seqs the file carries

    @property
    def parts(self) -> list[str]:
        return [self.site_folder, self.device_id]

    @property
    def count(self) -> int:
        return len(self.rows)


@dataclass(frozen=True)
class PushReport:
    sent: int = 0  # summaries the hub now holds from this run
    name: str | None = None  # the file's name, when there was something to send
    outcome: str | None = None  # hub.STORED or hub.ALREADY_THERE
    pending: int = 0  # left in the outbox after the run
    error: str | None = None  # plain French, when the run stopped
    conflict: bool = False


def site_folder(site: str | None) -> str:
    """A safe folder name for the site: accents dropped, lowercase, hyphens; "site" if empty."""
    plain = unicodedata.normalize("NFKD", site or "").encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")
    return slug or "site"


def epoch_for(device_id: str) -> str:
    """The epoch of a device id: as random as the id, and the same at every run of it,
    so a file sent but not confirmed is rebuilt under the same name."""
    return hashlib.sha256(f"atelier-epoch|{device_id}".encode()).hexdigest()[:8]


def current_epoch(db: Database, device_id: str) -> tuple[str, int]:
    """(epoch, last confirmed seq); a device id the epoch does not belong to starts anew."""
    if settings.get(db, EPOCH_DEVICE) == device_id and settings.get(db, EPOCH):
        return settings.get(db, EPOCH), int(settings.get(db, SEQ, "0") or "0")
    return epoch_for(device_id), 0


def file_name(epoch: str, seq: int, data: bytes) -> str:
    return f"{epoch}-{seq:010d}-{hashlib.sha256(data).hexdigest()}.json"


def gather(db: Database, site: str | None, device_id: str) -> Batch | None:
    """The next file to send, or None when nothing is pending. Reads only."""
    entries = outbox.pending(db)
    if not entries:
        return None
    epoch, last_seq = current_epoch(db, device_id)
    seq = last_seq + 1
    document = {
        "format": FORMAT, "device_id": device_id, "epoch": epoch, "seq": seq,
        "entries": [{"summary_id": e.summary_id, "kind": e.kind, "version": e.version, "payload": e.payload}
                    for e in entries],
    }
    data = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return Batch(site_folder(site), device_id, epoch, seq, file_name(epoch, seq, data), data,
                 tuple(e.seq for e in entries))


def send(hub: Hub, batch: Batch, **retry) -> str:
    """Publish the file; STORED or ALREADY_THERE. Raises HubError (HubConflict: stop)."""
    with_retries(lambda: hub.clean_partials(batch.parts), **retry)
    return with_retries(lambda: hub.put_new(batch.parts, batch.name, batch.data), **retry)


def confirm(db: Database, batch: Batch) -> None:
    """The hub holds the file: its rows are sent and the seq moves on, all at once."""
    with db.atomic():
        db.wrote("outbox")
        db.execute(
            "UPDATE outbox SET sent_at = ? WHERE sent_at IS NULL AND seq IN (SELECT value FROM json_each(?))",
            [utc_now(), json.dumps(list(batch.rows))],
        )
        epoch, last_seq = current_epoch(db, batch.device_id)
        if epoch == batch.epoch and last_seq < batch.seq:
            settings.put(db, EPOCH, batch.epoch)
            settings.put(db, EPOCH_DEVICE, batch.device_id)
            settings.put(db, SEQ, str(batch.seq))
        settings.put(db, LAST_SUCCESS, utc_now())
        settings.put(db, LAST_ERROR, "")


def record_error(db: Database, message: str) -> None:
    settings.put(db, LAST_ERROR, message)


def pending_count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM outbox WHERE sent_at IS NULL").fetchone()[0]


def push(db: Database, hub: Hub, site: str | None, device_id: str, **retry) -> PushReport:
    """One sync run on one thread: gather, send, confirm. Errors of the hub are reported,
    not raised; the rows then stay pending for the next run."""
    batch = gather(db, site, device_id)
    if batch is None:
        return PushReport()
    try:
        outcome = send(hub, batch, **retry)
    except HubError as error:
        record_error(db, error.message)
        return PushReport(name=batch.name, pending=pending_count(db), error=error.message,
                          conflict=isinstance(error, HubConflict))
    confirm(db, batch)
    return PushReport(sent=batch.count, name=batch.name, outcome=outcome, pending=pending_count(db))
