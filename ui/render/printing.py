"""Printing the feuilles d'émargement: Qt's print preview and print dialog, on a QPrinter
set to A4 portrait with 15 mm margins, painted by the same code as the PDF."""

from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog

from atelier.i18n import _
from ui.render.documents import paint_sheets
from ui.render.page import a4_layout


def sheet_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(a4_layout())
    printer.setDocName(_("Feuille d'émargement"))
    return printer


def paint_on(printer: QPrinter, contents: list) -> int:
    """Paint every sheet on ``printer``; returns the page count."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        return paint_sheets(contents, painter, printer)
    finally:
        painter.end()


def preview_dialog(contents: list, parent=None) -> QPrintPreviewDialog:
    """The print preview, painted on demand (the caller opens it)."""
    printer = sheet_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(_("Aperçu avant impression"))
    dialog.setAccessibleName(_("Aperçu avant impression de la feuille d'émargement"))
    dialog.paintRequested.connect(lambda target: paint_on(target, contents))
    dialog.printer_ref = printer  # the dialog does not own it
    return dialog


def print_dialog(contents: list, parent=None) -> QPrintDialog:
    """Qt's print dialog; when accepted, the sheets go to the chosen printer."""
    printer = sheet_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Imprimer la feuille d'émargement"))
    dialog.accepted.connect(lambda: paint_on(printer, contents))
    dialog.printer_ref = printer
    return dialog
