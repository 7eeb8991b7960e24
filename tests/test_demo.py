"""The demonstration data, written through the core into a real SQLite file."""

from dataclasses import asdict
from datetime import date, timedelta

import pytest

from atelier import attendance, cli, demo, groups, people, sessions, settings
from atelier.exports.catalogue import module_index
from atelier.lessons.course import COURSE
from atelier.groups import Group
from atelier.store import Store
from atelier.sync import outbox, summaries


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "home")
    yield store
    store.close()


def test_fill_writes_a_realistic_term(store):
    summary = demo.fill(store.db)

    assert summary == dict(groups=4, people=len(demo.PEOPLE), sessions=4 * 12)
    assert people.count(store.db) == summary["people"] >= 30
    assert sessions.count(store.db) == summary["sessions"]
    for group in groups.every(store.db):
        assert 8 <= len(groups.members(store.db, group.id)) <= 12
    assert attendance.count(store.db) > 200
    assert settings.get(store.db, settings.ASSOCIATION)
    assert settings.get(store.db, settings.SITE)
    assert demo.is_demo(store.db)


def test_the_past_sessions_are_closed_with_their_summaries_queued(store):
    """A demonstration can be synced straight away: one summary per session held, once."""
    demo.fill(store.db)
    held = sessions.between(store.db, date.today() - timedelta(days=365), date.today())
    done = {row.session.id for row in held if row.session.status == sessions.DONE}
    queued = outbox.pending(store.db)
    assert done and {e.summary_id for e in queued} == done and {e.version for e in queued} == {1}
    for entry in queued:
        assert entry.payload == asdict(summaries.summarise(store.db, entry.summary_id))


def test_names_keep_their_accents_and_contacts_are_fictitious(store):
    demo.fill(store.db)
    everyone = people.every(store.db)
    names = {p.full_name for p in everyone}
    assert {"Hélène Martin", "José Fernandes", "Françoise Lefebvre", "Gérard Dubois"} <= names
    for person in everyone:
        assert person.email is None or person.email.endswith("@example.org")
        assert person.phone is None or person.phone.startswith("06 00 00 00 ")
        assert person.birth_year is None or 1938 <= person.birth_year <= 1965
        assert person.consent_date
    assert people.search(store.db, "helene")[0].first_name == "Hélène"


def test_a_session_today_and_the_roll_taken_for_past_ones(store):
    today = date.today()
    demo.fill(store.db)

    coming = sessions.upcoming(store.db, today)
    assert any(row.session.date == today.isoformat() for row in coming)
    assert {row.session.module_id for row in coming} <= set(module_index())
    marks = dict(store.db.execute("SELECT status, count(*) FROM attendance GROUP BY status").fetchall())
    assert set(marks) == set(attendance.STATUSES)
    assert marks["present"] > sum(marks.values()) / 2
    not_past = store.db.execute("SELECT count(*) FROM attendance a JOIN sessions s ON s.id = a.session_id "
                                "WHERE s.date >= ?", [today.isoformat()]).fetchone()[0]
    assert not_past == 0


@pytest.mark.parametrize("offset", range(7))
def test_every_weekday_has_a_session_today(tmp_path, offset):
    today = date(2026, 3, 2) + timedelta(days=offset)
    store = Store.open(tmp_path / f"home{offset}")
    try:
        demo.fill(store.db, today=today)
        assert any(r.session.date == today.isoformat() for r in sessions.upcoming(store.db, today))
    finally:
        store.close()


def term_of(db, group_name: str) -> list[str | None]:
    group = next(g for g in groups.every(db) if g.name == group_name)
    return [row.session.module_id for row in sessions.listed(db, "s.group_id = ?", [group.id])]


def test_every_session_opens_an_installed_lesson_in_the_course_order(store):
    """With the packs installed here, each group goes through the course in its order."""
    demo.fill(store.db)
    installed = set(module_index())
    for group in groups.every(store.db):
        planned = term_of(store.db, group.name)
        assert len(planned) == 12 and set(planned) <= installed
        places = [COURSE.index(module) for module in planned]
        assert places == sorted(places), group.name
    assert term_of(store.db, "Débutants du mardi")[0] == "la-souris"


@pytest.mark.parametrize("installed, beginners", [
    (COURSE, list(COURSE[:12])),                             # the whole course: a module a week
    (("le-clavier", "la-souris"), ["la-souris"] * 6 + ["le-clavier"] * 6),  # the first two: 6 weeks each
    (("mon-bilan-numerique", "atelier-jardin"), ["mon-bilan-numerique"] * 12),  # what comes first is missing
    (("atelier-jardin",), ["atelier-jardin"] * 12),                   # only an association's own pack
    ((), [None] * 12),                                                # no lesson at all
])
def test_the_beginners_term_with_whatever_is_installed(tmp_path, installed, beginners):
    store = Store.open(tmp_path / "home")
    try:
        demo.fill(store.db, today=date(2026, 3, 3), modules=installed)
        assert term_of(store.db, "Débutants du mardi") == beginners
        everything = {row.session.module_id for row in sessions.listed(store.db, "1", [])}
        assert everything <= set(installed) | {None}
    finally:
        store.close()


def test_a_later_group_starts_further_along_the_course():
    course = demo.course_order(COURSE)
    assert demo.term_modules(course, "aller-sur-internet", 12) == list(COURSE[4:])
    # its first module is not installed: the term starts at the next one that is
    assert demo.term_modules(["la-souris", "chercher-et-verifier", "mon-bilan-numerique"], "aller-sur-internet", 4) \
        == ["chercher-et-verifier", "chercher-et-verifier", "mon-bilan-numerique", "mon-bilan-numerique"]


def test_deterministic_apart_from_ids(tmp_path):
    def snapshot(home):
        store = Store.open(home)
        try:
            demo.fill(store.db, today=date(2026, 5, 12))
            return store.db.execute(
                "SELECT p.first_name, p.phone, p.email, p.birth_year, p.social_status, count(a.status), "
                "sum(a.status = 'present') FROM participants p LEFT JOIN attendance a ON a.participant_id = p.id "
                "GROUP BY p.id ORDER BY p.first_name").fetchall()
        finally:
            store.close()

    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_fill_refuses_real_data(store):
    groups.add(store.db, Group(name="Vrai groupe"))
    with pytest.raises(ValueError):
        demo.fill(store.db)
    assert not demo.is_demo(store.db)


def test_command_on_an_empty_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ATELIER_HOME", str(tmp_path / "demo"))
    assert cli.main(["demo"]) == 0
    assert "Démonstration prête" in capsys.readouterr().out
    store = Store.open(tmp_path / "demo")
    try:
        assert demo.is_demo(store.db)
        assert people.count(store.db) == len(demo.PEOPLE)
    finally:
        store.close()


def test_command_refuses_a_home_with_real_data(tmp_path, monkeypatch, capsys):
    home = tmp_path / "real"
    store = Store.open(home)
    people.add(store.db, people.Participant(first_name="Réelle"))
    store.close()
    monkeypatch.setenv("ATELIER_HOME", str(home))

    for argv in (["demo"], ["demo", "--if-needed"]):
        assert cli.main(argv) == 1
        assert "contient déjà des données" in capsys.readouterr().err
    store = Store.open(home)
    try:
        assert people.count(store.db) == 1
        assert not demo.is_demo(store.db)
    finally:
        store.close()


def test_if_needed_leaves_a_demo_alone(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ATELIER_HOME", str(tmp_path / "demo"))
    assert cli.main(["demo"]) == 0
    capsys.readouterr()

    assert cli.main(["demo", "--if-needed"]) == 0
    assert "prête" in capsys.readouterr().out
    store = Store.open(tmp_path / "demo")
    try:
        assert people.count(store.db) == len(demo.PEOPLE)
        assert sessions.count(store.db) == 4 * 12
    finally:
        store.close()
