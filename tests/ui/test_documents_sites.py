"""The Documents page at the coordination: the register and the activity report of this
PC, of every site or of one, from two real sites' files pulled from a real folder hub;
every file read back."""

import csv

import openpyxl
import pytest
from PySide6.QtCore import QDate, Qt

from atelier import settings
from tests.coordination_world import TILLEULS_FOLDER, close, make_coordinator, pull, pushed_sites

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def sites(tmp_path):
    hub, made = pushed_sites(tmp_path)
    yield hub, made
    close(made)


def test_documents_at_the_coordination_cover_every_site_or_one(store, open_window, qtbot, sites, tmp_path):
    hub, _made = sites
    make_coordinator(store, hub)
    pull(store, hub)
    window = open_window()
    qtbot.mouseClick(window.buttons["documents"], LEFT)
    page = window.stack.currentWidget()
    assert page.sites_row.isVisible()
    assert [page.sites.itemText(i) for i in range(page.sites.count())] == [
        "Ce poste", "Tous les sites", "Site : Maison des tilleuls", "Site : Mediatheque jules verne"]
    out = tmp_path / "documents"
    out.mkdir()
    page.choose_path = lambda parent, title, suggested, filters: str(out / suggested)
    page.open_folder = lambda path: None
    page.first.setDate(QDate(2026, 3, 1))
    page.last.setDate(QDate(2026, 4, 30))

    page.sites.setCurrentIndex(1)
    with qtbot.waitSignal(page.export_ended, timeout=30000) as ended:
        qtbot.mouseClick(page.report, LEFT)
    assert ended.args == ["done"]
    book = openpyxl.load_workbook(out / "rapport-activite-2026-03-01-2026-04-30.xlsx")
    figures = {row[1]: row[2] for row in book["Totaux"].iter_rows(values_only=True) if len(row) > 2 and row[1]}
    assert (figures["seances"], figures["participants_uniques"], figures["presences"]) == (4, 4, 7)
    assert (out / "rapport-activite-2026-03-01-2026-04-30.pdf").stat().st_size > 0

    page.sites.setCurrentIndex(page.sites.findData(TILLEULS_FOLDER))
    page.choose_path = lambda parent, title, suggested, filters: str(out / "tilleuls.csv")
    with qtbot.waitSignal(page.export_ended, timeout=30000):
        qtbot.mouseClick(page.register, LEFT)
    with open(out / "tilleuls.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))[1:]
    assert len(rows) == 3 and {row[0] for row in rows} == {"Maison des tilleuls"}

    with qtbot.waitSignal(window.ops.changed, timeout=5000):  # not the coordination any more: this PC only
        window.ops.run(settings.put, settings.HUB_COORDINATOR, "0")
    assert not page.sites_row.isVisible() and page.sites.scope() == "ce-poste"
