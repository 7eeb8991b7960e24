"""Two records of one person merged: everything kept, one transaction, summaries re-versioned."""

import json
from datetime import date

import pytest

from atelier import attendance, groups, merge, people, results, sessions
from atelier.groups import Group
from atelier.lessons.scoring import Outcome
from atelier.people import Participant
from atelier.sessions import Session
from atelier.sync import outbox, summaries


def said(db, session_id):
    return outbox.latest_payload(db, session_id)


def versions(db, session_id):
    return db.execute("SELECT count(*) FROM outbox WHERE summary_id = ?", [session_id]).fetchone()[0]


@pytest.fixture
def twice(store):
    """Hélène recorded twice: once in « Souris » with a closed session, once as a walk-in
    at « Clavier », both marked at one shared session (absent on one record, present on the other)."""
    db = store.db
    souris, clavier = groups.add(db, Group("Souris")), groups.add(db, Group("Clavier"))
    kept = people.add(db, Participant("Hélène", "Martin", gender="feminin", notes="Vient avec sa voisine"))
    gone = people.add(db, Participant("HELENE", "martin", phone="06 11 22 33 44", birth_year=1948,
                                      social_status="retraite", notes="Malentendante"))
    groups.add_member(db, souris.id, kept.id)
    groups.add_member(db, clavier.id, gone.id)
    groups.add_member(db, souris.id, gone.id)  # in both groups' lists at once
    first = sessions.add(db, Session("2026-11-03", "14:00", "16:00", souris.id))
    shared = sessions.add(db, Session("2026-11-10", "14:00", "16:00", souris.id))
    other = sessions.add(db, Session("2026-11-12", "10:00", "12:00", clavier.id))
    attendance.mark(db, first.id, kept.id, attendance.PRESENT)
    attendance.mark(db, shared.id, kept.id, attendance.ABSENT)
    attendance.mark(db, shared.id, gone.id, attendance.PRESENT)
    attendance.mark(db, other.id, gone.id, attendance.LATE)
    for s in (first, shared, other):
        summaries.close_session(db, s.id, "")
    results.record(db, gone.id, "la-souris", "clic", Outcome(1.0, 3, 4000), "pc-1", other.id)
    return kept, gone, (first, shared, other), (souris, clavier)


def test_merge_keeps_everything_on_one_record(store, twice):
    db = store.db
    kept, gone, (first, shared, other), (souris, clavier) = twice
    plan = merge.preview(db, kept.id, gone.id)
    assert (plan.sessions, plan.results, plan.groups, plan.notes) == (2, 1, 2, True)
    assert said(db, shared.id)["present"] == 1 and said(db, shared.id)["absent"] == 1

    person = merge.merge(db, kept.id, gone.id)
    with pytest.raises(KeyError):
        people.get(db, gone.id)
    assert (person.first_name, person.gender, person.phone, person.birth_year, person.social_status) == \
        ("Hélène", "feminin", "06 11 22 33 44", 1948, "retraite")
    assert person.notes == "Vient avec sa voisine\nMalentendante"
    assert {s.id: st for s, st in ((first, "present"), (shared, "present"), (other, "late"))} == {
        sid: attendance.for_session(db, sid)[kept.id] for sid in (first.id, shared.id, other.id)}
    assert db.execute("SELECT count(*) FROM attendance WHERE participant_id = ?", [gone.id]).fetchone()[0] == 0
    assert [r.participant_id for r in results.for_learner(db, kept.id)] == [kept.id]
    assert {g.id for g in (souris, clavier)} == {
        row[0] for row in db.execute("SELECT group_id FROM group_members WHERE participant_id = ?", [kept.id])}
    # the summaries say one person came, with the merged record's figures
    assert said(db, shared.id)["present"] == 1 and said(db, shared.id)["absent"] == 0
    assert said(db, other.id)["by_status"]["retraite"] == 1 and said(db, other.id)["by_gender"]["feminin"] == 1
    hashes = {entry["hash"] for s in (first, shared, other) for entry in said(db, s.id)["participants"]}
    assert len(hashes) == 1  # one person everywhere, under the kept record's hash
    assert said(db, shared.id)["new_people"] == 0 and said(db, first.id)["new_people"] == 1


def test_a_failed_merge_leaves_both_records_as_they_were(store, twice):
    db = store.db
    kept, gone, (first, shared, other), _groups = twice
    before = db.execute("SELECT count(*) FROM outbox").fetchone()[0]
    with pytest.raises(ValueError):
        merge.merge(db, kept.id, kept.id)
    with pytest.raises(KeyError):
        merge.merge(db, kept.id, "nobody")
    assert people.get(db, gone.id) == gone and people.get(db, kept.id) == kept
    assert db.execute("SELECT count(*) FROM outbox").fetchone()[0] == before


def test_the_merge_is_one_transaction(store, twice):
    """A failure in the middle (a summary that cannot be queued) undoes every move."""
    db = store.db
    kept, gone, sessions_, _groups = twice
    marks = {s.id: attendance.for_session(db, s.id) for s in sessions_}

    def broken(_db, _touched):
        raise RuntimeError("disk full")

    requeue, db.before_commit = db.before_commit, broken
    try:
        with pytest.raises(RuntimeError):
            merge.merge(db, kept.id, gone.id)
    finally:
        db.before_commit = requeue
    assert people.get(db, gone.id) == gone
    assert {s.id: attendance.for_session(db, s.id) for s in sessions_} == marks
    assert len(results.for_learner(db, gone.id)) == 1


def test_merged_record_fills_only_what_is_empty():
    kept = Participant("Anne", "Roux", age_bracket="soixante_dix_plus", consent_date="2026-03-01",
                       archived_at="2026-05-01T10:00:00+00:00")
    gone = Participant("Anne", "Roux", birth_year=1950, consent_date="2025-09-01", gender="feminin")
    person = merge.merged_record(kept, gone)
    assert (person.birth_year, person.age_bracket, person.gender) == (1950, None, "feminin")
    assert person.consent_date == "2025-09-01"  # the earliest consent
    assert person.archived_at is None  # one of the two was still active


def test_the_sync_sends_the_merge_as_new_versions(store, twice):
    db = store.db
    kept, gone, (first, shared, other), _groups = twice
    counts = {s.id: versions(db, s.id) for s in (first, shared, other)}
    merge.merge(db, kept.id, gone.id)
    assert all(versions(db, s.id) == counts[s.id] + 1 for s in (shared, other))
    pending = outbox.pending(db)
    assert {e.summary_id for e in pending} >= {shared.id, other.id}
    assert all(json.dumps(e.payload).count(gone.id) == 0 for e in pending)
