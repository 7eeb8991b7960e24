"""A year of feuilles d'émargement (about 400 sessions of the five-year database) through
``render_sheets``, against Qt printing the same number of pages of a plain table: a
QPainter loop drawing a grid of text on a QPdfWriter, A4, same resolution. Both in this
process, offscreen, alternately, after one warm-up each; the content is read from the
database first and not counted (the core's queries are not the renderer's cost).
"""

import os
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bench import Ratio

SESSIONS = 400
RUNS = int(os.environ.get("BENCH_RUNS", "3"))


def contents_of_a_year(home: Path, today: date | None = None) -> list:
    from atelier.exports.catalogue import module_index
    from atelier.exports.sheet import sheet_for, sheets_for_period
    from atelier.store import Store

    today = today or date.today()
    store = Store.open(home)
    try:
        ids = sheets_for_period(store.db, today - timedelta(days=365), today)[-SESSIONS:]
        modules = list(module_index().values())
        return [sheet_for(store.db, i, completed=True, modules=modules) for i in ids]
    finally:
        store.close()


def plain_table(path: Path, pages: int, rows: int = 20, columns: int = 4) -> None:
    """The reference: Qt printing ``pages`` pages of a simple grid of text."""
    from PySide6.QtCore import QLineF, QRectF, Qt
    from PySide6.QtGui import QPainter, QPdfWriter

    from ui.render.page import RESOLUTION, a4_layout, font

    writer = QPdfWriter(str(path))
    writer.setPageLayout(a4_layout())
    writer.setResolution(RESOLUTION)
    painter = QPainter(writer)
    unit = writer.logicalDpiX() / 254.0
    painter.scale(unit, unit)
    width, height = writer.width() / unit, writer.height() / unit
    painter.setFont(font(12))
    cell_w, cell_h = width / columns, (height - 100) / rows
    for page in range(pages):
        if page:
            writer.newPage()
        for r in range(rows):
            painter.drawLine(QLineF(0, r * cell_h, width, r * cell_h))
            for c in range(columns):
                painter.drawText(QRectF(c * cell_w + 20, r * cell_h, cell_w - 40, cell_h),
                                 int(Qt.AlignmentFlag.AlignVCenter), f"Ligne {r + 1}, colonne {c + 1}")
        for c in range(columns + 1):
            painter.drawLine(QLineF(c * cell_w, 0, c * cell_w, rows * cell_h))
        painter.drawText(QRectF(0, height - 60, width, 60), int(Qt.AlignmentFlag.AlignRight), f"{page + 1}")
    painter.end()


def run(home: Path) -> list[Ratio]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.render.documents import render_sheets
    from ui.render.page import ensure_app

    ensure_app()
    started = time.perf_counter()
    contents = contents_of_a_year(home)
    read_ms = (time.perf_counter() - started) * 1000
    print(f"\n== Feuilles d'émargement d'une année ({len(contents)} séances, {RUNS} fois chacune) ==")
    print(f"Lecture du contenu dans la base (non comptée) : {read_ms:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        sheets_pdf, table_pdf = Path(folder) / "feuilles.pdf", Path(folder) / "tableau.pdf"
        pages = []
        render_sheets(contents, sheets_pdf, progress=lambda done, total: pages.append(total))  # warm-up
        page_count = pages[-1]
        plain_table(table_pdf, page_count)
        times = {"atelier": [], "reference": []}
        for _ in range(RUNS):
            t = time.perf_counter()
            render_sheets(contents, sheets_pdf)
            times["atelier"].append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            plain_table(table_pdf, page_count)
            times["reference"].append((time.perf_counter() - t) * 1000)
        sizes = sheets_pdf.stat().st_size / 1e6, table_pdf.stat().st_size / 1e6
    atelier, reference = (statistics.median(times[k]) for k in ("atelier", "reference"))
    print(f"{page_count} pages ; feuilles : {atelier:.0f} ms ({sizes[0]:.1f} Mo), "
          f"tableau simple : {reference:.0f} ms ({sizes[1]:.1f} Mo)")
    return [Ratio("Feuilles d'émargement (1 an)", atelier, reference, "ms", goal=1.5)]
