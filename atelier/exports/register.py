"""The attendance register: every mark of a period, as CSV or XLSX.

Rows come from one SQL query and are streamed to the file, so a register of five
years (100,000 rows) never sits in memory. The CSV is for French spreadsheets: UTF-8
with a BOM, ``;`` between cells, dates as dd/mm/yyyy, and every text cell that could be
read as a formula (beginning with = + - @, a tab or a carriage return) prefixed with
an apostrophe. The XLSX has one sheet per group, a summary sheet first, a frozen
header row, readable column widths and real dates; its text cells are typed as text
(never read as a formula), so they carry no apostrophe. A session without a place of
its own is said at its group's place, as on the feuille d'émargement.
"""

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from atelier.db import Database

from atelier.attendance import ABSENT, EXCUSED, LABELS, LATE, PRESENT
from atelier.exports.catalogue import module_index
from atelier.exports.spreadsheet import DANGEROUS, new_workbook, save_workbook, sheet_title, text_cell, write_sheet_header
from atelier.files import whole_file
from atelier.i18n import N_, _

SEPARATORS = (";", ",")
HEADER = (N_("Date"), N_("Début"), N_("Fin"), N_("Groupe"), N_("Module"), N_("Lieu"), N_("Animateur"), N_("Nom"),
          N_("Prénom"), N_("Présence"))
WIDTHS = (12, 8, 8, 28, 28, 34, 20, 20, 18, 12)
TEXT_COLUMNS = ("group_name", "module_title", "place", "facilitator", "last_name", "first_name")


def escaped_sql(expression: str) -> str:
    """SQLite does the formula escaping itself, in C: the same rule as ``escape()``."""
    starts = ", ".join("char(%d)" % ord(c) for c in DANGEROUS)
    return f"CASE WHEN substr({expression}, 1, 1) IN ({starts}) THEN '''' || {expression} ELSE {expression} END"


def _query(first: date, last: date, group_id: str | None, modules, csv_dates: bool) -> tuple[str, list]:
    index = module_index(modules)
    titles = [value for info in index.values() for value in (info.id, info.title)]
    statuses = [value for key, label in LABELS.items() for value in (key, _(label))]
    module_table = " UNION ALL ".join(["SELECT ? AS id, ? AS title"] * len(index)) or "SELECT NULL AS id, NULL AS title"
    status_table = " UNION ALL ".join(["SELECT ? AS key, ? AS label"] * len(LABELS))
    day = "substr(s.date, 9, 2) || '/' || substr(s.date, 6, 2) || '/' || substr(s.date, 1, 4)" if csv_dates else "s.date"
    texts = {
        "group_name": "coalesce(g.name, '')",
        "module_title": "coalesce(m.title, s.module_id, '')",
        "place": "coalesce(nullif(s.place, ''), g.place, '')",  # the group's place, as the sheet says
        "facilitator": "s.facilitator",
        "last_name": "p.last_name",
        "first_name": "p.first_name",
    }
    columns = ", ".join(escaped_sql(texts[name]) if csv_dates else texts[name] for name in TEXT_COLUMNS)
    sql = f"""
        WITH m AS ({module_table}), st AS ({status_table})
        SELECT {day}, s.start_time, s.end_time, {columns}, coalesce(st.label, a.status), coalesce(s.group_id, '')
        FROM attendance a
        JOIN sessions s ON s.id = a.session_id
        JOIN participants p ON p.id = a.participant_id
        LEFT JOIN groups g ON g.id = s.group_id
        LEFT JOIN m ON m.id = s.module_id
        LEFT JOIN st ON st.key = a.status
        WHERE s.date BETWEEN ? AND ? AND s.status != 'cancelled' {"AND s.group_id = ?" if group_id else ""}
        ORDER BY {"" if csv_dates else "g.name COLLATE NOCASE, s.group_id, "}s.date, s.start_time, s.id,
                 p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE
    """
    parameters = [*titles, *statuses, first.isoformat(), last.isoformat()] + ([group_id] if group_id else [])
    return sql, parameters


def register_rows(db: Database, first: date, last: date, group_id: str | None = None, modules=None,
                  csv_dates: bool = True) -> Iterator[tuple]:
    """The register's rows (HEADER's columns, then the group id), streamed from one query.

    With ``csv_dates`` (the CSV's form), dates are dd/mm/yyyy text and text cells are
    escaped against formula injection; otherwise dates are ISO text and texts as stored
    (the XLSX types them as text, see ``spreadsheet.text_cell``).
    """
    sql, parameters = _query(first, last, group_id, modules, csv_dates)
    cursor = db.execute(sql, parameters)
    while batch := cursor.fetchmany(2000):
        yield from batch


def write_csv(db: Database, path: Path, first: date, last: date, group_id: str | None = None,
              separator: str = ";", modules=None) -> int:
    """Write the register as CSV; returns the number of rows (header left out)."""
    check_separator(separator)
    sql, parameters = _query(first, last, group_id, modules, csv_dates=True)
    sql = sql.replace(", coalesce(s.group_id, '')\n", "\n", 1)  # the group id is for the XLSX sheets only
    return write_csv_rows(path, [_(title) for title in HEADER], db.execute(sql, parameters), separator)


def check_separator(separator: str) -> None:
    if separator not in SEPARATORS:
        raise ValueError(_("Séparateur inconnu : « {value} » (possibles : ; ou ,)").format(value=separator))


def write_csv_rows(path: Path, header: list[str], cursor, separator: str = ";") -> int:
    """A CSV for French spreadsheets (UTF-8 with a BOM, CRLF) from a cursor's rows, already
    escaped, fetched a few thousand at a time; returns the number of rows."""
    count = 0
    with whole_file(path) as partial, open(partial, "x", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=separator, lineterminator="\r\n")
        writer.writerow(header)
        while batch := cursor.fetchmany(5000):
            writer.writerows(batch)
            count += len(batch)
    return count


def write_xlsx(db: Database, path: Path, first: date, last: date, group_id: str | None = None,
               modules=None) -> int:
    """Write the register as XLSX (summary sheet, then one sheet per group); returns the row count."""
    workbook = new_workbook()
    summary = workbook.create_sheet(sheet_title(_("Résumé"), set()))
    write_sheet_header(summary, [_("Groupe"), _("Séances"), _("Lignes"), _("Présents"), _("Absents"),
                                 _("Excusés"), _("En retard")], (30, 10, 10, 10, 10, 10, 10))
    titles, totals, sheet, current, count = {summary.title}, [], None, None, 0
    present, absent, excused, late = (_(LABELS[k]) for k in (PRESENT, ABSENT, EXCUSED, LATE))
    for row in register_rows(db, first, last, group_id, modules, csv_dates=False):
        if sheet is None or row[-1] != current:
            current = row[-1]
            sheet = workbook.create_sheet(sheet_title(row[3] or _("Sans groupe"), titles))
            write_sheet_header(sheet, [_(title) for title in HEADER], WIDTHS)
            totals.append([row[3] or _("Sans groupe"), set(), 0, 0, 0, 0, 0])
        sheet.append([date_cell(sheet, row[0]), *(text_cell(sheet, value) for value in row[1:-1])])
        line = totals[-1]
        line[1].add((row[0], row[1], row[4]))
        line[2] += 1
        for position, label in enumerate((present, absent, excused, late), start=3):
            line[position] += row[9] == label
        count += 1
    for name, seen, *numbers in totals:
        summary.append([text_cell(summary, name), len(seen), *numbers])
    if not totals:
        summary.append([_("Aucune présence notée sur la période.")])
    save_workbook(workbook, path)
    return count


def date_cell(sheet, iso: str):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=date.fromisoformat(iso))
    cell.number_format = "DD/MM/YYYY"
    return cell
