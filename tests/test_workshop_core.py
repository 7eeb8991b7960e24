"""The core of the workshop day: series, roll call, walk-ins, steps, closing, erasure, PIN."""

from datetime import date

import pytest

from atelier import attendance, groups, people, pin, progress, sessions
from atelier.sync import outbox, summaries
from atelier.store import Store


@pytest.fixture
def db(tmp_path):
    store = Store.open(tmp_path)
    yield store.db
    store.close()


@pytest.fixture
def group_of_three(db):
    group = groups.add(db, groups.Group("Débutants du mardi", "Salle 2", 1, "14:00", "16:00"))
    members = [people.add(db, people.Participant(first, last)) for first, last in
               [("Hélène", "Martin"), ("José", "Alvarez"), ("Gérard", "Bonnet")]]
    for person in members:
        groups.add_member(db, group.id, person.id)
    return group, members


def of_group(db, group_id: str) -> list[sessions.Session]:
    return [row.session for row in sessions.listed(db, "s.group_id = ?", [group_id])]


def test_a_weekly_series_skips_the_unticked_dates(db, group_of_three):
    group, _ = group_of_three
    dates = sessions.series_dates(date(2026, 9, 1), date(2026, 12, 15))
    assert len(dates) == 16 and all(d.weekday() == 1 for d in dates)
    holidays = {date(2026, 10, 20), date(2026, 10, 27)}
    kept = [d for d in dates if d not in holidays]
    planned = sessions.plan_series(db, sessions.Session("", "14:00", "16:00", group.id, module_id="la-souris"), kept)
    stored = of_group(db, group.id)
    assert [s.id for s in stored] == [s.id for s in planned]
    assert {s.date for s in stored}.isdisjoint(d.isoformat() for d in holidays)
    assert len({s.id for s in stored}) == 14


def test_a_bad_series_leaves_nothing_behind(db, group_of_three):
    group, _ = group_of_three
    with pytest.raises(ValueError):
        sessions.plan_series(db, sessions.Session("", "16:00", "14:00", group.id), [date(2026, 9, 1)])
    assert of_group(db, group.id) == []


def test_roll_call_lists_members_alphabetically_then_marks(db, group_of_three):
    group, members = group_of_three
    session = sessions.add(db, sessions.Session("2026-11-27", "14:00", "16:00", group.id))
    roll = attendance.roll(db, session.id)
    assert [r.last_name for r in roll] == ["Alvarez", "Bonnet", "Martin"]
    assert all(r.status is None and r.member for r in roll)
    assert roll[2].initials == "HM"
    attendance.set_statuses(db, session.id, {r.participant_id: attendance.PRESENT for r in roll})
    attendance.mark(db, session.id, members[1].id, attendance.LATE)
    statuses = {r.full_name: r.status for r in attendance.roll(db, session.id)}
    assert statuses == {"José Alvarez": "late", "Gérard Bonnet": "present", "Hélène Martin": "present"}


def test_a_walk_in_is_present_and_may_join_the_group(db, group_of_three):
    group, _ = group_of_three
    session = sessions.add(db, sessions.Session("2026-11-27", "14:00", "16:00", group.id))
    guest = attendance.add_walk_in(db, session.id, "Françoise", "Petit", join_group=False)
    joiner = attendance.add_walk_in(db, session.id, "Lucien", "", "06 00 00 00 01", join_group=True)
    roll = {r.participant_id: r for r in attendance.roll(db, session.id)}
    assert roll[guest.id].status == "present" and not roll[guest.id].member
    assert roll[joiner.id].member
    assert [m.id for m in groups.members(db, group.id)].count(joiner.id) == 1


def test_closing_stores_notes_and_queues_a_frozen_summary(db, group_of_three):
    group, members = group_of_three
    first, second = sessions.plan_series(
        db, sessions.Session("", "14:00", "16:00", group.id, module_id="la-souris"), [date(2026, 11, 3), date(2026, 11, 10)])
    attendance.mark(db, first.id, members[0].id, attendance.PRESENT)
    attendance.mark(db, second.id, members[0].id, attendance.PRESENT)
    attendance.mark(db, second.id, members[1].id, attendance.LATE)
    attendance.mark(db, second.id, members[2].id, attendance.EXCUSED)
    assert progress.mark_step_covered(db, second.id, "la-souris", 0)
    assert not progress.mark_step_covered(db, second.id, "la-souris", 0)
    progress.mark_step_covered(db, second.id, "la-souris", 2)
    summary = summaries.close_session(db, second.id, "Très bonne séance")
    assert (summary.present, summary.absent, summary.excused, summary.new_people) == (2, 0, 1, 1)
    assert summary.steps_covered == {"la-souris": [0, 2]}
    assert sessions.get(db, second.id).status == "done"
    assert sessions.get(db, second.id).notes == "Très bonne séance"
    (entry,) = outbox.pending(db)
    assert entry.kind == "session-summary" and entry.version == 1 and entry.payload["present"] == 2
    summaries.close_session(db, second.id, "Notes corrigées")
    assert [e.version for e in outbox.pending(db)] == [1], "the notes stay on the PC: nothing new to say"


def test_erasure_removes_the_person_from_every_table(db, group_of_three):
    group, members = group_of_three
    session = sessions.add(db, sessions.Session("2026-11-27", "14:00", "16:00", group.id))
    attendance.mark(db, session.id, members[0].id, attendance.PRESENT)
    db.execute(
        "INSERT INTO exercise_results(id, participant_id, module_id, exercise_id, score, device_id, finished_at) "
        "VALUES ('r1', ?, 'la-souris', 'cliquer', 1.0, 'd', '2026-11-27T10:00:00+00:00')", [members[0].id])
    db.conn.commit()
    tables = {table for table, _ in people.referring_tables(db)}
    assert {"attendance", "group_members", "exercise_results"} <= tables
    report = people.erasure_report(db, members[0].id)
    assert report == {"participants": 1, "group_members": 1, "attendance": 1, "exercise_results": 1}
    people.erase(db, members[0].id)
    for table, column in people.referring_tables(db):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [members[0].id]).fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM participants WHERE id = ?", [members[0].id]).fetchone()[0] == 0
    assert len(groups.members(db, group.id)) == 2


def test_pin_is_stored_hashed_and_checked(db):
    assert not pin.has_pin(db)
    with pytest.raises(ValueError, match="chiffres"):
        pin.set_pin(db, "12a4")
    pin.set_pin(db, "2580")
    stored = db.execute("SELECT value FROM settings WHERE key = ?", [pin.KEY]).fetchone()[0]
    assert "2580" not in stored and stored.startswith("scrypt$")
    assert pin.check_pin(db, "2580") and not pin.check_pin(db, "2581")
