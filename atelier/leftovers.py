"""What interrupted backups and restores leave behind, and how a copy being written is
told apart from one left by a program that stopped.

A copy is written under a hidden partial name (``files.partial_name``), locked while it
is written (``claimed``). At every start ``clean_leftovers`` removes the partial files
nobody holds. Kept apart from atelier.backups so that opening the data file does not
load the backup code: the daily backup is taken after the window shows.
"""

import contextlib
import os
from pathlib import Path

from atelier import files, paths

try:
    import fcntl  # a partial file being written is locked, so a cleaner never takes it
except ImportError:  # Windows: a file another program holds open cannot be deleted anyway
    fcntl = None


def clean_leftovers(home: Path) -> list[Path]:
    """Remove what interrupted backups and restores left behind, in the home and its
    backups folder: hidden partial files (and their journals), and the names older
    Ateliers used (``.restoring-…``, ``.partial-atelier-…``). A file being written right
    now (locked) is left alone. Returns what was removed."""
    removed = []
    for folder in (home, paths.backups_dir(home)):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            name = entry.name
            leftover = name.startswith(".") and (files.PARTIAL in name or name.startswith((".restoring-", ".partial-")))
            if leftover and entry.is_file(follow_symlinks=False) and not _in_use(entry.path):
                with contextlib.suppress(OSError):  # a read-only home: the next start tries again
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


@contextlib.contextmanager
def claimed(partial: Path):
    """Create ``partial`` empty (VACUUM INTO accepts an empty file) and hold a lock on it
    while the block writes it, so ``clean_leftovers`` in another Atelier leaves it be."""
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    if fcntl is None:  # Windows could not rename a file held open
        os.close(fd)
        fd = None
    else:
        fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        yield partial
    finally:
        if fd is not None:
            os.close(fd)


def _in_use(path: str) -> bool:
    if fcntl is None:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases the test lock too
