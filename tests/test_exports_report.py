"""The funders' activity report: counts checked against hand-made data, and its XLSX."""

from datetime import date, datetime

import openpyxl

from atelier.exports import report
from atelier.exports.report_xlsx import write_report_xlsx
from tests.exports_helpers import FIRST, LAST, MODULES, make_world


def build(store):
    ids = make_world(store.db)
    return ids, report.activity_report(store.db, FIRST, LAST, MODULES, today=date(2026, 4, 1))


def test_sessions_held_only_with_national_shape(store):
    ids, result = build(store)
    assert [s.session_id for s in result.sessions] == [ids["s1"], ids["s2"]]  # not cancelled, not the planned one
    s1, s2 = result.sessions
    assert (s1.date, s1.duration_minutes, s1.place, s1.title) == (date(2026, 1, 6), 120, "Salle Hélène", "Débutants du mardi")
    assert s1.themes == ["prendre_en_main_du_materiel"] and s1.theme_labels == ["Prendre en main du matériel"]
    assert (s1.level, s1.level_label) == ("debutant", "Débutant")
    assert s2.themes == ["email", "navigation_sur_internet"] and s2.level_label == "Intermédiaire"
    assert s2.duration_minutes == 90


def test_anonymous_counts_by_age_gender_status(store):
    _ids, result = build(store)
    s1, s2 = result.sessions
    assert s1.participants == 4  # the late one counts, the absent one does not
    assert list(s1.by_age) == list(result.age_labels)  # every national bracket, in order
    assert s1.by_age["soixante_dix_plus"] == 3  # born 1956 (70 in 2026), 1940, and a bracket given only
    assert s1.by_age["soixante_soixante_neuf"] == 1  # born 1960
    assert sum(s1.by_age.values()) == 4
    assert s1.by_gender == {"masculin": 1, "feminin": 2, "non_communique": 1}
    assert s1.by_status["retraite"] == 3 and s1.by_status["non_communique"] == 1
    assert s2.participants == 2 and s2.by_age["vingt_cinq_trente_neuf"] == 1 and s2.by_age["soixante_dix_plus"] == 1
    assert s2.by_status["en_emploi"] == 1
    assert result.age_labels["soixante_soixante_neuf"] == "60 - 69 ans"
    assert result.age_labels["soixante_dix_plus"] == "70 ans et plus"


def test_totals_and_months(store):
    _ids, result = build(store)
    totals = result.totals
    assert (totals.sessions, totals.minutes, totals.hours) == (2, 210, 3.5)
    assert totals.unique_participants == 5
    assert totals.new_participants == 4  # Odette came in December already
    assert totals.attendances == 6
    assert totals.by_age["soixante_dix_plus"] == 3 and totals.by_age["vingt_cinq_trente_neuf"] == 1
    assert [(m.month, m.sessions, m.attendances) for m in result.months] == [
        ("2026-01", 1, 4), ("2026-02", 1, 2), ("2026-03", 0, 0)]
    assert result.association == "Les Ateliers d'Émile"
    assert result.period_label == "du 01/01/2026 au 31/03/2026"


def test_an_empty_period(store):
    make_world(store.db)
    result = report.activity_report(store.db, date(2030, 1, 1), date(2030, 1, 31), MODULES)
    assert result.sessions == [] and result.totals.sessions == 0 and result.totals.unique_participants == 0
    assert len(result.months) == 1


def test_xlsx_has_labels_and_keys(store, tmp_path):
    _ids, result = build(store)
    path = write_report_xlsx(result, tmp_path / "bilan.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Séances", "Totaux"]
    sessions = book["Séances"]
    assert sessions.freeze_panes == "A3"
    labels = [c.value for c in sessions[1]]
    keys = [c.value for c in sessions[2]]
    assert "Âge : 60 - 69 ans" in labels and "soixante_soixante_neuf" in keys
    assert labels.index("Âge : 70 ans et plus") == keys.index("soixante_dix_plus")
    row = {key: cell.value for key, cell in zip(keys, sessions[3])}
    assert isinstance(row["date"], datetime) and row["duree_minutes"] == 120 and row["participants"] == 4
    assert row["soixante_dix_plus"] == 3 and row["retraite"] == 3 and row["niveau_cle"] == "debutant"
    assert sessions.max_row == 4
    totals = {r[1]: r[2] for r in book["Totaux"].iter_rows(values_only=True) if r and len(r) > 2}
    assert totals["seances"] == 2 and totals["heures"] == 3.5 and totals["nouveaux_participants"] == 4
    assert totals["participants_uniques"] == 5
    rows = list(book["Totaux"].iter_rows())
    months = [r for r in rows[[r[0].value for r in rows].index("Mois") + 1:]]
    assert [r[0].value for r in months] == [datetime(2026, 1, 1), datetime(2026, 2, 1), datetime(2026, 3, 1)]
    assert months[0][0].number_format == "mmmm yyyy"  # « janvier 2026 » in a French spreadsheet


def test_new_participants_follow_the_one_rule_when_the_first_visit_was_cancelled(store):
    """A first mark in a session cancelled afterwards is no visit: the report and the
    session's summary both find the person new at the next session held."""
    from atelier import attendance, groups, people, sessions
    from atelier.groups import Group
    from atelier.people import Participant
    from atelier.sessions import Session
    from atelier.sync.summaries import summarise

    db = store.db
    group = groups.add(db, Group(name="Tablette"))
    rose = people.add(db, Participant("Rose", "Nouvelle")).id
    cancelled = sessions.add(db, Session("2026-01-06", "14:00", "16:00", group.id, module_id="souris")).id
    attendance.mark(db, cancelled, rose, attendance.PRESENT)  # marked, then the session is called off
    sessions.cancel(db, cancelled)
    held = sessions.add(db, Session("2026-01-13", "14:00", "16:00", group.id, module_id="souris", status="done")).id
    attendance.mark(db, held, rose, attendance.LATE)

    result = report.activity_report(db, FIRST, LAST, MODULES, today=date(2026, 4, 1))
    assert [s.session_id for s in result.sessions] == [held]
    assert result.totals.new_participants == summarise(db, held).new_people == 1
    assert summarise(db, cancelled).new_people == 0
    assert report.activity_report(db, date(2026, 1, 6), date(2026, 1, 6), MODULES).totals.new_participants == 0
