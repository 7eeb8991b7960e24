import zipfile
from pathlib import Path

import pytest

from atelier.lessons.pack import PackError, Problem, load_module
from atelier.lessons.library import check_path, default_lesson_dirs, load_library

SHIPPED = Path(__file__).resolve().parent.parent / "lessons"

HEAD = """\
id = "essai"
title = "Essai"
summary = "Un module d'essai."
language = "fr"
version = 1
duration = 60
level = "debutant"
themes = ["prendre_en_main_du_materiel"]
objectives = ["Cliquer"]
steps = ["01-debut.md"]
"""
CLICK = """
[[exercises]]
id = "{id}"
kind = "click"
title = "Cliquer"
instructions = "Cliquez sur les ronds."
"""


def make_module(parent: Path, toml: str = HEAD, name: str = "essai",
                steps: dict | None = None, images: tuple = ()) -> Path:
    folder = parent / name
    (folder / "images").mkdir(parents=True)
    (folder / "module.toml").write_text(toml, "utf-8")
    for file, text in (steps or {"01-debut.md": "# Début\n\nBonjour.\n"}).items():
        (folder / file).write_text(text, "utf-8")
    for image in images:
        (folder / image).write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def line_of(text: str, marker: str, nth: int = 1) -> int:
    """1-based line of the nth line containing `marker` (independent of the loader)."""
    hits = [n for n, line in enumerate(text.splitlines(), 1) if marker in line]
    return hits[nth - 1]


def only_problem(path: Path) -> Problem:
    problems = check_path(path)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


# --- the shipped modules --------------------------------------------------------------

def test_shipped_modules_have_no_problem():
    assert check_path(SHIPPED) == []
    modules, problems = load_library(default_lesson_dirs())
    assert problems == []
    assert {m.id for m in modules} >= {"la-souris", "le-clavier", "chercher-et-verifier", "mes-e-mails-lire-ecrire",
                                       "mes-e-mails-pieces-jointes", "mots-de-passe-et-comptes", "dejouer-les-arnaques"}


@pytest.mark.parametrize("name, theme, kinds", [
    ("la-souris", "prendre_en_main_du_materiel", {"click", "double-click", "drag", "scroll", "right-click", "choice"}),
    ("le-clavier", "prendre_en_main_du_materiel", {"type", "keys", "form", "choice"}),
    ("l-ordinateur-et-ses-fenetres", "prendre_en_main_du_materiel",
     {"double-click", "right-click", "choice", "click", "keys"}),
    ("mes-documents-et-mes-photos", "gere_ses_contenus_numeriques",
     {"choice", "double-click", "type", "right-click", "drag", "scroll"}),
    ("aller-sur-internet", "navigation_sur_internet", {"choice", "type", "click", "scroll"}),
    ("chercher-et-verifier", "navigation_sur_internet", {"type", "choice", "scroll"}),
    ("mes-e-mails-lire-ecrire", "email", {"type", "choice", "keys", "form", "scroll"}),
    ("mes-e-mails-pieces-jointes", "email", {"choice", "right-click", "double-click"}),
    ("mots-de-passe-et-comptes", "securite_numerique", {"choice", "type", "form"}),
    ("dejouer-les-arnaques", "securite_numerique", {"choice", "type"}),
])
def test_shipped_module_is_a_full_workshop(name, theme, kinds):
    module = load_module(SHIPPED / name)
    assert module.id == name and module.level == "debutant" and module.duration == 120
    assert theme in module.themes
    assert 6 <= len(module.steps) <= 12
    assert [s.index for s in module.steps] == list(range(len(module.steps)))
    assert all(s.title != s.file and s.markdown.startswith("# ") for s in module.steps)
    assert {e.kind for e in module.exercises} == kinds
    assert any("](images/" in s.markdown for s in module.steps)
    for image in (module.path / "images").iterdir():
        assert image.stat().st_size < 60_000


# --- loading and defaults -------------------------------------------------------------

def test_load_module_fills_defaults(tmp_path):
    toml = HEAD + CLICK.format(id="a") + """
[[exercises]]
id = "b"
kind = "drag"
title = "Glisser"
instructions = "Glissez."
count = 2

[[exercises]]
id = "c"
kind = "form"
title = "Formulaire"
instructions = "Remplissez."
fields = [{ name = "nom", label = "Nom", type = "text" }]

[[exercises]]
id = "d"
kind = "choice"
title = "Quiz"
instructions = "Répondez."
questions = [{ question = "?", answers = ["Oui", "Non"], correct = 1, explanation = "Car." }]
"""
    module = load_module(make_module(tmp_path, toml))
    click, drag, form, quiz = module.exercises
    assert click.params == {"count": 5, "target_size": 160}
    assert drag.params == {"count": 2, "object_size": 140, "target_size": 220, "tolerance": 40}
    assert form.params["submit"] == "Envoyer"
    assert quiz.params["questions"][0]["image"] is None
    assert module.steps[0].title == "Début" and module.steps[0].path.name == "01-debut.md"
    assert hash(module)  # frozen and usable as a key


def test_step_without_heading_is_titled_by_its_file(tmp_path):
    folder = make_module(tmp_path, steps={"01-debut.md": "Pas de titre.\n"})
    assert load_module(folder).steps[0].title == "01-debut.md"


def test_load_module_lists_every_problem(tmp_path):
    folder = make_module(tmp_path, HEAD.replace('"debutant"', '"expert"')
                         .replace('version = 1', 'version = "un"'))
    with pytest.raises(PackError) as error:
        load_module(folder)
    assert len(error.value.problems) == 2
    assert "niveau inconnu « expert »" in str(error.value)


def test_problem_text_names_file_and_line():
    problem = Problem(Path("/x/lessons/la-souris/module.toml"), 12, "oups")
    assert str(problem) == "la-souris/module.toml, ligne 12 : oups"
    assert str(Problem(Path("/x/la-souris"), None, "oups")) == "x/la-souris : oups"


# --- each kind of error: French message, file and line ------------------------------------

def test_bad_toml_gives_its_line(tmp_path):
    folder = make_module(tmp_path, HEAD.replace('title = "Essai"', "title = Essai"))
    problem = only_problem(folder)
    assert problem.file == folder / "module.toml" and problem.line == 2
    assert "n'est pas un TOML valide" in problem.message and "guillemets" in problem.message


def test_unknown_top_level_key(tmp_path):
    toml = HEAD + 'titel = "x"\n'
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, "titel")
    assert "clé inconnue « titel »" in problem.message


def test_unknown_key_inside_the_right_exercise_block(tmp_path):
    toml = HEAD + CLICK.format(id="a") + "count = 3\n" + CLICK.format(id="b") + "coutn = 3\n"
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, "coutn")
    assert "clé inconnue « coutn » (vouliez-vous dire « count » ?)" in problem.message


def test_bad_parameter_points_at_its_own_block(tmp_path):
    toml = HEAD + CLICK.format(id="a") + "count = 3\n" + CLICK.format(id="b") + "count = 0\n"
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, "count = 0")
    assert "« count » vaut 0 ; il faut un nombre entre 1 et 50" in problem.message


@pytest.mark.parametrize("extra, expected", [
    ("target_size = 700", "plus grand que l'écran"),
    ("target_size = 20", "trop petit"),
    ('count = "cinq"', "doit être un nombre entier"),
    ("count = 2.5", "doit être un nombre entier"),
    ("count = true", "doit être un nombre entier"),
])
def test_click_parameters(tmp_path, extra, expected):
    toml = HEAD + CLICK.format(id="a") + extra + "\n"
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, extra) and expected in problem.message


def test_drag_object_and_target_wider_than_the_screen(tmp_path):
    toml = HEAD + CLICK.format(id="a").replace("click", "drag") + \
        "object_size = 500\ntarget_size = 600\n"
    assert "plus grand que l'écran" in only_problem(make_module(tmp_path, toml)).message


@pytest.mark.parametrize("kind, params, expected", [
    ("scroll", "", "il manque « find »"),
    ("right-click", 'menu = ["Ouvrir", "Copier"]\nanswer = "Coller"',
     "la réponse « Coller » n'est pas dans le menu"),
    ("right-click", 'menu = ["Ouvrir"]\nanswer = "Ouvrir"', "il en faut entre 2 et 8"),
    ("type", "texts = []", "au moins 1"),
    ("keys", 'keys = ["Enter", "entrer"]', "touche inconnue « entrer »"),
    ("form", "fields = []", "liste non vide"),
])
def test_kind_rules(tmp_path, kind, params, expected):
    toml = HEAD + CLICK.format(id="a").replace('"click"', f'"{kind}"') + params + "\n"
    assert expected in only_problem(make_module(tmp_path, toml)).message


def test_missing_step_file(tmp_path):
    toml = HEAD.replace('["01-debut.md"]', '["01-debut.md", "02-suite.md"]')
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.file.name == "module.toml" and problem.line == line_of(toml, "steps =")
    assert "fichier introuvable « 02-suite.md »" in problem.message


def test_step_file_with_wrong_case_gets_a_hint(tmp_path):
    folder = make_module(tmp_path, steps={"01-Debut.md": "# Début\n"})
    assert "les majuscules comptent" in only_problem(folder).message


def test_missing_image_points_at_the_step_line(tmp_path):
    step = "# Début\n\nRegardez :\n\n![La souris](images/souris.png)\n![Ok](images/ok.png)\n"
    folder = make_module(tmp_path, steps={"01-debut.md": step}, images=("images/ok.png",))
    problem = only_problem(folder)
    assert problem.file == folder / "01-debut.md" and problem.line == 5
    assert "image : fichier introuvable « images/souris.png »" in problem.message


def test_online_image_is_refused(tmp_path):
    step = "# Début\n![x](https://exemple.fr/a.png)\n"
    assert "sans réseau" in only_problem(make_module(tmp_path, steps={"01-debut.md": step})).message


def test_duplicate_exercise_id(tmp_path):
    toml = HEAD + CLICK.format(id="meme") + CLICK.format(id="meme")
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, 'id = "meme"', nth=2)
    assert "deux exercices ont l'identifiant « meme »" in problem.message


def test_unknown_exercise_kind(tmp_path):
    toml = HEAD + CLICK.format(id="a").replace('"click"', '"clik"')
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, 'kind = "clik"')
    assert problem.message.startswith("type d'exercice inconnu « clik » (vouliez-vous dire « click » ?)")


def test_unknown_theme_and_level(tmp_path):
    toml = HEAD.replace('["prendre_en_main_du_materiel"]', '["bureau"]') \
               .replace('"debutant"', '"facile"')
    problems = check_path(make_module(tmp_path, toml))
    messages = {p.line: p.message for p in problems}
    assert messages[line_of(toml, "themes")].startswith(
        "thème inconnu « bureau » (vouliez-vous dire « bureautique » ?) ; thèmes possibles : ")
    assert "prendre_en_main_du_materiel" in messages[line_of(toml, "themes")]
    assert messages[line_of(toml, "level")].startswith("niveau inconnu « facile »")


def test_quiz_errors_point_inside_the_question(tmp_path):
    toml = HEAD + CLICK.format(id="q").replace('"click"', '"choice"') + """
[[exercises.questions]]
question = "Un ?"
answers = ["a", "b"]
correct = 0
explanation = "Parce que."

[[exercises.questions]]
question = "Deux ?"
answers = ["a", "b"]
correct = 2
explanation = "Parce que."
image = "images/absente.png"
"""
    problems = check_path(make_module(tmp_path, toml))
    assert [(p.line, p.message.split(" ")[0]) for p in problems] == [
        (line_of(toml, "correct = 2"), "«"), (line_of(toml, "absente"), "fichier")]
    assert "on compte à partir de 0, donc entre 0 et 1" in problems[0].message


def test_form_errors_point_at_the_inline_field(tmp_path):
    toml = HEAD + CLICK.format(id="f").replace('"click"', '"form"') + """fields = [
    { name = "nom", label = "Nom", type = "text" },
    { name = "nom", label = "Autre", type = "choice" },
]
"""
    problems = check_path(make_module(tmp_path, toml))
    assert {p.line for p in problems} == {line_of(toml, 'label = "Autre"')}
    assert sorted(p.message.split(" ")[0] for p in problems) == ["deux", "«"]


def test_file_encodings(tmp_path):
    folder = make_module(tmp_path)
    (folder / "module.toml").write_bytes(b"\xef\xbb\xbf" + HEAD.encode())   # Notepad's BOM
    assert check_path(folder) == []
    (folder / "01-debut.md").write_bytes("# Début\n\nCafé\n".encode("latin-1"))
    problem = only_problem(folder)
    assert problem.line == 1 and "UTF-8" in problem.message


# --- libraries and zips ----------------------------------------------------------------

def test_broken_pack_does_not_stop_the_good_one(tmp_path):
    make_module(tmp_path, name="bon")
    make_module(tmp_path, HEAD.replace('id = "essai"', 'id = "casse"') + "[", name="casse")
    modules, problems = load_library([tmp_path])
    assert [m.id for m in modules] == ["essai"]
    assert len(problems) == 1 and problems[0].file == tmp_path / "casse" / "module.toml"


def test_duplicate_module_ids_across_packs(tmp_path):
    make_module(tmp_path / "a", name="un")
    make_module(tmp_path / "b", name="deux")
    modules, problems = load_library([tmp_path / "a", tmp_path / "b"])
    assert [m.path for m in modules] == [tmp_path / "a" / "un"]
    assert len(problems) == 1 and problems[0].line == 1
    assert "l'identifiant « essai » est déjà pris" in problems[0].message


def test_folder_without_module_toml(tmp_path):
    (tmp_path / "vide").mkdir()
    (tmp_path / "vide" / "module.toml.txt").write_text("", "utf-8")
    assert "renommez-le exactement module.toml" in only_problem(tmp_path).message


def zip_folder(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for file in folder.rglob("*"):
            archive.write(file, prefix + file.relative_to(folder).as_posix())
    return target


def test_zip_packs_are_checked(tmp_path):
    good = make_module(tmp_path / "src", name="bon")
    assert check_path(zip_folder(good, tmp_path / "bon.zip")) == []
    assert check_path(zip_folder(tmp_path / "src", tmp_path / "lot.zip", "modules/")) == []
    toml = HEAD + "coleur = 1\n"
    bad = make_module(tmp_path / "src2", toml, name="mauvais")
    problem = only_problem(zip_folder(tmp_path / "src2", tmp_path / "mauvais.zip"))
    assert str(problem) == f"mauvais/module.toml, ligne {line_of(toml, 'coleur')} : " \
        + problem.message
    assert problem.file == tmp_path / "mauvais.zip" / "mauvais" / "module.toml"
    assert bad.exists()


def test_bad_zip_and_missing_path(tmp_path):
    (tmp_path / "faux.zip").write_text("pas un zip", "utf-8")
    assert "archive zip illisible" in only_problem(tmp_path / "faux.zip").message
    assert only_problem(tmp_path / "nulle-part").message == "introuvable"


def test_default_lesson_dirs(tmp_path):
    assert default_lesson_dirs() == [SHIPPED]
    assert default_lesson_dirs(tmp_path) == [SHIPPED, tmp_path]
    assert default_lesson_dirs(tmp_path / "absent") == [SHIPPED]


def test_module_folder_without_module_toml_is_named(tmp_path):
    folder = make_module(tmp_path)
    (folder / "module.toml").rename(folder / "module.toml.txt")
    problem = only_problem(folder)
    assert problem.file == folder and "renommez-le exactement module.toml" in problem.message
