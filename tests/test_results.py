"""Exercise results over a real SQLite file: kept per named learner, never for a guest."""

import pytest

from atelier import groups, people, results, sessions
from atelier.groups import Group
from atelier.lessons.library import default_lesson_dirs, load_library
from atelier.people import Participant
from atelier.lessons.scoring import Outcome
from atelier.sessions import Session


@pytest.fixture
def modules():
    found, problems = load_library(default_lesson_dirs())
    assert not problems
    by_id = {m.id: m for m in found}
    return [by_id["la-souris"], by_id["le-clavier"]]


def outcome(score: float, attempts: int = 5, duration_ms: int = 42_000) -> Outcome:
    return Outcome(score=score, attempts=attempts, duration_ms=duration_ms)


def test_a_run_is_kept_with_everything_the_issue_lists(store):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    group = groups.add(store.db, Group("Débutants"))
    session = sessions.add(store.db, Session("2026-11-27", "14:00", "16:00", group_id=group.id))
    kept = results.record(store.db, helene.id, "la-souris", "cliquer-ronds", outcome(0.75, 9, 61_500),
                          store.device_id, session.id)
    row = store.db.execute(
        "SELECT participant_id, session_id, module_id, exercise_id, score, attempts, duration_ms, device_id, "
        "finished_at FROM exercise_results").fetchone()
    assert row[:8] == (helene.id, session.id, "la-souris", "cliquer-ronds", 0.75, 9, 61_500, store.device_id)
    assert row[8] == kept.finished_at and row[8].endswith("+00:00")
    assert results.for_learner(store.db, helene.id) == [kept]
    assert results.count(store.db) == 1


def test_without_a_participant_nothing_is_written(store):
    with pytest.raises(ValueError):
        results.record(store.db, "", "la-souris", "cliquer-ronds", outcome(1.0), store.device_id)
    assert results.count(store.db) == 0


def test_scores_are_kept_between_0_and_1(store):
    helene = people.add(store.db, Participant("Hélène"))
    results.record(store.db, helene.id, "m", "e", outcome(1.7, -2, -5), store.device_id)
    [kept] = results.for_learner(store.db, helene.id)
    assert (kept.score, kept.attempts, kept.duration_ms) == (1.0, 0, 0)


def test_next_is_the_first_exercise_not_done_in_module_order(store, modules):
    souris, clavier = modules
    helene = people.add(store.db, Participant("Hélène"))
    assert results.next_for_learner(modules, []) == (souris, souris.exercises[0])
    first, second = souris.exercises[0].id, souris.exercises[1].id
    results.record(store.db, helene.id, souris.id, first, outcome(0.5), store.device_id)
    mine = results.for_learner(store.db, helene.id)
    assert results.next_for_learner(modules, mine)[1].id == first  # tried, not done yet
    results.record(store.db, helene.id, souris.id, first, outcome(0.8), store.device_id)
    results.record(store.db, helene.id, souris.id, second, outcome(0.3), store.device_id)
    mine = results.for_learner(store.db, helene.id)
    assert results.done_keys(mine) == {(souris.id, first)}
    assert results.next_for_learner(modules, mine)[1].id == second
    for exercise in souris.exercises:
        results.record(store.db, helene.id, souris.id, exercise.id, outcome(1.0), store.device_id)
    mine = results.for_learner(store.db, helene.id)
    assert results.next_for_learner(modules, mine) == (clavier, clavier.exercises[0])
    for exercise in clavier.exercises:
        results.record(store.db, helene.id, clavier.id, exercise.id, outcome(0.9), store.device_id)
    assert results.next_for_learner(modules, results.for_learner(store.db, helene.id)) is None


def test_grid_gives_best_score_runs_and_attempts_per_learner_and_exercise(store):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    bernard = people.add(store.db, Participant("Bernard", "Roux"))
    chantal = people.add(store.db, Participant("Chantal", "Petit"))
    results.record(store.db, helene.id, "la-souris", "cliquer-ronds", outcome(0.5, 10), store.device_id)
    results.record(store.db, helene.id, "la-souris", "cliquer-ronds", outcome(0.9, 8), store.device_id)
    results.record(store.db, bernard.id, "la-souris", "ranger-fruits", outcome(0.25, 12), store.device_id)
    results.record(store.db, bernard.id, "le-clavier", "autre", outcome(1.0), store.device_id)  # not shown
    shown = [("la-souris", "cliquer-ronds"), ("la-souris", "ranger-fruits")]
    cells = results.grid(store.db, [helene.id, bernard.id, chantal.id], shown)
    assert set(cells) == {(helene.id, "la-souris", "cliquer-ronds"), (bernard.id, "la-souris", "ranger-fruits")}
    mine = cells[(helene.id, "la-souris", "cliquer-ronds")]
    assert (mine.best, mine.runs, mine.attempts, mine.done) == (0.9, 2, 18, True)
    his = cells[(bernard.id, "la-souris", "ranger-fruits")]
    assert (his.best, his.runs, his.attempts, his.done) == (0.25, 1, 12, False)
    assert results.grid(store.db, [], shown) == {}
    assert results.grid(store.db, [chantal.id], shown) == {}


def test_erasing_a_person_erases_their_results(store):
    helene = people.add(store.db, Participant("Hélène"))
    results.record(store.db, helene.id, "la-souris", "cliquer-ronds", outcome(1.0), store.device_id)
    store.db.execute("DELETE FROM participants WHERE id = ?", [helene.id])
    assert results.count(store.db) == 0
