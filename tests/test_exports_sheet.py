"""The feuille d'émargement's content: header, rows from the group, presence, half-days."""

from datetime import date

import pytest

from atelier import settings
from atelier.exports import sheet
from tests.exports_helpers import MODULES, make_world


def test_blank_sheet_is_prefilled_from_the_group_alphabetically(store):
    ids = make_world(store.db)
    settings.put(store.db, sheet.LOGO, "/tmp/logo.png")
    content = sheet.sheet_for(store.db, ids["long"], completed=False, blank_rows=6, modules=MODULES)
    assert content.association == "Les Ateliers d'Émile" and content.logo_path == "/tmp/logo.png"
    assert (content.title, content.module_title) == ("Débutants du mardi", "Le courriel")
    assert (content.date, content.start, content.end) == (date(2026, 3, 3), "10:00", "17:00")
    assert (content.place, content.facilitator) == ("Salle Hélène", "Martine Lefèvre")
    assert [r.name for r in content.rows] == ["=SUM(1) +33612345678", "Ana Åberg", "José Fernandes", "Hélène Martin"]
    assert all(r.present is None and r.status_label == "" for r in content.rows)
    assert content.blank_rows == 6 and content.completed is False
    assert content.half_days == ["Matin", "Après-midi"]  # spans noon: two signatures


def test_completed_sheet_marks_presence_from_the_roll_call(store):
    ids = make_world(store.db)
    content = sheet.sheet_for(store.db, ids["s1"], completed=True, modules=MODULES)
    rows = {r.name: (r.present, r.status_label) for r in content.rows}
    assert rows["Hélène Martin"] == (True, "Présent(e)")
    assert rows["José Fernandes"] == (True, "En retard")
    assert rows["Ana Åberg"] == (False, "Absent(e)")
    assert rows["Odette Ancienne"] == (True, "Présent(e)")  # not a member, but came
    assert [r.name for r in content.rows][:3] == ["=SUM(1) +33612345678", "Ana Åberg", "Odette Ancienne"]
    assert content.half_days == ["Après-midi"]
    assert content.blank_rows == 0  # after the roll: only the last page's room for walk-ins, never a blank page
    morning = sheet.sheet_for(store.db, ids["s2"], completed=True, modules=MODULES)
    assert morning.half_days == ["Matin"] and morning.place == "@Salle"


def test_unknown_session_and_unknown_module(store):
    ids = make_world(store.db)
    with pytest.raises(KeyError):
        sheet.sheet_for(store.db, "nope", completed=False, modules=MODULES)
    assert sheet.sheet_for(store.db, ids["s1"], completed=False, modules=[]).module_title == "souris"


def test_sheets_for_a_period_leave_out_cancelled_sessions(store):
    ids = make_world(store.db)
    found = sheet.sheets_for_period(store.db, date(2025, 12, 1), date(2026, 3, 31))
    assert found == [ids["before"], ids["s1"], ids["s2"], ids["long"]]
    assert sheet.sheets_for_period(store.db, date(2026, 1, 1), date(2026, 2, 28), ids["group"]) == [ids["s1"], ids["s2"]]
    assert sheet.sheets_for_period(store.db, date(2026, 1, 1), date(2026, 2, 28), "other") == []


def test_half_days():
    assert sheet.half_days("09:00", "12:00") == ["Matin"]
    assert sheet.half_days("12:00", "13:00") == ["Après-midi"]
    assert sheet.half_days("11:30", "12:30") == ["Matin", "Après-midi"]
