"""The participants screen over a real database file, driven with real clicks and keys."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from atelier import attendance, groups, people, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from people_helpers import activate, check_targets, click_and_wait, click_row, type_text
from ui.models.groups import GroupRow, GroupsModel
from ui.models.participants import ParticipantsModel
from ui.views.erase_dialog import EraseDialog, describe_erasure
from ui.views.participant_form import ParticipantForm
from ui.widgets.confirm import ConfirmDialog

TODAY = date(2026, 11, 27)
LEFT = Qt.MouseButton.LeftButton


def open_participants(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["participants"], LEFT)
    return window, window.stack.currentWidget()


def names(view) -> list[str]:
    return [p.full_name for p in view.model.rows]


def test_models_pass_the_model_tester(qtmodeltester):
    rows = [Participant("Hélène", "Martin"), Participant("Bernard", "Roux", archived_at="2026-01-01")]
    plain = ParticipantsModel()
    plain.set_rows(rows)
    qtmodeltester.check(plain)
    ticks = ParticipantsModel(checkable=True)
    ticks.set_rows(rows)
    assert ticks.setData(ticks.index(1, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtmodeltester.check(ticks)
    assert ticks.checked_ids() == [rows[1].id]
    group_model = GroupsModel()
    group_model.set_rows([GroupRow(Group("Tablette", place="Salle 1", weekday=1, start_time="14:00", end_time="16:00"), 3)])
    qtmodeltester.check(group_model)
    assert group_model.index(0, 0).data(Qt.ItemDataRole.UserRole + 3) == "Salle 1 · le mardi, 14:00 – 16:00 · 3 membres"


def test_search_without_accents_finds_helene(store, open_window, qtbot):
    people.add(store.db, Participant("Hélène", "Martin"))
    people.add(store.db, Participant("Bernard", "Roux"))
    window, view = open_participants(open_window, qtbot)
    assert names(view) == ["Hélène Martin", "Bernard Roux"]
    qtbot.keyClicks(view.search, "Helene")
    assert names(view) == ["Hélène Martin"]
    assert view.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 2) == "HM"
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert len(names(view)) == 2
    qtbot.keyClicks(view.search, "zzz")
    assert names(view) == [] and view.empty.isVisibleTo(view) and "zzz" in view.empty.text()


def test_add_a_person_with_keys_and_clicks(store, open_window, qtbot):
    window, view = open_participants(open_window, qtbot)
    qtbot.mouseClick(view.new_button, LEFT)
    form = view.dialog
    assert isinstance(form, ParticipantForm) and form.isVisible()
    activate(qtbot, form)
    assert form.first_name.hasFocus()
    type_text(qtbot, form.first_name, "Hélène")
    qtbot.keyClick(form.first_name, Qt.Key.Key_Tab)
    assert form.last_name.hasFocus()
    qtbot.keyClicks(form.last_name, "Martin")
    qtbot.keyClicks(form.phone, "06 12 34 56 78")
    qtbot.keyClicks(form.birth_year, "1948")
    assert not form.age_bracket.isEnabled()
    form.gender.setFocus()
    qtbot.keyClick(form.gender, Qt.Key.Key_Down)  # "Non renseigné" → the first real choice
    assert form.gender.key() == "masculin"
    form.gender.set_key("feminin")
    form.social_status.set_key("retraite")
    qtbot.mouseClick(form.consent_today, LEFT, pos=form.consent_today.rect().center())
    assert form.consent_date.text() == "27/11/2026"
    type_text(qtbot, form.notes, "Préfère la tablette.")
    check_targets(form)
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.keyClick(form.last_name, Qt.Key.Key_Return)  # Enter saves, as the default button
    qtbot.waitUntil(lambda: not form.isVisible())
    [saved] = people.every(store.db)
    assert (saved.first_name, saved.last_name, saved.phone, saved.birth_year) == ("Hélène", "Martin", "06 12 34 56 78", 1948)
    assert (saved.gender, saved.social_status, saved.age_bracket) == ("feminin", "retraite", None)
    assert saved.consent_date == TODAY.isoformat() and saved.notes == "Préfère la tablette."
    assert names(view) == ["Hélène Martin"]


def test_a_mistake_keeps_the_dialog_open_with_what_was_typed(store, open_window, qtbot):
    window, view = open_participants(open_window, qtbot)
    qtbot.mouseClick(view.new_button, LEFT)
    form = view.dialog
    qtbot.keyClicks(form.last_name, "Martin")
    qtbot.keyClicks(form.consent_date, "32/13/2026")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible() and form.error.isVisibleTo(form) and "27/11/2026" in form.error.text()
    assert form.consent_date.hasFocus() or not form.isActiveWindow()
    form.consent_date.clear()
    with qtbot.waitSignal(window.worker.failed, timeout=5000):
        qtbot.mouseClick(form.save_button, LEFT)  # no first name: the core says so
    assert form.isVisible() and "prénom" in form.error.text()
    assert form.last_name.text() == "Martin" and form.save_button.isEnabled()
    assert people.count(store.db) == 0
    type_text(qtbot, form.first_name, "Hélène")
    click_and_wait(qtbot, window, form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert [p.full_name for p in people.every(store.db)] == ["Hélène Martin"]


def test_edit_opens_with_enter_and_saves(store, open_window, qtbot):
    helene = people.add(store.db, Participant("Hélène", "Martin", consent_date="2025-09-01"))
    window, view = open_participants(open_window, qtbot)
    view.list.setFocus()
    qtbot.keyClick(view.list, Qt.Key.Key_Down)
    qtbot.keyClick(view.list, Qt.Key.Key_Return)
    form = view.dialog
    assert form.first_name.text() == "Hélène" and form.consent_date.text() == "01/09/2025"
    form.last_name.selectAll()
    qtbot.keyClicks(form.last_name, "Durand")
    click_and_wait(qtbot, window, form.save_button)
    assert people.get(store.db, helene.id).last_name == "Durand"
    assert names(view) == ["Hélène Durand"]


def test_archive_then_bring_back(store, open_window, qtbot):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    people.add(store.db, Participant("Bernard", "Roux"))
    window, view = open_participants(open_window, qtbot)
    assert not view.archive_button.isEnabled()  # nothing chosen yet
    click_row(qtbot, view.list, 0)
    assert view.chosen().id == helene.id
    qtbot.mouseClick(view.archive_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, ConfirmDialog) and "Hélène Martin" in dialog.windowTitle()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert people.get(store.db, helene.id).archived_at is None
    qtbot.mouseClick(view.archive_button, LEFT)
    click_and_wait(qtbot, window, view.dialog.confirm_button)
    assert people.get(store.db, helene.id).archived_at is not None
    assert names(view) == ["Bernard Roux"]

    qtbot.mouseClick(view.show_archived, LEFT)
    assert names(view) == ["Hélène Martin", "Bernard Roux"]
    assert view.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 3) == "Fiche archivée"
    click_row(qtbot, view.list, 0)
    assert view.archive_button.text() == "Réactiver"
    click_and_wait(qtbot, window, view.archive_button)
    assert people.get(store.db, helene.id).archived_at is None


def fill_history(store, person):
    group = groups.add(store.db, Group("Tablette"))
    other = groups.add(store.db, Group("Souris"))
    groups.add_members(store.db, group.id, [person.id])
    groups.add_members(store.db, other.id, [person.id])
    for week in range(12):
        session = sessions.add(store.db, Session(date=(TODAY - timedelta(weeks=week)).isoformat(),
                                                 start_time="14:00", end_time="16:00", group_id=group.id))
        attendance.mark(store.db, session.id, person.id, "present")
    for n in range(30):
        store.db.execute(
            "INSERT INTO exercise_results(id, participant_id, module_id, exercise_id, score, device_id, finished_at) "
            "VALUES (?, ?, 'la-souris', ?, 1, 'pc', '2026-11-01T10:00:00+00:00')", [f"{person.id}-{n}", person.id, f"e{n}"])


def test_erase_says_what_goes_and_asks_twice(store, open_window, qtbot):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    bernard = people.add(store.db, Participant("Bernard", "Roux"))
    fill_history(store, helene)
    fill_history(store, bernard)
    window, view = open_participants(open_window, qtbot)
    click_row(qtbot, view.list, 0)
    qtbot.mouseClick(view.erase_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, EraseDialog)
    assert dialog.summary == ("Hélène Martin, 1 fiche, 2 inscriptions à un groupe, 12 présences, "
                              "30 résultats d'exercices")
    for words in ("1 fiche", "12 présences", "2 inscriptions à un groupe", "30 résultats d'exercices",
                  "sauvegardes faites avant l'effacement gardent une copie", "effacée à nouveau"):
        assert words in dialog.message.text() + dialog.backups.text()
    check_targets(dialog)
    assert not dialog.confirm_button.isEnabled() and dialog.cancel_button.isDefault()
    qtbot.keyClicks(dialog.typed, "Bernard")
    assert not dialog.confirm_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert not dialog.isVisible()
    assert people.erasure_report(store.db, helene.id)["attendance"] == 12

    qtbot.mouseClick(view.erase_button, LEFT)
    dialog = view.dialog
    qtbot.keyClicks(dialog.typed, "helene")  # accents and capitals need not match
    assert dialog.confirm_button.isEnabled()
    with qtbot.waitSignal(window.ops.changed, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    changes = blocker.args[0]
    assert changes.people and changes.attendance and changes.groups
    for table, column in people.referring_tables(store.db):
        left = store.db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [helene.id]).fetchone()[0]
        assert left == 0, table
    with pytest.raises(KeyError):
        people.get(store.db, helene.id)
    assert people.erasure_report(store.db, bernard.id)["attendance"] == 12
    assert names(view) == ["Bernard Roux"]


def test_erasure_words_for_a_person_with_no_history():
    person = Participant("Anne", "Petit")
    assert describe_erasure(person, {"participants": 1, "attendance": 0, "group_members": 1}) == (
        "Anne Petit, 1 fiche, 1 inscription à un groupe")


def test_every_control_is_large_and_named(store, open_window, qtbot):
    people.add(store.db, Participant("Hélène", "Martin"))
    window, view = open_participants(open_window, qtbot)
    check_targets(view)
    assert view.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole) == "Hélène Martin"
    assert view.list.sizeHintForRow(0) >= 48
