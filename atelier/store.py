"""The front door to an installation's data.

``Store.open()`` does every check in a safe order before anything is written: a
newer file is refused untouched, a damaged file is kept as it is and reported with
the latest good backup, a backup is taken before any migration.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from atelier.db import Database

from atelier import db as database, files, leftovers, paths, settings
from atelier.i18n import _, plural

# The backup code is imported where a backup is taken or looked for, not at every start-up:
# the daily backup is taken after the window shows. The erasure log's code loads only
# where there is a log (see _forgotten_erasures).
if TYPE_CHECKING:
    from atelier import backups, erasure_log


class Store:
    """The installation's open file. (A plain class: it is defined at every start, where
    a dataclass costs a millisecond more.)"""

    def __init__(self, db: Database, home: Path, device_id: str, checked: bool = True):
        self.db = db
        self.home = home
        self.device_id = device_id
        self.checked = checked  # quick_check done (or the file was new)
        self.damage: str | None = None  # what quick_check found, when it was not "ok"
        self._reader: Database | None = None
        self._checking: set = set()  # connections a check reads through
        self._closing = False  # stop_checks() was called

    @property
    def path(self) -> Path:
        return paths.database_path(self.home)

    @property
    def backups_dir(self) -> Path:
        return paths.backups_dir(self.home)

    @classmethod
    def open(cls, home: Path | None = None, check: bool = True) -> "Store":
        """Open the installation's file.

        With ``check=False`` the program's window may open before ``quick_check``
        (a second or more on a big file and a cold disk): it then calls ``verify()``
        first thing on its worker, before any write. Opening writes nothing unless a
        migration, a new device_id or the sync's secret is due, and those wait for the check.
        """
        home = home or paths.home()
        path = paths.database_path(home)
        backups_dir = paths.backups_dir(home)
        try:
            home.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise data_folder_error(error, home) from None
        existed = _existing(path, backups_dir)
        refuse_if_read_only(home, path if existed else None)
        leftovers.clean_leftovers(home)  # what an interrupted backup or restore left
        if existed:
            try:
                oddity = database.refuse_if_newer(path)
            except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # not even readable: damaged
                raise damaged(path, backups_dir, str(error)) from None
            if oddity:
                raise damaged(path, backups_dir, oddity)
            if check:
                _raise_if_damaged(path, backups_dir)
        try:
            db = database.connect(path)
        except sqlite3.DatabaseError as error:
            raise database_trouble(error, path, backups_dir) from None
        try:
            pending = database.pending_migrations(db)
            forgotten = [] if pending else _forgotten_erasures(db, home)  # erased people a restored file brings back
            if existed and not check and (pending or forgotten or settings.device_id_stale(db, path)
                                          or settings.get(db, settings.SYNC_SECRET) is None):
                _raise_if_damaged(path, backups_dir)
                check = True
            # A file with none of Atelier's tables yet (the first start cut short before its
            # first migration) holds nothing to keep: backing it up would fail its check.
            if existed and pending and database.applied_migrations(db):
                from atelier import backups

                backups.take(db, backups_dir, "migration")
            database.migrate(db)
            db.before_commit = _requeue_summaries  # no write leaves a summary stale
            device_id = settings.ensure_device_id(db, path)
            settings.sync_secret(db)  # a file from before the sync gets its secret once, checked first
            _erase_again(db, _forgotten_erasures(db, home) if pending else forgotten)
        except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # a stray byte in a name: damage too
            db.close()
            raise database_trouble(error, path, backups_dir) from None
        except BaseException:
            db.close()
            raise
        return cls(db, home, device_id, checked=check or not existed)

    def verify(self) -> str | None:
        """Run the start-up quick_check if it has not run yet; 'ok' or the damage found;
        None when ``stop_checks`` cut it short (the program is closing: nothing is known)."""
        if not self.checked:
            if self._closing:  # stopped before it began (an interrupt reaches running statements only)
                return None
            result = database.quick_check(self.path, opened=self._checking.add)
            self._checking.clear()  # its connection is closed; the deep check starts only after it
            if self._closing:
                return None
            self.damage = None if result == "ok" else result
            self.checked = True
        return self.damage or "ok"

    def deep_check(self) -> str | None:
        """The full ``integrity_check`` (it also finds an index that disagrees with its
        table, which quick_check misses), on a read-only connection of its own so it can
        run on a background thread while the program works. 'ok', the damage found, or
        None when ``stop_checks`` cut it short."""
        conn = database.read_only(self.path)
        self._checking.add(conn)
        try:
            if self._closing:  # stopped before it began: an interrupt reaches running statements only
                return None
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.OperationalError:
            if self._closing:
                return None  # interrupted: the program is closing
            raise
        finally:
            self._checking.discard(conn)
            conn.close()
        result = "\n".join(r[0] for r in rows)
        if result != "ok":
            self.damage = result  # from now on every write is refused
        return result

    def stop_checks(self) -> None:
        """Cut the running checks short (the program is closing): a check of a big file
        would otherwise hold the closing window for as long as it has left to read."""
        self._closing = True
        for conn in list(self._checking):
            try:
                conn.interrupt()
            except sqlite3.ProgrammingError:
                pass  # already finished and closed

    def damaged_error(self) -> database.DamagedDatabaseError:
        return damaged(self.path, self.backups_dir, self.damage or "")

    @property
    def reader(self) -> Database:
        """A second, read-only connection for the screens' quick reads.

        With WAL it sees only committed data, so a screen never shows a change the
        writer (the program's single worker, on ``db``) may still roll back.
        """
        if self._reader is None:
            self._reader = database.connect(self.path)
            self._reader.execute("PRAGMA query_only=ON")
        return self._reader

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.db.close()

    def backup(self, reason: str = "manual") -> backups.Backup:
        from atelier import backups

        return backups.take(self.db, self.backups_dir, reason)

    def backup_if_due(self) -> backups.Backup | None:
        if self.damage:
            return None
        from atelier import backups

        return backups.take_if_due(self.db, self.backups_dir)

    def is_empty(self) -> bool:
        """True while no participant, group or session has been recorded."""
        # EXISTS reads one page of each table; counting them read every row (6 ms and
        # 2 MB of page cache at each start on a five-year file).
        row = self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM participants) OR EXISTS (SELECT 1 FROM groups) "
            "OR EXISTS (SELECT 1 FROM sessions)"
        ).fetchone()
        return not row[0]


def _forgotten_erasures(db: Database, home: Path) -> list[erasure_log.Entry]:
    """What the erasure log beside the file says and the file forgot; the log's code and
    the erasure code load only when someone was ever erased here (most start-ups: nobody)."""
    if not paths.erasure_log(home).is_file():
        return []
    from atelier import erasure

    return erasure.outstanding(db)


def _erase_again(db: Database, entries: list[erasure_log.Entry]) -> None:
    if entries:
        from atelier import erasure

        erasure.reapply(db, entries)


def _requeue_summaries(db: Database, touched: database.Touched) -> None:
    from atelier.sync import learner_progress, summaries  # loaded at the first write, not at every start-up

    summaries.requeue(db, touched)
    learner_progress.requeue(db, touched)


def _raise_if_damaged(path: Path, backups_dir: Path) -> None:
    result = database.quick_check(path)
    if result != "ok":
        raise damaged(path, backups_dir, result)


LOST_BELOW = 100  # bytes: a SQLite file's header alone is 100; anything shorter is not a database


def _existing(path: Path, backups_dir: Path) -> bool:
    """True when there is a file to check; False for a new installation.

    An empty or truncated file beside backups is a lost file, never a new start: it
    is reported like damage (the latest good backup offered) and never rewritten."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return False
    except OSError as error:
        raise data_folder_error(error, path) from None
    if size >= LOST_BELOW:
        return True
    from atelier import backups

    if size == 0 and not backups.list_backups(backups_dir):
        return False  # created empty by hand or by a first start cut short: nothing was ever in it
    raise damaged(path, backups_dir, plural(size, "le fichier ne fait que {n} octet : son contenu a été perdu",
                                               "le fichier ne fait que {n} octets : son contenu a été perdu"),
                  headline=_("Le fichier de données d'Atelier est vide : son contenu a été perdu."))


def refuse_if_read_only(home: Path, path: Path | None) -> None:
    """Stop at the door when the data cannot be written, rather than fail at every click.

    Probed for real (a permission bit does not stop root, a read-only disk stops everyone)."""
    probe = home / f".atelier-write-test-{os.getpid()}"
    try:
        with open(probe, "xb"):
            pass
        probe.unlink()
        if path is not None:
            with open(path, "r+b"):
                pass
    except OSError as error:
        raise data_folder_error(error, path or home) from None


def data_folder_error(error: OSError, where: Path) -> database.DatabaseError:
    if error.errno in files.READ_ONLY:
        return database.ReadOnlyDataError(_(
            "Atelier ne peut pas écrire dans « {where} » : le disque ou le dossier est en lecture seule "
            "ou protégé. Rien n'a été modifié. Déplacez les données vers un dossier où l'on peut écrire, "
            "ou demandez de l'aide à la personne qui s'occupe de l'informatique de l'association."
        ).format(where=where))
    return database.DatabaseError(files.plain_os_error(error, where))


def database_trouble(error: sqlite3.DatabaseError, path: Path, backups_dir: Path) -> database.DatabaseError:
    """SQLite's own error, in plain French: a full disk, a read-only file, or damage (with
    the latest good backup)."""
    text = str(error).lower()
    if "full" in text:
        return database.DatabaseError(files.plain_os_error(OSError(errno.ENOSPC, text), path))
    if "readonly" in text or "read-only" in text:
        return data_folder_error(OSError(errno.EROFS, text), path)
    return damaged(path, backups_dir, str(error))


def damaged(path: Path, backups_dir: Path, details: str, headline: str | None = None) -> database.DamagedDatabaseError:
    from atelier import backups

    good = backups.latest_good(backups_dir)
    if good:
        advice = _(
            "La dernière sauvegarde en bon état date du {when}. Pour la remettre en place : "
            "atelier restore \"{backup}\""
        ).format(when=_local(good.taken_at), backup=good.path)
    else:
        advice = _("Aucune sauvegarde en bon état n'a été trouvée.")
    headline = headline or _("Le fichier de données d'Atelier est abîmé.")
    message = _("{headline} Il a été laissé tel quel, rien n'a été effacé.\nFichier : {path}\n{advice}").format(
        headline=headline, path=path, advice=advice)
    error = database.DamagedDatabaseError(message, path, details)
    error.headline = headline
    error.backup = good
    return error


class Restored(NamedTuple):  # not a dataclass: defined at every start, six times cheaper
    path: Path
    kept_aside: Path | None  # the data from before: a "before-restore" backup, or the damaged file set aside
    was_damaged: bool = False


def restore(backup_path: Path, home: Path | None = None) -> Restored:
    """Put a backup in place of the current file; the current one is kept aside.

    A foreign, damaged or newer file is refused before anything is replaced. The backup
    is copied beside the data file first (hidden, checked): if that fails, or the
    "before-restore" backup thins the chosen one away, the current file is untouched.
    No connection to the file may be open. The restored file gets a new device_id,
    so that two PCs never share one.
    """
    from atelier import backups

    home = home or paths.home()
    path = paths.database_path(home)
    try:
        backups.refuse_unless_good(backup_path)
    except backups.BackupError as error:
        raise backups.BackupError(
            _("Cette sauvegarde ne peut pas être remise en place. {reason}").format(reason=error)) from None
    home.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    kept: dict[str, object] = {}

    def set_current_aside() -> None:
        if not path.exists():
            return
        if backups.problem(path) is None:
            current = database.connect(path)
            try:
                kept["path"] = backups.take(current, paths.backups_dir(home), "before-restore").path
            finally:
                current.close()
        else:  # a damaged file is never deleted: set it aside, with its WAL, for a technician
            aside = path.with_name(f"atelier-damaged-{stamp}.db")
            kept.update(path=aside, damaged=True)
            for suffix in ("-wal", "-shm", ""):
                if Path(f"{path}{suffix}").exists():
                    os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        for suffix in ("-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    source = database.read_only(backup_path)
    try:
        backups.write_copy(source, path, before_rename=set_current_aside)
    finally:
        source.close()
    store = Store.open(home)
    try:
        settings.renew_device_id(store.db, path)
    finally:
        store.close()
    return Restored(path, kept.get("path"), bool(kept.get("damaged")))


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d/%m/%Y à %H:%M")
