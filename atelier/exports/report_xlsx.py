"""The funders' activity report as a spreadsheet.

"Séances": one row per session in the shape of the national collective-workshop report,
two header rows (the labels, then the national keys) so that the figures can be copied
into the national tool. "Totaux": the period's totals, the unique participants by age
bracket, gender and status, and attendance per month. The national categories stay in
French in every language (``national.py``).
"""

from datetime import date
from pathlib import Path

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from atelier.exports import national
from atelier.exports.report import PEOPLE, ActivityReport
from atelier.exports.spreadsheet import escape, new_workbook, save_workbook, sheet_title, write_sheet_header
from atelier.i18n import N_, _

_FIXED = (
    ("date", N_("Date"), 12),
    ("duree_minutes", N_("Durée en minutes"), 10),
    ("lieu", N_("Lieu"), 34),
    ("titre", N_("Titre de l'atelier"), 28),
    ("module", N_("Module"), 24),
    ("niveau", N_("Niveau"), 14),
    ("niveau_cle", N_("Niveau (clé)"), 14),
    ("thematiques", N_("Thématiques"), 34),
    ("thematiques_cles", N_("Thématiques (clés)"), 34),
    ("participants", N_("Participants"), 12),
)


def write_report_xlsx(report: ActivityReport, path: Path) -> Path:
    workbook = new_workbook()
    taken: set[str] = set()
    _sessions_sheet(workbook.create_sheet(sheet_title(_("Séances"), taken)), report)
    _totals_sheet(workbook.create_sheet(sheet_title(_("Totaux"), taken)), report)
    save_workbook(workbook, path)
    return Path(path)


def _count_columns(report: ActivityReport) -> list[tuple[str, str, str]]:
    """(section, key, header label) for every anonymous count column, in the national order."""
    columns = []
    for section, prefix, names in (("by_age", _("Âge"), report.age_labels),
                                   ("by_gender", _("Genre"), report.gender_labels),
                                   ("by_status", _("Statut"), report.status_labels)):
        columns += [(section, key, _("{field} : {value}").format(field=prefix, value=label))
                    for key, label in names.items()]
    return columns


def _sessions_sheet(sheet, report: ActivityReport) -> None:
    counts = _count_columns(report)
    labels = [_(label) for _key, label, _w in _FIXED] + [label for *_s, label in counts]
    widths = [w for *_k, w in _FIXED] + [14] * len(counts)
    write_sheet_header(sheet, labels, widths, frozen="A3")
    italic = Font(italic=True)
    keys = []
    for key in [key for key, *_r in _FIXED] + [key for _s, key, _l in counts]:
        cell = WriteOnlyCell(sheet, value=key)
        cell.font = italic
        keys.append(cell)
    sheet.append(keys)
    for row in report.sessions:
        day = WriteOnlyCell(sheet, value=row.date)
        day.number_format = "DD/MM/YYYY"
        sheet.append([
            day, row.duration_minutes, escape(row.place), escape(row.title), escape(row.module_title),
            row.level_label, row.level or "", ", ".join(row.theme_labels), ",".join(row.themes),
            row.participants, *(getattr(row, section).get(key, 0) for section, key, _l in counts),
        ])


def _totals_sheet(sheet, report: ActivityReport) -> None:
    write_sheet_header(sheet, [_("Indicateur"), _("Clé"), _("Valeur")], (40, 28, 14))
    totals = report.totals
    bold = Font(bold=True)

    def title(text):
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = bold
        sheet.append([])
        sheet.append([cell])

    for label, key, value in (
        (_("Période"), "periode", report.period_label),
        (_("Séances"), "seances", totals.sessions),
        (_("Heures d'atelier"), "heures", totals.hours),
        (_("Durée totale en minutes"), "minutes", totals.minutes),
        (_("Participants différents"), "participants_uniques", totals.unique_participants),
        (_("Nouveaux participants"), "nouveaux_participants", totals.new_participants),
        (_("Présences (une par personne et par séance)"), "presences", totals.attendances),
    ):
        sheet.append([label, key, value])
    if report.sites:
        sheet.append([_("Sites"), "sites", escape(", ".join(report.sites))])
    if note := national.note():
        sheet.append([note])
    headings = ((_("Participants par tranche d'âge"), _("Participants par genre"), _("Participants par statut social"))
                if report.counted == PEOPLE else  # the summaries of several sites count visits, not people
                (_("Présences par tranche d'âge"), _("Présences par genre"), _("Présences par statut social")))
    for heading, counts, names in zip(headings, (totals.by_age, totals.by_gender, totals.by_status),
                                      (report.age_labels, report.gender_labels, report.status_labels)):
        title(heading)
        for key, value in counts.items():
            sheet.append([names.get(key, key), key, value])
    title(_("Fréquentation par mois"))
    sheet.append([_("Mois"), _("Séances"), _("Présences")])
    for month in report.months:
        sheet.append([_month_cell(sheet, month.month), month.sessions, month.attendances])


def _month_cell(sheet, month: str):
    """The month as a date cell shown « mars 2026 »: the spreadsheet names the month in its
    own language, the cell stays a date (it sorts, it charts) and no month table is kept here."""
    cell = WriteOnlyCell(sheet, value=date.fromisoformat(f"{month}-01"))
    cell.number_format = "mmmm yyyy"
    return cell
