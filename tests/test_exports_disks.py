"""Every export is whole or not there, on real small disks: a full disk, a read-only disk
and a target that is a folder each give a French message and a non-zero exit, leave the
previous file byte for byte, and leave no temporary file."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from atelier import cli
from tests.disks import fill, make_read_only, small_disk  # noqa: F401 (fixture)
from tests.exports_helpers import world_in

ROOT = Path(__file__).resolve().parent.parent
PERIOD = ["--from", "2026-01-01", "--to", "2026-03-31"]
EXPORTS = {  # the file's name (its kind and format) → the command's arguments before -o
    "sheet.pdf": lambda w: ["sheet", w["s1"], "--completed"],
    "sheets.pdf": lambda w: ["sheets", *PERIOD],
    "register.csv": lambda w: ["register", *PERIOD],
    "register.xlsx": lambda w: ["register", *PERIOD],
    "report.xlsx": lambda w: ["report", *PERIOD],
    "report.pdf": lambda w: ["report", *PERIOD],
    "attestation.pdf": lambda w: ["attestation", w["jose"], "--from", "01/01/2026"],
    "person.json": lambda w: ["person", w["ana"]],
    "person.pdf": lambda w: ["person", w["ana"]],
}
FORMATS = ["sheets.pdf", "register.csv", "register.xlsx", "person.json"]  # one of each format
ENGLISH = ("Errno", "No space", "Read-only", "Is a directory", "Permission denied", "Traceback")


@pytest.fixture(autouse=True)
def qt_application(qapp):
    """The PDFs are painted in this process: pytest-qt's QApplication, made before the
    renderer would make a bare QGuiApplication that the screens' tests could not use."""


@pytest.fixture
def world(home):
    return world_in(home)


def export(name: str, world, target: Path) -> int:
    return cli.main(["export", *EXPORTS[name](world), "-o", str(target)])


def failed_in_french(capsys, *words: str) -> str:
    out, err = capsys.readouterr()
    assert out == ""  # no "Document écrit"
    assert all(word in err for word in words), err
    assert not any(word in err for word in ENGLISH), err
    return err


BREAKS = {"full": (fill, "Le disque est plein"), "read-only": (make_read_only, "lecture seule")}


@pytest.mark.parametrize("name, broken", [(name, "full") for name in EXPORTS] + [(name, "read-only") for name in FORMATS])
def test_a_full_or_read_only_disk_keeps_the_previous_file_and_says_so(world, small_disk, capsys, name, broken):
    target = small_disk / name
    assert export(name, world, target) == 0
    capsys.readouterr()
    previous = target.read_bytes()
    breaking, words = BREAKS[broken]
    breaking(small_disk)
    assert export(name, world, target) == 1
    failed_in_french(capsys, words, str(target))
    assert target.read_bytes() == previous
    assert [n for n in os.listdir(small_disk) if n != "filler.bin"] == [name]  # no partial file


@pytest.mark.parametrize("name", FORMATS)
def test_a_folder_is_not_replaced_by_a_document(world, tmp_path, capsys, name):
    target = tmp_path / "out" / name
    target.mkdir(parents=True)
    (target / "inside.txt").write_text("kept")
    assert export(name, world, target) == 1
    failed_in_french(capsys, "est un dossier", str(target))
    assert os.listdir(target) == ["inside.txt"] and os.listdir(target.parent) == [name]


def run_export(name: str, world, target: Path, home: Path) -> subprocess.CompletedProcess:
    """As a script runs it: its own process, so what Python prints at exit is seen too."""
    env = {**os.environ, "ATELIER_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "atelier", "export", *EXPORTS[name](world), "-o", str(target)],
                          env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_a_sheets_pdf_that_does_not_fit_is_not_reported_written(world, home, small_disk):
    """The old bug: QPdfWriter wrote what fitted and the command said "écrites", exit 0.
    Here there is room for part of the PDF only."""
    target = small_disk / "feuilles.pdf"
    fill(small_disk, leave=8192)
    result = run_export("sheets.pdf", world, target, home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "écrites" not in result.stdout and "Le disque est plein" in result.stderr
    assert os.listdir(small_disk) == ["filler.bin"]  # no truncated PDF under any name


@pytest.mark.parametrize("name", FORMATS)
def test_a_full_disk_says_one_french_sentence_and_nothing_else(world, home, small_disk, name):
    target = small_disk / name
    assert run_export(name, world, target, home).returncode == 0
    previous = target.read_bytes()
    fill(small_disk)
    result = run_export(name, world, target, home)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [f"Erreur : Le disque est plein : « {target} » n'a pas pu être écrit. "
                                          "Libérez de la place ou choisissez un autre endroit."]
    assert target.read_bytes() == previous and sorted(os.listdir(small_disk)) == sorted([name, "filler.bin"])


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make test installs it)")
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(free=st.integers(min_value=0, max_value=48 * 1024))
def test_whatever_room_is_left_the_pdf_is_whole_or_the_old_one_stays(world, small_disk, tmp_path, capsys, free):
    """Around the PDF's own size (about 28 KB): either the new PDF, whole, or the old file."""
    reference = tmp_path / "reference.pdf"  # the fixtures are shared by every example
    if not reference.exists():
        assert export("sheets.pdf", world, reference) == 0
    target = small_disk / "sheets.pdf"
    target.write_bytes(b"previous")
    (small_disk / "filler.bin").unlink(missing_ok=True)
    fill(small_disk, leave=free)
    capsys.readouterr()
    if export("sheets.pdf", world, target) == 0:
        assert pdf_text(target) == pdf_text(reference)
    else:
        failed_in_french(capsys, "Le disque est plein")
        assert target.read_bytes() == b"previous"
    assert sorted(os.listdir(small_disk)) == ["filler.bin", "sheets.pdf"]


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
