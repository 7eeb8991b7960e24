"""Opening the one SQLite file safely.

Every connection runs in WAL mode with ``synchronous=FULL`` (power cuts happen on
donated PCs: NORMAL may roll back a committed transaction), foreign keys on, and
``secure_delete`` on (an erased person's bytes do not linger in the file).
Before anything is written, the file is checked: a file from a newer Atelier is
refused untouched, a damaged file is kept as it is and reported, never repaired.
"""

import contextlib
import itertools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from atelier import schema
from atelier.changes import Changes
from atelier.i18n import _


_savepoints = itertools.count(1)


class Touched:
    """What the open transaction wrote: tables, and the sessions and people it concerns.
    (A plain class: it is defined at every start, where a dataclass costs 0.3 ms more.)"""

    def __init__(self, tables: set[str] | None = None, sessions: set[str] | None = None,
                 people: set[str] | None = None, profiles: set[str] | None = None):
        self.tables = set() if tables is None else tables
        self.sessions = set() if sessions is None else sessions
        self.people = set() if people is None else people
        self.profiles = set() if profiles is None else profiles  # people whose own record (gender, birth year…) changed

    def copy(self) -> "Touched":
        return Touched(set(self.tables), set(self.sessions), set(self.people), set(self.profiles))


class Database:
    """The one connection to the file: statements, and transactions that nest.

    The connection is in autocommit mode, so a statement outside ``atomic()`` is
    committed at once and can never be left pending in a forgotten transaction.
    (sqlite-utils' own ``Database`` is only needed to migrate: importing it costs a
    tenth of a second at every start-up on an old PC.)

    Every write of the domain says what it wrote (``wrote``). Just before the
    outermost transaction commits, ``before_commit(db, touched)`` runs inside it (the
    sync re-queues the summaries those writes altered); once committed, the tables
    wait in ``take_changes()`` for whoever announces them.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.before_commit: Callable[["Database", Touched], None] | None = None
        self._touched = Touched()
        self._committed: set[str] = set()

    def execute(self, sql: str, parameters=()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def executemany(self, sql: str, rows) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def wrote(self, *tables: str, sessions=(), people=(), profiles=()) -> None:
        """Note a write of the open transaction: its tables, the sessions and people it
        concerns, and the people whose own record it changed."""
        if not self.conn.in_transaction:
            raise RuntimeError("a write of the domain runs inside db.atomic()")
        self._touched.tables.update(tables)
        self._touched.sessions.update(sessions)
        self._touched.people.update(people)
        self._touched.profiles.update(profiles)

    def take_changes(self) -> Changes:
        """What was committed since the last call."""
        tables, self._committed = self._committed, set()
        return Changes.of_tables(tables)

    @contextlib.contextmanager
    def atomic(self) -> Iterator["Database"]:
        """All or nothing; a nested block is a savepoint inside the outer transaction."""
        if self.conn.in_transaction:
            savepoint = f"atelier_{next(_savepoints)}"
            before = self._touched.copy()
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                self._touched = before
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN IMMEDIATE")  # take the write lock now, not half-way
        self._touched = Touched()
        try:
            yield self
            if self.before_commit is not None and self._touched.tables:
                self.before_commit(self, self._touched)
            self.conn.execute("COMMIT")  # a failed COMMIT (a full disk) is rolled back below
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self._touched = Touched()
            raise
        self._committed |= self._touched.tables
        self._touched = Touched()

    def close(self) -> None:
        self.conn.close()


def in_chunks(ids) -> Iterator[tuple[list, str]]:
    """``ids`` in slices small enough for one statement (SQLite limits its parameters),
    each with its placeholders: ``(["a", "b"], "?, ?")``."""
    ids = list(ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        yield chunk, ", ".join("?" * len(chunk))


class DatabaseError(Exception):
    """A problem with the database file, explained in plain French."""


class NewerDatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    """A file that cannot be trusted: damaged, lost (emptied) or not Atelier's.

    It is left exactly as it is; ``backup`` is the latest good backup, if any."""

    def __init__(self, message: str, path: Path, details: str):
        super().__init__(message)
        self.path = path
        self.details = details
        self.backup = None
        self.headline: str | None = None  # the first sentence a person reads


class ReadOnlyDataError(DatabaseError):
    """The data file or its folder cannot be written (a read-only disk, a protected folder)."""


def connect(path: Path) -> Database:
    """A connection with the house pragmas; creates the file if needed."""
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA secure_delete=ON")  # erased rows are overwritten, not left in free space (GDPR)
    return Database(conn)


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, for checks before opening.

    A read-only connection to a WAL file still creates ``-wal`` and ``-shm`` beside
    it (and cannot remove them). When neither a ``-wal`` nor a ``-journal`` exists
    there is nothing beside the file to read, so it is opened ``immutable`` and
    nothing at all is written next to it.
    """
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal")):
        uri += "&immutable=1"
    return sqlite3.connect(uri, uri=True)


def inspect(path: Path) -> tuple[int, list[str], bool]:
    """The file's schema version, applied migration names, and whether it holds any
    table at all, read without writing."""
    conn = read_only(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        names = []
        if schema.MIGRATIONS_TABLE in tables:
            names = [
                row[0]
                for row in conn.execute(
                    f"SELECT name FROM {schema.MIGRATIONS_TABLE} "
                    "WHERE migration_set = ? ORDER BY rowid",
                    [schema.MIGRATION_SET],
                )
            ]
        return version, names, bool(tables)
    finally:
        conn.close()


def refuse_if_newer(path: Path) -> str | None:
    """Refuse a file a newer Atelier wrote (NewerDatabaseError); say what is wrong with
    one that only looks newer or is not Atelier's at all; None when it is ours.

    A newer Atelier always leaves a migration name this one does not know: header bytes
    that announce a higher version over known migrations are damage, not the future.
    """
    version, names, has_tables = inspect(path)
    unknown = [n for n in names if n not in schema.known_migrations()]
    if unknown:
        raise NewerDatabaseError(
            _(
                "Ce fichier de données a été écrit par une version plus récente "
                "d'Atelier. Il n'a pas été modifié. Installez la dernière version "
                "d'Atelier pour l'ouvrir.\nFichier : {path}"
            ).format(path=path)
        )
    if has_tables and not names:
        return _("ce fichier SQLite n'est pas un fichier de données d'Atelier (aucune de ses migrations)")
    if version > schema.SCHEMA_VERSION or (names and version > len(names)):
        return _("l'en-tête annonce la version {version} mais le fichier n'a que {count} migrations connues").format(
            version=version, count=len(names))
    return None


def quick_check(path: Path, opened: Callable[[sqlite3.Connection], None] | None = None) -> str:
    """'ok', or SQLite's description of the damage. ``opened(connection)`` lets a caller
    interrupt the check from another thread (see Store.stop_checks)."""
    try:
        conn = read_only(path)
        try:
            if opened is not None:
                opened(conn)
            # It reads each page once: a cache of 64 KiB checks as fast as the default 2 MB,
            # and the start-up's peak memory (it runs while the window opens) is 2 MB lower.
            conn.execute("PRAGMA cache_size=-64")
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as error:  # a stray byte in a name in the schema
        return str(error)
    return "\n".join(r[0] for r in rows)


def integrity_check(db: Database) -> str:
    rows = db.execute("PRAGMA integrity_check").fetchall()
    return "\n".join(r[0] for r in rows)


def applied_migrations(db: Database) -> list[str]:
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [schema.MIGRATIONS_TABLE]).fetchone():
        return []
    rows = db.execute(
        f"SELECT name FROM {schema.MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        [schema.MIGRATION_SET],
    )
    return [row[0] for row in rows]


def pending_migrations(db: Database) -> list[str]:
    applied = set(applied_migrations(db))
    return [name for name in schema.known_migrations() if name not in applied]


def migrate(db: Database) -> None:
    if not pending_migrations(db):
        return
    import sqlite_utils

    schema.migration_set().apply(sqlite_utils.Database(db.conn, execute_plugins=False))
    with db.atomic():
        db.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")
