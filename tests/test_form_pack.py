"""The richer form in a pack: pages, what each field expects, radio buttons, password,
code with its length, the data card and the recap; the first packs' one-page
``fields`` keep working. Each problem names the file and the line of its own field."""

import pytest

from atelier.lessons.library import check_path
from atelier.lessons.pack import load_module
from tests.test_lessons import CLICK, HEAD, line_of, make_module, only_problem

FORM = HEAD + CLICK.format(id="f").replace('"click"', '"form"') + '''data = """Jeanne Martin
Code : 482 913"""
recap = true

[[exercises.pages]]
title = "Qui êtes-vous ?"

[[exercises.pages.fields]]
label = "Nom"
type = "text"
expected = "Martin"

[[exercises.pages.fields]]
label = "Date de naissance"
type = "date"
expected = "02/05/1950"

[[exercises.pages]]
title = "Votre compte"

[[exercises.pages.fields]]
label = "Mot de passe"
type = "password"
expected = "Lilas2025!"

[[exercises.pages.fields]]
label = "Code reçu par SMS"
type = "code"
length = 6
expected = "482 913"

[[exercises.pages.fields]]
label = "Livraison"
type = "radio"
choices = ["À domicile", "En point relais"]
expected = "en point relais"

[[exercises.pages.fields]]
label = "Je certifie"
type = "checkbox"
expected = true

[[exercises.pages.fields]]
label = "Nombre de colis"
type = "number"
expected = 2
'''



def test_form_pages_load_with_their_defaults(tmp_path):
    form = load_module(make_module(tmp_path, FORM)).exercises[0].params
    assert [p["title"] for p in form["pages"]] == ["Qui êtes-vous ?", "Votre compte"]
    assert [f["name"] for f in form["fields"]] == ["nom", "date-de-naissance", "mot-de-passe", "code-recu-par-sms",
                                                   "livraison", "je-certifie", "nombre-de-colis"]
    assert form["recap"] is True and form["submit"] == "Valider" and form["data"].startswith("Jeanne")
    assert all(f["required"] is True for f in form["fields"])


def test_the_first_format_is_one_page_without_recap(tmp_path):
    toml = HEAD + CLICK.format(id="f").replace('"click"', '"form"') + \
        'fields = [{ name = "nom", label = "Nom", type = "text" }, { label = "Nom", type = "text" }]\n'
    form = load_module(make_module(tmp_path, toml)).exercises[0].params
    assert form["pages"] == [{"title": "", "fields": form["fields"]}]
    assert [f["name"] for f in form["fields"]] == ["nom", "nom-2"]   # a name made from a label stays unique
    assert form["recap"] is False and form["submit"] == "Envoyer" and form["data"] is None


def test_a_code_without_length_takes_the_expected_ones(tmp_path):
    toml = FORM.replace("length = 6\n", "")
    code = next(f for f in load_module(make_module(tmp_path, toml)).exercises[0].params["fields"]
                if f["type"] == "code")
    assert code["length"] == 6


@pytest.mark.parametrize("old, new, marker, nth, expected", [
    ('expected = "Martin"', "expected = 3", "expected = 3", 1, "texte entre guillemets"),
    ('expected = "02/05/1950"', 'expected = "2 mai 1950"', "2 mai 1950", 1,
     "que l'exercice refuserait : Écrivez la date avec des barres"),
    ('expected = "en point relais"', 'expected = "Au bureau de poste"', "Au bureau", 1,
     "n'est pas dans « choices » : À domicile, En point relais"),
    ('expected = "482 913"', 'expected = "48291"', '"48291"', 1, "Le code a 6 chiffres"),
    ('expected = "482 913"', 'expected = "ABC123"', '"ABC123"', 1, "avec des chiffres"),
    ("length = 6", "length = 1", "length = 1", 1, "entre 2 et 12"),
    ("expected = true", 'expected = "oui"', 'expected = "oui"', 1, "true (oui) ou false (non)"),
    ("expected = 2\n", 'expected = "deux"\n', '"deux"', 1, "doit être un nombre"),
    ('choices = ["À domicile", "En point relais"]', 'choices = ["À domicile"]', "choices", 1,
     "au moins 2 éléments"),
    ('type = "password"', 'type = "motdepasse"', "motdepasse", 1, "type de champ inconnu"),
    ('label = "Nom"\ntype = "text"', 'label = "Nom"\ntype = "text"\nlength = 4', "length = 4", 1,
     '« length » ne sert que pour type = "code"'),
    ('expected = "Martin"', 'expeted = "Martin"', "expeted", 1,
     "clé inconnue « expeted » (vouliez-vous dire « expected » ?)"),
    ('title = "Votre compte"', 'titre = "Votre compte"', "titre", 1, "clé inconnue « titre »"),
])
def test_bad_form_fields_point_at_their_own_line(tmp_path, old, new, marker, nth, expected):
    toml = FORM.replace(old, new)
    problem = only_problem(make_module(tmp_path, toml))
    assert expected in problem.message, problem.message
    assert problem.line == line_of(toml, marker, nth), (str(problem), line_of(toml, marker, nth))


def test_a_field_missing_its_label_points_at_its_table(tmp_path):
    toml = FORM.replace('label = "Mot de passe"\n', "")
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.message == "il manque « label »"
    assert problem.line == line_of(toml, "[[exercises.pages.fields]]", 3)


def test_fields_and_pages_one_or_the_other(tmp_path):
    both = FORM.replace("recap = true", 'recap = true\nfields = [{ label = "A", type = "text" }]')
    problem = only_problem(make_module(tmp_path, both))
    assert "pas les deux" in problem.message and problem.line == line_of(both, "[[exercises.pages]]")
    neither = HEAD + CLICK.format(id="f").replace('"click"', '"form"') + "recap = true\n"
    problem = only_problem(make_module(tmp_path / "b", neither))
    assert "il manque « fields »" in problem.message and "« pages »" in problem.message
    assert problem.line == line_of(neither, "[[exercises]]")


@pytest.mark.parametrize("old, new, marker, expected", [
    ("recap = true", 'recap = "oui"', "recap", "« recap » vaut true (oui) ou false (non)"),
    ('data = """Jeanne Martin\nCode : 482 913"""', 'data = ""', "data", "non vide"),
    ('[[exercises.pages.fields]]\nlabel = "Nom"', '[[exercises.pages.field]]\nlabel = "Nom"',
     "[[exercises.pages.field]]", "clé inconnue « field »"),
])
def test_bad_form_settings(tmp_path, old, new, marker, expected):
    toml = FORM.replace(old, new, 1)
    problems = check_path(make_module(tmp_path, toml))
    assert any(expected in p.message and p.line == line_of(toml, marker) for p in problems), \
        [str(p) for p in problems]
