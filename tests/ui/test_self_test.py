"""atelier --self-test: every step on the real program, in a temporary home; a broken
section or a kind no shipped module uses is named, with a non-zero exit."""

import os
import subprocess
import sys
from pathlib import Path

from ui import self_test
from ui.pages import PAGES
from ui.practice.kinds import KIND_WIDGETS

ROOT = Path(__file__).resolve().parents[2]
STEPS = ("application Qt", "modules du programme", "base de données", "modules de leçons",
         "feuille d'émargement (PDF)", "sections de la fenêtre", "fenêtre d'entraînement")


def test_every_step_passes_and_the_report_says_what_was_opened(home, tmp_path):
    report = tmp_path / "rapport.txt"
    assert self_test.run(report) == 0
    text = report.read_text(encoding="utf-8")
    lines = text.splitlines()
    for step in STEPS:
        assert any(line.startswith(f"OK     {step} (") for line in lines), (step, text)
    sections = next(line for line in lines if "sections de la fenêtre" in line)
    assert all(key in sections for key in ("home", *PAGES))
    kinds = next(line for line in lines if "fenêtre d'entraînement" in line)
    assert all(kind in kinds for kind in KIND_WIDGETS)
    assert lines[-1].startswith("RÉUSSI")
    assert not any(home.iterdir()), "the self-test never writes in the person's data folder"
    assert os.environ["ATELIER_HOME"] == str(home)


def test_a_section_that_does_not_open_is_named(home, tmp_path, monkeypatch):
    monkeypatch.setitem(PAGES, "lessons", "ui.views.no_such_page:LessonsView")  # a page left out of a build
    report = tmp_path / "rapport.txt"
    assert self_test.run(report) == 1
    text = report.read_text(encoding="utf-8")
    assert "ÉCHEC  sections de la fenêtre" in text and "no_such_page" in text
    assert text.splitlines()[-1].startswith("ÉCHEC : sections de la fenêtre")
    assert "OK     fenêtre d'entraînement" in text  # the steps after a failure still run


def test_a_kind_no_shipped_module_uses_is_named(home, tmp_path, monkeypatch):
    monkeypatch.setitem(KIND_WIDGETS, "sans-exercice", KIND_WIDGETS["click"])
    report = tmp_path / "rapport.txt"
    assert self_test.run(report) == 1
    text = report.read_text(encoding="utf-8")
    assert "ÉCHEC  fenêtre d'entraînement" in text and "aucun exercice de type sans-exercice" in text


def test_report_goes_with_self_test(tmp_path):
    done = subprocess.run([sys.executable, "-m", "atelier", "--report", "x.txt"], cwd=tmp_path, capture_output=True,
                          text=True, env=dict(os.environ, PYTHONPATH=str(ROOT), ATELIER_HOME=str(tmp_path / "home")))
    assert done.returncode == 2
    assert "--report va avec --self-test" in done.stderr and "Traceback" not in done.stderr
