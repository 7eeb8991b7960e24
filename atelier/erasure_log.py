"""The erasure log: who was erased or anonymised, kept outside the database.

Backups are copies of the database taken before an erasure: restoring one would bring
the person back. So each erasure is also written here, in a small text file beside the
database (never inside it, so no backup carries it away), and whenever a database is
opened (``Store.open``, after any restore by the command line or the program) what
the log says is done again.

Ids only, never a name: one line an erasure, ``<UTC time> <action> <participant id>``.
A line is appended and synced to the disk before the erasure's transaction commits:
if the program stops in between, the person is erased at the next start, as asked. A
line cut by a power failure is skipped when read, and the next line starts afresh.
"""

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from atelier import paths
from atelier.clock import utc_now
from atelier.db import Database
from atelier.i18n import _

ERASE = "erase"  # the person's rows, and their name in free text
ERASE_ROWS = "erase-rows"  # the person's rows only: the facilitator kept the notes as they were
ANONYMISE = "anonymise"  # name, contact and notes gone; attendance kept for the figures
ACTIONS = (ERASE, ERASE_ROWS, ANONYMISE)
_LINE = re.compile(r"^(\S+) (" + "|".join(re.escape(a) for a in ACTIONS) + r") ([\w-]+)$", re.ASCII)


class ErasureLogError(ValueError):
    """The log could not be written: the erasure is refused, in plain French (a
    ValueError, so that the screens and the command line show it as it is)."""


@dataclass(frozen=True)
class Entry:
    at: str
    action: str
    participant_id: str


def path_for(db: Database) -> Path | None:
    """The log beside the database's file; None for a database with no file."""
    for _seq, name, file in db.execute("PRAGMA database_list"):
        if name == "main":
            return paths.erasure_log(Path(file).parent) if file else None
    return None


def read(path: Path | None) -> list[Entry]:
    """The log's entries, oldest first; a damaged line is skipped."""
    if path is None or not path.is_file():
        return []
    entries = []
    for line in path.read_bytes().decode("utf-8", "replace").splitlines():
        match = _LINE.match(line.strip())
        if match:
            entries.append(Entry(*match.groups()))
    return entries


def append(db: Database, action: str, participant_ids: list[str]) -> None:
    """Write the entries and sync them to the disk; ErasureLogError if that failed."""
    path = path_for(db)
    if path is None or not participant_ids:
        return
    now = utc_now()
    text = "".join(f"{now} {action} {person_id}\n" for person_id in participant_ids)
    try:
        created = not path.exists()
        with open(path, "ab") as handle:
            if not created and handle.tell() > 0 and not _ends_with_newline(path):
                text = "\n" + text  # a line cut by a power failure stays apart
            handle.write(text.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        if created and os.name == "posix":
            folder = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
    except OSError as error:
        raise ErasureLogError(_(
            "L'effacement n'a pas pu être noté dans {path} : {reason}. Rien n'a été effacé."
        ).format(path=path, reason=reason(error))) from None


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as handle:
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) == b"\n"


def reason(error: OSError) -> str:
    """A system error in plain French, never the English text of the system."""
    return {
        errno.ENOSPC: _("le disque est plein"),
        errno.EROFS: _("le disque est en lecture seule"),
        errno.EACCES: _("Atelier n'a pas le droit d'écrire dans ce dossier"),
        errno.EPERM: _("Atelier n'a pas le droit d'écrire dans ce dossier"),
        errno.EISDIR: _("ce chemin est un dossier"),
    }.get(error.errno, _("erreur du système n° {number}").format(number=error.errno))
