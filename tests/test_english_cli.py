"""The command line and the documents in English (LANGUAGE=en): argparse's own words,
every command's help, a command's error, a sign-in sheet, a register and a report.

These tests need the English catalogue filled (atelier/locale/en): an untranslated
string shows in French and fails them, which is what they are for.
"""

import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from atelier import cli, i18n
from tests.exports_helpers import world_in
from tests.french_words import french_in
from tests.test_cli import COMMANDS, in_process

ROOT = Path(__file__).resolve().parent.parent
NAMES = {name for command in COMMANDS for name in command}  # typed as they are, in every language
NATIONAL_LINE = "National reporting categories and terms in French, as funders read them."


@pytest.fixture
def english(monkeypatch):
    """The commands read their language from the environment, as gettext programs do."""
    monkeypatch.setenv("LANGUAGE", "en")


@pytest.fixture
def world(home):
    return world_in(home)


@pytest.mark.parametrize("command", [(), *COMMANDS], ids=lambda c: " ".join(c) or "atelier")
def test_every_help_is_english(english, capsys, home, command):
    code, out, err = in_process(capsys, *command, "--help")
    assert code == 0 and err == ""
    assert out.startswith("usage: atelier") and "options:" in out and "show this help message and exit" in out
    assert not french_in(out) - NAMES, out


def test_argparse_speaks_french_in_french(capsys, home):
    code, out, _err = in_process(capsys, "--help")
    assert "usage : atelier" in out and "afficher cette aide et quitter" in out
    code, _out, err = in_process(capsys, "restore")
    assert code == 2 and "ces arguments sont obligatoires : SAUVEGARDE" in err


@pytest.mark.parametrize("argv, code, words", [
    (["restore"], 2, "Error: the following arguments are required: BACKUP"),
    (["export", "register", "--from", "2026-02-30", "--to", "2026-03-31", "-o", "r.csv"], 2, "invalid date"),
    (["export", "register", "--from", "2026-01-01", "--to", "2026-03-31", "--separator", "|", "-o", "r.csv"], 2,
     "invalid choice"),
    (["export", "person", "Nobody Known", "-o", "p.json"], 1, "No person"),
    (["export", "register", "--from", "2026-03-01", "--to", "2026-01-31", "-o", "r.csv"], 2, "Error:"),
])
def test_a_command_error_is_english(english, world, tmp_path, monkeypatch, capsys, argv, code, words):
    monkeypatch.chdir(tmp_path)
    returned, _out, err = in_process(capsys, *argv)
    assert returned == code and words in err and "Traceback" not in err
    assert not french_in(err), err


def test_an_english_register_xlsx(english, world, tmp_path, capsys):
    target = tmp_path / "register.xlsx"
    assert cli.main(["export", "register", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(target)]) == 0
    assert "Register written (8 rows)" in capsys.readouterr().out
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[0] == "Summary"
    header = [cell.value for cell in book["Summary"][1]]
    assert header[:2] == ["Group", "Sessions"] and not french_in(" ".join(header))
    sheet = book[book.sheetnames[1]]  # the group's own sheet: its name is the association's words
    header = [cell.value for cell in sheet[1]]
    assert header == ["Date", "Start", "End", "Group", "Module", "Place", "Facilitator", "Last name", "First name",
                      "Attendance"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0][0] == datetime(2026, 1, 6) and {row[-1] for row in rows} == {"present", "absent", "late", "excused"}


def test_an_english_report_keeps_the_national_categories(english, world, tmp_path, capsys):
    target = tmp_path / "report.xlsx"
    assert cli.main(["export", "report", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(target)]) == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Sessions", "Totals"]
    labels = [cell.value for cell in book["Sessions"][1]]
    assert "Age: 70 ans et plus" in labels and "Gender: Féminin" in labels and "Themes" in labels
    said = [row[0] for row in book["Totals"].iter_rows(values_only=True) if row]
    assert NATIONAL_LINE in said and "Month" in said


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make test installs it)")
def test_an_english_sign_in_sheet_and_report_pdf(world, home, tmp_path):
    """As a script would run them: a separate process, English from the environment, Qt's English locale."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(ATELIER_HOME=str(home), LANGUAGE="en", PYTHONPATH=str(ROOT))

    def export(*argv) -> str:
        result = subprocess.run([sys.executable, "-m", "atelier", "export", *argv], env=env,
                                capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
        return result.stdout

    export("sheet", world["s1"], "--completed", "-o", str(tmp_path / "s.pdf"))
    sheet = pdf_text(tmp_path / "s.pdf")
    for words in ("Sign-in sheet", "On Tuesday 6 January 2026, from 14:00 to 16:00", "Present", "Absent", "Late",
                  "Afternoon", "Feuille d'émargement", NATIONAL_LINE[:40]):
        assert words in sheet, words
    kept = french_in(sheet.replace("Feuille d'émargement", "")) - {"hélène", "lefèvre", "martine", "ateliers",
                                                                   "émile", "salle", "débutants", "mardi", "souris",
                                                                   "odette", "ancienne"}
    assert not kept  # the people's, the place's and the group's own names are theirs
    export("report", "--from", "2026-01-01", "--to", "2026-03-31", "-o", str(tmp_path / "r.pdf"))
    report = pdf_text(tmp_path / "r.pdf")
    assert "Activity report" in report and "Jan" in report and "70 ans et plus" in report
    assert NATIONAL_LINE[:40] in report


def test_the_french_sheet_says_no_national_line(tmp_path):
    from atelier.exports import national

    assert national.note() == ""
    i18n.use_language("en")
    assert national.note() == NATIONAL_LINE
