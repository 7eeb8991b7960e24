"""The person export covers, from the schema itself, every table that refers to a person."""

import json

import pytest

from atelier import people, results
from atelier.exports.person import person_export, write_json
from atelier.lessons.scoring import Outcome
from tests.exports_helpers import make_world


def test_every_referring_table_is_in_the_export_with_all_its_rows(store):
    ids = make_world(store.db)
    results.record(store.db, ids["helene"], "souris", "cliquer", Outcome(0.9, 3, 900), "pc", session_id=ids["s1"])
    data = person_export(store.db, ids["helene"])
    referring = people.referring_tables(store.db)
    assert {table for table, _column in referring} >= {"attendance", "group_members", "exercise_results"}
    for table, column in referring:
        expected = store.db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [ids["helene"]]).fetchone()[0]
        assert table in data["tables"], table
        assert len(data["tables"][table]) == expected, table
    assert data["participant"]["first_name"] == "Hélène" and data["participant"]["birth_year"] == 1956
    assert len(data["tables"]["attendance"]) == 3  # the cancelled session's mark too: it is held data
    first = data["tables"]["attendance"][0]
    assert first["session"]["date"] and first["session"]["group_name"] == "Débutants du mardi"
    assert data["tables"]["exercise_results"][0]["session"]["date"] == "2026-01-06"


def test_a_table_added_later_is_exported_without_touching_the_code(store):
    ids = make_world(store.db)
    store.db.execute("CREATE TABLE loans (id INTEGER PRIMARY KEY, "
                     "borrower TEXT REFERENCES participants(id), item TEXT)")
    store.db.execute("INSERT INTO loans (borrower, item) VALUES (?, 'tablette'), (?, 'souris')",
                     [ids["jose"], ids["jose"]])
    data = person_export(store.db, ids["jose"])
    assert [row["item"] for row in data["tables"]["loans"]] == ["tablette", "souris"]
    assert data["tables"]["exercise_results"] == []


def test_json_is_readable_utf8(store, tmp_path):
    ids = make_world(store.db)
    path = write_json(person_export(store.db, ids["helene"]), tmp_path / "helene.json")
    text = path.read_text("utf-8")
    assert "Hélène" in text  # accents kept as they are
    assert json.loads(text)["participant"]["last_name"] == "Martin"


def test_unknown_person(store):
    with pytest.raises(KeyError):
        person_export(store.db, "nobody")
