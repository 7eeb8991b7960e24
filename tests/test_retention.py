"""People who no longer come: listed after the retention period, anonymised once the
facilitator confirms, their attendance still counted in the funders' figures."""

from dataclasses import replace
from datetime import date

import pytest

from atelier import anonymisation, attendance, erasure, paths, people, results, retention, settings
from atelier.exports import report
from atelier.lessons.scoring import Outcome
from atelier.mentions import ERASED
from atelier.people import Participant
from atelier.store import Store, restore
from atelier.sync import outbox, summaries
from tests.exports_helpers import make_world
from tests.test_erasure import bytes_on_disk

TODAY = date(2029, 3, 1)  # Hélène came last on 2026-02-03: 3 years and a month ago


def world(db) -> dict:
    """The exports' world, its people registered on 2025-01-01."""
    ids = make_world(db)
    db.execute("UPDATE participants SET created_at = '2025-01-01T09:00:00+00:00'")
    return ids


def test_the_cutoff_is_the_same_day_years_earlier():
    assert retention.cutoff(date(2029, 3, 1), 3) == date(2026, 3, 1)
    assert retention.cutoff(date(2028, 2, 29), 1) == date(2027, 2, 28)


def test_the_setting_defaults_to_three_years_and_refuses_odd_values(store):
    assert settings.retention_years(store.db) == 3
    settings.set_retention_years(store.db, 5)
    assert settings.retention_years(store.db) == 5
    with pytest.raises(ValueError, match="1, 2, 3, 4, 5 ou 10 ans"):
        settings.set_retention_years(store.db, 7)
    settings.put(store.db, settings.RETENTION_YEARS, "abîmé")
    assert settings.retention_years(store.db) == 3


def test_who_is_past_the_period_counts_from_the_last_time_they_came(store):
    ids = world(store.db)
    # Ana was last present on 2026-02-03 too, but did an exercise in 2026-06: she is still in.
    store.db.execute(
        "INSERT INTO exercise_results(id, participant_id, module_id, exercise_id, score, device_id, finished_at) "
        "VALUES ('r1', ?, 'souris', 'cliquer', 1.0, 'pc', '2026-06-01T10:00:00+00:00')", [ids["ana"]])
    past = retention.inactive(store.db, TODAY)
    # José came last 2026-01-06, Hélène 2026-02-03 (her mark in the cancelled session
    # is not a visit).
    by_name = {p.full_name: p.last_seen for p in past}
    assert "Ana Åberg" not in by_name
    assert by_name["Hélène Martin"] == date(2026, 2, 3)
    assert by_name["José Fernandes"] == date(2026, 1, 6)
    assert [p.last_seen for p in past] == sorted(p.last_seen for p in past)
    assert retention.inactive(store.db, TODAY, years=5) == []


def test_someone_registered_who_never_came_counts_from_their_registration(store):
    person = people.add(store.db, Participant("Nadia"))
    registered = date.fromisoformat(people.get(store.db, person.id).created_at[:10])
    assert retention.inactive(store.db, registered.replace(year=registered.year + 2)) == []
    assert [p.person_id for p in retention.inactive(store.db, registered.replace(year=registered.year + 4))] \
        == [person.id]


def test_later_puts_the_question_off_for_a_week(store):
    world(store.db)
    assert retention.to_confirm(store.db, TODAY)
    retention.postpone(store.db, TODAY)
    assert retention.to_confirm(store.db, date(2029, 3, 7)) == []
    assert retention.to_confirm(store.db, date(2029, 3, 8))


def test_anonymising_keeps_the_funders_figures_and_takes_everything_else(store):
    db = store.db
    ids = world(db)
    settings.set_named_summaries(db, True)
    people.update(db, replace(people.get(db, ids["helene"]), phone="06 11 22 33 44", notes="Allergique aux chats",
                              consent_date="2025-12-01"))
    people.update(db, replace(people.get(db, ids["jose"]), notes="Covoiture avec Hélène Martin."))
    results.record(db, ids["helene"], "souris", "cliquer", Outcome(0.9, 2, 800), "pc", session_id=ids["s1"])
    summaries.close_session(db, ids["s2"], "Hélène Martin a envoyé son premier courriel.")
    first, last = date(2025, 1, 1), date(2026, 12, 31)
    before = report.activity_report(db, first, last, today=TODAY)
    summary_before = outbox.latest_payload(db, ids["s2"])

    done = retention.anonymise(db, [ids["helene"]])

    assert done == 1
    after = report.activity_report(db, first, last, today=TODAY)
    assert after.totals == before.totals and after.sessions == before.sessions and after.months == before.months
    helene = people.get(db, ids["helene"])
    assert (helene.first_name, helene.last_name, helene.phone, helene.email, helene.notes, helene.consent_date) == (
        anonymisation.ANONYMOUS, "", None, None, "", None)
    assert (helene.birth_year, helene.gender, helene.social_status) == (1956, "feminin", "retraite")
    assert helene.archived_at is not None
    assert people.erasure_report(db, ids["helene"]) == {
        "participants": 1, "group_members": 0, "attendance": 3, "exercise_results": 0}
    assert people.get(db, ids["jose"]).notes == f"Covoiture avec {ERASED}."
    assert db.execute("SELECT notes FROM sessions WHERE id = ?", [ids["s2"]]).fetchone()[0] == (
        f"{ERASED} a envoyé son premier courriel.")
    summary_after = outbox.latest_payload(db, ids["s2"])
    assert {k: v for k, v in summary_after.items() if k != "participants"} == {
        k: v for k, v in summary_before.items() if k != "participants"}
    assert not any("Martin" in row[0] for row in db.execute("SELECT payload FROM outbox"))
    assert [p.person_id for p in retention.inactive(db, TODAY)].count(ids["helene"]) == 0
    assert anonymisation.anonymise(db, [ids["helene"]]) == 0  # twice is once


def test_a_backup_restored_after_anonymising_is_anonymised_again(home):
    store = Store.open(home)
    ids = world(store.db)
    backup = store.backup("manual")
    retention.anonymise(store.db, [ids["helene"], ids["jose"]])
    erasure.erase(store.db, ids["ana"])
    store.close()

    restore(backup.path, home)

    after = Store.open(home)
    try:
        assert anonymisation.is_anonymous(after.db, ids["helene"]) and anonymisation.is_anonymous(after.db, ids["jose"])
        assert attendance.for_session(after.db, ids["s1"])[ids["helene"]] == attendance.PRESENT
        with pytest.raises(KeyError):
            people.get(after.db, ids["ana"])
        assert erasure.outstanding(after.db) == []
    finally:
        after.close()
    on_disk = bytes_on_disk(home)
    assert "Fernandes".encode() not in on_disk and "Åberg".encode() not in on_disk
    assert paths.erasure_log(home).read_text().count("\n") == 3
