"""The feuille d'émargement and the other PDFs, read back with pdftotext and looked at with pdftoppm."""

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from atelier.exports.attestation import AttendedSession, Attestation, ExerciseDone
from atelier.exports.sheet import SheetContent, SheetRow
from ui.render.documents import (
    ExportCancelled,
    render_attestation,
    render_person_pdf,
    render_report_pdf,
    render_sheet,
    render_sheets,
)

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
NAMES = ["Hélène Bonnet", "José Fernandes", "Françoise Gérard", "Noëlle Müller", "Thérèse Roux", "Lan Nguyen",
         "Jean-Pierre Lefèvre", "Geneviève Moreau", "Marie-Thérèse Chevalier", "André Faure", "Colette Girard",
         "Raymond Haddad", "Yvette Laurent", "Odette Mercier", "Paulette Perrin", "Maurice Rousseau",
         "Christiane Fontaine", "Lucien Gauthier"]
MARKS = [(True, "Présent(e)"), (False, "Absent(e)"), (False, "Excusé(e)"), (True, "En retard")]


def content(n: int = 6, completed: bool = False, blank_rows: int = 5, half_days=("Après-midi",), logo=None):
    rows = [SheetRow(name, MARKS[i % 4][0] if completed else None, MARKS[i % 4][1] if completed else "")
            for i, name in enumerate(sorted(NAMES[:n], key=lambda s: s.split()[-1]))]
    return SheetContent(association="Les Amis du Numérique de Ménilmontant", logo_path=logo,
                        title="Débutants du vendredi", module_title="La souris", date=date(2026, 11, 27),
                        start="14:00", end="16:00", place="Salle des fêtes, 12 rue Étienne-Dolet",
                        facilitator="Martine Lefèvre", rows=rows, blank_rows=blank_rows,
                        half_days=list(half_days), completed=completed, session_id="s1")


def text_of(path: Path, page: int | None = None) -> str:
    """The text of the PDF; "n / N" as printed (pdftotext drops the spaces around the slash)."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return re.sub(r"(\d+) ?/ ?(\d+)\s*$", r"\1 / \2", out, flags=re.MULTILINE)


def page_count(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def picture(path: Path, name: str, page: int = 1) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    stem = SHOTS / name
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(stem)], check=True)
    return stem.with_suffix(".png")


def test_blank_sheet_has_header_rows_and_blank_lines(tmp_path):
    path = render_sheet(content(6), tmp_path / "feuille.pdf")
    text = text_of(path)
    for expected in ("Les Amis du Numérique de Ménilmontant", "Feuille d'émargement", "Débutants du vendredi",
                     "Module : La souris", "vendredi 27 novembre 2026", "14:00", "16:00",
                     "Salle des fêtes, 12 rue Étienne-Dolet", "Martine Lefèvre", "Signature", "Après-midi",
                     "Hélène Bonnet", "Noëlle Müller", "Thérèse Roux", "1 / 1"):
        assert expected in text, expected
    assert "Présent(e)" not in text
    assert page_count(path) == 1
    # Alphabetical by surname: Bonnet before Fernandes before Gérard.
    assert text.index("Hélène Bonnet") < text.index("José Fernandes") < text.index("Françoise Gérard")
    assert picture(path, "sheet-blank").stat().st_size > 0


def test_big_group_breaks_pages_with_header_repeated(tmp_path):
    path = render_sheet(content(18, half_days=("Matin", "Après-midi")), tmp_path / "feuille.pdf")
    assert page_count(path) == 2
    first, second = text_of(path, 1), text_of(path, 2)
    assert "1 / 2" in first and "2 / 2" in second
    for page in (first, second):  # the header and the column titles on both pages
        assert "Débutants du vendredi" in page and "Martine Lefèvre" in page
        assert "Prénom Nom" in page and "Signature" in page and "Matin" in page and "Après-midi" in page
    everyone = first + second
    assert all(name in everyone for name in NAMES)
    assert picture(path, "sheet-page2", page=2).stat().st_size > 0


def test_completed_sheet_marks_presence(tmp_path):
    path = render_sheet(content(8, completed=True), tmp_path / "rempli.pdf")
    text = text_of(path)
    for mark in ("Présent(e)", "Absent(e)", "Excusé(e)", "En retard", "Présence", "présences relevées"):
        assert mark in text, mark
    assert picture(path, "sheet-completed").stat().st_size > 0


def test_a_completed_sheet_never_ends_on_a_page_of_blank_rows(tmp_path):
    full = content(13, completed=True, blank_rows=0)  # 13 rows fill an A4 page
    path = render_sheet(full, tmp_path / "rempli.pdf")
    assert page_count(path) == 1 and "1 / 1" in text_of(path)
    one_more = render_sheet(content(14, completed=True, blank_rows=0), tmp_path / "plus.pdf")
    assert page_count(one_more) == 2  # the 14th person goes over; the rest of that page is for walk-ins


def test_a_very_long_name_wraps_in_a_taller_row_and_nothing_is_cut(tmp_path):
    long_name = "Marie-Christine Élisabeth de La Tour d'Auvergne-Lauraguais de Saint-Exupéry-Montmorency"
    sheet = content(3)
    sheet.rows.insert(1, SheetRow(long_name, None, ""))
    path = render_sheet(sheet, tmp_path / "long.pdf")
    words = re.sub(r"-\s+", "-", " ".join(text_of(path).split()))  # a line may break after a hyphen
    for word in long_name.split():
        assert word in words, word
    assert words.index("Hélène Bonnet") < words.index("Marie-Christine") < words.index("Auvergne-Lauraguais") \
        < words.index("José Fernandes")  # the next person after the whole name, in its own row
    from ui.render.page import a4_layout
    from ui.render.sheet import ROW_H, SheetLayout

    rect = a4_layout().paintRectPixels(254)  # 0.1 mm units
    layout = SheetLayout(sheet, rect.width(), rect.height())
    heights = [h for row, h in layout.page_rows[0] if row is not None]
    assert heights[1] > ROW_H and all(h == ROW_H for i, h in enumerate(heights) if i != 1)
    picture(path, "sheet-long-name")


def test_logo_and_many_sheets_in_one_pdf(tmp_path, qapp):
    from PySide6.QtGui import QColor, QImage

    logo = QImage(120, 80, QImage.Format.Format_RGB32)
    logo.fill(QColor("#0B4478"))
    logo.save(str(tmp_path / "logo.png"))
    seen = []
    path = render_sheets([content(4, logo=str(tmp_path / "logo.png")), content(18), content(3, completed=True)],
                         tmp_path / "periode.pdf", progress=lambda done, total: seen.append((done, total)))
    assert page_count(path) == 4
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert "1 / 1" in text_of(path, 1) and "1 / 2" in text_of(path, 2) and "2 / 2" in text_of(path, 3)
    assert picture(path, "sheet-logo").stat().st_size > 0


def test_cancel_leaves_no_file(tmp_path):
    target = tmp_path / "periode.pdf"
    calls = []

    def cancelled() -> bool:
        return len(calls) >= 2

    with pytest.raises(ExportCancelled):
        render_sheets([content(6)] * 10, target, progress=lambda d, t: calls.append(d), cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_attestation_and_person(tmp_path):
    att = Attestation(association="Les Amis du Numérique", logo_path=None, site="Maison des Tilleuls", person_id="p1",
                      person_name="Hélène Bonnet", first=date(2026, 9, 4), last=date(2026, 11, 27),
                      sessions=[AttendedSession(date(2026, 9, 4 + 7 * i), "14:00", "16:00", 120,
                                                "Débutants du vendredi", "La souris") for i in range(3)],
                      minutes=360, modules=["La souris", "Le clavier"],
                      exercises=[ExerciseDone("La souris", "Cliquer", 3, date(2026, 10, 2))],
                      issued_on=date(2026, 11, 27), facilitators=["Martine Lefèvre"], town="Paris")
    text = text_of(render_attestation(att, tmp_path / "attestation.pdf"))
    for expected in ("Attestation de participation", "Hélène Bonnet", "3 séances", "6 heures", "Le clavier",
                     "Cliquer (3 fois)", "Fait à Paris", "signature et cachet"):
        assert expected in " ".join(text.split()), expected
    picture(tmp_path / "attestation.pdf", "attestation")
    data = {"exported_at": "2026-11-27T10:00:00Z",
            "participant": {"id": "p1", "first_name": "Hélène", "last_name": "Bonnet", "phone": None},
            "tables": {"attendance": [{"session_id": "s1", "status": "present",
                                       "session": {"date": "2026-11-27", "group_name": "Débutants"}}] * 40,
                       "step_progress": []}}
    path = render_person_pdf(data, tmp_path / "personne.pdf")
    text = text_of(path)
    assert "Tout ce qu'Atelier sait de Hélène Bonnet" in text and "Présences aux séances (40)" in text
    assert page_count(path) > 1 and f"1 / {page_count(path)}" in text
    picture(path, "person")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")
def test_report_one_page(tmp_path):
    from atelier.exports.report import ActivityReport, MonthCount, ReportTotals
    from atelier.vocabulary import labels

    ages, genders, statuses = labels("age_brackets"), labels("gender"), labels("social_status")
    totals = ReportTotals(sessions=38, minutes=4560, unique_participants=57, new_participants=21, attendances=412,
                          by_age={k: i for i, k in enumerate(ages)}, by_gender={k: 3 for k in genders},
                          by_status={k: 2 for k in statuses})
    months = [MonthCount(f"2026-{m:02d}", 4, 20 + 5 * m) for m in range(1, 13)]
    report = ActivityReport(association="Les Amis du Numérique", site="Ménilmontant", first=date(2026, 1, 1),
                            last=date(2026, 12, 31), sessions=[], totals=totals, months=months, age_labels=ages,
                            gender_labels=genders, status_labels=statuses, generated_on=date(2026, 12, 31))
    path = render_report_pdf(report, tmp_path / "rapport.pdf")
    assert page_count(path) == 1
    text = " ".join(text_of(path).split())
    for expected in ("Rapport d'activité", "Séances", "38", "Heures d'atelier", "76", "Participants uniques", "57",
                     "Nouveaux participants", "21", "Présences par mois", "févr.", "70 ans et plus", "Retraité"):
        assert expected in text, expected
    picture(path, "report")
