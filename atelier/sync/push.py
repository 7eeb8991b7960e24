"""The device's push: every pending summary in one file, appended to its own folder on the hub.

A run is three steps, so the program's window can keep the database worker free:

- ``gather(db, …)`` reserves the next file: its name ``<epoch>-<seq>-<sha256>.json``,
  its seq and the outbox rows it carries are written down and the device's seq moves
  on, in one small transaction, before a byte leaves the PC;
- ``send(hub, batch)`` talks to the hub only, never to the database;
- ``confirm(db, batch)`` marks those rows sent and drops the reservation, in one
  transaction, only after the hub said the file is there.

A seq is spent when it is reserved, never when it is confirmed: a run cut after the
hub stored file N finds N still reserved next time, rebuilds it from exactly the same
rows (same bytes, same name: the hub answers "already there"), confirms it, and only
then gathers the newer rows under N + 1. A seq never names two different files.
Nothing depends on the wall clock: the file holds no time, rows are taken in outbox
order.

The epoch belongs to one device id. A restored backup or a copied database gets a new
device id (``atelier.settings``), hence a new epoch and a seq starting over (a
reservation of the old id is dropped; its rows are still pending): a name is never
reused, and two PCs never write the same name.
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
SEQ = "sync_seq"  # the seq of the last file reserved, in this epoch
IN_FLIGHT = "sync_in_flight"  # JSON: the reserved file (device, epoch, seq, name, outbox seqs)
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
    resent: bool = False  # a file reserved by an earlier run that did not confirm it

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
    """(epoch, last reserved seq); a device id the epoch does not belong to starts anew."""
    if settings.get(db, EPOCH_DEVICE) == device_id and settings.get(db, EPOCH):
        return settings.get(db, EPOCH), int(settings.get(db, SEQ, "0") or "0")
    return epoch_for(device_id), 0


def file_name(epoch: str, seq: int, data: bytes) -> str:
    return f"{epoch}-{seq:010d}-{hashlib.sha256(data).hexdigest()}.json"


def encode(device_id: str, epoch: str, seq: int, rows: list[tuple]) -> bytes:
    """The file: ``{"device_id", "entries", "epoch", "format", "seq"}``, each entry
    ``{"kind", "payload", "summary_id", "version"}``, keys sorted and no spaces: the bytes of
    ``json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))``.
    ``rows`` are ``outbox.Outgoing`` tuples: each payload is its stored canonical text,
    joined as it is, so ten thousand summaries cost a join, not a JSON round trip."""
    heads: dict[str, bytes] = {}
    parts = [f'{{"device_id":{_string(device_id)},"entries":['.encode()]
    for _seq, summary_id, kind, version, payload in rows:
        head = heads.get(kind)
        if head is None:
            head = heads[kind] = f',{{"kind":{_string(kind)},"payload":'.encode()
        parts += (head, payload, f',"summary_id":{_string(summary_id)},"version":{int(version)}}}'.encode())
    if rows:
        parts[1] = parts[1][1:]  # no comma before the first entry
    parts.append(f'],"epoch":{_string(epoch)},"format":{FORMAT},"seq":{int(seq)}}}'.encode())
    return b"".join(parts)


_string = json.JSONEncoder(ensure_ascii=False).encode  # a str as json.dumps writes it


def in_flight(db: Database, site: str | None, device_id: str) -> Batch | None:
    """The file an earlier run reserved and did not confirm, rebuilt byte for byte; None
    if there is none, or if it belongs to another device id (a restore or a copy)."""
    held = json.loads(settings.get(db, IN_FLIGHT) or "null")
    if not held or held["device_id"] != device_id:
        return None
    data = encode(device_id, held["epoch"], held["seq"], outbox.to_resend(db, held["rows"]))
    if file_name(held["epoch"], held["seq"], data) != held["name"]:
        return None  # outbox rows never change once queued; if they did, the seq stays spent
    return Batch(site_folder(site), device_id, held["epoch"], held["seq"], held["name"], data,
                 tuple(held["rows"]), resent=True)


def gather(db: Database, site: str | None, device_id: str) -> Batch | None:
    """The file to send: the reserved one if a run left it unconfirmed, else every
    pending row under the next seq, reserved now; None when nothing is pending."""
    with db.atomic():
        batch = in_flight(db, site, device_id)
        if batch is not None:
            return batch
        if settings.get(db, IN_FLIGHT):
            settings.put(db, IN_FLIGHT, "")  # another device id's: its rows are still pending
        rows = outbox.to_send(db)
        if not rows:
            return None
        epoch, last_seq = current_epoch(db, device_id)
        seq = last_seq + 1
        data = encode(device_id, epoch, seq, rows)
        batch = Batch(site_folder(site), device_id, epoch, seq, file_name(epoch, seq, data), data,
                      tuple(row[0] for row in rows))
        settings.put(db, EPOCH, epoch)
        settings.put(db, EPOCH_DEVICE, device_id)
        settings.put(db, SEQ, str(seq))
        settings.put(db, IN_FLIGHT, json.dumps({"device_id": device_id, "epoch": epoch, "seq": seq,
                                                "name": batch.name, "rows": list(batch.rows)}))
        return batch


def send(hub: Hub, batch: Batch, **retry) -> str:
    """Publish the file; STORED or ALREADY_THERE. Raises HubError (HubConflict: stop)."""
    with_retries(lambda: hub.clean_partials(batch.parts), **retry)
    return with_retries(lambda: hub.put_new(batch.parts, batch.name, batch.data), **retry)


def confirm(db: Database, batch: Batch) -> None:
    """The hub holds the file: its rows are sent and its reservation dropped, all at once."""
    with db.atomic():
        outbox.mark_sent(db, batch.rows)
        held = json.loads(settings.get(db, IN_FLIGHT) or "null")
        if held and held["name"] == batch.name:
            settings.put(db, IN_FLIGHT, "")
        settings.put(db, LAST_SUCCESS, utc_now())
        settings.put(db, LAST_ERROR, "")


def record_error(db: Database, message: str) -> None:
    settings.put(db, LAST_ERROR, message)


def pending_count(db: Database) -> int:
    return outbox.pending_count(db)


def push(db: Database, hub: Hub, site: str | None, device_id: str, **retry) -> PushReport:
    """One sync run on one thread: gather, send, confirm; a file left reserved by a cut
    run goes first, then the new rows. Errors of the hub are reported, not raised; the
    rows then stay pending for the next run."""
    sent, name, outcome = 0, None, None
    while (batch := gather(db, site, device_id)) is not None:
        try:
            outcome = send(hub, batch, **retry)
        except HubError as error:
            record_error(db, error.message)
            return PushReport(sent=sent, name=batch.name, pending=pending_count(db), error=error.message,
                              conflict=isinstance(error, HubConflict))
        confirm(db, batch)
        sent, name = sent + batch.count, batch.name
        if not batch.resent:  # what is queued meanwhile waits for the next run
            break
    return PushReport(sent=sent, name=name, outcome=outcome, pending=pending_count(db))
