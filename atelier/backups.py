"""Backups: taken safely, checked, thinned, restorable.

A backup is written by ``VACUUM INTO`` under a hidden partial name, checked, and only
then renamed into place, so a half-written or damaged copy never looks like a good one
(``write_copy``; a restore writes the data file the same way). What makes a backup
"good" is in ``backup_check``.

Backups are ordered by a sequence number in their names (``atelier-n000042-…``), the
highest so far plus one, never by the wall clock alone: a PC whose clock jumped years
ahead or back still takes its daily backup, and thinning never deletes the newest one.
Old backups are thinned like Anki's: the newest few, then one a day, one a week and one
a month, by the dates in their names. What an interrupted one leaves is cleaned at every
start (``leftovers``).
"""

import contextlib
import errno
import os
import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from atelier import files
from atelier.backup_check import BackupError, looks_whole, problem, refuse_unless_good
from atelier.i18n import N_, _
from atelier.leftovers import claimed

__all__ = ["Backup", "BackupError", "check_file", "problem", "refuse_unless_good", "looks_whole", "take", "take_if_due",
           "list_backups", "checked", "latest_good", "thin", "write_copy", "copy_to"]

# atelier-n000042-20240615-120000-manual.db; before sequences: atelier-20240615-120000-manual.db
_NAME = re.compile(r"^atelier-(?:n(?P<seq>\d{1,9})-)?(?P<stamp>\d{8}-\d{6})(?:-(?P<reason>[\w-]+))?\.db$", re.ASCII)
KEEP_NEWEST = 3
KEEP_DAILY = 7
KEEP_WEEKLY = 8
KEEP_MONTHLY = 12
REASONS = {
    "auto": N_("automatique"),
    "manual": N_("manuelle"),
    "migration": N_("avant une mise à jour"),
    "before-restore": N_("avant une remise en place"),
}
_SQLITE_ERRNO = {13: errno.ENOSPC, 8: errno.EROFS, 3: errno.EACCES, 14: errno.EACCES}  # FULL, READONLY, PERM, CANTOPEN
_COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC, as the clock said when it was taken
    reason: str
    size: int
    seq: int = 0  # 0 for the backups named before sequences

    def reason_words(self) -> str:
        return _(REASONS[self.reason]) if self.reason in REASONS else self.reason


def check_file(path: Path) -> str:
    """'ok' for a good backup, else what is wrong with it in a French sentence."""
    return problem(path) or "ok"


def list_backups(folder: Path) -> list[Backup]:
    """Everything in the folder named like a backup, good or not (links, folders and
    special files too, never opened here), newest first by sequence."""
    try:
        entries = list(os.scandir(folder))
    except OSError:  # no folder yet, or not one
        return []
    found = []
    for entry in entries:
        match = _NAME.match(entry.name)
        if not match:
            continue
        try:
            taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
            info = entry.stat(follow_symlinks=False)
        except (ValueError, OSError):  # not a real date: not ours; or gone meanwhile
            continue
        size = info.st_size if entry.is_file(follow_symlinks=False) else 0
        found.append(Backup(Path(entry.path), taken, match["reason"] or "auto", size, int(match["seq"] or 0)))
    return sorted(found, key=lambda b: (b.seq, b.taken_at, b.path.name), reverse=True)


def checked(folder: Path) -> list[tuple[Backup, str | None]]:
    """Every backup with what is wrong with it (None when it is good), newest first."""
    return [(backup, problem(backup.path)) for backup in list_backups(folder)]


def latest_good(folder: Path) -> Backup | None:
    for backup in list_backups(folder):
        if problem(backup.path) is None:
            return backup
    return None


def take(db, folder: Path, reason: str = "auto", now: datetime | None = None) -> Backup:
    """A checked copy of the open database in ``folder``, then the folder thinned.

    On a full or read-only disk, ``BackupError`` says so in French; the backups already
    there are left as they were and no partial file remains.
    """
    now = now or datetime.now(timezone.utc)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(_not_taken(files.plain_os_error(error, folder))) from None
    seq = max((b.seq for b in list_backups(folder)), default=0) + 1
    final = folder / f"atelier-n{seq:06d}-{now:%Y%m%d-%H%M%S}-{reason}.db"
    try:
        write_copy(db.conn, final)
    except BackupError as error:
        raise BackupError(_not_taken(str(error))) from None
    thin(folder, now)
    return Backup(final, now, reason, final.stat().st_size, seq)


def take_if_due(db, folder: Path, now: datetime | None = None) -> Backup | None:
    """The automatic backup: at most once a day. The newest good backup counts only when
    its date lies within the day before ``now``: a date ahead of the clock (the clock
    went back, or was ahead when it was taken) never holds the daily backup back."""
    now = now or datetime.now(timezone.utc)
    newest = latest_good(folder)
    if newest is not None and newest.taken_at <= now < newest.taken_at + timedelta(days=1):
        return None
    return take(db, folder, "auto", now)


def thin(folder: Path, now: datetime) -> list[Path]:
    """Delete the backups no rule keeps; returns what was deleted.

    The rules run newest first by sequence, so the newest backups are kept whatever
    their dates say (``take`` thins right after its new, checked backup: the newest good
    one is always kept). Only whole-looking SQLite files count and go (reading every
    backup through would take minutes on an old disk): a link, a folder, an empty or
    foreign file named like a backup is left for a person to look at.
    """
    backups = [b for b in list_backups(folder) if looks_whole(b.path)]
    keep = {b.path for b in backups[:KEEP_NEWEST]}
    for period, count in (("day", KEEP_DAILY), ("week", KEEP_WEEKLY), ("month", KEEP_MONTHLY)):
        seen: list[tuple] = []
        for backup in backups:  # newest first: the newest of each period is kept
            key = _period(backup.taken_at, period)
            if key not in seen:
                seen.append(key)
                if len(seen) <= count:
                    keep.add(backup.path)
    deleted = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            deleted.append(backup.path)
    return deleted


def _period(moment: datetime, period: str) -> tuple:
    if period == "day":
        return (moment.date(),)
    if period == "week":
        year, week, _day = moment.isocalendar()
        return (year, week)
    return (moment.year, moment.month)


def write_copy(conn: sqlite3.Connection, target: Path, before_rename: Callable[[], None] | None = None) -> None:
    """``conn``'s database copied to ``target`` whole or not at all.

    ``VACUUM INTO`` a hidden partial file beside the target (locked while it is written),
    checked, flushed, then ``before_rename()``, then renamed over the target. Whatever
    fails, the partial file goes and the target is untouched; the error is a
    ``BackupError`` in French (« Le disque est plein : … »).
    """
    partial = files.partial_name(target)
    try:
        with claimed(partial):
            try:
                conn.execute("VACUUM INTO ?", [str(partial)])
            except sqlite3.Error as error:
                code = _SQLITE_ERRNO.get(getattr(error, "sqlite_errorcode", 0) & 0xFF, errno.EIO)
                raise BackupError(files.plain_os_error(OSError(code, str(error)), target)) from None
            found = problem(partial)
            if found is not None:
                raise BackupError(_("La copie est abîmée : {problem}").format(problem=found))
            files.fsync_file(partial)
            if before_rename is not None:
                before_rename()
            os.replace(partial, target)
    except OSError as error:
        raise BackupError(files.plain_os_error(error, target)) from None
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()  # gone already when it became the target
    files.fsync_folder(target.parent)


def copy_to(backup: Path, folder: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """A good backup copied into ``folder`` (a USB stick) under its own name, whole or
    not at all; ``progress(done, total)`` after each piece. The copy is checked before
    it takes its name. ``files.WriteError`` says in French what stopped it."""
    refuse_unless_good(backup)
    target = Path(folder) / backup.name
    total = backup.stat().st_size
    with files.whole_file(target) as partial:
        with open(backup, "rb") as source, open(partial, "xb") as copy:
            done = 0
            while chunk := source.read(_COPY_CHUNK):
                copy.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        found = problem(partial)
        if found is not None:
            raise BackupError(_("La copie sur « {folder} » est abîmée : {problem}").format(folder=folder, problem=found))
    return target


def _not_taken(reason: str) -> str:
    return _("La sauvegarde n'a pas pu être faite. {reason}\nLes sauvegardes déjà faites n'ont pas été touchées.").format(reason=reason)

