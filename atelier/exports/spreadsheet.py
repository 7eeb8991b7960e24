"""What every spreadsheet Atelier writes shares: formula escaping, sheet titles, headers."""

import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from atelier.files import write_bytes

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


def escape(value):
    """A text that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def text_cell(sheet, value):
    """A text typed as text in an XLSX (a string cell, never a formula), with no apostrophe
    before it: « =SUM(1) » or « +33 6… » shows as it was written. Other values as they are."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"  # openpyxl would take a text beginning with = for a formula
    return cell


def new_workbook() -> Workbook:
    """A streaming (write-only) workbook: rows go to disk as they come."""
    return Workbook(write_only=True)


def save_workbook(workbook: Workbook, path) -> None:
    """The workbook written whole at ``path``, or the previous file left as it was.

    Zipped in memory first (a register of 100,000 rows is 4 MB): openpyxl leaves its
    zip open when a write fails, and the zip's English traceback would then reach the
    terminal whenever Python collects it.
    """
    zipped = io.BytesIO()
    workbook.save(zipped)
    write_bytes(path, zipped.getbuffer())  # no second copy of the bytes


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid sheet name (31 characters, none of []:*?/\\), unique in the workbook."""
    base = (name.translate(_FORBIDDEN).strip().strip("'") or "Feuille")[:31]
    title, number = base, 2
    while title.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title)
    return title


def write_sheet_header(sheet, titles, widths, frozen: str = "A2") -> None:
    """Bold column titles on a frozen first row, and column widths (before any other row).

    In a streaming sheet the frozen panes are fixed with the first row: ``frozen="A3"``
    when a second header row follows.
    """
    for position, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.freeze_panes = frozen
    bold = Font(bold=True)
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)
