"""The core says what it changed: ``perform`` hands back the committed changes of one
operation, taken from the writes themselves."""

from datetime import date

import pytest

from atelier import attendance, groups, people, progress, results, schema, sessions, settings
from atelier.changes import KIND_OF_TABLE, Changes, perform
from atelier.lessons.scoring import Outcome
from atelier.sync import summaries


def test_every_table_has_a_kind(store):
    tables = {name for (name,) in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
              if name != schema.MIGRATIONS_TABLE and not name.startswith("sqlite_")}
    assert tables == set(KIND_OF_TABLE)


@pytest.fixture
def planned(store):
    group = groups.add(store.db, groups.Group("Tablette"))
    person = people.add(store.db, people.Participant("Hélène", "Martin"))
    groups.add_member(store.db, group.id, person.id)
    session = sessions.add(store.db, sessions.Session("2026-11-27", "14:00", "16:00", group.id))
    return group, person, session


def test_each_write_says_what_it_changed(store, planned):
    group, person, session = planned
    db = store.db
    cases = [
        ((attendance.mark, session.id, person.id, attendance.PRESENT), Changes(attendance=True)),
        ((attendance.add_walk_in, session.id, "Odette", "", None, True),
         Changes(people=True, groups=True, attendance=True)),
        ((people.update, people.get(db, person.id)), Changes(people=True)),
        ((people.archive, person.id), Changes(people=True)),
        ((groups.remove_member, group.id, person.id), Changes(groups=True)),
        ((sessions.add, sessions.Session("2026-12-04", "14:00", "16:00", group.id)), Changes(sessions=True)),
        ((progress.mark_step_covered, session.id, "la-souris", 0), Changes(lessons=True)),
        ((settings.put, settings.SITE, "Maison des Tilleuls"), Changes(settings=True)),
        ((results.record, person.id, "la-souris", "cliquer", Outcome(1.0, 1, 1000), store.device_id),
         Changes(results=True)),
        ((summaries.close_session, session.id, "Bien"), Changes(sessions=True, outbox=True)),
        # after closing, a mark re-queues the summary in the same transaction
        ((attendance.mark, session.id, person.id, attendance.ABSENT), Changes(attendance=True, outbox=True)),
        ((people.erase, person.id),
         Changes(people=True, groups=True, attendance=True, results=True, outbox=True)),
    ]
    for (work, *args), expected in cases:
        assert perform(db, work, *args).changes == expected, work.__qualname__


def test_reading_changes_nothing_and_a_failure_announces_nothing(store, planned):
    _group, person, session = planned
    assert not perform(store.db, attendance.roll, session.id).changes
    with pytest.raises(ValueError):
        perform(store.db, attendance.set_statuses, session.id, {person.id: "lost"})
    assert not store.db.take_changes(), "a rolled-back write leaves nothing to announce"


def test_a_savepoint_rolled_back_takes_its_notes_with_it(store, planned):
    _group, person, session = planned
    db = store.db
    db.take_changes()  # what the fixture wrote
    with db.atomic():
        attendance.mark(db, session.id, person.id, attendance.PRESENT)
        with pytest.raises(ValueError), db.atomic():
            settings.put(db, settings.SITE, "jamais")
            raise ValueError
    assert db.take_changes() == Changes(attendance=True)
    assert settings.get(db, settings.SITE) is None


def test_a_write_outside_a_transaction_is_a_mistake(store):
    with pytest.raises(RuntimeError):
        store.db.wrote("settings")


def test_the_changes_of_a_day(store, planned):
    """A whole series planned at once is one operation and one announcement."""
    group, _person, _session = planned
    done = perform(store.db, sessions.plan_series, sessions.Session("", "14:00", "16:00", group.id),
                   [date(2026, 12, 1), date(2026, 12, 8)])
    assert len(done.value) == 2 and done.changes == Changes(sessions=True)


def test_a_commit_that_fails_leaves_no_transaction_open_and_nothing_to_announce(store):
    """SQLite keeps the transaction open when COMMIT fails (here a deferred foreign key,
    as a full disk would): it is rolled back, the next write starts clean."""
    db = store.db
    db.take_changes()
    with pytest.raises(Exception, match="FOREIGN KEY"), db.atomic():
        db.execute("PRAGMA defer_foreign_keys = ON")
        attendance.mark(db, "no-such-session", "no-such-person", attendance.PRESENT)
    assert not db.conn.in_transaction
    assert not db.take_changes()
    assert attendance.for_session(db, "no-such-session") == {}
    settings.put(db, settings.SITE, "après")
    assert db.take_changes() == Changes(settings=True)
