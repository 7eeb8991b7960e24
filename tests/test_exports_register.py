"""The attendance register, read back: CSV with the csv module, XLSX with openpyxl."""

import csv
from datetime import datetime

import openpyxl
import pytest

from atelier.exports import register
from atelier.exports.spreadsheet import escape, sheet_title
from tests.exports_helpers import FIRST, LAST, MODULES, make_world


def read_csv(path, separator=";"):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents right
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=separator))


def test_csv_has_bom_separator_accents_french_dates_and_escaping(store, tmp_path):
    make_world(store.db)
    path = tmp_path / "registre.csv"
    count = register.write_csv(store.db, path, FIRST, LAST, modules=MODULES)
    rows = read_csv(path)
    assert rows[0] == ["Date", "Début", "Fin", "Groupe", "Module", "Lieu", "Animateur", "Nom", "Prénom", "Présence"]
    assert count == len(rows) - 1 == 8  # 5 + 3 marks; the cancelled session and December left out
    helene = [r for r in rows if r[8] == "Hélène"]
    assert helene[0][:5] == ["06/01/2026", "14:00", "16:00", "Débutants du mardi", "La souris"]
    assert helene[0][9] == "présent"
    assert any(r[7] == "Åberg" and r[9] == "absent" for r in rows)
    x = [r for r in rows if r[7].startswith("'+")]
    assert x and all(r[7] == "'+33612345678" and r[8] == "'=SUM(1)" for r in x)
    s2 = [r for r in rows if r[0] == "03/02/2026"]
    assert {r[5] for r in s2} == {"'@Salle"} and {r[6] for r in s2} == {"'-Karim"}
    assert {r[9] for r in s2} == {"présent", "excusé"}


def test_csv_comma_separator_and_one_group(store, tmp_path):
    ids = make_world(store.db)
    path = tmp_path / "r.csv"
    register.write_csv(store.db, path, FIRST, LAST, group_id=ids["group"], separator=",", modules=MODULES)
    rows = read_csv(path, ",")
    assert len(rows) == 9 and all(len(r) == 10 for r in rows)
    assert register.write_csv(store.db, path, FIRST, LAST, group_id="nobody", modules=MODULES) == 0
    with pytest.raises(ValueError):
        register.write_csv(store.db, path, FIRST, LAST, separator="|", modules=MODULES)


@pytest.mark.parametrize("value, expected", [
    ("=SUM(1)", "'=SUM(1)"), ("+33 6", "'+33 6"), ("-x", "'-x"), ("@x", "'@x"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("Hélène", "Hélène"), ("", ""), (12, 12)])
def test_escape(value, expected):
    assert escape(value) == expected


def test_sheet_titles_are_valid_and_unique():
    taken = set()
    assert sheet_title("Groupe: mardi/jeudi [A]?", taken) == "Groupe  mardi jeudi  A"
    long = "Un nom de groupe bien trop long pour Excel"
    first, second = sheet_title(long, taken), sheet_title(long, taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second


def test_xlsx_sheets_frozen_header_widths_real_dates(store, tmp_path):
    make_world(store.db)
    path = tmp_path / "registre.xlsx"
    assert register.write_xlsx(store.db, path, FIRST, LAST, modules=MODULES) == 8
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Résumé", "Débutants du mardi"]
    summary, group = book["Résumé"], book["Débutants du mardi"]
    for sheet in book:
        assert sheet.freeze_panes == "A2"
        assert sheet.column_dimensions["A"].width >= 10
    assert group.column_dimensions["D"].width >= 20
    assert [c.value for c in summary[2]] == ["Débutants du mardi", 2, 8, 5, 1, 1, 1]
    first = [c for c in group[2]]
    assert isinstance(first[0].value, datetime) and first[0].value.date().isoformat() == "2026-01-06"
    assert first[0].number_format == "DD/MM/YYYY"
    names = {(r[7], r[8]) for r in group.iter_rows(min_row=2, values_only=True)}
    assert ("+33612345678", "=SUM(1)") in names and ("Åberg", "Ana") in names  # as written, no apostrophe
    for row in group.iter_rows(min_row=2):
        for cell in row[1:]:  # every text cell typed as text: never a formula, whatever it begins with
            assert cell.data_type == "s", (cell.coordinate, cell.value)
    places = {r[5] for r in group.iter_rows(min_row=2, values_only=True)}
    assert "@Salle" in places and not any(str(p).startswith("'") for p in places)


def test_a_session_without_a_place_is_at_its_groups_place(store, tmp_path):
    from atelier import attendance, sessions
    from atelier.sessions import Session

    ids = make_world(store.db)
    bare = sessions.add(store.db, Session("2026-01-13", "14:00", "16:00", ids["group"], "", "Martine Lefèvre",
                                          "souris", "done"))
    attendance.mark(store.db, bare.id, ids["helene"], "present")
    rows = read_csv(tmp_path / "r.csv") if register.write_csv(store.db, tmp_path / "r.csv", FIRST, LAST,
                                                                 modules=MODULES) else []
    assert [r[5] for r in rows if r[0] == "13/01/2026"] == ["Salle Hélène"]  # as the feuille d'émargement says
    register.write_xlsx(store.db, tmp_path / "r.xlsx", FIRST, LAST, modules=MODULES)
    sheet = openpyxl.load_workbook(tmp_path / "r.xlsx")["Débutants du mardi"]
    assert [r[5] for r in sheet.iter_rows(min_row=2, values_only=True) if r[0].day == 13] == ["Salle Hélène"]


def test_xlsx_with_nothing_in_the_period(store, tmp_path):
    make_world(store.db)
    path = tmp_path / "vide.xlsx"
    assert register.write_xlsx(store.db, path, LAST.replace(year=2030), LAST.replace(year=2030)) == 0
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Résumé"] and "Aucune" in book["Résumé"]["A2"].value
