"""The schema, built only by numbered migrations.

Migrations are applied in order by sqlite-utils' ``Migrations`` and recorded in its
``_sqlite_migrations`` table. ``PRAGMA user_version`` mirrors the number applied, so
that a file written by a newer Atelier can be recognised — and refused — without
writing to it, and so that an up-to-date file (every start but the first after an
update) never needs sqlite-utils loaded at all.
"""

MIGRATION_SET = "atelier"
MIGRATIONS_TABLE = "_sqlite_migrations"


def _initial(db) -> None:
    _run(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL DEFAULT '',
            phone TEXT,
            email TEXT,
            birth_year INTEGER,
            age_bracket TEXT,
            gender TEXT,
            social_status TEXT,
            consent_date TEXT,
            notes TEXT NOT NULL DEFAULT '',
            archived_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE groups (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            weekday INTEGER CHECK (weekday BETWEEN 0 AND 6),
            start_time TEXT,
            end_time TEXT,
            archived_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE group_members (
            group_id TEXT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            joined_at TEXT NOT NULL,
            PRIMARY KEY (group_id, participant_id)
        );
        CREATE INDEX group_members_participant ON group_members(participant_id);
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            group_id TEXT REFERENCES groups(id) ON DELETE SET NULL,
            date TEXT NOT NULL,
            start_time TEXT NOT NULL,
            end_time TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            module_id TEXT,
            status TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'done', 'cancelled')),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX sessions_date ON sessions(date, start_time);
        CREATE INDEX sessions_group ON sessions(group_id, date);
        CREATE TABLE attendance (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'excused', 'late')),
            updated_at TEXT NOT NULL,
            PRIMARY KEY (session_id, participant_id)
        );
        CREATE INDEX attendance_participant ON attendance(participant_id);
        CREATE TABLE step_progress (
            session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            module_id TEXT NOT NULL,
            step_index INTEGER NOT NULL,
            covered_at TEXT NOT NULL,
            PRIMARY KEY (session_id, module_id, step_index)
        );
        CREATE TABLE exercise_results (
            id TEXT PRIMARY KEY,
            participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
            session_id TEXT REFERENCES sessions(id) ON DELETE SET NULL,
            module_id TEXT NOT NULL,
            exercise_id TEXT NOT NULL,
            score REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 1,
            duration_ms INTEGER NOT NULL DEFAULT 0,
            device_id TEXT NOT NULL,
            finished_at TEXT NOT NULL
        );
        CREATE INDEX exercise_results_participant
            ON exercise_results(participant_id, module_id, exercise_id);
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            summary_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL,
            queued_at TEXT NOT NULL,
            sent_at TEXT
        );
        CREATE INDEX outbox_unsent ON outbox(sent_at, seq);
        """
    )


def _outbox_by_summary(db) -> None:
    # Every write that may alter a summary reads that summary's newest version.
    _run(db, "CREATE UNIQUE INDEX outbox_summary_version ON outbox(summary_id, version)")


def _coordinator(db) -> None:
    # What the coordinator gathered from every site: the highest version of each
    # summary, each device's checkpoint, the files merged, and the files refused.
    _run(
        db,
        """
        CREATE TABLE hub_summaries (
            summary_id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            device_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL,
            payload TEXT NOT NULL,
            received_from TEXT NOT NULL,
            merged_at TEXT NOT NULL
        );
        CREATE INDEX hub_summaries_device ON hub_summaries(site, device_id);
        CREATE TABLE hub_checkpoints (
            site TEXT NOT NULL,
            device_id TEXT NOT NULL,
            last_file TEXT NOT NULL,
            files INTEGER NOT NULL DEFAULT 0,
            last_received_at TEXT NOT NULL,
            PRIMARY KEY (site, device_id)
        );
        CREATE TABLE hub_files (
            site TEXT NOT NULL,
            device_id TEXT NOT NULL,
            file TEXT NOT NULL,
            entries INTEGER NOT NULL,
            merged_at TEXT NOT NULL,
            PRIMARY KEY (site, device_id, file)
        );
        CREATE TABLE hub_rejects (
            site TEXT NOT NULL,
            device_id TEXT NOT NULL,
            file TEXT NOT NULL,
            reason TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            UNIQUE (site, device_id, file)
        );
        """
    )


def _outbox_pending(db) -> None:
    # A push marks thousands of rows sent at once: deleting their small keys here costs
    # little, where setting outbox.sent_at rewrote every payload. Payloads become their
    # canonical text (keys sorted, no spaces), the very bytes a push's file carries.
    _run(
        db,
        """
        CREATE TABLE outbox_pending (
            seq INTEGER PRIMARY KEY REFERENCES outbox(seq) ON DELETE CASCADE
        );
        INSERT INTO outbox_pending(seq) SELECT seq FROM outbox WHERE sent_at IS NULL;
        DROP INDEX outbox_unsent;
        ALTER TABLE outbox DROP COLUMN sent_at
        """
    )
    rows = db.execute("SELECT seq, payload FROM outbox").fetchall()
    db.conn.executemany("UPDATE outbox SET payload = ? WHERE seq = ?",
                        [(_canonical(text), seq) for seq, text in rows])


def _canonical(text: str) -> str:
    # the rule of atelier.sync.outbox.canonical, frozen here: a migration never changes
    import json  # this old migration alone reads JSON: not loaded for it at every start-up

    return json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _run(db, script: str) -> None:
    # executescript() would commit the migration's transaction half-way: run one
    # statement at a time inside it instead.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


# In order, never renamed nor removed: add a new one at the end for each change.
MIGRATIONS = [
    ("0001_initial", _initial),
    ("0002_outbox_by_summary", _outbox_by_summary),
    ("0003_coordinator", _coordinator),
    ("0004_outbox_pending", _outbox_pending),
]
SCHEMA_VERSION = len(MIGRATIONS)

# The tables each migration creates: a file holds those of every migration it recorded,
# which is how a backup is told from any other SQLite file (tests check this list
# against what the migrations really create).
TABLES = {
    "0001_initial": ("settings", "participants", "groups", "group_members", "sessions", "attendance",
                     "step_progress", "exercise_results", "outbox"),
    "0003_coordinator": ("hub_summaries", "hub_checkpoints", "hub_files", "hub_rejects"),
    "0004_outbox_pending": ("outbox_pending",),
}


def expected_tables(applied: list[str]) -> set[str]:
    """The tables a file that recorded ``applied`` must hold (the first migration's always)."""
    names = {MIGRATIONS_TABLE, *TABLES["0001_initial"]}
    for name in applied:
        names.update(TABLES.get(name, ()))
    return names


def known_migrations() -> list[str]:
    return [name for name, _fn in MIGRATIONS]


def migration_set():
    """The sqlite-utils migration set, built only when a file needs migrating."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    assert migrations.migrations_table == MIGRATIONS_TABLE
    for name, fn in MIGRATIONS:
        migrations(name=name)(fn)
    return migrations
