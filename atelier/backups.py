"""Backups: taken safely, checked, thinned, restorable.

A backup is written by ``VACUUM INTO`` under a temporary name, checked with
``integrity_check``, and only then renamed into place, so a half-written or damaged
copy never looks like a good one. Old backups are thinned like Anki's: the newest
few, then one a day, one a week and one a month.
"""

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from atelier.db import Database

from atelier.i18n import _

_NAME = re.compile(r"^atelier-(\d{8}-\d{6})(?:-([\w-]+))?\.db$", re.ASCII)
KEEP_NEWEST = 3
KEEP_DAILY = 7
KEEP_WEEKLY = 8
KEEP_MONTHLY = 12


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime  # UTC
    reason: str
    size: int


def list_backups(folder: Path) -> list[Backup]:
    """Every finished backup in the folder, newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        try:
            taken = datetime.strptime(match[1], "%Y%m%d-%H%M%S").replace(tzinfo=timezone.utc)
        except ValueError:  # looks like a backup but is not a real date: not ours
            continue
        found.append(Backup(path, taken, match[2] or "auto", path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def take(db: Database, folder: Path, reason: str = "auto", now: datetime | None = None) -> Backup:
    folder.mkdir(parents=True, exist_ok=True)
    now = now or datetime.now(timezone.utc)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    final = folder / f"atelier-{stamp}-{reason}.db"
    counter = 1
    while final.exists():  # two backups in the same second: keep both
        counter += 1
        final = folder / f"atelier-{stamp}-{reason}{counter}.db"
    temporary = folder / f".partial-{final.name}"
    temporary.unlink(missing_ok=True)
    db.execute("VACUUM INTO ?", [str(temporary)])
    result = check_file(temporary)
    if result != "ok":
        temporary.unlink(missing_ok=True)
        raise BackupError(_("La copie de sauvegarde est abîmée : {result}").format(result=result))
    _fsync(temporary)
    os.replace(temporary, final)
    _fsync_dir(folder)
    thin(folder, now)
    for backup in list_backups(folder):
        if backup.path == final:
            return backup
    return Backup(final, now, reason, 0)


def take_if_due(db: Database, folder: Path, now: datetime | None = None) -> Backup | None:
    """The automatic backup: at most once a day."""
    now = now or datetime.now(timezone.utc)
    existing = list_backups(folder)
    if existing and now - existing[0].taken_at < timedelta(days=1):
        return None
    return take(db, folder, "auto", now)


def check_file(path: Path) -> str:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return "\n".join(r[0] for r in rows)


def latest_good(folder: Path) -> Backup | None:
    for backup in list_backups(folder):
        if check_file(backup.path) == "ok":
            return backup
    return None


def thin(folder: Path, now: datetime) -> list[Path]:
    """Delete the backups no rule keeps; returns what was deleted."""
    backups = list_backups(folder)
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


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "posix":
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
