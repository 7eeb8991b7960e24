"""tools/move_in_exercises.py, run as the lead runs it on a module that still has a
next-exercises.toml: the keys go to the top, a waiting exercise replaces the one of the
same id, the new ones go where the steps use them, the comments stay, and the module
then passes the checker; a file it cannot read leaves the module as it was."""

import subprocess
import sys
import tomllib
from pathlib import Path

from atelier.lessons.library import check_path
from atelier.lessons.pack import load_module

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "move_in_exercises.py"

MODULE = '''\
id = "essai"
title = "Essai"
summary = "Un module d'essai."
language = "fr"
version = 3   # 3 : le garder tel quel
duration = 60
level = "debutant"
themes = ["prendre_en_main_du_materiel"]
objectives = ["Cliquer"]
# « Avant l'atelier » et le lexique : voir next-exercises.toml
steps = ["01-accueil.md", "02-cliquer.md", "03-quiz.md"]

[[exercises]]
id = "ronds"
kind = "click"
title = "Les ronds"
instructions = "Cliquez sur les ronds."
count = 5   # assez pour commencer

[[exercises]]
id = "quiz"
kind = "choice"
title = "Le quiz"
instructions = """Lisez la question.
[[exercises]]
Cliquez sur la bonne réponse."""

[[exercises.questions]]
question = "Un clic, c'est ?"
answers = ["Appuyer une fois", "Appuyer deux fois"]
correct = 0
explanation = "Un clic : on appuie une fois."
'''

WAITING = '''\
# Ce qui attend le nouveau moteur de leçons.
# - Les clés du haut vont en tête de module.toml.

requires = []   # premier module
checklist = ["Une souris par poste", "Les feuilles d'émargement"]
remember = ["Je pose la flèche.", "Je clique.", "Je lâche."]

[glossary]
"flèche" = "Le petit dessin qui bouge sur l'écran."

# place : étape 02, avant « Les ronds »
[[exercises]]
id = "carte"
kind = "hover"
title = "La carte"
instructions = "Promenez la flèche sur la carte grise."

# remplace « quiz » : une question de plus
[[exercises]]
id = "quiz"
kind = "choice"
title = "Le quiz"
instructions = "Lisez la question. Cliquez sur la bonne réponse."

[[exercises.questions]]
question = "Un clic, c'est ?"
answers = ["Appuyer une fois", "Appuyer deux fois"]
correct = 0
explanation = "Un clic : on appuie une fois."

[[exercises.questions]]
question = "Où est la flèche ?"
answers = ["Sur l'écran", "Dans le tiroir"]
correct = 0
explanation = "La flèche est sur l'écran."
'''

STEPS = {
    "01-accueil.md": "# Accueil\n\n## Ce que font les participants\n\n- « Le quiz » pour voir.\n",
    "02-cliquer.md": "# Cliquer\n\n## Ce que font les participants\n\n- « La carte », puis « Les ronds ».\n",
    "03-quiz.md": "# Quiz\n\n## Ce que font les participants\n\n- « Le quiz ».\n",
}


def module(tmp_path: Path, waiting: str = WAITING) -> Path:
    folder = tmp_path / "lessons" / "essai"
    (folder / "images").mkdir(parents=True)
    (folder / "module.toml").write_text(MODULE, "utf-8")
    (folder / "next-exercises.toml").write_text(waiting, "utf-8")
    for name, text in STEPS.items():
        (folder / name).write_text(text, "utf-8")
    return folder


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(TOOL), *map(str, args)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT)}, timeout=60)


def test_what_waits_moves_into_module_toml_in_the_order_of_the_steps(tmp_path):
    folder = module(tmp_path)
    done = run(tmp_path / "lessons")
    assert done.returncode == 0, done.stderr
    assert not (folder / "next-exercises.toml").exists()
    assert check_path(folder) == []
    loaded = load_module(folder)
    assert [e.id for e in loaded.exercises] == ["carte", "ronds", "quiz"]   # step 02 names « La carte » first
    assert loaded.requires == () and loaded.remember == ("Je pose la flèche.", "Je clique.", "Je lâche.")
    assert loaded.glossary == {"flèche": "Le petit dessin qui bouge sur l'écran."}
    assert len(loaded.exercises[-1].params["questions"]) == 2   # the waiting quiz replaced today's
    assert loaded.version == 3
    text = (folder / "module.toml").read_text("utf-8")
    assert "count = 5   # assez pour commencer" in text and "requires = []   # premier module" in text
    assert "next-exercises" not in text and "# place" not in text and "# remplace" not in text
    assert "\n\n\n" not in text and text.count("\n\n[[exercises]]\n") == 3


def test_a_dry_run_prints_and_changes_nothing(tmp_path):
    folder = module(tmp_path)
    done = run(folder, "--dry-run")
    assert done.returncode == 0, done.stderr
    assert tomllib.loads(done.stdout)["glossary"]
    assert (folder / "module.toml").read_text("utf-8") == MODULE
    assert (folder / "next-exercises.toml").is_file()


def test_a_file_it_cannot_read_leaves_the_module_as_it_was(tmp_path):
    folder = module(tmp_path, WAITING.replace('title = "La carte"', 'title = "La carte'))
    done = run(tmp_path / "lessons")
    assert done.returncode == 1
    assert "essai : laissé tel quel" in done.stderr and "Traceback" not in done.stderr
    assert (folder / "module.toml").read_text("utf-8") == MODULE
    assert (folder / "next-exercises.toml").is_file()
