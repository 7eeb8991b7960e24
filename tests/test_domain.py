"""Participants, groups, sessions and attendance through the core API, on a real file."""

import re
import sqlite3
from dataclasses import replace
from datetime import date, datetime

import pytest

from atelier import attendance, groups, people, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session

UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def is_utc(stamp: str) -> bool:
    return stamp.endswith("+00:00") and datetime.fromisoformat(stamp).utcoffset().total_seconds() == 0


# --- participants --------------------------------------------------------------------------

def test_add_and_get_a_participant(store):
    added = people.add(store.db, Participant("Hélène", "Dupré", phone="06 00 00 00 00", birth_year=1948,
                                             gender="feminin", consent_date="2024-06-01"))
    got = people.get(store.db, added.id)
    assert got == added
    assert got.full_name == "Hélène Dupré" and got.initials == "HD"
    assert UUID.match(added.id)
    assert is_utc(added.created_at) and added.created_at == added.updated_at
    assert people.count(store.db) == 1


def test_get_an_unknown_participant(store):
    with pytest.raises(KeyError):
        people.get(store.db, "pas-un-id")


def test_update_a_participant(store):
    added = people.add(store.db, Participant("Jose"))
    changed = people.update(store.db, replace(added, first_name="José", notes="préfère le matin"))
    got = people.get(store.db, added.id)
    assert got.first_name == "José" and got.notes == "préfère le matin"
    assert got.created_at == added.created_at and is_utc(got.updated_at)
    assert changed == got


def test_archive_hides_a_participant_but_keeps_the_row(store):
    kept = people.add(store.db, Participant("Marcel"))
    gone = people.add(store.db, Participant("Odette"))
    people.archive(store.db, gone.id)
    assert [p.id for p in people.every(store.db)] == [kept.id]
    assert {p.id for p in people.every(store.db, include_archived=True)} == {kept.id, gone.id}
    archived = people.get(store.db, gone.id)
    assert archived.archived_at and is_utc(archived.archived_at)
    assert people.search(store.db, "Odette") == []
    assert [p.id for p in people.search(store.db, "Odette", include_archived=True)] == [gone.id]


def test_every_is_sorted_by_last_then_first_name_ignoring_case(store):
    for first, last in [("Zoé", "martin"), ("Anne", "Martin"), ("Paul", "Bernard")]:
        people.add(store.db, Participant(first, last))
    assert [p.full_name for p in people.every(store.db)] == ["Paul Bernard", "Anne Martin", "Zoé martin"]


@pytest.mark.parametrize("typed, expected", [
    ("Helene", {"Hélène Dupré"}),
    ("hélène", {"Hélène Dupré"}),
    ("JOSE", {"José Martínez"}),
    ("martinez jose", {"José Martínez"}),
    ("dupre", {"Hélène Dupré"}),
    ("ç", {"François Leçon"}),
    ("francois", {"François Leçon"}),
    ("  ", {"Hélène Dupré", "José Martínez", "François Leçon"}),
    ("inconnu", set()),
])
def test_search_ignores_accents_and_case(store, typed, expected):
    for first, last in [("Hélène", "Dupré"), ("José", "Martínez"), ("François", "Leçon")]:
        people.add(store.db, Participant(first, last))
    assert {p.full_name for p in people.search(store.db, typed)} == expected


@pytest.mark.parametrize("person, words", [
    (Participant(""), "prénom est obligatoire"),
    (Participant("   "), "prénom est obligatoire"),
    (Participant("Jean", gender="homme"), "Valeur inconnue pour le genre : homme"),
    (Participant("Jean", social_status="riche"), "statut social"),
    (Participant("Jean", age_bracket="vieux"), "tranche d'âge"),
    (Participant("Jean", birth_year=1850), "année de naissance"),
])
def test_validation_errors_are_in_french_and_nothing_is_written(store, person, words):
    with pytest.raises(ValueError) as caught:
        people.add(store.db, person)
    assert words in str(caught.value)
    assert people.count(store.db) == 0


def test_update_is_validated_too(store):
    added = people.add(store.db, Participant("Jean"))
    with pytest.raises(ValueError, match="prénom"):
        people.update(store.db, replace(added, first_name=""))
    assert people.get(store.db, added.id).first_name == "Jean"


# --- groups ----------------------------------------------------------------------------------

def test_groups_and_members(store):
    group = groups.add(store.db, Group("Tablette débutants", place="Médiathèque", weekday=1,
                                       start_time="14:00", end_time="16:00"))
    assert UUID.match(group.id) and is_utc(group.created_at)
    assert groups.get(store.db, group.id) == group
    anne = people.add(store.db, Participant("Anne", "Martin"))
    paul = people.add(store.db, Participant("Paul", "Bernard"))
    groups.add_member(store.db, group.id, anne.id)
    groups.add_member(store.db, group.id, paul.id)
    groups.add_member(store.db, group.id, paul.id)  # twice: still one membership
    assert [p.id for p in groups.members(store.db, group.id)] == [paul.id, anne.id]
    groups.remove_member(store.db, group.id, paul.id)
    assert [p.id for p in groups.members(store.db, group.id)] == [anne.id]
    people.archive(store.db, anne.id)
    assert groups.members(store.db, group.id) == []


def test_group_validation_and_archive(store):
    with pytest.raises(ValueError, match="nom du groupe est obligatoire"):
        groups.add(store.db, Group("  "))
    group = groups.add(store.db, Group("Smartphone"))
    groups.update(store.db, replace(group, name="Smartphone 2"))
    assert groups.get(store.db, group.id).name == "Smartphone 2"
    groups.archive(store.db, group.id)
    assert groups.every(store.db) == []
    assert [g.id for g in groups.every(store.db, include_archived=True)] == [group.id]


def test_a_membership_needs_real_rows(store):
    group = groups.add(store.db, Group("Courriel"))
    with pytest.raises(sqlite3.IntegrityError):
        groups.add_member(store.db, group.id, "personne-inexistante")


# --- sessions --------------------------------------------------------------------------------

@pytest.mark.parametrize("session, words", [
    (Session("2024-13-01", "14:00", "16:00"), "Date invalide"),
    (Session("demain", "14:00", "16:00"), "Date invalide"),
    (Session("2024-06-15", "25:00", "26:00"), "Heure invalide"),
    (Session("2024-06-15", "14h", "16:00"), "Heure invalide"),
    (Session("2024-06-15", "14:00", "16:60"), "Heure invalide"),
    (Session("2024-06-15", "16:00", "14:00"), "L'heure de fin doit être après"),
    (Session("2024-06-15", "14:00", "14:00"), "L'heure de fin doit être après"),
])
def test_session_validation(store, session, words):
    with pytest.raises(ValueError) as caught:
        sessions.add(store.db, session)
    assert words in str(caught.value)
    assert sessions.count(store.db) == 0


def test_session_add_get_update(store):
    added = sessions.add(store.db, Session("2024-06-15", "14:00", "16:30", place="Salle A"))
    assert UUID.match(added.id) and is_utc(added.created_at)
    assert added.duration_minutes == 150
    assert sessions.get(store.db, added.id) == added
    sessions.update(store.db, replace(added, status="done"))
    assert sessions.get(store.db, added.id).status == "done"


def test_upcoming_is_ordered_and_leaves_out_the_past_and_the_cancelled(store):
    group = groups.add(store.db, Group("Tablette"))
    made = {}
    for key, day, start, status in [
        ("later", "2024-06-20", "09:00", "planned"),
        ("today_late", "2024-06-15", "16:00", "planned"),
        ("today_early", "2024-06-15", "09:30", "done"),
        ("cancelled", "2024-06-16", "10:00", "cancelled"),
        ("past", "2024-06-14", "10:00", "planned"),
        ("tomorrow", "2024-06-16", "14:00", "planned"),
    ]:
        end = f"{int(start[:2]) + 1:02d}{start[2:]}"
        made[key] = sessions.add(store.db, Session(day, start, end, group_id=group.id, status=status)).id
    rows = sessions.upcoming(store.db, date(2024, 6, 15))
    assert [r.session.id for r in rows] == [made[k] for k in ("today_early", "today_late", "tomorrow", "later")]
    assert {r.group_name for r in rows} == {"Tablette"}
    assert len(sessions.upcoming(store.db, date(2024, 6, 15), limit=2)) == 2


# --- attendance ------------------------------------------------------------------------------

def test_attendance_is_an_upsert(store):
    session = sessions.add(store.db, Session("2024-06-15", "14:00", "16:00"))
    anne = people.add(store.db, Participant("Anne"))
    paul = people.add(store.db, Participant("Paul"))
    first = attendance.mark(store.db, session.id, anne.id, attendance.PRESENT)
    assert is_utc(first.updated_at)
    attendance.mark(store.db, session.id, paul.id, attendance.ABSENT)
    attendance.mark(store.db, session.id, anne.id, attendance.LATE)
    assert attendance.for_session(store.db, session.id) == {anne.id: "late", paul.id: "absent"}
    assert attendance.count(store.db) == 2
    attendance.clear(store.db, session.id, paul.id)
    assert attendance.for_session(store.db, session.id) == {anne.id: "late"}
    with pytest.raises(ValueError):
        attendance.mark(store.db, session.id, anne.id, "peut-être")
    assert attendance.for_session(store.db, session.id) == {anne.id: "late"}


def test_a_mark_needs_real_rows(store):
    session = sessions.add(store.db, Session("2024-06-15", "14:00", "16:00"))
    with pytest.raises(sqlite3.IntegrityError):
        attendance.mark(store.db, session.id, "personne-inexistante", attendance.PRESENT)


# --- foreign keys ----------------------------------------------------------------------------

def test_deleting_a_participant_row_cascades(store):
    group = groups.add(store.db, Group("Tablette"))
    session = sessions.add(store.db, Session("2024-06-15", "14:00", "16:00", group_id=group.id))
    gone = people.add(store.db, Participant("Partie"))
    stays = people.add(store.db, Participant("Reste"))
    for person in (gone, stays):
        groups.add_member(store.db, group.id, person.id)
        attendance.mark(store.db, session.id, person.id, attendance.PRESENT)

    with store.db.atomic():
        store.db.execute("DELETE FROM participants WHERE id = ?", [gone.id])

    assert attendance.for_session(store.db, session.id) == {stays.id: "present"}
    assert [p.id for p in groups.members(store.db, group.id)] == [stays.id]
    assert store.db.execute("SELECT count(*) FROM group_members WHERE participant_id = ?", [gone.id]).fetchone()[0] == 0
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_deleting_a_group_keeps_its_sessions(store):
    group = groups.add(store.db, Group("Tablette"))
    session = sessions.add(store.db, Session("2024-06-15", "14:00", "16:00", group_id=group.id))
    with store.db.atomic():
        store.db.execute("DELETE FROM groups WHERE id = ?", [group.id])
    assert sessions.get(store.db, session.id).group_id is None


def test_deleting_a_session_removes_its_marks(store):
    session = sessions.add(store.db, Session("2024-06-15", "14:00", "16:00"))
    person = people.add(store.db, Participant("Anne"))
    attendance.mark(store.db, session.id, person.id, attendance.PRESENT)
    with store.db.atomic():
        store.db.execute("DELETE FROM sessions WHERE id = ?", [session.id])
    assert attendance.count(store.db) == 0
    assert people.count(store.db) == 1
