"""Learner progress summaries: nothing unless the association turned them on; then one
summary per learner, queued with each new result, under the keyed hash, named only when
named summaries are on, following the schema, and merged by the coordinator."""

import json
from dataclasses import replace

import jsonschema
import pytest

from atelier import people, results, settings
from atelier.lessons.scoring import Outcome
from atelier.store import Store
from atelier.sync import coordinator, learner_progress, outbox, push as pushing, summaries
from atelier.sync.folder import FolderHub
from tests.test_summary_schema import found_in_outbox, personal_words

NO_WAIT = {"sleep": lambda _seconds: None}


@pytest.fixture
def learners(store):
    """Two learners with results in the shipped modules, one participant without any."""
    db = store.db
    helene = people.add(db, people.Participant("Hélène", "Vasseur", phone="06 12 34 56 78", email="h.vasseur@exemple.fr"))
    gerard = people.add(db, people.Participant("Gérard", "Lemoine", email="glemoine@exemple.org"))
    people.add(db, people.Participant("Yvonne", "Kerbrat"))  # never practised
    results.record(db, helene.id, "la-souris", "cliquer", Outcome(0.5, 6, 9000), store.device_id)
    results.record(db, helene.id, "la-souris", "cliquer", Outcome(0.9, 4, 7000), store.device_id)
    results.record(db, helene.id, "le-clavier", "taper-son-nom", Outcome(0.4, 12, 30000), store.device_id)
    results.record(db, gerard.id, "module-retire", "exercice-1", Outcome(1.0, 1, 2000), store.device_id)
    return db, helene, gerard


def progress_rows(db) -> list[dict]:
    return [json.loads(text) for (text,) in db.execute(
        "SELECT payload FROM outbox WHERE kind = ? ORDER BY seq", [learner_progress.KIND])]


def validator():
    return jsonschema.Draft202012Validator(json.loads(summaries.SCHEMA_FILE.read_text("utf-8")),
                                           format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_off_by_default_nothing_is_queued(learners):
    db, helene, _gerard = learners
    assert not learner_progress.is_on(db)
    results.record(db, helene.id, "la-souris", "glisser", Outcome(1.0, 3, 4000), "pc")
    assert progress_rows(db) == [] and outbox.pending_count(db) == 0


def test_turned_on_every_learner_is_queued_then_a_new_result_queues_a_new_version(learners):
    db, helene, gerard = learners
    assert learner_progress.turn(db, True) == 2  # Yvonne has no result: nothing to say of her
    first = {p["summary_id"]: p for p in progress_rows(db)}
    assert set(first) == {learner_progress.summary_id(helene.id), learner_progress.summary_id(gerard.id)}
    secret = settings.sync_secret(db)
    mine = first[learner_progress.summary_id(helene.id)]
    assert mine["learner"] == {"hash": summaries.person_hash(secret, helene.id)}
    [souris, clavier] = mine["modules"]
    assert (souris["module_id"], souris["module_title"], souris["exercises_done"]) == ("la-souris", "La souris", 1)
    assert souris["exercises_total"] >= 5
    assert souris["exercises"] == [{"exercise_id": "cliquer", "best_score": 0.9, "runs": 2, "attempts": 10,
                                    "done": True, "last_run": souris["exercises"][0]["last_run"]}]
    assert (clavier["exercises_done"], clavier["exercises"][0]["done"]) == (0, False)
    retired = first[learner_progress.summary_id(gerard.id)]["modules"][0]
    assert (retired["module_title"], retired["exercises_total"]) == ("module-retire", None)

    assert learner_progress.turn(db, True) == 0  # said already: nothing new
    results.record(db, helene.id, "le-clavier", "taper-son-nom", Outcome(0.85, 9, 20000), "pc")
    versions = db.execute("SELECT version FROM outbox WHERE summary_id = ? ORDER BY seq",
                          [learner_progress.summary_id(helene.id)]).fetchall()
    assert [v for (v,) in versions] == [1, 2]
    latest = outbox.latest_payload(db, learner_progress.summary_id(helene.id))
    assert latest["modules"][1]["exercises_done"] == 1
    people.update(db, replace(people.get(db, helene.id), phone="07 00 00 00 00"))
    assert outbox.latest_payload(db, learner_progress.summary_id(helene.id)) == latest  # unnamed: nothing new to say

    learner_progress.turn(db, False)
    results.record(db, helene.id, "la-souris", "glisser", Outcome(1.0, 3, 4000), "pc")
    assert outbox.latest_payload(db, learner_progress.summary_id(helene.id)) == latest  # off: no more versions


def test_every_payload_follows_the_schema_and_no_name_leaves_unless_named(learners):
    db, helene, _gerard = learners
    learner_progress.turn(db, True)
    check = validator()
    for payload in progress_rows(db):
        check.validate(payload)
    for kind, values in personal_words(db).items():
        for value in values:
            assert not found_in_outbox(db, value), f"{kind} {value!r} in a learner progress summary"

    settings.set_named_summaries(db, True)
    results.record(db, helene.id, "la-souris", "glisser", Outcome(1.0, 3, 4000), "pc")
    latest = outbox.latest_payload(db, learner_progress.summary_id(helene.id))
    check.validate(latest)
    assert latest["learner"] == {"hash": summaries.person_hash(settings.sync_secret(db), helene.id),
                                 "first_name": "Hélène", "last_name": "Vasseur"}
    assert not found_in_outbox(db, "Gérard")  # named, but no new version of his was queued
    for kind in ("phone", "email"):
        for value in personal_words(db)[kind]:
            assert not found_in_outbox(db, value)


def test_the_schema_refuses_a_misshapen_progress(learners):
    db, helene, _gerard = learners
    learner_progress.turn(db, True)
    good = learner_progress.summarise(db, helene.id)
    check = validator()
    check.validate(good)
    exercise = good["modules"][0]["exercises"][0]
    for bad in (
        {**good, "learner": {**good["learner"], "email": "x@exemple.fr"}},
        {**good, "modules": [{**good["modules"][0], "exercises": [{**exercise, "best_score": 1.5}]}]},
        {**good, "modules": [{**good["modules"][0], "exercises": [{**exercise, "phone": "06"}]}]},
        {key: value for key, value in good.items() if key != "modules"},
        {**good, "kind": "session-summary"},
    ):
        assert not check.is_valid(bad)


def test_an_erased_learner_leaves_a_last_version_saying_so(learners):
    db, helene, _gerard = learners
    learner_progress.turn(db, True)
    people.erase(db, helene.id)
    latest = outbox.latest_payload(db, learner_progress.summary_id(helene.id))
    assert latest == {"schema": 1, "kind": learner_progress.KIND,
                      "summary_id": learner_progress.summary_id(helene.id), "deleted": True}
    validator().validate(latest)


def test_the_coordinator_merges_progress_with_the_sessions(learners, tmp_path):
    db, helene, gerard = learners
    learner_progress.turn(db, True)
    people.erase(db, gerard.id)
    hub = FolderHub(tmp_path / "hub")
    (tmp_path / "hub").mkdir()
    report = pushing.push(db, hub, "Maison des Tilleuls", "poste-1", **NO_WAIT)
    assert report.error is None and report.sent == 3
    coordination = Store.open(tmp_path / "coordination")
    try:
        pulled = coordinator.pull(coordination.db, hub, **NO_WAIT)
        assert (pulled.files_merged, pulled.rejected, pulled.summaries_new) == (1, 0, 2)
        held = dict(coordination.db.execute("SELECT summary_id, payload FROM hub_summaries WHERE kind = ?",
                                            [learner_progress.KIND]).fetchall())
        assert json.loads(held[learner_progress.summary_id(gerard.id)])["deleted"] is True
        assert json.loads(held[learner_progress.summary_id(helene.id)]) == learner_progress.summarise(db, helene.id)
    finally:
        coordination.close()
