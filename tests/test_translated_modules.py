"""The two oldest modules in English (lessons/la-souris.en, lessons/le-clavier.en): they
load, check clean, travel as a zip, and keep their originals' exercise ids, so that a
learner's results are one record whatever the language. On the real files of lessons/."""

import shutil
import zipfile
from pathlib import Path

from atelier import people, results
from atelier.content import module_titles
from atelier.lessons import falc
from atelier.lessons.archive import unpack
from atelier.lessons.course import in_course_order
from atelier.lessons.imports import unpack_zip
from atelier.lessons.installed import installed
from atelier.lessons.library import check_path, default_lesson_dirs, load_library
from atelier.lessons.packing import pack
from atelier.lessons.scoring import Outcome
from atelier.lessons.translations import in_language
from atelier.people import Participant

LESSONS = Path(__file__).resolve().parent.parent / "lessons"
TRANSLATED = ("la-souris", "le-clavier")


def shipped():
    modules, problems = load_library(default_lesson_dirs())
    assert not problems
    return modules


def test_the_english_modules_load_and_check_clean_with_the_easy_read_rules():
    for name in TRANSLATED:
        problems = check_path(LESSONS / f"{name}.en", falc.lint)
        assert [str(p) for p in problems if not p.warning] == []
    english = [m for m in shipped() if m.language == "en"]
    assert sorted(m.id for m in english) == sorted(TRANSLATED)
    assert all(m.translation_of == "fr" for m in english)


def test_the_library_picks_the_module_in_the_language_asked_else_the_original():
    modules = shipped()
    for language, expected in (("en", "en"), ("fr", "fr"), ("de", "fr"), (None, "fr")):
        chosen = {m.id: m for m in in_language(modules, language)}
        assert len(chosen) == len({m.id for m in modules})
        assert {chosen[name].language for name in TRANSLATED} == {expected}
    assert module_titles(default_lesson_dirs(), "en")["la-souris"] == "The mouse"
    assert module_titles(default_lesson_dirs())["la-souris"] == "La souris"


def test_the_exercise_ids_are_the_originals_in_the_same_order():
    by_key = {(m.id, m.language): m for m in shipped()}
    for name in TRANSLATED:
        english, french = by_key[(name, "en")], by_key[(name, "fr")]
        assert [e.id for e in english.exercises] == [e.id for e in french.exercises]
        assert [e.kind for e in english.exercises] == [e.kind for e in french.exercises]
        assert len(english.steps) == len(french.steps)


def test_a_translation_whose_exercises_differ_is_reported(tmp_path):
    copy = tmp_path / "la-souris.en"
    shutil.copytree(LESSONS / "la-souris.en", copy)
    toml = copy / "module.toml"
    toml.write_text(toml.read_text("utf-8").replace('id = "trouver-chat"', 'id = "find-the-cat"'), "utf-8")
    messages = [p.message for p in check_path(copy)]   # checked alone: compared with the shipped original
    assert any("« find-the-cat »" in m and "pas dans le module original" in m for m in messages)
    assert any("il manque les exercices « trouver-chat »" in m for m in messages)


def test_the_english_modules_pack_into_a_zip_that_reads_back_the_same(tmp_path):
    source = tmp_path / "english"
    for name in TRANSLATED:
        shutil.copytree(LESSONS / f"{name}.en", source / f"{name}.en")
    count, problems = pack(source, tmp_path / "english.zip")
    assert (count, problems) == (2, [])
    assert check_path(tmp_path / "english.zip", falc.lint) == [] or all(
        p.warning for p in check_path(tmp_path / "english.zip", falc.lint))
    assert not unpack(tmp_path / "english.zip", tmp_path / "back")
    back, problems = load_library([tmp_path / "back"])
    assert not problems
    originals = {m.id: m for m in shipped() if m.language == "en"}
    for module in back:
        assert (module.language, module.translation_of) == ("en", "fr")
        assert [e.id for e in module.exercises] == [e.id for e in originals[module.id].exercises]


def test_an_imported_translation_is_told_by_id_and_language(tmp_path):
    """The shipped English module cannot be replaced by an import; a translation into a
    language Atelier does not ship goes in beside its original, as « id.language »."""
    with zipfile.ZipFile(tmp_path / "en.zip", "w") as archive:
        for file in sorted((LESSONS / "la-souris.en").rglob("*")):
            if file.is_file():
                archive.write(file, f"la-souris.en/{file.relative_to(LESSONS / 'la-souris.en')}")
    refused = unpack_zip(tmp_path / "en.zip", tmp_path / "user")
    assert refused.refused and "fourni avec Atelier" in refused.problems[0].message
    german = tmp_path / "de" / "la-souris.de"
    shutil.copytree(LESSONS / "la-souris.en", german)
    toml = german / "module.toml"
    toml.write_text(toml.read_text("utf-8").replace('language = "en"', 'language = "de"'), "utf-8")
    assert pack(tmp_path / "de", tmp_path / "de.zip")[0] == 1
    accepted = unpack_zip(tmp_path / "de.zip", tmp_path / "user")
    assert not accepted.refused, [str(p) for p in accepted.problems]
    from atelier.lessons.imports import install

    assert install(accepted, tmp_path / "user") == ["la-souris"]
    assert (tmp_path / "user" / "la-souris.de" / "module.toml").is_file()
    rows = [row for row in installed(tmp_path / "user") if row.id == "la-souris"]
    assert sorted((row.language, row.source, row.key) for row in rows) == [
        ("de", "imported", "la-souris.de"), ("en", "shipped", "la-souris.en"), ("fr", "shipped", "la-souris")]


def test_progress_made_in_one_language_is_shown_in_the_other(store):
    modules = shipped()
    english = in_course_order(in_language(modules, "en"))[:2]
    french = in_course_order(in_language(modules, "fr"))[:2]
    assert [m.language for m in english] == ["en", "en"] and [m.language for m in french] == ["fr", "fr"]
    helene = people.add(store.db, Participant("Hélène"))
    for exercise in english[0].exercises[:3]:   # practised in English
        results.record(store.db, helene.id, english[0].id, exercise.id,
                       Outcome(score=1.0, attempts=3, duration_ms=9_000), store.device_id)
    mine = results.for_learner(store.db, helene.id)
    done = results.done_keys(mine)
    assert done == {(french[0].id, e.id) for e in french[0].exercises[:3]}   # seen in French
    assert results.next_for_learner(french, mine)[1].id == french[0].exercises[3].id
    assert results.next_for_learner(english, mine)[1].id == english[0].exercises[3].id
