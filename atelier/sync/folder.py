"""A hub that is a folder: a USB stick, a shared drive, or a folder that the Nextcloud
or Syncthing client already keeps in sync.

A file is written to ``<name>.<random>.partial`` (created exclusively, so two writers
never share one), flushed and fsynced, then published with ``os.link``: a hard link
never replaces an existing name, and the final name appears whole or not at all. Then
the partial goes and the folder is fsynced, so the new name survives a power cut.
"""

from __future__ import annotations  # the hubs' method ``list`` shadows the builtin in annotations

import errno
import hashlib
import os
import secrets
import sys
from pathlib import Path

from atelier.files import fsync_folder, plain_os_error
from atelier.i18n import _
from atelier.sync.hub import (
    ALREADY_THERE, ROOT_FOLDER, STORED, HubConflict, HubError, checked_name, checked_parts, is_temporary,
)

# Errors that say "this storage cannot take hard links" (FAT and exFAT sticks, some
# network shares): publish with a rename that does not replace instead.
NO_HARD_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV, errno.EACCES}
# Errors a later try may not meet again (a network drive that hiccups).
TRANSIENT = {errno.EIO, errno.EAGAIN, errno.EBUSY, errno.ETIMEDOUT, errno.EINTR, getattr(errno, "ESTALE", -1)}


class FolderHub:
    def __init__(self, root: Path):
        self.root = Path(root)

    def __repr__(self) -> str:
        return f"FolderHub({str(self.root)!r})"

    def close(self) -> None:
        pass  # nothing held open between writes

    def folder(self, parts: list[str]) -> Path:
        return self.root / ROOT_FOLDER / Path(*checked_parts(parts)) if parts else self.root / ROOT_FOLDER

    def ensure_folder(self, parts: list[str]) -> None:
        if not self.root.is_dir():
            raise HubError(_("Le dossier « {folder} » est introuvable. La clé USB ou le disque est-il branché ?").format(
                folder=self.root))
        folder = self.folder(parts)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise folder_error(folder, error) from None

    def put_new(self, parts: list[str], name: str, data: bytes) -> str:
        self.ensure_folder(parts)
        folder = self.folder(parts)
        final = folder / checked_name(name)
        partial = folder / f"{name}.{secrets.token_hex(6)}.partial"
        try:
            write_durably(partial, data)
            try:
                published = publish(partial, final)
            finally:
                remove_quietly(partial)
            fsync_folder(folder)
        except OSError as error:
            remove_quietly(partial)
            raise folder_error(folder, error) from None
        if published:
            return STORED
        return same_or_conflict(final, data)

    def list(self, parts: list[str]) -> list[str]:
        folder = self.folder(parts)
        try:
            return sorted(entry.name for entry in os.scandir(folder) if not is_temporary(entry.name))
        except FileNotFoundError:
            return []
        except OSError as error:
            raise folder_error(folder, error) from None

    def read(self, parts: list[str], name: str) -> bytes:
        path = self.folder(parts) / checked_name(name)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise HubError(_("Le fichier « {path} » est introuvable.").format(path=path)) from None
        except OSError as error:
            raise folder_error(path.parent, error) from None

    def clean_partials(self, parts: list[str]) -> int:
        folder = self.folder(parts)
        try:
            stale = [entry.path for entry in os.scandir(folder) if entry.name.endswith(".partial")]
        except FileNotFoundError:
            return 0
        except OSError as error:
            raise folder_error(folder, error) from None
        for path in stale:
            remove_quietly(Path(path))
        return len(stale)

    def test(self) -> None:
        """Write, publish and remove a small probe, the way a real file goes."""
        self.ensure_folder([])
        folder = self.folder([])
        probe = folder / f"test-{secrets.token_hex(6)}.partial"
        try:
            write_durably(probe, b"atelier")
        except OSError as error:
            raise folder_error(folder, error) from None
        finally:
            remove_quietly(probe)


def write_durably(path: Path, data: bytes) -> None:
    """Exclusive create, every byte written, then fsync: on disk before it is published."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(partial: Path, final: Path) -> bool:
    """Give the partial its final name without ever replacing one; False if the name is taken."""
    try:
        os.link(partial, final)
        return True
    except FileExistsError:
        return False
    except OSError as error:
        if error.errno not in NO_HARD_LINKS:
            raise
    return rename_without_replacing(partial, final)


def rename_without_replacing(partial: Path, final: Path) -> bool:
    """Where hard links are not supported (FAT sticks).

    Windows' rename already refuses an existing name, atomically. Linux's renameat2
    with RENAME_NOREPLACE does the same (vfat accepts it). Elsewhere, a check then a
    rename: the gap is harmless because only this device writes in its own folder, and
    a device runs one sync at a time. Not chosen: claiming the final name first with an
    O_EXCL empty file and renaming over it: a reader or a power cut could then find an
    empty or changing file under the final name, which the hub's rule forbids.
    """
    if sys.platform == "win32":
        try:
            os.rename(partial, final)
            return True
        except FileExistsError:
            return False
    if sys.platform.startswith("linux"):
        done = renameat2_noreplace(partial, final)
        if done is not None:
            return done
    if final.exists():
        return False
    os.rename(partial, final)
    return True


def renameat2_noreplace(partial: Path, final: Path) -> bool | None:
    """True when renamed, False when the name is taken, None when this kernel, C
    library or file system cannot say (then the caller falls back)."""
    import ctypes  # only on this rare path: FAT sticks on Linux

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return None
    at_fdcwd, rename_noreplace = -100, 1
    result = renameat2(at_fdcwd, os.fsencode(partial), at_fdcwd, os.fsencode(final), rename_noreplace)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code == errno.EEXIST:
        return False
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return None
    raise OSError(code, os.strerror(code), str(final))


def same_or_conflict(final: Path, data: bytes) -> str:
    try:
        existing = final.read_bytes()
    except OSError as error:
        raise folder_error(final.parent, error) from None
    if hashlib.sha256(existing).digest() == hashlib.sha256(data).digest():
        return ALREADY_THERE
    raise HubConflict(_(
        "Un autre fichier porte déjà le nom « {name} » dans le dossier « {folder} ». "
        "Rien n'a été remplacé."
    ).format(name=final.name, folder=final.parent))


def remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass  # already gone, or the stick went away: clean_partials will see to it


def folder_error(folder: Path, error: OSError) -> HubError:
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        message = _("Impossible d'écrire dans le dossier « {folder} » : le support est plein.")
    elif error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        message = _("Impossible d'écrire dans le dossier « {folder} » : le dossier est en lecture seule ou protégé.")
    elif error.errno in (errno.ENOENT, errno.ENODEV, errno.ENXIO):
        message = _("Impossible d'écrire dans le dossier « {folder} » : le dossier est introuvable "
                    "(la clé USB ou le disque est-il branché ?).")
    else:  # the system's own words are English: the error's number, as every writer says it
        return HubError(plain_os_error(error, folder), transient=error.errno in TRANSIENT)
    return HubError(message.format(folder=folder), transient=error.errno in TRANSIENT)
