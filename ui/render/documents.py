"""The documents as PDF files: the one entry point for the CLI, the screens and the tests.

Every function writes ``path`` through a temporary name (renamed at the end), calls
``progress(done, total)`` as pages are made, and stops cleanly, leaving no file, when
``cancelled()`` returns True (``ExportCancelled`` is raised). They work with no display
(a QGuiApplication is made, offscreen, if none exists) and off the main thread.
"""

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QRectF

from atelier.i18n import _
from ui.render.page import Cancelled, ExportCancelled, Page, PdfFile, Progress, check, font, report

__all__ = ["render_sheet", "render_sheets", "render_report_pdf", "render_attestation", "render_person_pdf",
           "paint_sheets", "ExportCancelled"]


def _paint(layouts_of, page: Page, progress: Progress, cancelled: Cancelled) -> None:
    """Paint layouts one page at a time, reporting progress and honouring cancel between pages."""
    layouts = layouts_of(page.width, page.height)
    total = sum(layout.pages for layout in layouts)
    done = 0
    report(progress, 0, total)

    def on_page() -> None:
        nonlocal done
        done += 1
        report(progress, done, total)
        check(cancelled)

    for layout in layouts:
        check(cancelled)
        layout.paint_all(page, on_page)


def paint_sheets(contents: list, painter, device, progress: Progress = None, cancelled: Cancelled = None) -> int:
    """Every sheet on an open painter (a PDF writer or a printer); returns the page count."""
    from ui.render.sheet import SheetLayout

    page = Page(painter, device)
    _paint(lambda w, h: [SheetLayout(c, w, h) for c in contents], page, progress, cancelled)
    return page.pages


def render_sheets(contents: Iterable, path, progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """One PDF with every session's feuille d'émargement, each numbered "n / N" on its own."""
    contents = list(contents)
    check(cancelled)
    title = _("Feuilles d'émargement") if len(contents) != 1 else _("Feuille d'émargement")
    with PdfFile(path, title) as (painter, writer):
        if not contents:
            page = Page(painter, writer)
            page.new_page()
            page.text(QRectF(0, 0, page.width, 200), _("Aucune séance sur cette période."), font(14))
        else:
            paint_sheets(contents, painter, writer, progress, cancelled)
    return Path(path)


def render_sheet(content, path, progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """One session's feuille d'émargement, blank or completed as ``content`` says."""
    return render_sheets([content], path, progress, cancelled)


def render_report_pdf(report_data, path, progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """The funders' one-page summary: totals and attendance per month."""
    from ui.render.report import ReportLayout

    check(cancelled)
    with PdfFile(path, _("Rapport d'activité")) as (painter, writer):
        _paint(lambda w, h: [ReportLayout(report_data, w, h)], Page(painter, writer), progress, cancelled)
    return Path(path)


def render_attestation(att, path, progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """A participant's attestation of the workshops followed, signed by the association."""
    from ui.render.attestation import attestation_blocks
    from ui.render.flow import Flow

    return _flow_pdf(path, _("Attestation de participation"), lambda: attestation_blocks(att),
                     att.association, progress, cancelled, Flow)


def render_person_pdf(data: dict, path, progress: Progress = None, cancelled: Cancelled = None) -> Path:
    """Everything held about one person, readable (the JSON goes beside it, from the core)."""
    from ui.render.flow import Flow
    from ui.render.person import person_blocks

    note = _("Données personnelles — à remettre à la personne seulement")
    return _flow_pdf(path, _("Données personnelles"), lambda: person_blocks(data), note, progress, cancelled,
                     Flow)


def _flow_pdf(path, title: str, blocks_of, note: str, progress, cancelled, flow_class) -> Path:
    check(cancelled)
    with PdfFile(path, title) as (painter, writer):
        blocks = blocks_of()
        _paint(lambda w, h: [flow_class(blocks, w, h, note)], Page(painter, writer), progress, cancelled)
    return Path(path)

