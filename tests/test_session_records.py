"""Sessions as they really happen: deleted when they never took place (the coordinator
told), cancelled then restored, moved to the day they really took place."""

import json
from datetime import date

import pytest

from atelier import attendance, groups, people, progress, results, session_removal, sessions
from atelier.groups import Group
from atelier.lessons.scoring import Outcome
from atelier.people import Participant
from atelier.sessions import Session
from atelier.sync import outbox, summaries


def payloads(db, session_id):
    rows = db.execute("SELECT version, payload FROM outbox WHERE summary_id = ? ORDER BY version", [session_id])
    return [json.loads(payload) for _version, payload in rows]


@pytest.fixture
def week(store):
    db = store.db
    group = groups.add(db, Group("Souris"))
    helene = people.add(db, Participant("Hélène", "Martin"))
    groups.add_member(db, group.id, helene.id)
    first, second = sessions.plan_series(db, Session("", "14:00", "16:00", group.id, module_id="la-souris"),
                                         [date(2026, 11, 3), date(2026, 11, 10)])
    return group, helene, first, second


def test_a_summarised_session_deleted_leaves_a_deleted_summary(store, week):
    db = store.db
    _group, helene, first, second = week
    attendance.mark(db, first.id, helene.id, attendance.PRESENT)
    attendance.mark(db, second.id, helene.id, attendance.PRESENT)
    progress.mark_step_covered(db, first.id, "la-souris", 0)
    run = results.record(db, helene.id, "la-souris", "clic", Outcome(1.0, 1, 500), "pc", first.id)
    summaries.close_session(db, first.id, "")
    summaries.close_session(db, second.id, "")
    assert payloads(db, second.id)[-1]["new_people"] == 0
    assert session_removal.removal(db, first.id) == session_removal.Removal(marks=1, came=1, summarised=True)

    session_removal.delete(db, first.id)  # through Store's before_commit, as the program does
    with pytest.raises(KeyError):
        sessions.get(db, first.id)
    tomb = payloads(db, first.id)[-1]
    assert tomb["deleted"] is True and tomb["summary_id"] == first.id and len(payloads(db, first.id)) == 2
    assert attendance.for_session(db, first.id) == {} and progress.covered_steps(db, first.id) == {}
    assert results.for_learner(db, helene.id)[0].id == run.id  # the run is kept, without its session
    # Hélène's first visit is now the second session: its summary says so, in a new version
    assert payloads(db, second.id)[-1]["new_people"] == 1
    with pytest.raises(KeyError):
        session_removal.delete(db, first.id)


def test_a_session_never_summarised_goes_without_a_word(store, week):
    db = store.db
    _group, _helene, first, _second = week
    assert session_removal.removal(db, first.id) == session_removal.Removal(0, 0, False)
    session_removal.delete(db, first.id)
    assert payloads(db, first.id) == []
    assert [r.session.id for r in sessions.between(db, date(2026, 11, 1), date(2026, 11, 30))] == [week[3].id]


def test_cancelled_then_restored(store, week):
    db = store.db
    _group, helene, first, _second = week
    attendance.mark(db, first.id, helene.id, attendance.PRESENT)
    summaries.close_session(db, first.id, "")
    sessions.cancel(db, first.id)
    assert payloads(db, first.id)[-1]["status"] == "cancelled"
    sessions.restore(db, first.id)
    assert sessions.get(db, first.id).status == "planned"
    assert payloads(db, first.id)[-1]["status"] == "planned"


def test_restore_touches_only_a_cancelled_session(store, week):
    db = store.db
    _group, _helene, first, _second = week
    summaries.close_session(db, first.id, "")
    sessions.restore(db, first.id)
    assert sessions.get(db, first.id).status == "done"


def test_started_on_another_day(store, week):
    db = store.db
    _group, helene, first, second = week
    attendance.mark(db, second.id, helene.id, attendance.PRESENT)
    summaries.close_session(db, second.id, "")
    moved = sessions.move_to(db, first.id, date(2026, 11, 4))
    assert sessions.get(db, first.id).date == "2026-11-04" == moved.date
    moved = sessions.move_to(db, second.id, date(2026, 11, 12))
    assert payloads(db, second.id)[-1]["date"] == "2026-11-12"
