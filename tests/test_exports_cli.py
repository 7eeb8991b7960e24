"""``atelier export …``: exit codes, plain French messages, no traceback."""

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from atelier import cli
from atelier.store import Store
from tests.exports_helpers import world_in

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def world(home):
    return world_in(home)


def test_register_csv_and_xlsx(world, tmp_path, capsys):
    target = tmp_path / "r.csv"
    assert cli.main(["export", "register", "--from", "2026-01-01", "--to", "31/03/2026", "-o", str(target)]) == 0
    assert "8 lignes" in capsys.readouterr().out
    with open(target, encoding="utf-8-sig", newline="") as handle:
        assert len(list(csv.reader(handle, delimiter=";"))) == 9
    target = tmp_path / "r.xlsx"
    assert cli.main(["export", "register", "--from", "2026-01-01", "--to", "2026-03-31",
                     "--group", "débutants du mardi", "-o", str(target)]) == 0
    assert "Débutants du mardi" in openpyxl.load_workbook(target).sheetnames
    target = tmp_path / "comma.csv"
    assert cli.main(["export", "register", "--from", "2026-01-01", "--to", "2026-03-31",
                     "--separator", ",", "-o", str(target)]) == 0
    assert target.read_text("utf-8-sig").splitlines()[0].count(",") == 9


def test_report_xlsx_and_person_json(world, tmp_path):
    assert cli.main(["export", "report", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(tmp_path / "b.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "b.xlsx").sheetnames == ["Séances", "Totaux"]
    assert cli.main(["export", "person", "Hélène Martin", "-o", str(tmp_path / "h.json")]) == 0
    assert json.loads((tmp_path / "h.json").read_text("utf-8"))["participant"]["id"] == world["helene"]
    assert cli.main(["export", "person", "martin hélène", "-o", str(tmp_path / "h2.json")]) == 0


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make test installs it)")
def test_pdf_commands_write_real_pdfs_without_a_display(world, home, tmp_path):
    """As a script would run them: a separate process, no DISPLAY, the real Qt renderer."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["ATELIER_HOME"] = str(home)

    def export(*argv):
        result = subprocess.run([sys.executable, "-m", "atelier", "export", *argv], env=env,
                                capture_output=True, text=True, cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "Traceback" not in result.stderr

    export("sheet", world["s1"], "--completed", "-o", str(tmp_path / "s.pdf"))
    completed = pdf_text(tmp_path / "s.pdf")
    assert "Feuille d'émargement" in completed and "Hélène Martin" in completed and "Présent(e)" in completed
    assert "Martine Lefèvre" in completed and "6 janvier 2026" in completed
    export("sheet", world["s1"], "-o", str(tmp_path / "b.pdf"))
    assert "Présent(e)" not in pdf_text(tmp_path / "b.pdf")
    export("sheets", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(tmp_path / "all.pdf"))
    assert pdf_text(tmp_path / "all.pdf").count("Feuille d'émargement") == 3  # not the cancelled session
    export("report", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(tmp_path / "r.pdf"))
    assert pages(tmp_path / "r.pdf") == 1 and "Rapport d'activité" in pdf_text(tmp_path / "r.pdf")
    export("attestation", world["jose"], "--from", "01/01/2026", "-o", str(tmp_path / "a.pdf"))
    assert "José Fernandes" in pdf_text(tmp_path / "a.pdf")
    export("person", world["ana"], "-o", str(tmp_path / "p.pdf"))
    assert "Åberg" in pdf_text(tmp_path / "p.pdf")


@pytest.mark.parametrize("argv, code, words", [
    (["export", "register", "--from", "2026-02-30", "--to", "2026-03-31", "-o", "r.csv"], 2, "date invalide"),
    (["export", "register", "--from", "2026-01-01", "--to", "2026-03-31", "-o", "r.txt"], 2, ".csv ou .xlsx"),
    (["export", "register", "--from", "2026-03-01", "--to", "2026-01-31", "-o", "r.csv"], 2, "finit avant"),
    (["export", "register", "--from", "2026-01-01", "--to", "2026-03-31", "--group", "Inconnu", "-o", "r.csv"], 1,
     "Aucun groupe"),
    (["export", "register", "--from", "2026-01-01", "--to", "2026-03-31", "--separator", "|", "-o", "r.csv"], 2,
     "choix invalide"),
    (["export", "register", "--to", "2026-03-31", "-o", "r.csv"], 2, "--from"),
    (["export", "sheet", "nope", "-o", "s.pdf"], 1, "Aucune séance"),
    (["export", "sheets", "--from", "2031-01-01", "--to", "2031-01-31", "-o", "s.pdf"], 1, "Aucune séance"),
    (["export", "person", "Personne Inconnue", "-o", "p.json"], 1, "Aucune personne"),
    (["export", "attestation", "x", "-o", "a.xlsx"], 2, ".pdf"),
])
def test_bad_arguments_give_a_plain_message(world, tmp_path, monkeypatch, capsys, argv, code, words):
    monkeypatch.chdir(tmp_path)
    try:
        returned = cli.main(argv)
    except SystemExit as stop:  # argparse's own checks exit with 2
        returned = stop.code
    assert returned == code
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


def test_several_people_with_the_same_name(home, tmp_path, capsys):
    from atelier import people
    from atelier.people import Participant

    store = Store.open(home)
    try:
        twins = [people.add(store.db, Participant("Jean", "Dupont")).id for _ in range(2)]
    finally:
        store.close()
    assert cli.main(["export", "person", "Jean Dupont", "-o", str(tmp_path / "j.json")]) == 1
    err = capsys.readouterr().err
    assert "Plusieurs personnes" in err and all(t in err for t in twins)


def test_help_for_every_export_command(capsys):
    for kind in ("sheet", "sheets", "register", "report", "attestation", "person"):
        with pytest.raises(SystemExit) as stop:
            cli.main(["export", kind, "--help"])
        assert stop.value.code == 0
        assert "-o FICHIER" in capsys.readouterr().out
