"""Exercise results: what a named learner did in practice mode, kept per exercise.

One row per finished run (score, attempts, time, date, module, exercise, device).
A guest has no participant row and is never recorded: the practice screen simply
does not call ``record`` for a guest. An exercise counts as done once one run
reached ``DONE_SCORE``.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from atelier.clock import day_span, new_id, utc_now
from atelier.db import Database, in_chunks
from atelier.lessons.pack import Exercise, Module
from atelier.lessons.scoring import Outcome

DONE_SCORE = 0.8  # from this score on, an exercise is done (✓) and the next one is proposed


@dataclass(frozen=True)
class Result:
    participant_id: str
    module_id: str
    exercise_id: str
    score: float
    attempts: int
    duration_ms: int
    device_id: str
    finished_at: str
    session_id: str | None = None
    id: str = ""


@dataclass(frozen=True)
class Cell:
    """One learner on one exercise, for the facilitator's grid."""

    best: float  # best score of every run
    runs: int  # how many times the exercise was finished
    attempts: int  # actions tried in all runs, misses included
    last: str  # when the latest run finished (UTC ISO-8601)

    @property
    def done(self) -> bool:
        return self.best >= DONE_SCORE


_COLUMNS = ("id", "participant_id", "session_id", "module_id", "exercise_id", "score", "attempts",
            "duration_ms", "device_id", "finished_at")


def record(db: Database, participant_id: str, module_id: str, exercise_id: str, outcome: Outcome,
           device_id: str, session_id: str | None = None) -> Result:
    """Keep one finished run of a named learner."""
    if not participant_id:
        raise ValueError("a result needs a participant: guests are never recorded")
    result = Result(
        id=new_id(), participant_id=participant_id, session_id=session_id, module_id=module_id,
        exercise_id=exercise_id, score=max(0.0, min(1.0, float(outcome.score))),
        attempts=max(0, int(outcome.attempts)), duration_ms=max(0, int(outcome.duration_ms)),
        device_id=device_id, finished_at=utc_now(),
    )
    with db.atomic():
        db.wrote("exercise_results", people=[participant_id])
        db.execute(f"INSERT INTO exercise_results ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                   [getattr(result, c) for c in _COLUMNS])
    return result


def for_learner(db: Database, participant_id: str) -> list[Result]:
    """Every run of one learner, oldest first."""
    rows = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM exercise_results WHERE participant_id = ? ORDER BY finished_at, rowid",
        [participant_id],
    ).fetchall()
    return [Result(**dict(zip(_COLUMNS, row))) for row in rows]


def count(db: Database) -> int:
    return db.execute("SELECT count(*) FROM exercise_results").fetchone()[0]


def best_scores(results: Iterable[Result]) -> dict[tuple[str, str], float]:
    """(module id, exercise id) → the best score reached."""
    best: dict[tuple[str, str], float] = {}
    for r in results:
        key = (r.module_id, r.exercise_id)
        best[key] = max(best.get(key, 0.0), r.score)
    return best


def done_keys(results: Iterable[Result]) -> set[tuple[str, str]]:
    """The (module id, exercise id) pairs done: one run reached DONE_SCORE."""
    return {key for key, score in best_scores(results).items() if score >= DONE_SCORE}


def next_for_learner(modules: Sequence[Module], results: Iterable[Result]) -> tuple[Module, Exercise] | None:
    """What comes next: the first exercise not done yet, in module order; None when all are."""
    done = done_keys(results)
    for module in modules:
        for exercise in module.exercises:
            if (module.id, exercise.id) not in done:
                return module, exercise
    return None


def grid(db: Database, participant_ids: Sequence[str],
         exercises: Sequence[tuple[str, str]]) -> dict[tuple[str, str, str], Cell]:
    """(participant id, module id, exercise id) → Cell, for the pairs that have a result.

    ``exercises`` is the list of (module id, exercise id) shown; a missing key means
    "not tried yet".
    """
    if not participant_ids or not exercises:
        return {}
    wanted = set(exercises)
    cells: dict[tuple[str, str, str], Cell] = {}
    for chunk, marks in in_chunks(participant_ids):
        rows = db.execute(
            "SELECT participant_id, module_id, exercise_id, max(score), count(*), sum(attempts), max(finished_at) "
            f"FROM exercise_results WHERE participant_id IN ({marks}) "
            "GROUP BY participant_id, module_id, exercise_id",
            chunk,
        ).fetchall()
        for pid, module_id, exercise_id, best, runs, attempts, last in rows:
            if (module_id, exercise_id) in wanted:
                cells[(pid, module_id, exercise_id)] = Cell(best, runs, attempts or 0, last)
    return cells


def done_by(db: Database, participant_id: str, first: date | None = None,
            last: date | None = None) -> list[tuple[str, str, Cell]]:
    """(module id, exercise id, Cell) of every exercise one learner did (a run reached
    DONE_SCORE), from the runs finished in the period when given, first finished first."""
    rows = db.execute(
        "SELECT module_id, exercise_id, max(score), count(*), sum(attempts), max(finished_at) FROM exercise_results "
        "WHERE participant_id = ? AND substr(finished_at, 1, 10) BETWEEN ? AND ? "
        "GROUP BY module_id, exercise_id HAVING max(score) >= ? ORDER BY min(finished_at)",
        [participant_id, *day_span(first, last), DONE_SCORE],
    ).fetchall()
    return [(module_id, exercise_id, Cell(best, runs, attempts or 0, last_run))
            for module_id, exercise_id, best, runs, attempts, last_run in rows]
