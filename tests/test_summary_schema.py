"""The summaries that leave the PC: their documented JSON schema, the sessions' figures
(the funders' report's, to the unit), and no name, phone or e-mail unless the
association chose named summaries, in the outbox or in any byte written to a hub."""

import json
import tomllib
from dataclasses import replace
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from atelier import attendance, groups, people, results, sessions, settings
from atelier.exports.report import activity_report
from atelier.lessons.scoring import Outcome
from atelier.sync import learner_progress, push as pushing, summaries
from atelier.sync.folder import FolderHub
from atelier.vocabulary import labels

ROOT = Path(__file__).resolve().parent.parent

# Names that are no substring of any key, label, hash (0-9a-f) or title a summary may hold.
PEOPLE = [
    dict(first_name="Hélène", last_name="Vasseur", phone="06 12 34 56 78", email="helene.vasseur@exemple.fr",
         birth_year=1950, gender="feminin", social_status="retraite"),
    dict(first_name="Gérard", last_name="Lemoine", phone="0698765432", email="glemoine@exemple.org",
         birth_year=1962, gender="masculin", social_status="retraite"),
    dict(first_name="Yvonne", last_name="Kerbrat", phone="+33 2 98 00 11 22", email="yvonne.k@exemple.net",
         age_bracket="soixante_dix_plus", gender="feminin"),
    dict(first_name="Marcel", last_name="Quintin", phone=None, email="mquintin@exemple.fr", birth_year=1990,
         social_status="en_emploi"),
    dict(first_name="Ginette", last_name="Pruvost", phone="07 70 70 70 70", email=None, birth_year=1944),
]


@pytest.fixture
def schema():
    loaded = json.loads(summaries.SCHEMA_FILE.read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def validator(schema):
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture
def workshop(store):
    """A group of five at the Maison des Tilleuls, four sessions: three closed (one later
    cancelled), one with its own place and no module; a walk-in with a phone."""
    db = store.db
    group = groups.add(db, groups.Group("Débutants", place="Maison des Tilleuls"))
    who = [people.add(db, people.Participant(**fields)) for fields in PEOPLE]
    for person in who:
        groups.add_member(db, group.id, person.id)
    first, second, third, fourth = sessions.plan_series(
        db, sessions.Session("", "14:00", "16:30", group.id, module_id="la-souris"),
        [date(2026, 3, 3), date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24)])
    sessions.update(db, replace(third, place="Médiathèque Jules Verne", module_id=None))
    a = attendance
    a.set_statuses(db, first.id, {who[0].id: a.PRESENT, who[1].id: a.LATE, who[2].id: a.PRESENT,
                                  who[3].id: a.ABSENT, who[4].id: a.EXCUSED})
    a.set_statuses(db, second.id, {who[0].id: a.PRESENT, who[3].id: a.PRESENT, who[4].id: a.PRESENT,
                                   who[1].id: a.ABSENT, who[2].id: a.EXCUSED})
    a.set_statuses(db, third.id, {who[0].id: a.LATE, who[1].id: a.PRESENT})
    walk_in = a.add_walk_in(db, second.id, "Solange", "Barthez", phone="06 55 44 33 22")
    for session in (first, second, third):
        summaries.close_session(db, session.id, "")
    a.mark(db, fourth.id, who[2].id, a.PRESENT)  # not closed: nothing said of it
    sessions.cancel(db, third.id)  # summarised, then cancelled: a new version says so
    learner_progress.turn(db, True)  # the association chose learner progress summaries too
    for person, score in ((who[0], 0.9), (who[1], 0.5), (walk_in, 1.0)):
        results.record(db, person.id, "la-souris", "cliquer", Outcome(score, 5, 6000), "pc", session_id=first.id)
    return db, [*who, walk_in], (first, second, third, fourth)


def queued(db) -> list[tuple[str, str]]:
    """(summary id, payload exactly as stored) of every version in the outbox."""
    return db.execute("SELECT summary_id, payload FROM outbox ORDER BY seq").fetchall()


def test_every_queued_payload_follows_the_schema(workshop, schema):
    db, who, (first, second, third, fourth) = workshop
    check = validator(schema)
    rows = queued(db)
    learners = {learner_progress.summary_id(person.id) for person in (who[0], who[1], who[5])}
    assert {summary_id for summary_id, _ in rows} == {first.id, second.id, third.id} | learners
    for _summary_id, text in rows:
        check.validate(json.loads(text))
    latest = summaries.outbox.latest_payload(db, third.id)
    assert (latest["schema"], latest["kind"], latest["status"]) == (1, summaries.KIND, "cancelled")


def test_the_schema_refuses_what_must_not_leave(workshop, schema):
    db, _who, (first, *_rest) = workshop
    payload = summaries.summarise(db, first.id)
    good = json.loads(json.dumps(payload.__dict__))
    check = validator(schema)
    check.validate(good)
    for bad in (
        {**good, "participants": [{**good["participants"][0], "email": "x@exemple.fr"}]},
        {**good, "participants": [{**good["participants"][0], "phone": "0600000000"}]},
        {**good, "participants": ["not an entry"]},
        {**good, "by_age": {**good["by_age"], "cent_ans": 1}},
        {key: value for key, value in good.items() if key != "by_gender"},
        {**good, "themes": ["jardinage"]},
        {**good, "schema": 2},
    ):
        assert not check.is_valid(bad)


def test_the_schema_names_the_national_vocabulary(schema):
    session = schema["$defs"]["session"]["properties"]
    assert session["by_age"]["required"] == list(labels("age_brackets"))
    assert session["by_gender"]["required"] == list(labels("gender"))
    assert session["by_status"]["required"] == list(labels("social_status"))
    assert session["themes"]["items"]["enum"] == list(labels("themes"))
    assert session["level"]["enum"] == [*labels("workshop_level"), None]
    assert set(schema["$defs"]["session"]["required"]) == set(session) == set(summaries.SessionSummary.__dataclass_fields__)


def test_the_schema_ships_with_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "*.json" in config["tool"]["setuptools"]["package-data"]["atelier.sync"]
    assert "summary.schema.json" in (ROOT / "packaging" / "atelier.spec").read_text("utf-8")
    assert summaries.SCHEMA_FILE.parent == ROOT / "atelier" / "sync"


def test_the_figures_are_the_funders_report(workshop):
    db, who, (first, second, third, fourth) = workshop
    report = {row.session_id: row for row in activity_report(db, date(2026, 3, 1), date(2026, 3, 31)).sessions}
    assert set(report) == {first.id, second.id, fourth.id}  # not the cancelled one; the open one where someone came
    for session in (first, second):
        said, row = summaries.summarise(db, session.id), report[session.id]
        assert (said.by_age, said.by_gender, said.by_status) == (row.by_age, row.by_gender, row.by_status)
        assert said.present == row.participants == len(said.participants)
        assert (said.date, said.start, said.end, said.duration_minutes) == (
            row.date.isoformat(), row.start, row.end, row.duration_minutes)
        assert (said.place, said.themes, said.level, said.module_title) == (
            row.place, row.themes, row.level, row.module_title)
    said = summaries.summarise(db, first.id)
    assert said.themes == ["prendre_en_main_du_materiel"] and said.level == "debutant"
    assert (said.present, said.absent, said.excused, said.new_people) == (3, 1, 1, 3)
    assert said.by_age["soixante_dix_plus"] == 2 and said.by_age["soixante_soixante_neuf"] == 1  # 76, 70, 64
    assert said.by_age["moins_de_douze"] == 0 and sum(said.by_age.values()) == 3
    assert said.by_gender == {"masculin": 1, "feminin": 2, "non_communique": 0}
    walked_in = summaries.summarise(db, second.id)
    assert (walked_in.present, walked_in.new_people, walked_in.place) == (4, 3, "Maison des Tilleuls")  # all but Hélène
    elsewhere = summaries.summarise(db, third.id)
    assert (elsewhere.place, elsewhere.module_id, elsewhere.themes, elsewhere.level) == (
        "Médiathèque Jules Verne", None, [], None)


def personal_words(db) -> dict[str, list[str]]:
    rows = db.execute("SELECT first_name, last_name, phone, email FROM participants").fetchall()
    words = {"first_name": [], "last_name": [], "phone": [], "email": []}
    for row in rows:
        for kind, value in zip(words, row):
            if value:
                words[kind].append(value)
                if kind == "phone":
                    words[kind].append(value.replace(" ", ""))
    return words


def found_in(blobs: list[bytes], word: str) -> bool:
    """``word`` anywhere in these bytes, as UTF-8 or JSON-escaped, any case."""
    needles = {word.casefold().encode(), json.dumps(word.casefold())[1:-1].encode()}
    for blob in blobs:
        text = blob.decode("utf-8")
        plain, escaped = text.casefold().encode("utf-8"), json.dumps(json.loads(text)).casefold().encode()
        if any(needle in found for needle in needles for found in (plain, escaped)):
            return True
    return False


def found_in_outbox(db, word: str) -> bool:
    """``word`` anywhere in the stored bytes of any payload, of any kind."""
    return found_in([text.encode("utf-8") for _summary_id, text in queued(db)], word)


def test_no_name_phone_or_email_leaves_by_default(workshop, tmp_path):
    db, _who, _sessions = workshop
    assert not settings.named_summaries(db) and learner_progress.is_on(db)
    assert {kind for (kind,) in db.execute("SELECT DISTINCT kind FROM outbox")} == {summaries.KIND, learner_progress.KIND}
    hub = tmp_path / "cle-usb"
    hub.mkdir()
    report = pushing.push(db, FolderHub(hub), "Maison des Tilleuls", "poste-1", sleep=lambda _s: None)
    assert report.error is None and report.pending == 0
    written = [path.read_bytes() for path in hub.rglob("*") if path.is_file()]
    assert written
    for kind, values in personal_words(db).items():
        for value in values:
            assert not found_in_outbox(db, value), f"{kind} {value!r} in a summary"
            assert not found_in(written, value), f"{kind} {value!r} written to the hub"


def test_named_summaries_carry_names_and_nothing_else(workshop):
    db, who, (first, second, _third, _fourth) = workshop
    stranger = people.add(db, people.Participant("Bernadette", "Quéméner", phone="0611223344"))
    groups.add_member(db, sessions.get(db, first.id).group_id, stranger.id)  # on the roll, never came
    queued_before = len(queued(db))
    settings.set_named_summaries(db, True)
    assert len(queued(db)) == queued_before  # a setting alone queues nothing
    attendance.mark(db, first.id, who[3].id, attendance.LATE)  # Marcel came late after all
    attendance.mark(db, second.id, who[1].id, attendance.PRESENT)
    attendance.mark(db, second.id, stranger.id, attendance.ABSENT)
    words = personal_words(db)
    for person in who:  # each came to the first or the second session
        assert found_in_outbox(db, person.first_name) and found_in_outbox(db, person.last_name)
    assert not found_in_outbox(db, "Bernadette") and not found_in_outbox(db, "Quéméner")
    for kind in ("phone", "email"):
        for value in words[kind]:
            assert not found_in_outbox(db, value), f"{kind} {value!r} in a summary"
    entries = summaries.summarise(db, first.id).participants
    assert all(set(entry) == {"hash", "first_name", "last_name"} for entry in entries)


def test_one_person_one_hash_across_sessions_another_with_another_secret(workshop):
    db, who, (first, second, _third, _fourth) = workshop
    helene = who[0]
    secret = settings.sync_secret(db)
    mine = summaries.person_hash(secret, helene.id)
    hashes = [{entry["hash"] for entry in summaries.summarise(db, s.id).participants} for s in (first, second)]
    assert mine in hashes[0] and mine in hashes[1]
    assert len(hashes[0] | hashes[1]) == 6  # five came, Hélène to both

    queued_before = len(queued(db))
    other = "le-code-de-l-association-Tilleuls"
    settings.set_sync_secret(db, f"  {other}  ")
    assert settings.sync_secret(db) == other
    assert len(queued(db)) == queued_before, "a new secret re-queues nothing by itself"
    attendance.mark(db, first.id, who[3].id, attendance.PRESENT)  # a later change says it with the new one
    latest = {entry["hash"] for entry in summaries.outbox.latest_payload(db, first.id)["participants"]}
    theirs = summaries.person_hash(other, helene.id)
    assert theirs != mine and theirs in latest and mine not in latest


def test_the_secret(store):
    db = store.db
    first = settings.sync_secret(db)
    assert len(first) >= 32 and settings.sync_secret(db) == first  # made with the file, kept
    for short in ("", "   ", "court", "quinze-caractèr"):
        with pytest.raises(ValueError, match="au moins 16 caractères"):
            settings.set_sync_secret(db, short)
    assert settings.sync_secret(db) == first
    assert settings.set_sync_secret(db, "seize-caractères") == "seize-caractères"
    assert not settings.named_summaries(db)
    settings.set_named_summaries(db, True)
    assert settings.named_summaries(db)


def test_a_file_from_before_the_sync_gets_its_secret_once_and_screens_read_summaries(home):
    from atelier.store import Store

    store = Store.open(home)
    session = sessions.add(store.db, sessions.Session("2026-03-03", "14:00", "16:00"))
    person = people.add(store.db, people.Participant("Odette"))
    attendance.mark(store.db, session.id, person.id, attendance.PRESENT)
    store.db.execute("DELETE FROM settings WHERE key = ?", [settings.SYNC_SECRET])  # as before the sync
    store.close()
    store = Store.open(home, check=False)
    try:
        secret = settings.get(store.db, settings.SYNC_SECRET)
        assert secret and len(secret) >= 16
        said = summaries.summarise(store.reader, session.id)  # the read-only connection writes nothing
        assert said.participants == [{"hash": summaries.person_hash(secret, person.id)}]
    finally:
        store.close()
