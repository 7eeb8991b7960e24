"""The attendance register of every site, or of one, from what the coordinator gathered.

A summary lists those who came to a session (present or late), by their keyed hash,
with their names only where the site turned named summaries on; the absent and the
excused are only counted. So the register has a row per person who came to each held
session (``coordination.held_sql``), with a code (the start of the hash: the same
person has the same code at every site sharing the association's secret), and the
XLSX's first sheet counts the sessions, presences, absences and excuses of each site.
The CSV and the XLSX follow this PC's register (``register.py``): same escaping in the
CSV, text cells typed as text in the XLSX, same dates, one sheet per site as there is
one per group.
"""

from datetime import date
from pathlib import Path

from atelier.attendance import LABELS, PRESENT
from atelier.db import Database
from atelier.exports.register import check_separator, date_cell, escaped_sql, write_csv_rows
from atelier.exports.spreadsheet import new_workbook, save_workbook, sheet_title, text_cell, write_sheet_header
from atelier.i18n import N_, _
from atelier.sync.coordination import EVERY_SITE, held_sql, site_names

HEADER = (N_("Site"), N_("Date"), N_("Début"), N_("Fin"), N_("Module"), N_("Lieu"), N_("Nom"), N_("Prénom"),
          N_("Code de la personne"), N_("Présence"))
WIDTHS = (26, 12, 8, 8, 28, 34, 20, 18, 16, 12)
CODE_LENGTH = 12  # hex digits of the hash: enough to tell thousands of people apart
SUMMARY = (N_("Site"), N_("Séances"), N_("Présences"), N_("Absents"), N_("Excusés"))


def _names_table(db: Database) -> tuple[str, list]:
    """SQL of a small table (folder, name) of the sites' names, and its parameters."""
    names = site_names(db)
    if not names:
        return "SELECT NULL AS folder, NULL AS name", []
    return " UNION ALL ".join(["SELECT ? AS folder, ? AS name"] * len(names)), [v for pair in names.items() for v in pair]


def _where(first: date, last: date, site: str | None) -> tuple[str, list]:
    where = f"{held_sql('s')} AND json_extract(s.payload, '$.date') BETWEEN ? AND ?"
    parameters = [first.isoformat(), last.isoformat()]
    if site is not EVERY_SITE:
        where += " AND s.site = ?"
        parameters.append(site)
    return where, parameters


def _rows(db: Database, first: date, last: date, site: str | None, csv_dates: bool):
    """A cursor over the register's rows: HEADER's columns, then (not in the CSV) the site's folder."""
    names, name_parameters = _names_table(db)
    where, parameters = _where(first, last, site)
    payload = lambda name: f"json_extract(s.payload, '$.{name}')"  # noqa: E731 - reads as the payload's field
    person = lambda name: f"coalesce(json_extract(p.value, '$.{name}'), '')"  # noqa: E731
    day = payload("date")
    if csv_dates:
        day = f"substr({day}, 9, 2) || '/' || substr({day}, 6, 2) || '/' || substr({day}, 1, 4)"
    site_name, module, place, last_name, first_name = ((escaped_sql(text) if csv_dates else text) for text in (
        "coalesce(n.name, s.site)", f"coalesce({payload('module_title')}, '')", f"coalesce({payload('place')}, '')",
        person("last_name"), person("first_name")))
    return db.execute(
        f"""
        WITH n AS ({names})
        SELECT {site_name}, {day}, {payload("start")}, {payload("end")}, {module}, {place}, {last_name}, {first_name},
               upper(substr(json_extract(p.value, '$.hash'), 1, {CODE_LENGTH})), ?{"" if csv_dates else ", s.site"}
        FROM hub_summaries s JOIN json_each(s.payload, '$.participants') p LEFT JOIN n ON n.folder = s.site
        WHERE {where}
        ORDER BY s.site, {payload("date")}, {payload("start")}, s.summary_id,
                 {person("last_name")} COLLATE NOCASE, {person("first_name")} COLLATE NOCASE, p.value
        """,
        [*name_parameters, _(LABELS[PRESENT]), *parameters],
    )


def write_csv(db: Database, path: Path, first: date, last: date, site: str | None = EVERY_SITE,
              separator: str = ";") -> int:
    """Write the register of ``site`` (or of every site) as CSV; returns the number of rows."""
    check_separator(separator)
    return write_csv_rows(path, [_(title) for title in HEADER], _rows(db, first, last, site, csv_dates=True),
                          separator)


def write_xlsx(db: Database, path: Path, first: date, last: date, site: str | None = EVERY_SITE) -> int:
    """Write the register as XLSX (a summary of each site, then one sheet per site); returns the row count."""
    workbook = new_workbook()
    summary = workbook.create_sheet(sheet_title(_("Résumé"), set()))
    write_sheet_header(summary, [_(title) for title in SUMMARY], (30, 10, 12, 10, 10))
    titles, sheet, current, count = {summary.title}, None, None, 0
    for row in _rows(db, first, last, site, csv_dates=False):
        if sheet is None or row[-1] != current:
            current = row[-1]
            sheet = workbook.create_sheet(sheet_title(row[0], titles))
            write_sheet_header(sheet, [_(title) for title in HEADER], WIDTHS)
        sheet.append([text_cell(sheet, row[0]), date_cell(sheet, row[1]), *(text_cell(sheet, v) for v in row[2:-1])])
        count += 1
    totals = _site_totals(db, first, last, site)
    for line in totals:
        summary.append([text_cell(summary, line[0]), *line[1:]])
    if not totals:
        summary.append([_("Aucune séance reçue des sites sur la période.")])
    save_workbook(workbook, path)
    return count


def _site_totals(db: Database, first: date, last: date, site: str | None) -> list[tuple]:
    """(site's name, sessions, presences, absences, excuses) of each site with a held session."""
    names, name_parameters = _names_table(db)
    where, parameters = _where(first, last, site)
    return db.execute(
        f"""
        WITH n AS ({names})
        SELECT coalesce(n.name, s.site), count(*), sum(json_extract(s.payload, '$.present')),
               sum(json_extract(s.payload, '$.absent')), sum(json_extract(s.payload, '$.excused'))
        FROM hub_summaries s LEFT JOIN n ON n.folder = s.site WHERE {where} GROUP BY s.site ORDER BY s.site
        """,
        [*name_parameters, *parameters],
    ).fetchall()
