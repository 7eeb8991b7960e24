"""The FALC lint (atelier.lessons.falc) on small modules written here: each rule of
../shared/reference/falc.md caught where it is broken, at its line, as an error for
learners' and spoken texts and as advice for the guide; and left quiet where a text
follows it. Then every shipped module (see ALLOWED for the two being rewritten)."""

import re
from pathlib import Path

import pytest

from atelier.lessons.falc import lint, lint_folder, sentences, words
from atelier.lessons.falc_text import string_literals
from atelier.lessons.library import default_lesson_dirs, load_library
from tests.test_lessons import HEAD

EXERCISE = '''
[[exercises]]
id = "ex"
kind = "click"
title = "Les ronds"
instructions = "{text}"
'''
STEP = "# Début\n\n## Ce que dit l'animateur\n\n- « Bonjour à tous. »\n\n## Ce que montre l'animateur\n\nLe rond.\n"


def write(parent: Path, toml: str, step: str = STEP, module_id: str = "essai", **files) -> Path:
    folder = parent / module_id
    folder.mkdir(parents=True)
    (folder / "module.toml").write_text(HEAD.replace('"essai"', f'"{module_id}"') + toml, "utf-8")
    (folder / "01-debut.md").write_text(step, "utf-8")
    for name, text in files.items():
        (folder / (name.replace("_", "-") + ".toml")).write_text(text, "utf-8")
    return folder


def found(folder: Path) -> list[tuple[str, str, int, bool]]:
    """(file, rule, line, advice?) of every problem."""
    return [(Path(p.file).name, re.search(r"règle FALC (R\d+)", p.message).group(1), p.line, p.warning)
            for p in lint_folder(folder)]


def rules_in(folder: Path) -> set[str]:
    return {rule for _file, rule, _line, _advice in found(folder)}


def instructions(tmp_path: Path, text: str) -> set[str]:
    return rules_in(write(tmp_path, EXERCISE.format(text=text)))


def test_a_module_that_follows_the_rules_is_quiet(tmp_path):
    assert found(write(tmp_path, EXERCISE.format(text="Posez la flèche sur le rond. Appuyez une fois."))) == []


@pytest.mark.parametrize("text, rule", [
    ("Posez la flèche sur le rond puis appuyez une fois sur le bouton gauche de la souris sans bouger.", "R1"),
    ("Posez la flèche ; appuyez une fois.", "R2"),
    ("Regardez : le rond : il bouge.", "R2"),
    ("Regardez le rond, le carré, le triangle, la croix.", "R2"),
    ("Faites un click sur le rond.", "R4"),
    ("Appuyez sur Enter.", "R4"),
    ("Cliquez sur le bouton de la CAF.", "R5"),
    ("Le rond apparaît. Cliquez dessus.", "R7"),
    ("Regardez. Cliquez. Attendez. Recommencez.", "R7"),
    ("Cliquez sur le rond ROUGE.", "R8"),
    ("Cliquez sur le *grand* rond.", "R8"),
    ("Cliquez deux fois sur le rond.", "R9"),
    ("Écrivez la date du 14/03/2026.", "R9"),
    ("Ne cliquez ni sur le carré ni sur la croix.", "R10"),
    ("Ce n'est pas impossible : cliquez.", "R10"),
    ("Cliquez sur le menu.", "R3"),
])
def test_each_rule_of_the_learners_texts(tmp_path, text, rule):
    assert rule in instructions(tmp_path, text)


@pytest.mark.parametrize("text", [
    "Cliquez sur la Maison des associations (MDA).",
    "Appuyez sur la touche « Esc » du clavier.",
    "Cliquez sur le rond 2 fois.",
    "N'appuyez pas trop fort.",
    "Regardez : le rond bouge.",
])
def test_what_the_rules_allow(tmp_path, text):
    assert instructions(tmp_path, text) == set()


def test_a_metaphor_in_a_learners_text_is_advice(tmp_path):
    assert found(write(tmp_path, EXERCISE.format(text="Appuyez comme une plume."))) == [
        ("module.toml", "R11", 16, True)]


def test_answers_and_explanations_of_a_quiz(tmp_path):
    toml = EXERCISE.format(text="Cliquez sur la réponse.").replace('"click"', '"choice"') + '''
[[exercises.questions]]
question = "Quel bouton ?"
answers = ["Le bouton gauche", "Le petit bouton qui est à droite sous la roue"]
correct = 0
explanation = "Le bouton gauche. Il sert souvent. Il est grand."
'''
    assert found(write(tmp_path, toml)) == [("module.toml", "R12", 20, False), ("module.toml", "R12", 22, False)]


def test_a_sentence_inside_a_long_text_is_named_by_its_own_line(tmp_path):
    toml = EXERCISE.format(text="x").replace('instructions = "x"', 'instructions = """\nPosez la flèche.\n'
                                             'Appuyez une fois sur le bouton qui se trouve à gauche de la souris '
                                             'sans jamais bouger la main."""')
    assert ("module.toml", "R1", 18, False) in found(write(tmp_path, toml))


def test_glossary_words_are_explained_in_the_module_or_a_required_one(tmp_path):
    text = EXERCISE.format(text="Cliquez sur le menu. Ouvrez le dossier.")
    assert rules_in(write(tmp_path / "a", text)) == {"R3"}
    assert [(f, r) for f, r, _l, _w in found(write(tmp_path / "b", text))] == [("module.toml", "R3")] * 2
    glossary = '\n[glossary]\nmenu = "La liste des choix."\ndossiers = "Une boîte pour ranger."\n'
    assert found(write(tmp_path / "c", text + glossary)) == []
    write(tmp_path / "d", glossary, module_id="base")
    assert found(write(tmp_path / "d", 'requires = ["base"]\n' + text)) == []
    assert rules_in(write(tmp_path / "e", 'requires = ["inconnu"]\n' + text)) == {"R3"}


def test_spoken_lines_have_looser_limits_and_the_guide_gets_advice(tmp_path):
    step = ("# Début\n\n## Ce que dit l'animateur\n\n"
            "- « On pose la main sur la souris et on la fait glisser doucement sur le tapis vers le rond. »\n"
            "- « On pose la main sur la souris, on la fait glisser doucement sur le tapis, puis on s'arrête sur le rond. »\n\n"
            "## Difficultés fréquentes\n\n"
            "Quand une personne serre la souris très fort, proposez-lui de poser la main à plat, de respirer "
            "un bon coup, puis de recommencer tout doucement avec vous, sans se presser.\n")
    assert found(write(tmp_path, "", step=step)) == [
        ("01-debut.md", "R1", 6, False), ("01-debut.md", "R1", 10, True)]


def test_two_metaphors_in_one_steps_spoken_lines_are_advice(tmp_path):
    step = "# Début\n\n## Ce que dit l'animateur\n\n- « C'est comme un bouton. »\n- « C'est comme une porte. »\n"
    assert found(write(tmp_path, "", step=step)) == [("01-debut.md", "R11", 6, True)]


def test_one_word_for_one_thing_unless_the_other_is_introduced(tmp_path):
    text = EXERCISE.format(text="Posez la flèche sur le rond.")
    step = STEP + "\nLe pointeur se pose sur le rond.\n"
    assert found(write(tmp_path / "a", text, step=step)) == [("01-debut.md", "R6", 11, True)]
    step = STEP + "\nLa flèche, on l'appelle aussi le pointeur.\n\nLe pointeur se pose sur le rond.\n"
    assert found(write(tmp_path / "b", text, step=step)) == []
    keyboard = STEP + "\nAppuyez sur les flèches du clavier.\n"
    assert found(write(tmp_path / "c", text, step=keyboard)) == []


def test_the_guide_names_the_keys_as_the_program_does(tmp_path):
    step = STEP.replace("« Bonjour à tous. »", "« Appuyez sur la touche Entrer. »") + "\nLa touche Échappement ferme.\n"
    assert found(write(tmp_path, "", step=step)) == [("01-debut.md", "R13", 5, False), ("01-debut.md", "R13", 11, True)]


def test_exercises_of_the_new_kinds_waiting_in_next_exercises_are_read_too(tmp_path):
    extra = '[[exercises]]\nid = "c"\nkind = "hotspot"\ntitle = "Le rond"\ninstructions = "Le rond est là."\n'
    assert found(write(tmp_path, "", next_exercises=extra)) == [("next-exercises.toml", "R7", 5, False)]


def test_string_literals_are_found_with_their_lines():
    text = 'a = "un"  # "pas un texte"\nb = [\n  "deux",\n  \'trois\',\n]\nc = """\nquatre\ncinq"""\nd = \'\'\'six\'\'\'\n'
    assert string_literals(text) == [(1, 1, "un"), (3, 3, "deux"), (4, 4, "trois"), (7, 8, "quatre\ncinq"), (9, 9, "six")]


def test_sentences_and_words():
    assert sentences("Posez la flèche. Appuyez ! « Bravo. » C'est fini\nEncore") == [
        "Posez la flèche.", "Appuyez !", "« Bravo. »", "C'est fini", "Encore"]
    assert words("L'ordinateur, l'e-mail et 14 ronds.") == ["L'ordinateur", "l'e-mail", "et", "14", "ronds"]


# --- the shipped modules ---------------------------------------------------------------------

# The two first modules are being rewritten to these rules (issue 12, branch lessons-a):
# their problems are listed, not failed. Remove an id once its rewrite has landed; the
# test below then holds it to zero errors like every other module.
ALLOWED: set[str] = set()


def shipped_errors() -> dict[str, list[str]]:
    modules, problems = load_library(default_lesson_dirs())
    assert problems == []
    return {module.id: [str(p) for p in lint(module) if not p.warning] for module in modules}


def test_every_shipped_module_follows_the_easy_read_rules():
    errors = shipped_errors()
    assert {m: e for m, e in errors.items() if e and m not in ALLOWED} == {}


def test_the_allowed_modules_are_still_being_rewritten():
    """An allowed module with no error left must leave ALLOWED (as a strict xfail would)."""
    errors = shipped_errors()
    assert [m for m in ALLOWED if m in errors and not errors[m]] == []
