"""The small core additions the groups and participants screens rely on."""

import pytest

from atelier import groups, people
from atelier.groups import Group
from atelier.people import Participant


def test_unarchive_brings_a_person_back(store):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    people.archive(store.db, helene.id)
    assert people.every(store.db) == []
    people.unarchive(store.db, helene.id)
    assert [p.id for p in people.every(store.db)] == [helene.id]
    assert people.get(store.db, helene.id).archived_at is None


@pytest.mark.parametrize("start, end", [("25:00", None), ("14h", None), ("14:00", "13:00"), ("14:00", "14:00")])
def test_group_times_are_checked(store, start, end):
    with pytest.raises(ValueError):
        groups.add(store.db, Group("Tablette", start_time=start, end_time=end))
    assert groups.every(store.db) == []


def test_group_weekday_and_name_are_checked(store):
    with pytest.raises(ValueError, match="nom du groupe"):
        groups.add(store.db, Group("  "))
    with pytest.raises(ValueError):
        groups.add(store.db, Group("Tablette", weekday=7))
    ok = groups.add(store.db, Group("Tablette", weekday=1, start_time="9:30", end_time="11:30"))
    assert groups.get(store.db, ok.id).start_time == "9:30"


def test_unarchive_a_group(store):
    group = groups.add(store.db, Group("Tablette"))
    groups.archive(store.db, group.id)
    groups.unarchive(store.db, group.id)
    assert [g.id for g in groups.every(store.db)] == [group.id]


def test_member_counts_leave_archived_people_out(store):
    group = groups.add(store.db, Group("Tablette"))
    empty = groups.add(store.db, Group("Souris"))
    a = people.add(store.db, Participant("Anne"))
    b = people.add(store.db, Participant("Bernard"))
    groups.add_members(store.db, group.id, [a.id, b.id, a.id])
    assert groups.member_counts(store.db) == {group.id: 2}
    people.archive(store.db, b.id)
    assert groups.member_counts(store.db).get(group.id) == 1
    assert groups.member_counts(store.db).get(empty.id) is None


def test_new_member_is_created_and_joins_or_nothing(store):
    group = groups.add(store.db, Group("Tablette"))
    added = groups.add_new_member(store.db, group.id, Participant("Chantal", "Roux"))
    assert [p.id for p in groups.members(store.db, group.id)] == [added.id]
    with pytest.raises(ValueError):
        groups.add_new_member(store.db, group.id, Participant(" "))
    assert people.count(store.db) == 1
