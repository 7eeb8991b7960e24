"""Free text that names a person: found whatever the accents and capitals, as whole
words, listed in the access export, and replaced by « [personne effacée] »."""

import json

from hypothesis import example, assume, given, settings as hypothesis_settings, strategies as st

from atelier import groups, mentions, people, sessions
from atelier.exports.person import person_export, write_json
from atelier.groups import Group
from atelier.mentions import ERASED
from atelier.people import Participant
from atelier.sessions import Session


def add(db, first, last="", notes=""):
    return people.add(db, Participant(first, last, notes=notes))


def test_the_full_name_is_found_in_either_order_whatever_the_accents_and_capitals(store):
    db = store.db
    helene = add(db, "Hélène", "Martin")
    add(db, "Hélène", "Dupont")  # another Hélène: "Hélène" alone names no one
    add(db, "Jean", "Martin")  # another Martin: "Martin" alone names no one
    finder = mentions.pattern(db, helene)
    for text in ("helene martin", "HELENE MARTIN", "Martin Hélène", "Mme Hélène\n  Martin est venue",
                 "d'Hélène Martin", "(hélène martin)"):
        assert mentions.spans(text, finder), text
    for text in ("Hélène est venue", "M. Martin", "Hélène Dupont", "Hélène Martinez", "Marie-Hélène Martin-Roux"):
        assert not mentions.spans(text, finder), text


def test_a_first_or_last_name_alone_names_the_person_when_no_one_else_bears_it(store):
    db = store.db
    odette = add(db, "Odette", "Lagarde")
    add(db, "Marie", "Claire")
    finder = mentions.pattern(db, odette)
    assert mentions.replaced("Odette a aidé Mme LAGARDE et Marie.", finder) == (
        f"{ERASED} a aidé Mme {ERASED} et Marie.")
    assert not mentions.spans("Odettes, Lagarde-Dupuis, lagardes", finder)  # whole words only


def test_compound_names_and_short_names(store):
    db = store.db
    jp = add(db, "Jean-Pierre", "N'Diaye")
    finder = mentions.pattern(db, jp)
    for text in ("jean pierre n’diaye", "Jean-Pierre est là", "N'DIAYE Jean-Pierre"):
        assert mentions.spans(text, finder), text
    li = add(db, "Li", "Wu")  # two letters alone would find "li" anywhere: only the full name counts
    assert mentions.spans("Li Wu est venue", mentions.pattern(db, li))
    assert not mentions.spans("Li est venue, Wu aussi", mentions.pattern(db, li))


def test_someone_with_only_a_first_name(store):
    db = store.db
    ginette = add(db, "Ginette")
    assert mentions.replaced("Ginette a appelé.", mentions.pattern(db, ginette)) == f"{ERASED} a appelé."


def test_the_indexes_of_a_match_point_at_the_original_text(store):
    """Folding changes lengths (« ß » is « ss », « é » is e + an accent): the replacement
    still cuts the original text at the right places."""
    db = store.db
    person = add(db, "Strauß", "Éloïse")
    text = "Ça va, ÉLOÏSE STRAUSS ? Oui, Éloïse Strauß."
    assert mentions.replaced(text, mentions.pattern(db, person)) == f"Ça va, {ERASED} ? Oui, {ERASED}."


def test_every_free_text_field_is_searched_and_the_person_s_own_notes_are_not(store):
    db = store.db
    helene = add(db, "Hélène", "Martin", notes="Hélène Martin préfère le matin")
    bernard = add(db, "Bernard", "Roux", notes="Vient avec Hélène Martin.")
    group = groups.add(db, Group("Les amies d'Hélène Martin", place="Chez Hélène Martin"))
    session = sessions.add(db, Session("2026-03-12", "14:00", "16:00", group.id, place="Salon d'Hélène Martin",
                                       facilitator="Hélène Martin", notes="Hélène Martin a tout réussi."))
    found = mentions.find(db, helene)
    assert {(m.table, m.column) for m in found} == set(mentions.FREE_TEXT)
    assert not any(m.row_id == helene.id for m in found)
    wheres = {m.where for m in found}
    assert {"Notes sur Bernard Roux", "Notes de la séance du 12/03/2026", "Lieu de la séance du 12/03/2026",
            "Animateur de la séance du 12/03/2026"} <= wheres
    assert {m.row_id for m in found} == {bernard.id, group.id, session.id}


def test_the_passage_is_the_sentence_not_the_whole_note(store):
    db = store.db
    helene = add(db, "Hélène", "Martin")
    note = ("Bernard a réussi le double-clic. Hélène Martin cherche un ordinateur! "
            "Yvette part en vacances.\nRien d'autre.")
    add(db, "Bernard", "Roux", notes=note)
    [found] = mentions.find(db, helene)
    assert found.passage == "Hélène Martin cherche un ordinateur!"
    long = "mot " * 80 + "Hélène Martin" + " fin" * 80
    assert mentions.excerpt(long, mentions.spans(long, mentions.pattern(db, helene))).startswith("… mot")
    cut = mentions.excerpt(long, mentions.spans(long, mentions.pattern(db, helene)))
    assert "Hélène Martin" in cut and cut.endswith("fin …") and len(cut) < 240


def test_the_access_export_lists_every_passage(store, tmp_path):
    db = store.db
    helene = add(db, "Hélène", "Martin")
    add(db, "Bernard", "Roux", notes="Covoiturage avec helene MARTIN.")
    sessions.add(db, Session("2026-03-12", "14:00", "16:00", notes="Martin Hélène absente, prévenue."))
    path = write_json(person_export(db, helene.id), tmp_path / "helene.json")
    listed = json.loads(path.read_text("utf-8"))["mentions"]
    assert sorted(m["passage"] for m in listed) == ["Covoiturage avec helene MARTIN.",
                                                    "Martin Hélène absente, prévenue."]
    assert {m["where"] for m in listed} == {"Notes sur Bernard Roux", "Notes de la séance du 12/03/2026"}


def test_every_text_column_of_the_schema_is_either_free_text_or_known_not_to_be(store):
    """A free-text field added by a later migration must be searched too: this fails
    until it is put in FREE_TEXT or, if it holds no words typed by a person, here."""
    not_free_text = {
        "settings": {"key", "value"},  # the association's own settings
        "participants": {"id", "first_name", "last_name", "phone", "email", "age_bracket", "gender",
                         "social_status", "consent_date", "archived_at", "created_at", "updated_at"},
        "groups": {"id", "start_time", "end_time", "archived_at", "created_at", "updated_at"},
        "group_members": {"group_id", "participant_id", "joined_at"},
        "sessions": {"id", "group_id", "date", "start_time", "end_time", "module_id", "status",
                     "created_at", "updated_at"},
        "attendance": {"session_id", "participant_id", "status", "updated_at"},
        "step_progress": {"session_id", "module_id", "covered_at"},
        "exercise_results": {"id", "participant_id", "session_id", "module_id", "exercise_id", "device_id",
                             "finished_at"},
        "outbox": {"summary_id", "kind", "payload", "queued_at", "sent_at"},  # names: sync.redaction
        "hub_summaries": {"summary_id", "site", "device_id", "kind", "payload", "received_from", "merged_at"},
        "hub_checkpoints": {"site", "device_id", "last_file", "last_received_at"},
        "hub_files": {"site", "device_id", "file", "merged_at"},
        "hub_rejects": {"site", "device_id", "file", "reason", "seen_at"},
        "_sqlite_migrations": {"migration_set", "name", "applied_at"},
    }
    unknown = []
    tables = [row[0] for row in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        for _cid, column, kind, *_rest in store.db.execute(f"PRAGMA table_info('{table}')"):
            if "TEXT" in kind.upper() or not kind:
                if (table, column) not in mentions.FREE_TEXT and column not in not_free_text.get(table, ()):
                    unknown.append(f"{table}.{column}")
    assert unknown == []


names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll")), min_size=3, max_size=12)
around = st.text(alphabet=st.sampled_from(list("0123 .,;!?()\n'-«»")), max_size=40)


@hypothesis_settings(max_examples=200, deadline=None)
@given(first=names, last=names, before=around, after=around, upper=st.booleans(), swapped=st.booleans(),
       alone_too=st.booleans())
@example(first="AAὐ", last="Aaa", before="", after="", upper=True, swapped=True, alone_too=False)  # "Υ̓": a mark of its own
def test_once_replaced_the_name_is_nowhere_and_the_rest_is_kept(first, last, before, after, upper, swapped,
                                                                alone_too):
    """Whatever the name and whatever surrounds it, the name typed in a note is gone once
    replaced, and the text around it is kept as it was."""
    assume(not {people.fold(first), people.fold(last)} & {"personne", "effacee"})
    person = Participant(first, last)
    shared = set() if alone_too else {people.fold(first), people.fold(last)}
    finder = mentions.name_pattern(person, shared)
    typed = f"{last} {first}" if swapped else f"{first} {last}"
    text = f"{before} {typed.upper() if upper else typed} {after}"
    result = mentions.replaced(text, finder)
    assert result == f"{before} {ERASED} {after}"
    assert not mentions.spans(result, finder)
