"""Walk-ins: a new person or one already known, marked present, and taken back exactly."""

from datetime import date

import pytest

from atelier import attendance, groups, people, sessions, walk_ins
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session


@pytest.fixture
def day(store):
    db = store.db
    group = groups.add(db, Group("Souris"))
    session = sessions.add(db, Session(date(2026, 11, 27).isoformat(), "14:00", "16:00", group.id))
    return group, session


def members(db, group):
    return {p.id for p in groups.members(db, group.id)}


def test_a_new_walk_in_undone_leaves_no_trace(store, day):
    db = store.db
    group, session = day
    came = walk_ins.welcome(db, session.id, "Odette", "Perrin", "06 12", join_group=True)
    assert came.created and came.joined
    assert attendance.for_session(db, session.id) == {came.person_id: "present"}
    assert members(db, group) == {came.person_id}
    walk_ins.undo(db, came)
    assert people.count(db) == 0 and attendance.for_session(db, session.id) == {} and members(db, group) == set()


def test_a_record_used_since_is_kept_when_the_walk_in_is_undone(store, day):
    db = store.db
    group, session = day
    came = walk_ins.welcome(db, session.id, "Odette", join_group=False)
    later = sessions.add(db, Session("2026-12-04", "14:00", "16:00", group.id))
    attendance.mark(db, later.id, came.person_id, attendance.PRESENT)
    walk_ins.undo(db, came)
    assert people.get(db, came.person_id).first_name == "Odette"
    assert attendance.for_session(db, session.id) == {}


def test_a_known_person_comes_back_from_the_archive_and_goes_back(store, day):
    db = store.db
    group, session = day
    helene = people.add(db, Participant("Hélène", "Martin"))
    people.archive(db, helene.id)
    came = walk_ins.welcome_known(db, session.id, helene.id, join_group=True)
    assert (came.created, came.joined, came.unarchived, came.previous) == (False, True, True, None)
    assert people.get(db, helene.id).archived_at is None and members(db, group) == {helene.id}
    assert attendance.for_session(db, session.id) == {helene.id: "present"}
    walk_ins.undo(db, came)
    assert people.get(db, helene.id).archived_at is not None
    assert members(db, group) == set() and attendance.for_session(db, session.id) == {}


def test_a_member_marked_absent_then_found_as_a_walk_in(store, day):
    db = store.db
    group, session = day
    jose = people.add(db, Participant("José", "Fernandes"))
    groups.add_member(db, group.id, jose.id)
    attendance.mark(db, session.id, jose.id, attendance.ABSENT)
    came = walk_ins.welcome_known(db, session.id, jose.id, join_group=True)
    assert not came.joined and came.previous == "absent"  # already a member: nothing to take back
    walk_ins.undo(db, came)
    assert attendance.for_session(db, session.id) == {jose.id: "absent"} and members(db, group) == {jose.id}
