"""Files written whole or not at all, and disk errors said in plain French.

Every file the program writes goes through ``whole_file``: the bytes go to a temporary
name in the target's own folder, are flushed and fsynced, and only then renamed over
the target. On a full disk, a read-only folder or a target that is a folder, the
previous file at that path is left as it was and no temporary file remains. The error
raised is ``WriteError``, whose message is French and names the file: the system's own
English text (« [Errno 28] No space left on device ») never reaches a user.
"""

from __future__ import annotations

import errno
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from atelier.i18n import _

PARTIAL = ".partial"  # the suffix of a file being written; never a finished file

FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
READ_ONLY = {errno.EROFS, errno.EACCES, errno.EPERM}
MISSING = {errno.ENOENT, errno.ENODEV, errno.ENXIO, errno.ENOTDIR}


class WriteError(Exception):
    """A file could not be written; the message is plain French and names it."""


def plain_os_error(error: OSError, path: os.PathLike | str | None) -> str:
    """What went wrong with ``path``, in a French sentence a facilitator can act on."""
    if not path:
        return _unnamed_os_error(error)
    if error.errno in FULL:
        return _("Le disque est plein : « {path} » n'a pas pu être écrit. Libérez de la place ou choisissez un autre endroit.").format(path=path)
    if error.errno in READ_ONLY:
        return _("Atelier ne peut pas écrire dans « {path} » : le disque ou le dossier est en lecture seule ou protégé.").format(path=path)
    if error.errno == errno.EISDIR:
        return _("« {path} » est un dossier : choisissez un nom de fichier.").format(path=path)
    if error.errno in MISSING:
        return _("Le dossier de « {path} » est introuvable. La clé USB ou le disque est-il branché ?").format(path=path)
    return _("Le système n'a pas pu écrire « {path} » (erreur n° {code}).").format(path=path, code=error.errno or "?")


def _unnamed_os_error(error: OSError) -> str:
    """The same sentences when nobody named the file: whole sentences, not « ce fichier »
    put where a path goes (other languages build them differently)."""
    if error.errno in FULL:
        return _("Le disque est plein : le fichier n'a pas pu être écrit. Libérez de la place ou choisissez un autre endroit.")
    if error.errno in READ_ONLY:
        return _("Atelier ne peut pas écrire ce fichier : le disque ou le dossier est en lecture seule ou protégé.")
    if error.errno == errno.EISDIR:
        return _("C'est un dossier : choisissez un nom de fichier.")
    if error.errno in MISSING:
        return _("Le dossier du fichier est introuvable. La clé USB ou le disque est-il branché ?")
    return _("Le système n'a pas pu écrire le fichier (erreur n° {code}).").format(code=error.errno or "?")


def error_text(error: BaseException, path: os.PathLike | str | None = None) -> str:
    """What a person reads for ``error``: a system error in plain French (naming ``path``,
    else the file the system named), any other error's own message (ours are French)."""
    if isinstance(error, OSError):
        return plain_os_error(error, path or error.filename)
    return str(error)


def partial_name(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (hidden, random: two writers never share one)."""
    import secrets  # here, not at start-up: it loads OpenSSL (3 MB)

    return target.with_name(f".{target.name}.{secrets.token_hex(4)}{PARTIAL}")


@contextmanager
def whole_file(target: os.PathLike | str) -> Iterator[Path]:
    """``with whole_file(path) as partial: write partial`` — renamed over ``path`` on success.

    Whatever the body raises, the partial file is removed and ``path`` is untouched;
    an ``OSError`` becomes a ``WriteError`` with a French message.
    """
    target = Path(target)
    if target.is_dir():
        raise WriteError(plain_os_error(IsADirectoryError(errno.EISDIR, "folder"), target))
    partial = partial_name(target)
    try:
        yield partial
        fsync_file(partial)
        os.replace(partial, target)
    except OSError as error:
        _remove_quietly(partial)
        raise WriteError(plain_os_error(error, target)) from None
    except BaseException:
        _remove_quietly(partial)
        raise
    fsync_folder(target.parent)


def write_bytes(target: os.PathLike | str, data: bytes | memoryview) -> None:
    with whole_file(target) as partial:
        with open(partial, "xb") as handle:
            handle.write(data)


def write_text(target: os.PathLike | str, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def fsync_file(path: os.PathLike | str) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: os.PathLike | str) -> None:
    """So a new name survives a power cut; Windows and some USB sticks cannot, and need not."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def clean_partials(folder: os.PathLike | str) -> list[Path]:
    """Remove what interrupted writes left in ``folder``; returns what was removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if entry.name.startswith(".") and entry.name.endswith(PARTIAL):
            if _remove_quietly(Path(entry.path)):
                removed.append(Path(entry.path))
    return removed


def _remove_quietly(path: Path) -> bool:
    try:
        path.unlink()
        return True
    except OSError:
        return False  # already gone, or the disk went away: the next start cleans it
