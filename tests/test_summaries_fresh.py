"""Summaries never go stale: every write that alters what a queued summary says queues a
new version of it, in the same transaction; a write that alters nothing queues nothing."""

import json
from dataclasses import asdict, replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from atelier import attendance, groups, people, progress, sessions
from atelier.store import Store
from atelier.sync import outbox, summaries


@pytest.fixture
def db(tmp_path):
    store = Store.open(tmp_path)
    yield store.db
    store.close()


def versions(db, session_id: str) -> list[dict]:
    rows = db.execute("SELECT payload FROM outbox WHERE summary_id = ? ORDER BY version", [session_id]).fetchall()
    return [json.loads(row[0]) for row in rows]


def said(db, session_id: str) -> dict | None:
    return outbox.latest_payload(db, session_id)


@pytest.fixture
def closed(db):
    """Two weekly sessions of a group of three; the second closed with two who came."""
    group = groups.add(db, groups.Group("Débutants"))
    who = [people.add(db, people.Participant(name)) for name in ("Hélène", "José", "Gérard")]
    for person in who:
        groups.add_member(db, group.id, person.id)
    first, second = sessions.plan_series(db, sessions.Session("", "14:00", "16:00", group.id, module_id="la-souris"),
                                         [date(2026, 11, 3), date(2026, 11, 10)])
    attendance.mark(db, second.id, who[0].id, attendance.PRESENT)
    attendance.mark(db, second.id, who[1].id, attendance.LATE)
    summaries.close_session(db, second.id, "")
    assert [v["present"] for v in versions(db, second.id)] == [2]
    return first, second, who


def test_attendance_corrected_after_closing(db, closed):
    _first, second, who = closed
    attendance.set_statuses(db, second.id, {who[1].id: attendance.ABSENT})
    assert [(v["present"], v["absent"]) for v in versions(db, second.id)] == [(2, 0), (1, 1)]
    attendance.set_statuses(db, second.id, {who[1].id: attendance.ABSENT})  # the same again: nothing new
    assert len(versions(db, second.id)) == 2


def test_a_walk_in_after_closing(db, closed):
    _first, second, _who = closed
    attendance.add_walk_in(db, second.id, "Odette")
    assert said(db, second.id)["present"] == 3 and said(db, second.id)["new_people"] == 3


def test_the_session_edited(db, closed):
    _first, second, _who = closed
    sessions.update(db, replace(sessions.get(db, second.id), end_time="17:00", module_id="le-clavier"))
    assert (said(db, second.id)["duration_minutes"], said(db, second.id)["module_id"]) == (180, "le-clavier")
    sessions.update(db, replace(sessions.get(db, second.id), notes="Projecteur en panne"))  # not in the summary
    assert len(versions(db, second.id)) == 2
    sessions.update(db, replace(sessions.get(db, second.id), place="Salle 3"))
    assert said(db, second.id)["place"] == "Salle 3" and len(versions(db, second.id)) == 3


def test_the_group_moved_changes_the_place_of_its_sessions_without_one(db, closed):
    _first, second, _who = closed
    group = groups.get(db, sessions.get(db, second.id).group_id)
    groups.update(db, replace(group, place="Maison des Tilleuls"))
    assert said(db, second.id)["place"] == "Maison des Tilleuls"
    groups.update(db, replace(groups.get(db, group.id), name="Débutants du mardi"))  # not in the summary
    assert len(versions(db, second.id)) == 2


def test_a_person_edited_requeues_every_closed_session_they_came_to(db, closed):
    first, second, who = closed
    third = sessions.add(db, sessions.Session("2026-11-17", "14:00", "16:00", second.group_id))
    for session in (first, third):
        attendance.mark(db, session.id, who[0].id, attendance.PRESENT)
        summaries.close_session(db, session.id, "")
    # Hélène's third visit is past her two earliest: only her own record reaches it
    assert said(db, third.id)["by_gender"]["non_communique"] == 1
    before = [len(versions(db, s.id)) for s in (first, second, third)]
    people.update(db, replace(people.get(db, who[0].id), gender="feminin", birth_year=1950,
                              social_status="retraite"))
    for session in (first, second, third):
        latest = said(db, session.id)
        assert (latest["by_gender"]["feminin"], latest["by_status"]["retraite"]) == (1, 1)
        assert latest["by_age"]["soixante_dix_plus"] == 1  # 76 in 2026
    after = [n + 1 for n in before]  # one new version each, no more
    assert [len(versions(db, s.id)) for s in (first, second, third)] == after
    people.update(db, replace(people.get(db, who[0].id), notes="Préfère le matin"))  # not in any summary
    assert [len(versions(db, s.id)) for s in (first, second, third)] == after
    people.update(db, replace(people.get(db, who[2].id), gender="masculin"))  # came to no closed session
    assert [len(versions(db, s.id)) for s in (first, second, third)] == after


def test_the_session_cancelled(db, closed):
    _first, second, _who = closed
    sessions.cancel(db, second.id)
    assert said(db, second.id)["status"] == "cancelled"
    assert said(db, second.id)["new_people"] == 0  # a cancelled session welcomes nobody


def test_a_person_erased(db, closed):
    _first, second, who = closed
    people.erase(db, who[0].id)
    assert said(db, second.id)["present"] == 1


def test_a_step_covered_after_closing(db, closed):
    _first, second, _who = closed
    progress.mark_step_covered(db, second.id, "la-souris", 3)
    assert said(db, second.id)["steps_covered"] == {"la-souris": [3]}


def test_a_first_visit_moved_earlier_changes_the_later_summary(db, closed):
    first, second, who = closed
    assert said(db, second.id)["new_people"] == 2
    attendance.mark(db, first.id, who[0].id, attendance.PRESENT)  # a paper roll entered afterwards
    assert said(db, second.id)["new_people"] == 1
    sessions.cancel(db, first.id)  # it never took place after all
    assert said(db, second.id)["new_people"] == 2
    assert said(db, first.id) is None, "nothing is said of a session never closed"


def test_a_cancelled_session_closed_after_all_moves_the_first_visit(db, closed):
    """Found by the property test below: closing a cancelled session brings its marks back."""
    first, second, who = closed
    sessions.cancel(db, first.id)
    attendance.mark(db, first.id, who[0].id, attendance.PRESENT)
    assert said(db, second.id)["new_people"] == 2
    summaries.close_session(db, first.id, "")
    assert said(db, second.id)["new_people"] == 1


def test_a_failed_write_queues_nothing(db, closed):
    _first, second, who = closed
    with pytest.raises(ValueError):
        attendance.set_statuses(db, second.id, {who[2].id: attendance.PRESENT, who[0].id: "lost"})
    assert len(versions(db, second.id)) == 1
    assert attendance.for_session(db, second.id)[who[0].id] == attendance.PRESENT


# Any sequence of the workshop's writes leaves every closed session's newest summary
# equal to what the session says now.
WRITES = st.lists(
    st.one_of(
        st.tuples(st.just("mark"), st.integers(0, 3), st.integers(0, 3), st.sampled_from(attendance.STATUSES + (None,))),
        st.tuples(st.just("close"), st.integers(0, 3)),
        st.tuples(st.just("move"), st.integers(0, 3), st.integers(1, 28)),
        st.tuples(st.just("cancel"), st.integers(0, 3)),
        st.tuples(st.just("step"), st.integers(0, 3), st.integers(0, 5)),
        st.tuples(st.just("erase"), st.integers(0, 3)),
        st.tuples(st.just("edit"), st.integers(0, 3), st.sampled_from((None, "feminin", "masculin")),
                  st.sampled_from((None, 1940, 2010))),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(writes=WRITES)
def test_closed_summaries_always_say_what_the_sessions_say(tmp_path_factory, writes):
    store = Store.open(tmp_path_factory.mktemp("home"))
    db = store.db
    try:
        who = [people.add(db, people.Participant(f"Personne {i}")) for i in range(4)]
        planned = [sessions.add(db, sessions.Session(f"2026-03-{day:02d}", "14:00", "16:00"))
                   for day in (2, 9, 16, 23)]
        for write in writes:
            kind, i = write[0], write[1]
            session = planned[i]
            if kind == "mark" and who[write[2]] is not None:
                attendance.set_statuses(db, session.id, {who[write[2]].id: write[3]})
            elif kind == "close":
                summaries.close_session(db, session.id, "")
            elif kind == "move":
                sessions.update(db, replace(sessions.get(db, session.id), date=f"2026-03-{write[2]:02d}"))
            elif kind == "cancel":
                sessions.cancel(db, session.id)
            elif kind == "step":
                progress.mark_step_covered(db, session.id, "la-souris", write[2])
            elif kind == "edit" and who[i] is not None:
                people.update(db, replace(people.get(db, who[i].id), gender=write[2], birth_year=write[3]))
            elif kind == "erase" and who[i] is not None:
                people.erase(db, who[i].id)
                who[i] = None
        for session in planned:
            latest = said(db, session.id)
            if sessions.get(db, session.id).status == "done" or latest is not None:
                assert latest == asdict(summaries.summarise(db, session.id))
    finally:
        store.close()
