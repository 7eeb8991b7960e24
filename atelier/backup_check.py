"""What makes a backup good: a regular file, an SQLite database that opens, passes
``quick_check`` and holds the tables of an Atelier file (``schema.expected_tables``).

An empty, cut or foreign file, a dangling link, a folder or a FIFO named like a backup is
never good, and never hangs whoever asks: what is not a regular file is never opened,
and the first bytes are read without blocking. Each refusal says why in a French
sentence, for ``atelier backup list`` and Réglages → Sauvegardes.
"""

import os
import sqlite3
import stat
from pathlib import Path

from atelier import db as database, schema
from atelier.i18n import _

SQLITE_HEADER = b"SQLite format 3\x00"
SMALLEST = 512  # the smallest page SQLite writes: anything shorter was cut


class BackupError(Exception):
    """A backup could not be taken, copied or restored; the message is plain French."""


def problem(path: Path) -> str | None:
    """None for a good backup, else what is wrong with it."""
    try:
        refuse_unless_good(path)
    except (BackupError, database.DatabaseError) as error:
        return str(error)
    return None


def refuse_unless_good(path: Path) -> None:
    """Raise ``BackupError`` unless ``path`` is a good backup for this Atelier;
    ``NewerDatabaseError`` when a newer Atelier wrote it."""
    _refuse_unless_sqlite(path)
    try:  # a scribbled name in the schema is text Python cannot decode: damage too
        _version, applied, _has_tables = database.inspect(path)
        if set(applied) - set(schema.known_migrations()):  # a newer Atelier always leaves one
            raise database.NewerDatabaseError(_(
                "Cette sauvegarde vient d'une version plus récente d'Atelier : installez la dernière "
                "version pour la remettre en place."))
        if applied and database.refuse_if_newer(path):  # the data file's own rule: a header that disagrees
            raise BackupError(_damaged())
        checked = database.quick_check(path)
        tables, size = _shape(path)
    except (sqlite3.Error, UnicodeDecodeError):
        raise BackupError(_damaged()) from None
    if checked != "ok":
        raise BackupError(_damaged())
    if size != os.path.getsize(path):  # cut short, or grown: its pages are not all there
        raise BackupError(_damaged())
    missing = schema.expected_tables(applied) - tables
    if missing:
        raise BackupError(_("Ce n'est pas une sauvegarde d'Atelier : il y manque {tables}.").format(
            tables=", ".join(sorted(missing))))


def looks_whole(path: Path) -> bool:
    """The quick test, reading only the file's first pages: a regular SQLite file with
    the tables of an Atelier file looks whole (it may still be damaged further in)."""
    try:
        _refuse_unless_sqlite(path)
    except BackupError:
        return False
    return schema.expected_tables([]) <= _shape(path)[0]


def _refuse_unless_sqlite(path: Path) -> None:
    try:
        info = os.lstat(path)
    except OSError:
        raise BackupError(_("Ce fichier est introuvable.")) from None
    if stat.S_ISLNK(info.st_mode):
        raise BackupError(_("C'est un lien, pas un fichier de sauvegarde."))
    if stat.S_ISDIR(info.st_mode):
        raise BackupError(_("C'est un dossier, pas un fichier de sauvegarde."))
    if not stat.S_ISREG(info.st_mode):
        raise BackupError(_("C'est un fichier spécial, pas un fichier de sauvegarde."))
    if info.st_size == 0:
        raise BackupError(_("Ce fichier est vide."))
    if info.st_size < SMALLEST:
        raise BackupError(_("Ce fichier est trop court pour être une sauvegarde ({size} octets).").format(
            size=info.st_size))
    try:  # O_NONBLOCK: a FIFO put there since lstat must not hold us
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            regular = stat.S_ISREG(os.fstat(fd).st_mode)
            header = os.read(fd, len(SQLITE_HEADER)) if regular else b""
        finally:
            os.close(fd)
    except OSError:
        raise BackupError(_("Atelier ne peut pas lire ce fichier.")) from None
    if not regular:
        raise BackupError(_("C'est un fichier spécial, pas un fichier de sauvegarde."))
    if header != SQLITE_HEADER:
        raise BackupError(_("Ce fichier n'est pas une base de données."))


def _shape(path: Path) -> tuple[set[str], int]:
    """The file's tables, and the size its pages add up to."""
    try:
        conn = database.read_only(path)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            size = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
            if "settings" in tables:  # what opening reads first: its text must be text (quick_check does not look)
                conn.execute("SELECT * FROM settings").fetchall()
            return tables, size
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError):
        return set(), -1


def _damaged() -> str:
    return _("Cette sauvegarde est abîmée : la vérification de SQLite y trouve des erreurs.")
