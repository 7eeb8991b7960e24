"""The pack format's additions of issue 12 (/work/prompts/lesson-spec.md): the module's
requires, checklist, remember and [glossary]; pictures and labels on the exercises,
"system" for the double-click, key combinations, hotspot, hover and the richer form.
Each key good and bad, each message naming its file and the line an editor shows."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from atelier.lessons.library import check_path
from atelier.lessons.pack import load_module
from tests.test_lessons import CLICK, HEAD, line_of, make_module, only_problem

DEMO = Path(__file__).resolve().parent / "demo_pack" / "nouveautes"
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 120" width="400" height="120">'
       '<rect x="0" y="0" width="400" height="120" fill="#FFFFFF"/></svg>')


def with_svg(folder: Path, name: str = "images/barre.svg", text: str = SVG) -> Path:
    (folder / name).write_text(text, "utf-8")
    return folder


def module_with(tmp_path, toml: str, svg: bool = True) -> Path:
    folder = make_module(tmp_path, toml)
    return with_svg(folder) if svg else folder


def exercise(kind: str, params: str) -> str:
    return HEAD + CLICK.format(id="a").replace('"click"', f'"{kind}"') + params + "\n"


def assert_one(tmp_path, toml: str, marker: str, expected: str, nth: int = 1, svg: bool = True):
    problem = only_problem(module_with(tmp_path, toml, svg))
    assert expected in problem.message, problem.message
    assert problem.line == line_of(toml, marker, nth), (str(problem), line_of(toml, marker, nth))
    assert str(problem).startswith(f"essai/module.toml, ligne {problem.line} : ")


# --- the demo module: every new key and kind at once -----------------------------------------

def test_the_demo_module_passes_and_fills_every_new_key():
    assert check_path(DEMO) == []
    module = load_module(DEMO)
    assert module.requires == ("la-souris", "le-clavier") and len(module.checklist) == 2
    assert len(module.remember) == 3 and module.glossary["cadenas"].startswith("Un petit dessin")
    kinds = {e.kind for e in module.exercises}
    assert {"hotspot", "hover", "form", "keys", "click", "double-click", "drag", "right-click"} <= kinds
    assert all(e.folder == DEMO for e in module.exercises)
    form = next(e for e in module.exercises if e.kind == "form")
    assert [len(p["fields"]) for p in form.params["pages"]] == [3, 3, 3]
    assert form.params["submit"] == "Valider" and form.params["fields"][0]["name"] == "nom"
    assert next(f for f in form.params["fields"] if f["type"] == "code")["length"] == 6
    assert hash(module)


def test_a_module_without_the_new_keys_still_loads(tmp_path):
    module = load_module(make_module(tmp_path))
    assert (module.requires, module.checklist, module.remember, module.glossary) == ((), (), (), {})


# --- the module's own keys -------------------------------------------------------------------

GOOD_TOP = """requires = ["la-souris"]
checklist = ["Une souris par poste", "Les feuilles d'émargement"]
remember = ["Un.", "Deux.", "Trois."]

[glossary]
navigateur = "Le programme pour aller sur internet."
"""


def test_good_module_keys(tmp_path):
    module = load_module(make_module(tmp_path, HEAD + GOOD_TOP))
    assert module.requires == ("la-souris",) and module.remember == ("Un.", "Deux.", "Trois.")
    assert module.glossary == {"navigateur": "Le programme pour aller sur internet."}


@pytest.mark.parametrize("replace, marker, expected", [
    ('remember = ["Un.", "Deux.", "Trois."]', 'remember = ["Un.", "Deux."]', "il en faut exactement 3"),
    ('remember = ["Un.", "Deux.", "Trois."]', 'remember = "Un."', "liste de textes"),
    ('checklist = ["Une souris par poste", "Les feuilles d\'émargement"]', "checklist = []", "au moins 1"),
    ('requires = ["la-souris"]', 'requires = ["La Souris"]', "n'est pas l'identifiant d'un module"),
    ('requires = ["la-souris"]', 'requires = ["essai"]', "nomme le module lui-même"),
    ('requires = ["la-souris"]', 'requires = "la-souris"', "liste de textes"),
])
def test_bad_module_keys(tmp_path, replace, marker, expected):
    toml = HEAD + GOOD_TOP.replace(replace, marker)
    problem = only_problem(make_module(tmp_path, toml))
    assert expected in problem.message and problem.line == line_of(toml, marker)


@pytest.mark.parametrize("entry, marker", [
    ('souris = ""', "souris ="), ("souris = 3", "souris ="), ("souris = [\"a\"]", "souris ="),
])
def test_a_glossary_word_needs_its_explanation(tmp_path, entry, marker):
    toml = HEAD + GOOD_TOP + entry + "\n"
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.message.startswith("lexique : « souris » doit être suivi d'une explication")
    assert problem.line == line_of(toml, marker)


def test_a_glossary_that_is_not_a_table(tmp_path):
    toml = HEAD.replace('steps =', 'glossary = "navigateur"\nsteps =')
    problem = only_problem(make_module(tmp_path, toml))
    assert "[glossary]" in problem.message and problem.line == line_of(toml, "glossary =")


def test_unknown_module_key_lists_the_new_ones(tmp_path):
    toml = HEAD + 'remeber = ["a", "b", "c"]\n'
    problem = only_problem(make_module(tmp_path, toml))
    assert "(vouliez-vous dire « remember » ?)" in problem.message and "glossary" in problem.message


# --- pictures and labels on the existing kinds ------------------------------------------------

@pytest.mark.parametrize("kind, params", [
    ("click", 'image = "images/barre.svg"\nlabel = "le dossier Photos"'),
    ("double-click", 'image = "images/barre.svg"\ninterval_ms = "system"'),
    ("right-click", 'menu = ["Ouvrir", "Copier"]\nanswer = "Copier"\nimage = "images/barre.svg"\nlabel = "la photo"'),
    ("drag", 'object_image = "images/barre.svg"\nobject_label = "la lettre"\ntarget_image = "images/barre.svg"\n'
             'target_label = "le dossier"'),
])
def test_pictures_and_labels_pass(tmp_path, kind, params):
    folder = module_with(tmp_path, exercise(kind, params))
    assert check_path(folder) == []
    params = load_module(folder).exercises[0].params
    assert any(value == "images/barre.svg" for value in params.values())


@pytest.mark.parametrize("kind, params, marker, expected", [
    ("click", 'image = "images/absente.svg"', "image", "fichier introuvable « images/absente.svg »"),
    ("click", 'image = "images/Barre.svg"', "image", "les majuscules comptent"),
    ("click", 'image = "../dehors.svg"', "image", "à l'intérieur du dossier du module"),
    ("click", 'image = "images/notes.txt"', "image", "n'est pas une image"),
    ("click", "image = 3", "image", "texte entre guillemets"),
    ("click", 'label = ""', "label", "non vide"),
    ("drag", 'target_image = "images/panier.svg"', "target_image", "fichier introuvable"),
    ("drag", 'object_label = ["a"]', "object_label", "texte entre guillemets"),
    ("right-click", 'menu = ["Ouvrir", "Copier"]\nanswer = "Copier"\nimage = "images/x.png"', "image = ",
     "fichier introuvable"),
    ("double-click", 'interval_ms = "systeme"', "interval_ms", 'ou "system" pour le réglage'),
    ("double-click", "interval_ms = 100", "interval_ms", "entre 300 et 3000"),
    ("double-click", "interval_ms = true", "interval_ms", "millisecondes"),
    ("scroll", 'find = "Chat"\nimage = "images/barre.svg"', "image", "clé inconnue « image »"),
])
def test_bad_pictures_and_labels(tmp_path, kind, params, marker, expected):
    assert_one(tmp_path, exercise(kind, params), marker, expected)


# --- keys: names as the program shows them, and combinations ------------------------------------

def test_keys_by_their_french_names_and_combinations(tmp_path):
    keys = '["Entrée", "Effacer", "Suppr", "Échap", "Maj", "Verr. Maj", "Tab", "AltGr", "Ctrl", "Espace", ' \
           '"flèche gauche", "Flèche droite", "Ctrl+C", "ctrl + v", "Maj+A", "AltGr+0", "AltGr+à", "é", "Enter"]'
    assert check_path(module_with(tmp_path, exercise("keys", f"keys = {keys}"))) == []


@pytest.mark.parametrize("keys, expected", [
    ('["Ctrl+"]', "il manque la touche après « + »"),
    ('["Ctrl+Maj"]', "une combinaison finit par une touche"),
    ('["Ctrl+Ctrl+C"]', "nomme deux fois « Ctrl »"),
    ('["AltGr+a"]', "AltGr avec « a » n'écrit rien"),
    ('["Ctrl+é"]', "avec Ctrl, écrivez une lettre ou un chiffre"),
    ('["Maj+@"]', "ce n'est pas une touche du clavier français"),
    ('["Controle+C"]', "touche inconnue « Controle+C »"),
    ('["Echap"]', "touche inconnue « Echap » (vouliez-vous dire « Échap » ?)"),
    ("[]", "liste de touches"),
    ('"Entrée"', "liste de touches"),
])
def test_bad_keys(tmp_path, keys, expected):
    assert_one(tmp_path, exercise("keys", f"keys = {keys}"), "keys =", expected)


# --- hotspot -----------------------------------------------------------------------------------

HOTSPOT = """
[[exercises.questions]]
image = "images/barre.svg"
question = "Où est le cadenas ?"
spots = [{ x = 10, y = 6, width = 36, height = 36 }, { x = 300, y = 60, width = 20, height = 20 }]
explanation = "À gauche de l'adresse."
"""


def hotspot(question: str = HOTSPOT) -> str:
    return exercise("hotspot", "") + question


def test_hotspot_passes_and_explanation_is_optional(tmp_path):
    folder = module_with(tmp_path, hotspot(HOTSPOT.replace('explanation = "À gauche de l\'adresse."\n', "")))
    assert check_path(folder) == []
    [question] = load_module(folder).exercises[0].params["questions"]
    assert question["explanation"] == "" and len(question["spots"]) == 2


@pytest.mark.parametrize("old, new, marker, expected", [
    ('image = "images/barre.svg"', 'image = "images/rien.svg"', "images/rien.svg", "fichier introuvable"),
    ('image = "images/barre.svg"\n', "", "[[exercises.questions]]", "il manque « image »"),
    ('explanation = "À', 'explication = "À', "explication", "clé inconnue « explication » (vouliez-vous dire « explanation » ?)"),
    ("{ x = 300, y = 60, width = 20, height = 20 }", "{ x = 500, y = 60, width = 20, height = 20 }", "spots",
     "zone n° 2 : son milieu (510, 70) est hors de l'image"),
    ("{ x = 10, y = 6, width = 36, height = 36 }", '{ x = "10", y = 6, width = 36, height = 36 }', "spots",
     "« x » doit être un nombre"),
    ("{ x = 10, y = 6, width = 36, height = 36 }", "{ x = 10, y = 6, width = 0, height = 36 }", "spots",
     "« width » doit être un nombre plus grand que 0"),
    ("{ x = 10, y = 6, width = 36, height = 36 }", "{ x = 10, y = 6, height = 36 }", "spots",
     "« width » doit être un nombre plus grand que 0, sans guillemets, pas rien"),
    ("spots = [{ x = 10, y = 6, width = 36, height = 36 }, { x = 300, y = 60, width = 20, height = 20 }]",
     "spots = []", "spots", "liste non vide de zones"),
])
def test_bad_hotspot(tmp_path, old, new, marker, expected):
    toml = hotspot(HOTSPOT.replace(old, new))
    assert_one(tmp_path, toml, marker, expected)


def test_hotspot_spot_lines_point_at_the_right_inline_table(tmp_path):
    question = HOTSPOT.replace("spots = [{ x = 10, y = 6, width = 36, height = 36 }, "
                               "{ x = 300, y = 60, width = 20, height = 20 }]",
                               "spots = [\n  { x = 10, y = 6, width = 36, height = 36 },\n"
                               "  { x = 300, y = 60, width = -1, height = 20 },\n]")
    toml = hotspot(HOTSPOT + question)   # the second question's second spot
    problem = only_problem(module_with(tmp_path, toml))
    assert problem.line == line_of(toml, "width = -1") and "zone n° 2" in problem.message


def test_hotspot_spot_outside_a_png_is_measured_too(tmp_path):
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 100, 50, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(b"\x00" * 301 * 50)) + chunk(b"IEND", b""))
    toml = hotspot(HOTSPOT.replace("barre.svg", "petite.png"))
    folder = module_with(tmp_path, toml)
    (folder / "images" / "petite.png").write_bytes(png)
    problem = only_problem(folder)
    assert "zone n° 2" in problem.message and "(100, 50)" in problem.message


# --- hover ------------------------------------------------------------------------------------

def test_hover_defaults_and_picture(tmp_path):
    folder = module_with(tmp_path, exercise("hover", 'image = "images/barre.svg"'))
    assert load_module(folder).exercises[0].params == {"image": "images/barre.svg", "uncover": 0.8, "brush": 90}


@pytest.mark.parametrize("params, marker, expected", [
    ("uncover = 1.5", "uncover", "entre 0.3 et 1"), ('uncover = "0.8"', "uncover", "entre 0.3 et 1"),
    ("uncover = 0.1", "uncover", "entre 0.3 et 1"), ("brush = 10", "brush", "entre 30 et 300"),
    ("brush = 90.5", "brush", "nombre entier"), ('image = "images/carte.svg"', "image", "fichier introuvable"),
])
def test_bad_hover(tmp_path, params, marker, expected):
    assert_one(tmp_path, exercise("hover", params), marker, expected)


# --- whatever a trainer writes, the new checks answer with words, never a crash ---------------

VALUES = st.recursive(st.none() | st.booleans() | st.integers(-10**20, 10**20) | st.floats(allow_nan=True)
                      | st.text(max_size=12),
                      lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                   max_size=4),
                      max_leaves=12)
NEW_KEYS = {
    "hotspot": ["questions", "image", "question", "spots", "explanation", "x", "y", "width", "height"],
    "hover": ["image", "uncover", "brush"],
    "form": ["fields", "pages", "title", "label", "type", "expected", "length", "choices", "required", "data",
             "recap", "submit", "name"],
    "keys": ["keys"],
    "double-click": ["interval_ms", "image", "label"],
    "drag": ["object_image", "object_label", "target_image", "target_label"],
}


def tables(kind):
    keys = st.sampled_from(NEW_KEYS[kind])
    nested = st.recursive(VALUES, lambda inner: st.lists(st.dictionaries(keys, inner, max_size=5), max_size=3)
                          | st.dictionaries(keys, inner, max_size=5), max_leaves=20)
    return st.dictionaries(keys, nested, max_size=6)


KIND_TABLES = st.one_of([st.tuples(st.just(kind), tables(kind)) for kind in sorted(NEW_KEYS)])


@settings(max_examples=120, deadline=None)
@given(KIND_TABLES)
def test_the_new_checks_never_crash(kind_table):
    from atelier.lessons.exercises import check_exercises
    from atelier.lessons.rules import PackFiles

    kind, written = kind_table
    table = {"id": "a", "kind": kind, "title": "T", "instructions": "I.", **written}
    files = PackFiles(problem=lambda path: None, box=lambda path: (0.0, 0.0, 100.0, 50.0))
    good, issues = check_exercises([table], files)
    assert all(isinstance(i.message, str) and i.message for i in issues)
    assert bool(good) != bool(issues)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(st.sampled_from(["requires", "checklist", "remember", "glossary"]), VALUES, min_size=1))
def test_the_new_module_keys_never_crash(tmp_path_factory, extra):
    import tomllib

    from atelier.lessons.pack import _Reader

    folder = make_module(tmp_path_factory.mktemp("m"))
    reader = _Reader(folder)
    reader.read()
    reader._module({**tomllib.loads(HEAD), **extra})
    assert all(p.message and p.file for p in reader.problems)
