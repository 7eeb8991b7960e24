"""The coordinator's pull: every site's files gathered into one database, nothing lost.

The hub holds ``atelier/<site>/<device_id>/<epoch>-<seq>-<sha256>.json``, each file
appended once by its device and never changed. A pull walks every site and device
folder and, for each finished file it has neither merged nor refused:

- reads it and checks that the sha256 in its name is the hash of its bytes, that it is
  a file of format 1 written by the device whose folder holds it, and that each entry
  and its payload have the shape of ``summary.schema.json`` (the keys it requires; the
  test suite checks the whole schema): a fast way for a file as devices write it, and
  at the least doubt the careful way, which also words the reason;
- merges all of its entries and advances the device's checkpoint in ONE transaction:
  the highest version of each summary id wins, so an older or equal version changes
  nothing and reading a file twice changes nothing (PouchDB lost changes when a
  checkpoint moved before the writes: here they commit together or not at all).

A file that fails a check goes to ``hub_rejects`` with a plain French reason and never
stops the others. Temporary files (``.part``, ``.partial``) are never listed. A hub
that stops answering raises ``HubError``: what was merged before stays, the file under
way is not advanced. Files are taken in name order (epoch, then seq), a device's files
as a set: one that arrives late (a folder synchronised out of order) is still merged.
Times are stored for display only; nothing is ordered by them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from atelier.clock import utc_now
from atelier.db import Database
from atelier.i18n import N_, _
from atelier.sync import learner_progress, pushed_file, summaries
from atelier.sync.hub import Hub, HubError, with_retries
from atelier.sync.summaries import SCHEMA, SCHEMA_FILE
from atelier.sync.pull_report import PullReport

try:  # reads a summary in about half the time of the standard library's decoder
    from orjson import loads as parse_json
except ImportError:  # pragma: no cover - wheels exist for every platform Atelier runs on
    parse_json = json.loads

FORMAT = 1
FILE_NAME = re.compile(r"^(?P<epoch>[0-9A-Za-z]+)-(?P<seq>[0-9]{10})-(?P<digest>[0-9a-f]{64})\.json$")

# Why a file is refused: marked here, translated when it is refused (kept in hub_rejects).
BAD_NAME = N_("nom de fichier inattendu (il faut <époque>-<numéro>-<empreinte>.json)")
BAD_HASH = N_("empreinte différente du nom : le fichier a été modifié ou tronqué")
UNREADABLE = N_("fichier illisible : ce n'est pas du JSON valide")
TOO_DEEP = N_("fichier illisible : des données imbriquées trop profondément")
BAD_FORMAT = N_("format de fichier inconnu")
WRONG_DEVICE = N_("le fichier dit venir d'un autre poste que celui de son dossier")
WRONG_NUMBER = N_("l'époque ou le numéro écrits dans le fichier ne sont pas ceux de son nom")
BAD_ENTRIES = N_("liste de résumés mal formée")


class Rejected(Exception):
    """A file the coordinator will not merge; ``reason`` is plain French."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Entry(NamedTuple):  # a tuple: half a million are made in a big merge
    summary_id: str
    kind: str
    version: int
    payload: str  # JSON text: as the device wrote it, or canonical


def pull(db: Database, hub: Hub, **retry) -> PullReport:
    """Merge every new file of every site and device; raises HubError if the hub fails."""
    report = PullReport()
    for site, device_id in device_folders(hub, **retry):
        report += pull_device(db, hub, site, device_id, **retry)
    return report


def device_folders(hub: Hub, **retry) -> list[tuple[str, str]]:
    """(site, device id) of every device folder on the hub."""
    return [(site, device_id) for site in _folders(with_retries(lambda: hub.list([]), **retry))
            for device_id in _folders(with_retries(lambda: hub.list([site]), **retry))]


def pull_device(db: Database, hub: Hub, site: str, device_id: str, **retry) -> PullReport:
    report = PullReport()
    names = new_names(hub, site, device_id, known_files(db, site, device_id), **retry)
    for fetched in fetch(hub, site, device_id, names, **retry):
        report += keep(db, fetched)
    return report


@dataclass(frozen=True)
class Fetched:
    """One file read from the hub and checked, not yet written: its entries, or why it is refused."""

    site: str
    device_id: str
    name: str
    entries: list[Entry] | None = None
    reason: str | None = None


def new_names(hub: Hub, site: str, device_id: str, seen: set[str], **retry) -> list[str]:
    """The device's finished files not merged nor refused yet, epoch then seq (the names sort so)."""
    names = with_retries(lambda: hub.list([site, device_id]), **retry)
    return sorted(n for n in names if n.endswith(".json") and n not in seen)


def fetch(hub: Hub, site: str, device_id: str, names: list[str], **retry) -> Iterator[Fetched]:
    """Read and check each file: the hub only, never the database (the program does this
    on its sync thread, and the database worker then keeps what it read)."""
    for name in names:
        match = FILE_NAME.match(name)
        if match is None:
            yield Fetched(site, device_id, name, reason=_(BAD_NAME))
            continue
        data = with_retries(lambda: hub.read([site, device_id], name), **retry)
        try:
            yield Fetched(site, device_id, name, entries=checked_entries(data, match, device_id))
        except Rejected as rejected:
            yield Fetched(site, device_id, name, reason=rejected.reason)


def keep(db: Database, fetched: Fetched) -> PullReport:
    """Merge a file read by ``fetch``, or list it as refused."""
    if fetched.entries is None:
        return _reject(db, fetched.site, fetched.device_id, fetched.name, fetched.reason or _(BAD_ENTRIES))
    return merge(db, fetched.site, fetched.device_id, fetched.name, fetched.entries)


def keep_all(db: Database, batch: list[Fetched]) -> PullReport:
    """``keep`` each file of a batch read off the worker, each in its own transaction; one
    merged or refused meanwhile (a pull from the command line) is left as it is."""
    report = PullReport()
    for fetched in batch:
        if fetched.name not in known_files(db, fetched.site, fetched.device_id):
            report += keep(db, fetched)
    return report


def known_files(db: Database, site: str, device_id: str) -> set[str]:
    """The names of this device already merged or refused."""
    rows = db.execute(
        "SELECT file FROM hub_files WHERE site = ? AND device_id = ? "
        "UNION SELECT file FROM hub_rejects WHERE site = ? AND device_id = ?",
        [site, device_id, site, device_id],
    )
    return {name for (name,) in rows}


def every_known_file(db: Database) -> dict[tuple[str, str], set[str]]:
    """(site, device id) → the names merged or refused: what a pull need not read again."""
    known: dict[tuple[str, str], set[str]] = {}
    for site, device_id, name in db.execute(
            "SELECT site, device_id, file FROM hub_files UNION ALL SELECT site, device_id, file FROM hub_rejects"):
        known.setdefault((site, device_id), set()).add(name)
    return known


def checked_entries(data: bytes, match: re.Match, device_id: str) -> list[Entry]:
    """The file's entries, or Rejected with the first reason it cannot be merged."""
    if hashlib.sha256(data).hexdigest() != match["digest"]:
        raise Rejected(_(BAD_HASH))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Rejected(_(UNREADABLE)) from None
    entries = fast_entries(text, match, device_id)
    return entries if entries is not None else careful_entries(text, match, device_id)


def fast_entries(text: str, match: re.Match, device_id: str, parse=parse_json) -> list[Entry] | None:
    """The entries of a file in the devices' layout that passes every check of
    ``careful_entries``, found faster (``pushed_file.split``, each payload parsed by
    ``parse`` and its keys checked as sets); None at the least doubt, for the careful way
    to read the file again and word the reason. Never a rejection of its own."""
    try:
        cut = pushed_file.split(text)
    except RecursionError:
        return None
    if cut is None or document_problem(cut[0], match, device_id):
        return None
    checked = []
    shapes = _shapes()
    # summary_id, kind (non-empty strings) and version (an int from 1) are all that
    # split's regular expressions let through. Half a million times in a big merge: flat.
    for summary_id, kind, version, payload_text in cut[1]:
        try:
            payload = parse(payload_text)
        except (ValueError, RecursionError):  # a seam found inside a payload lands here too
            return None
        if type(payload) is not dict:
            return None
        shape = shapes.get((kind, payload.get("deleted") is True))
        if shape is None:
            return None
        keys = payload.keys()
        if not (keys >= shape[0].keys() and keys <= shape[1]):
            return None
        schema = payload.get("schema")
        if schema != SCHEMA or type(schema) is not int or payload.get("kind") != kind \
                or payload.get("summary_id") != summary_id:
            return None
        checked.append(Entry(summary_id, kind, version, payload_text))
    return checked


def careful_entries(text: str, match: re.Match, device_id: str) -> list[Entry]:
    """The file's entries, or Rejected with the first reason it cannot be merged."""
    try:
        document, entries = pushed_file.read(text)
    except ValueError:
        raise Rejected(_(UNREADABLE)) from None
    except RecursionError:  # past Python's recursion limit (orjson reads up to 1,024 levels)
        raise Rejected(_(TOO_DEEP)) from None
    problem = document_problem(document, match, device_id)
    if problem:
        raise Rejected(problem)
    if not isinstance(entries, list):
        raise Rejected(_(BAD_ENTRIES))
    checked = []
    shapes = _shapes()
    for index, entry in enumerate(entries, start=1):  # half a million times in a big merge: kept flat
        if entry is None:
            raise Rejected(_("liste de résumés mal formée (résumé n° {index})").format(index=index))
        summary_id, kind, version, payload, text = entry
        # exact types: JSON makes no subclasses, and True is no version
        if not (type(summary_id) is str and summary_id and type(kind) is str and kind):
            raise Rejected(_("liste de résumés mal formée (résumé n° {index} : identifiant ou sorte manquant)").format(
                index=index))
        if type(version) is not int or version < 1:
            raise Rejected(_("liste de résumés mal formée (résumé n° {index} : version invalide)").format(index=index))
        problem = payload_problem(payload, summary_id, kind, shapes)
        if problem:
            raise Rejected(_("résumé n° {index} non conforme au schéma : {problem}").format(index=index, problem=problem))
        checked.append(Entry(summary_id, kind, version, text))
    return checked


def document_problem(document, match: re.Match, device_id: str) -> str | None:
    """What is wrong with a file's document (its entries aside), or None."""
    if not isinstance(document, dict) or document.get("format") != FORMAT or type(document.get("format")) is not int:
        return _(BAD_FORMAT)
    if document.get("device_id") != device_id:
        return _(WRONG_DEVICE)
    if document.get("epoch") != match["epoch"] or document.get("seq") != int(match["seq"]) or type(document.get("seq")) is not int:
        return _(WRONG_NUMBER)
    return None


# The schema's definition each kind of payload follows, live or deleted.
DEFINITIONS = {
    (summaries.KIND, False): "session", (summaries.KIND, True): "deleted",
    (learner_progress.KIND, False): "learner", (learner_progress.KIND, True): "learner_deleted",
}


def payload_problem(payload, summary_id: str, kind: str, shapes=None) -> str | None:
    """What is wrong with a payload in a few French words, or None: a small check of
    summary.schema.json (its kinds, their required and allowed keys, the constants)."""
    if type(payload) is not dict:
        return _("le contenu n'est pas un objet")
    schema = payload.get("schema")
    if schema != SCHEMA or type(schema) is not int:
        return _("version de schéma inconnue ({schema})").format(schema=repr(schema))
    if payload.get("kind") != kind:
        return _("sorte de résumé différente de celle de l'enveloppe")
    if payload.get("summary_id") != summary_id:
        return _("identifiant différent de celui de l'enveloppe")
    shape = (shapes or _shapes()).get((kind, payload.get("deleted") is True))
    if shape is None:
        return _("sorte de résumé inconnue ({kind})").format(kind=kind)
    required, allowed = shape
    keys = payload.keys()
    if not keys >= required.keys():
        return _("champs manquants : {keys}").format(keys=", ".join(key for key in required if key not in payload))
    if not keys <= allowed:
        return _("champs inconnus : {keys}").format(keys=", ".join(sorted(key for key in payload if key not in allowed)))
    return None


@cache
def _shapes() -> dict[tuple[str, bool], tuple[dict[str, None], frozenset[str]]]:
    """(kind, deleted) → the keys its definition requires (in the schema's order), and
    those it allows."""
    definitions = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]
    return {key: (dict.fromkeys(definitions[name].get("required", ())), frozenset(definitions[name].get("properties", {})))
            for key, name in DEFINITIONS.items()}


def merge(db: Database, site: str, device_id: str, name: str, entries: list[Entry]) -> PullReport:
    """All of one file's entries and the device's checkpoint, in one transaction."""
    newest: dict[str, Entry] = {}
    for entry in entries:  # one file may carry two versions of a summary: the higher wins
        if entry.summary_id not in newest or entry.version > newest[entry.summary_id].version:
            newest[entry.summary_id] = entry
    # Written in the order of the summary_id index: random ids in order reach its pages in
    # turn (a sixth less time than in the file's order when 500,000 are merged).
    ids = sorted(newest)
    ordered = [newest[summary_id] for summary_id in ids]
    now = utc_now()
    with db.atomic():
        db.wrote("hub_summaries", "hub_checkpoints", "hub_files")
        held = dict(db.execute(
            "SELECT summary_id, version FROM hub_summaries WHERE summary_id IN (SELECT value FROM json_each(?))",
            [json.dumps(ids)],
        ))
        fresh = [e for e in ordered if e.summary_id not in held]
        newer = [e for e in ordered if e.summary_id in held and e.version > held[e.summary_id]]
        write_summaries(db, site, device_id, name, fresh + newer, now)
        db.execute("INSERT INTO hub_files(site, device_id, file, entries, merged_at) VALUES (?, ?, ?, ?, ?)",
                   [site, device_id, name, len(entries), now])
        advance_checkpoint(db, site, device_id, name, now)
    return PullReport(files_merged=1, summaries_new=len(fresh), summaries_updated=len(newer))


def write_summaries(db: Database, site: str, device_id: str, name: str, entries: list[Entry], now: str) -> None:
    db.executemany(
        "INSERT INTO hub_summaries(summary_id, site, device_id, kind, version, payload, received_from, merged_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(summary_id) DO UPDATE SET "
        "site = excluded.site, device_id = excluded.device_id, kind = excluded.kind, version = excluded.version, "
        "payload = excluded.payload, received_from = excluded.received_from, merged_at = excluded.merged_at "
        "WHERE excluded.version > hub_summaries.version",
        [(e.summary_id, site, device_id, e.kind, e.version, e.payload, name, now) for e in entries],
    )


def advance_checkpoint(db: Database, site: str, device_id: str, name: str, now: str) -> None:
    """The device's last file in name order (never by time), and how many were merged."""
    db.execute(
        "INSERT INTO hub_checkpoints(site, device_id, last_file, files, last_received_at) VALUES (?, ?, ?, 1, ?) "
        "ON CONFLICT(site, device_id) DO UPDATE SET last_file = max(last_file, excluded.last_file), "
        "files = files + 1, last_received_at = excluded.last_received_at",
        [site, device_id, name, now],
    )


def _reject(db: Database, site: str, device_id: str, name: str, reason: str) -> PullReport:
    with db.atomic():
        db.wrote("hub_rejects")
        db.execute("INSERT OR IGNORE INTO hub_rejects(site, device_id, file, reason, seen_at) VALUES (?, ?, ?, ?, ?)",
                   [site, device_id, name, reason, utc_now()])
    return PullReport(rejected=1)


def _folders(names: list[str]) -> list[str]:
    """Site or device folders: hidden names and stray files (``*.json``, …) left out."""
    return [n for n in names if n and not n.startswith(".") and "." not in n]


def status(db: Database) -> dict:
    """Per site and device: files merged, summaries held, last file and when; the rejects."""
    devices = db.execute(
        """
        SELECT c.site, c.device_id, c.files, c.last_file, c.last_received_at,
               (SELECT count(*) FROM hub_summaries s WHERE s.site = c.site AND s.device_id = c.device_id)
        FROM hub_checkpoints c ORDER BY c.site, c.device_id
        """
    ).fetchall()
    sites: dict[str, list] = {}
    for site, device_id, files, last_file, last_received, held in devices:
        sites.setdefault(site, []).append({
            "device_id": device_id, "files": files, "summaries": held,
            "last_file": last_file, "last_received_at": last_received,
        })
    rejects = [
        {"site": site, "device_id": device_id, "file": name, "reason": reason, "seen_at": seen}
        for site, device_id, name, reason, seen in db.execute(
            "SELECT site, device_id, file, reason, seen_at FROM hub_rejects ORDER BY site, device_id, file")
    ]
    total = db.execute("SELECT count(*) FROM hub_summaries").fetchone()[0]
    return {"sites": [{"site": site, "devices": found} for site, found in sites.items()],
            "summaries": total, "rejects": rejects}


__all__ = ["Fetched", "PullReport", "device_folders", "every_known_file", "fetch", "keep_all", "new_names", "pull", "pull_device",
           "status", "HubError"]
