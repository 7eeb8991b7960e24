"""The funders' report and the register of every site, or of one, from the summaries the
coordinator pulled from two real sites (tests/coordination_world.py): numbers checked
against the summaries, read back from the XLSX (openpyxl), the CSV and the PDF (pdftotext);
the command line's --all-sites and --site."""

import csv
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from atelier import cli
from atelier.exports import hub_register, hub_report, report
from atelier.exports.report import ATTENDANCES
from atelier.exports.report_xlsx import write_report_xlsx
from atelier.store import Store
from atelier.sync.coordination import EVERY_SITE
from tests.coordination_world import FIRST, LAST, MEDIATHEQUE_FOLDER, TILLEULS_FOLDER, close, make_coordinator, \
    pull, pushed_sites

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 5, 2)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    root = tmp_path_factory.mktemp("hub-exports")
    hub, sites = pushed_sites(root)
    office = Store.open(root / "office")
    make_coordinator(office, hub)
    pull(office, hub)
    yield {"office": office, "sites": sites, "root": root}
    office.close()
    close(sites)


def test_the_report_of_every_site(world):
    content = hub_report.hub_activity_report(world["office"].db, FIRST, LAST, EVERY_SITE, today=TODAY)
    assert [(s.date.isoformat(), s.duration_minutes, s.participants) for s in content.sessions] == [
        ("2026-03-03", 120, 2), ("2026-03-05", 120, 3), ("2026-03-10", 120, 1), ("2026-04-02", 60, 1)]
    totals = content.totals
    assert (totals.sessions, totals.minutes, totals.unique_participants, totals.new_participants,
            totals.attendances) == (4, 420, 4, 4, 7)
    assert [(m.month, m.sessions, m.attendances) for m in content.months] == [("2026-03", 3, 6), ("2026-04", 1, 1)]
    assert content.counted == ATTENDANCES and content.sites == ["Maison des tilleuls", "Mediatheque jules verne"]
    assert sum(totals.by_age.values()) == totals.attendances == sum(totals.by_gender.values())
    assert totals.by_gender == {"masculin": 4, "feminin": 2, "non_communique": 1}
    assert content.sessions[1].place.startswith("Mediatheque jules verne")
    assert content.sessions[1].themes == ["prendre_en_main_du_materiel", "bureautique"]
    assert content.association == "Les Amis du Quartier"


def test_new_people_are_new_to_the_scope(world):
    db = world["office"].db
    april = hub_report.hub_activity_report(db, date(2026, 4, 1), LAST, EVERY_SITE)
    assert (april.totals.unique_participants, april.totals.new_participants) == (1, 0)  # Bernard came in March
    assert hub_report.hub_activity_report(db, FIRST, LAST, MEDIATHEQUE_FOLDER).totals.new_participants == 3


def test_one_site_says_what_that_site_says_of_itself(world):
    """The Tilleuls' report at the coordinator, against the Tilleuls' own report."""
    db = world["office"].db
    pulled = hub_report.hub_activity_report(db, FIRST, LAST, TILLEULS_FOLDER, today=TODAY)
    own = report.activity_report(world["sites"][0].store.db, FIRST, LAST, today=TODAY)
    assert pulled.site == "Maison des tilleuls" and pulled.sites == []
    fields = ("session_id", "date", "start", "end", "duration_minutes", "place", "themes", "level", "participants",
              "by_age", "by_gender", "by_status")
    assert [[getattr(s, f) for f in fields] for s in pulled.sessions] == [
        [getattr(s, f) for f in fields] for s in own.sessions]
    for name in ("sessions", "minutes", "unique_participants", "new_participants", "attendances"):
        assert getattr(pulled.totals, name) == getattr(own.totals, name), name
    assert pulled.months == own.months


def test_the_report_spreadsheet_read_back(world, tmp_path):
    content = hub_report.hub_activity_report(world["office"].db, FIRST, LAST, EVERY_SITE, today=TODAY)
    path = write_report_xlsx(content, tmp_path / "bilan.xlsx")
    book = openpyxl.load_workbook(path)
    totals = {row[1]: row[2] for row in book["Totaux"].iter_rows(values_only=True) if row and len(row) > 2}
    assert (totals["seances"], totals["heures"], totals["participants_uniques"], totals["presences"]) == (4, 7, 4, 7)
    assert totals["sites"] == "Maison des tilleuls, Mediatheque jules verne"
    headings = [row[0] for row in book["Totaux"].iter_rows(values_only=True) if row and row[0]]
    assert "Présences par tranche d'âge" in headings and "Participants par tranche d'âge" not in headings
    rows = list(book["Séances"].iter_rows(min_row=3, values_only=True))
    assert [row[9] for row in rows] == [2, 3, 1, 1]


def test_the_register_of_every_site(world, tmp_path):
    db = world["office"].db
    path = tmp_path / "registre.csv"
    assert hub_register.write_csv(db, path, FIRST, LAST) == 7
    with open(path, encoding="utf-8-sig", newline="") as handle:
        header, *rows = list(csv.reader(handle, delimiter=";"))
    assert header[:2] == ["Site", "Date"] and header[8] == "Code de la personne"
    assert {row[0] for row in rows} == {"Maison des tilleuls", "Mediatheque jules verne"}
    assert [row[1] for row in rows if row[0] == "Maison des tilleuls"] == ["03/03/2026", "03/03/2026", "10/03/2026"]
    codes = [row[8] for row in rows]
    assert all(len(code) == 12 for code in codes) and len(set(codes)) == 4  # Hélène has one code at both sites
    assert all(row[6] == row[7] == "" for row in rows)  # no names: named summaries are off
    assert {row[9] for row in rows} == {"présent"}

    path = tmp_path / "registre.xlsx"
    assert hub_register.write_xlsx(db, path, FIRST, LAST, MEDIATHEQUE_FOLDER) == 4
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Résumé", "Mediatheque jules verne"]
    assert list(book["Résumé"].iter_rows(min_row=2, values_only=True)) == [("Mediatheque jules verne", 2, 4, 0, 0)]
    first_row = next(book["Mediatheque jules verne"].iter_rows(min_row=2, values_only=True))
    assert first_row[1].date() == date(2026, 3, 5) and first_row[4] == "Le clavier"


def test_the_register_summary_counts_absences(world, tmp_path):
    path = tmp_path / "tous.xlsx"
    hub_register.write_xlsx(world["office"].db, path, FIRST, LAST)
    summary = list(openpyxl.load_workbook(path)["Résumé"].iter_rows(min_row=2, values_only=True))
    assert summary == [("Maison des tilleuls", 2, 3, 1, 0), ("Mediatheque jules verne", 2, 4, 0, 0)]


@pytest.fixture
def office_home(world, monkeypatch):
    monkeypatch.setenv("ATELIER_HOME", str(world["office"].home))
    return world["office"].home


def test_the_command_line_covers_every_site_or_one(office_home, tmp_path, capsys):
    target = tmp_path / "tous.xlsx"
    assert cli.main(["export", "report", "--from", "2026-03-01", "--to", "2026-04-30", "--all-sites",
                     "-o", str(target)]) == 0
    totals = {r[1]: r[2] for r in openpyxl.load_workbook(target)["Totaux"].iter_rows(values_only=True) if r[1]}
    assert totals["seances"] == 4 and totals["participants_uniques"] == 4
    target = tmp_path / "mediatheque.csv"
    assert cli.main(["export", "register", "--from", "2026-03-01", "--to", "2026-04-30",
                     "--site", "Médiathèque Jules Verne", "-o", str(target)]) == 0
    assert "4 lignes" in capsys.readouterr().out
    assert cli.main(["export", "register", "--from", "2026-03-01", "--to", "2026-04-30", "--site", "Ailleurs",
                     "-o", str(tmp_path / "x.csv")]) == 1
    said = capsys.readouterr().err
    assert "Aucun site ne s'appelle « Ailleurs »" in said and "Mediatheque jules verne" in said
    assert "Traceback" not in said and not (tmp_path / "x.csv").exists()
    with pytest.raises(SystemExit) as refused:
        cli.main(["export", "report", "--from", "2026-03-01", "--to", "2026-04-30", "--site", "x", "--all-sites",
                  "-o", str(tmp_path / "y.xlsx")])
    assert refused.value.code == 2 and "Erreur" in capsys.readouterr().err


def test_a_pc_that_is_not_the_coordinator_says_so(home, tmp_path, capsys):
    assert cli.main(["export", "report", "--from", "2026-03-01", "--to", "2026-04-30", "--all-sites",
                     "-o", str(tmp_path / "r.xlsx")]) == 2
    said = capsys.readouterr().err
    assert "pas celui de la coordination" in said and "--coordinator" in said and "Traceback" not in said


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make test installs it)")
def test_the_pdf_of_every_site_read_back(office_home, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    target = tmp_path / "bilan.pdf"
    result = subprocess.run([sys.executable, "-m", "atelier", "export", "report", "--from", "01/03/2026",
                             "--to", "30/04/2026", "--all-sites", "-o", str(target)],
                            env=env, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Sites : Maison des tilleuls, Mediatheque jules verne" in text
    assert "Présences par catégorie" in text and "Participants uniques, par catégorie" not in text
    assert "Présences cumulées : 7" in text
    assert "4 7 4 4 Séances Heures d'atelier Participants uniques Nouveaux participants" in text
