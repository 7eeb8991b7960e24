"""A backup is good only if it opens, passes quick_check and holds Atelier's tables.

Empty, cut, foreign, damaged and newer files, links, FIFOs and folders named like
backups are never good, never chosen by ``restore latest``, and never make ``backup
list``, ``backup`` or ``restore`` fail or hang. Restoring one is refused before anything
is replaced: the data file stays byte for byte as it was.
"""

import os
import sqlite3

import pytest
from hypothesis import example, HealthCheck, given, settings as hypothesis_settings, strategies as st

from atelier import backups, paths, schema
from atelier.backups import BackupError
from atelier.db import NewerDatabaseError
from atelier.store import Store, restore
from tests.backup_helpers import BAD, filled_home, make_bad, snapshot
from tests.test_cli import in_process, run


@pytest.fixture
def good(home):
    """The path of a real good backup of a home with 300 participants."""
    return filled_home(home)


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_file_is_never_good_and_says_why_in_french(home, good, kind):
    bad = make_bad(paths.backups_dir(home), kind, 90, good)
    reason = backups.problem(bad)
    assert reason is not None and BAD[kind] in reason
    assert "Error" not in reason and "database" not in reason  # SQLite's English stays out
    assert backups.check_file(bad) == reason
    assert backups.latest_good(paths.backups_dir(home)).path == good  # the newer bad one is passed over


@pytest.mark.parametrize("kind", BAD)
def test_restoring_a_bad_file_is_refused_before_anything_is_replaced(home, good, kind):
    bad = make_bad(paths.backups_dir(home), kind, 90, good)
    before = snapshot(home)
    listing = sorted(os.listdir(home))
    with pytest.raises((BackupError, NewerDatabaseError)) as caught:
        restore(bad, home)
    assert BAD[kind] in str(caught.value)
    assert snapshot(home) == before and sorted(os.listdir(home)) == listing
    assert [b.path for b in backups.list_backups(paths.backups_dir(home)) if b.reason == "before-restore"] == []


@pytest.mark.parametrize("kind", ["foreign", "damaged", "fifo", "empty"])
def test_the_command_refuses_a_bad_file_with_its_reason_and_changes_nothing(capsys, home, good, kind):
    bad = make_bad(paths.backups_dir(home), kind, 90, good)
    before = snapshot(home)
    code, out, err = in_process(capsys, "restore", str(bad), "--yes")
    assert code == 1 and "ne peut pas être remise en place" in err and BAD[kind] in err
    assert "Traceback" not in err
    assert snapshot(home) == before


def test_list_backup_and_restore_latest_step_over_every_bad_kind_without_hanging(home, good):
    """All the bad kinds, newer than the one good backup, in one folder: each command in
    its own process with a time limit, so a hang fails the test instead of holding it."""
    folder = paths.backups_dir(home)
    bad = {kind: make_bad(folder, kind, 90 + n, good) for n, kind in enumerate(BAD)}
    ours = {kind for kind, path in bad.items() if backups.looks_whole(path)}
    assert {"damaged", "newer"} <= ours <= {"truncated", "damaged", "newer"}  # Atelier's own files

    listing = run(home, "backup", "list")
    assert listing.returncode == 0, listing.stderr
    lines = listing.stdout.splitlines()
    for kind, path in bad.items():
        (line,) = [i for i, text in enumerate(lines) if text.endswith(str(path))]
        assert "PAS BONNE" in lines[line] and BAD[kind] in lines[line + 1]
    (line,) = [text for text in lines if text.endswith(str(good))]
    assert " bonne " in line and "manuelle" in line

    taken = run(home, "backup")
    assert taken.returncode == 0, taken.stderr
    newest = backups.list_backups(folder)[0]
    assert newest.seq == 90 + len(BAD) and newest.reason == "manual"  # above every name there
    assert backups.problem(newest.path) is None
    # thinning never touches what is not an Atelier SQLite file: left for a person
    assert all(os.path.lexists(path) for kind, path in bad.items() if kind not in ours)

    restored = run(home, "restore", "latest", "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "Traceback" not in restored.stderr


def test_a_name_that_is_not_text_is_damage_not_a_crash(home, good):
    """Found by Hypothesis: one byte scribbled in a name in the schema. SQLite's message
    about the malformed schema quotes it, and Python's sqlite3 cannot decode it."""
    data = good.read_bytes()
    at = data.index(b"step_progress") + 2
    data = data[:at] + b"\x80" + data[at + 1:]
    scribbled = paths.backups_dir(home) / "atelier-n000009-20240615-120000-auto.db"
    scribbled.write_bytes(data)
    assert "abîmée" in backups.problem(scribbled)
    before = snapshot(home)
    with pytest.raises(BackupError):
        restore(scribbled, home)
    assert snapshot(home) == before


def test_a_foreign_sqlite_file_named_atelier_db_is_not_taken_for_a_backup(home, tmp_path):
    foreign = tmp_path / "atelier.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE participants (id TEXT)")  # one of our names is not enough
    conn.close()
    assert "il y manque" in backups.problem(foreign)


def test_every_table_the_migrations_create_is_expected():
    """schema.TABLES matches what the migrations really create, so a new migration's
    tables are checked in backups as soon as it lands."""
    conn = sqlite3.connect(":memory:")
    import sqlite_utils

    schema.migration_set().apply(sqlite_utils.Database(conn))
    made = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    made.discard("sqlite_sequence")  # SQLite's own, for AUTOINCREMENT
    assert made == schema.expected_tables(schema.known_migrations())
    assert schema.expected_tables([]) < made  # an old file needs only the first tables


@pytest.fixture(scope="module")
def shared_good(tmp_path_factory):
    """One real backup for every Hypothesis example (taking one is the slow part)."""
    return filled_home(tmp_path_factory.mktemp("good-home"), count=60)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_cut_backup_is_never_good(tmp_path_factory, shared_good, data):
    whole = shared_good.read_bytes()
    cut = data.draw(st.integers(0, len(whole) - 1), label="cut at")
    path = tmp_path_factory.mktemp("cut") / "atelier-n000001-20240615-120000-auto.db"
    path.write_bytes(whole[:cut])
    assert backups.problem(path) is not None


# Derandomized: the same 30 scribbles every run, so a CI run is never red by chance; the
# cases random runs found are kept as examples.
@hypothesis_settings(max_examples=30, deadline=None, derandomize=True,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(scribbles=[(0.7269839908615476, b"\x00")])  # a migration's row scribbled: fewer names than the header says
@given(scribbles=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.binary(min_size=1, max_size=64)),
                          min_size=1, max_size=4))
def test_a_scribbled_backup_is_refused_untouched_or_restored_into_a_working_file(tmp_path_factory, shared_good,
                                                                                 scribbles):
    folder = tmp_path_factory.mktemp("scribbled")
    home = folder / "home"
    Store.open(home).close()
    whole = bytearray(shared_good.read_bytes())
    for where, junk in scribbles:
        at = int(where * len(whole))
        whole[at:at + len(junk)] = junk[: len(whole) - at]
    path = folder / "atelier-n000001-20240615-120000-auto.db"
    path.write_bytes(bytes(whole))
    before = snapshot(home)
    reason = backups.problem(path)  # never raises, whatever the bytes
    try:
        restore(path, home)
    except (BackupError, NewerDatabaseError) as refused:
        assert reason is not None and str(refused).endswith(reason)
        assert snapshot(home) == before
        return
    assert reason is None
    store = Store.open(home)  # quick_check again, migrations, device id: a working file
    try:
        assert store.db.execute("SELECT count(*) FROM participants").fetchone()[0] == 60
    finally:
        store.close()
