"""Learner progress summaries: each named learner's exercise progress, for the coordinator.

Only where the association turned them on (Réglages, « Synchronisation »; off by
default). A learner is a participant with exercise results (guests are never
recorded). Their summary says, module by module and exercise by exercise, the best
score, the runs, the attempts and whether the exercise is done; the person appears
under the keyed hash of the session summaries, with a name only when named summaries
are on too.

Like a session summary, it is queued inside the very transaction that changes what it
says (``requeue``, run by the Store's ``before_commit``): a new result, the person
edited (their name, when named), or erased (a last version says so). Turning the
setting on queues every learner's progress at once; turning it off queues nothing
more, and what was sent stays sent.
"""

import uuid
from datetime import datetime

from atelier import settings
from atelier.db import Database, Touched
from atelier.exports.catalogue import module_index, module_title
from atelier.results import DONE_SCORE
from atelier.sync import outbox
from atelier.sync.summaries import SCHEMA, people_entries

KIND = "learner-progress"
# Summary ids are derived from the participant's id (which never leaves the PC): the same
# learner keeps one summary id whatever the secret, and no id says who they are.
_NAMESPACE = uuid.UUID("6f1c3a52-2b7e-4d0e-9a61-51c0a7e9b3d4")


def summary_id(participant_id: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, participant_id))


def is_on(db: Database) -> bool:
    return (settings.get(db, settings.LEARNER_PROGRESS) or "0") == "1"


def turn(db: Database, on: bool) -> int:
    """Save the association's choice; turned on, every learner's progress is queued in
    the same transaction. Returns how many summaries were queued."""
    with db.atomic():
        settings.put(db, settings.LEARNER_PROGRESS, "1" if on else "0")
        if not on:
            return 0
        settings.sync_secret(db)
        learners = [row[0] for row in db.execute("SELECT DISTINCT participant_id FROM exercise_results ORDER BY 1")]
        return sum(_refresh(db, participant_id) for participant_id in learners)


def summarise(db: Database, participant_id: str) -> dict:
    """The payload of one learner's progress (see summary.schema.json, "learner")."""
    rows = db.execute(
        "SELECT module_id, exercise_id, max(score), count(*), sum(attempts), max(finished_at) FROM exercise_results "
        "WHERE participant_id = ? GROUP BY module_id, exercise_id ORDER BY module_id, exercise_id",
        [participant_id],
    ).fetchall()
    index = module_index()
    modules: dict[str, dict] = {}
    for module_id, exercise_id, best, runs, attempts, last in rows:
        info = index.get(module_id)
        module = modules.setdefault(module_id, {
            "module_id": module_id, "module_title": module_title(index, module_id),
            "exercises_total": len(info.exercises) if info else None, "exercises_done": 0, "exercises": [],
        })
        done = best >= DONE_SCORE
        module["exercises_done"] += done
        module["exercises"].append({
            "exercise_id": exercise_id, "best_score": round(best, 2), "runs": runs, "attempts": attempts or 0,
            "done": done, "last_run": _day(last),
        })
    [learner] = people_entries(db, [participant_id])
    return {"schema": SCHEMA, "kind": KIND, "summary_id": summary_id(participant_id), "learner": learner,
            "modules": list(modules.values())}


def requeue(db: Database, touched: Touched) -> None:
    """A new version of the progress of every learner the transaction's writes concern
    (a result, an edit, an erasure), when the association turned these summaries on."""
    concerned = touched.people | touched.profiles
    if not concerned or not is_on(db):
        return
    settings.sync_secret(db)
    for participant_id in sorted(concerned):
        _refresh(db, participant_id)


def _refresh(db: Database, participant_id: str) -> int:
    """Queue what the learner's summary says now, if that is new; 1 if queued."""
    own_id = summary_id(participant_id)
    said = outbox.latest_text(db, own_id)
    if db.execute("SELECT 1 FROM participants WHERE id = ?", [participant_id]).fetchone() is None:
        if said is None:
            return 0
        payload = {"schema": SCHEMA, "kind": KIND, "summary_id": own_id, "deleted": True}
    elif said is None and db.execute("SELECT 1 FROM exercise_results WHERE participant_id = ? LIMIT 1",
                                     [participant_id]).fetchone() is None:
        return 0  # not a learner (yet): nothing to say
    else:
        payload = summarise(db, participant_id)
    if said == outbox.canonical(payload):
        return 0
    outbox.queue(db, KIND, own_id, payload)
    return 1


def _day(moment: str | None) -> str | None:
    """The day (UTC) of an ISO time, for a summary: when, not to the second."""
    if not moment:
        return None
    try:
        return datetime.fromisoformat(moment).date().isoformat()
    except ValueError:
        return None
