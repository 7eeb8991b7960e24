"""The funders' three fields: who lacks them, in a group or in a report's period, and completing them."""

from datetime import date

import pytest

from atelier import attendance, funder_fields, groups, people, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from atelier.sync import outbox, summaries


@pytest.fixture
def filled(store):
    db = store.db
    group, other = groups.add(db, Group("Souris")), groups.add(db, Group("Clavier"))
    full = people.add(db, Participant("Anne", "Roux", birth_year=1950, gender="feminin", social_status="retraite"))
    declined = people.add(db, Participant("Paul", "Blanc", age_bracket="non_communique", gender="non_communique",
                                          social_status="non_communique"))
    bare = people.add(db, Participant("Odette", "Perrin"))
    half = people.add(db, Participant("Jean", "Aubert", gender="masculin"))
    for person in (full, declined, bare, half):
        groups.add_member(db, group.id, person.id)
    held = sessions.add(db, Session("2026-11-10", "14:00", "16:00", group.id))
    elsewhere = sessions.add(db, Session("2026-11-12", "14:00", "16:00", other.id))
    cancelled = sessions.add(db, Session("2026-11-14", "14:00", "16:00", group.id))
    for person in (full, bare):
        attendance.mark(db, held.id, person.id, attendance.PRESENT)
    attendance.mark(db, held.id, half.id, attendance.ABSENT)
    attendance.mark(db, elsewhere.id, half.id, attendance.PRESENT)
    attendance.mark(db, cancelled.id, declined.id, attendance.PRESENT)
    sessions.cancel(db, cancelled.id)
    return group, other, (full, declined, bare, half), held


def test_what_a_group_lacks(store, filled):
    group, _other, (_full, _declined, bare, half), _held = filled
    gaps = funder_fields.gaps(groups.members(store.db, group.id))  # as the group's page counts
    assert [p.id for p in gaps.people] == [half.id, bare.id]  # by name: Aubert, Perrin
    assert (len(gaps), gaps.age, gaps.gender, gaps.social_status) == (2, 2, 1, 2)
    assert funder_fields.lacking(half) == ("age", "social_status")


def test_what_a_report_counts_lacks(store, filled):
    group, other, (_full, _declined, bare, half), _held = filled
    period = (date(2026, 11, 1), date(2026, 11, 30))
    assert [p.id for p in funder_fields.of_period(store.db, *period).people] == [half.id, bare.id]
    assert [p.id for p in funder_fields.of_period(store.db, *period, group.id).people] == [bare.id]
    assert [p.id for p in funder_fields.of_period(store.db, *period, other.id).people] == [half.id]
    assert len(funder_fields.of_period(store.db, date(2026, 12, 1), date(2026, 12, 31))) == 0


def test_completing_fills_the_figures_and_re_versions_the_summary(store, filled):
    db = store.db
    group, _other, (full, _declined, bare, half), held = filled
    summaries.close_session(db, held.id, "")
    assert outbox.latest_payload(db, held.id)["by_gender"]["non_communique"] == 1
    changed = funder_fields.complete(db, {
        bare.id: {"age": "soixante_dix_plus", "gender": "feminin", "social_status": "retraite"},
        half.id: {"age": None, "gender": None, "social_status": "retraite"},
        full.id: {"age": "dix_huit_vingt_quatre"},  # a known birth year is kept
    })
    assert changed == 2
    assert people.get(db, full.id).age_bracket is None and people.get(db, full.id).birth_year == 1950
    assert funder_fields.lacking(people.get(db, bare.id)) == ()
    assert funder_fields.lacking(people.get(db, half.id)) == ("age",)
    said = outbox.latest_payload(db, held.id)
    assert said["by_gender"]["feminin"] == 2 and said["by_age"]["soixante_dix_plus"] == 2


def test_completing_is_all_or_nothing(store, filled):
    db = store.db
    _group, _other, (_full, _declined, bare, half), _held = filled
    with pytest.raises(ValueError):
        funder_fields.complete(db, {half.id: {"social_status": "retraite"}, bare.id: {"gender": "inconnu"}})
    assert people.get(db, half.id).social_status is None
