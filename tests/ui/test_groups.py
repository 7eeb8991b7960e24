"""The groups screen and a group's members, over a real database, with real clicks and keys."""

from PySide6.QtCore import Qt

from atelier import groups, people
from atelier.groups import Group
from atelier.people import Participant
from people_helpers import activate, check_targets, click_and_wait, click_row, type_text
from ui.views.group_form import GroupForm, normalise_time
from ui.views.member_picker import MemberPicker
from ui.views.participant_form import ParticipantForm
from ui.widgets.confirm import ConfirmDialog

LEFT = Qt.MouseButton.LeftButton


def open_groups(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["groups"], LEFT)
    return window, window.stack.currentWidget()


def member_names(page) -> list[str]:
    return [p.full_name for p in page.model.rows]


def test_create_a_group_then_its_page_opens(store, open_window, qtbot):
    window, view = open_groups(open_window, qtbot)
    assert view.empty.isVisibleTo(view)
    qtbot.mouseClick(view.new_button, LEFT)
    form = view.dialog
    assert isinstance(form, GroupForm)
    activate(qtbot, form)
    assert form.name.hasFocus()
    type_text(qtbot, form.name, "Débutants du mardi")
    qtbot.keyClick(form.name, Qt.Key.Key_Tab)
    qtbot.keyClicks(form.place, "Salle 2")
    qtbot.keyClick(form.place, Qt.Key.Key_Tab)
    assert form.weekday.hasFocus()
    qtbot.keyClick(form.weekday, Qt.Key.Key_Down)
    qtbot.keyClick(form.weekday, Qt.Key.Key_Down)  # Non renseigné → Lundi → Mardi
    assert form.weekday.currentText() == "Mardi"
    qtbot.keyClicks(form.start_time, "14h")
    qtbot.keyClicks(form.end_time, "16:00")
    check_targets(form)
    click_and_wait(qtbot, window, form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    [group] = groups.every(store.db)
    assert (group.name, group.place, group.weekday, group.start_time, group.end_time) == (
        "Débutants du mardi", "Salle 2", 1, "14:00", "16:00")
    assert view.stack.currentWidget() is view.group_page
    assert view.group_page.title.text() == "Débutants du mardi"
    assert view.group_page.details.text() == "Salle 2 · le mardi, 14:00 – 16:00 · aucun membre"
    qtbot.mouseClick(view.group_page.back_button, LEFT)
    assert view.model.rowCount() == 1 and not view.empty.isVisibleTo(view)


def test_a_bad_time_keeps_the_form_open(store, open_window, qtbot):
    window, view = open_groups(open_window, qtbot)
    qtbot.mouseClick(view.new_button, LEFT)
    form = view.dialog
    qtbot.keyClicks(form.name, "Tablette")
    qtbot.keyClicks(form.start_time, "25:00")
    with qtbot.waitSignal(window.worker.failed, timeout=5000):
        qtbot.mouseClick(form.save_button, LEFT)
    assert form.isVisible() and "Heure invalide" in form.error.text()
    assert form.name.text() == "Tablette" and groups.every(store.db) == []
    form.start_time.clear()
    qtbot.keyClicks(form.start_time, "9:30")
    click_and_wait(qtbot, window, form.save_button)
    assert groups.every(store.db)[0].start_time == "09:30"


def test_times_are_written_the_usual_way():
    assert normalise_time("14h") == "14:00"
    assert normalise_time("9h30") == "09:30"
    assert normalise_time(" 14:00 ") == "14:00"
    assert normalise_time("") is None


def test_members_added_from_the_list_and_on_the_spot_then_one_removed(store, open_window, qtbot):
    group = groups.add(store.db, Group("Tablette", place="Salle 1"))
    for first, last in (("Hélène", "Martin"), ("Bernard", "Roux"), ("Chantal", "Petit")):
        people.add(store.db, Participant(first, last))
    window, view = open_groups(open_window, qtbot)
    click_row(qtbot, view.list, 0)  # one click opens the group
    page = view.group_page
    assert view.stack.currentWidget() is page and page.title.text() == "Tablette"
    assert page.empty.isVisibleTo(page)

    qtbot.mouseClick(page.add_button, LEFT)
    picker = page.dialog
    assert isinstance(picker, MemberPicker) and not picker.save_button.isEnabled()
    check_targets(picker)
    qtbot.keyClicks(picker.search, "Helene")
    assert [p.full_name for p in picker.model.rows] == ["Hélène Martin"]
    click_row(qtbot, picker.list, 0)  # ticks it
    picker.search.clear()
    assert len(picker.model.rows) == 3
    picker.list.setFocus()
    picker.list.setCurrentIndex(picker.model.index(1, 0))  # Petit, Chantal
    qtbot.keyClick(picker.list, Qt.Key.Key_Space)
    assert picker.count.text() == "2 personnes cochées."
    click_and_wait(qtbot, window, picker.save_button)
    qtbot.waitUntil(lambda: not picker.isVisible())
    assert member_names(page) == ["Hélène Martin", "Chantal Petit"]
    assert page.details.text() == "Salle 1 · 2 membres"

    qtbot.mouseClick(page.new_button, LEFT)
    form = page.dialog
    assert isinstance(form, ParticipantForm)
    qtbot.keyClicks(form.first_name, "Denise")
    qtbot.keyClicks(form.last_name, "Arnaud")
    with qtbot.waitSignal(window.ops.changed, timeout=5000) as blocker:
        qtbot.mouseClick(form.save_button, LEFT)
    assert blocker.args[0].people and blocker.args[0].groups
    assert member_names(page) == ["Denise Arnaud", "Hélène Martin", "Chantal Petit"]

    click_row(qtbot, page.list, 1)
    qtbot.mouseClick(page.remove_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, ConfirmDialog) and "Hélène Martin" in dialog.windowTitle()
    click_and_wait(qtbot, window, dialog.confirm_button)
    assert [p.full_name for p in groups.members(store.db, group.id)] == ["Denise Arnaud", "Chantal Petit"]
    assert member_names(page) == ["Denise Arnaud", "Chantal Petit"]
    assert people.count(store.db) == 4  # removed from the group, not from the participants
    qtbot.mouseClick(page.back_button, LEFT)
    assert view.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 3) == "Salle 1 · 2 membres"


def test_archive_a_group_with_confirmation(store, open_window, qtbot):
    tablette = groups.add(store.db, Group("Tablette"))
    groups.add(store.db, Group("Souris"))
    window, view = open_groups(open_window, qtbot)
    assert [r.group.name for r in view.model.rows] == ["Souris", "Tablette"]
    view.list.setFocus()
    view.list.setCurrentIndex(view.model.index(1, 0))
    qtbot.keyClick(view.list, Qt.Key.Key_Return)  # Enter opens, like a click
    page = view.group_page
    assert page.title.text() == "Tablette"
    qtbot.mouseClick(page.archive_button, LEFT)
    qtbot.mouseClick(page.dialog.cancel_button, LEFT)
    assert groups.get(store.db, tablette.id).archived_at is None
    qtbot.mouseClick(page.archive_button, LEFT)
    click_and_wait(qtbot, window, page.dialog.confirm_button)
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.list_page)
    assert groups.get(store.db, tablette.id).archived_at is not None
    assert [r.group.name for r in view.model.rows] == ["Souris"]
    qtbot.mouseClick(view.show_archived, LEFT)
    assert [r.group.name for r in view.model.rows] == ["Souris", "Tablette"]
    click_row(qtbot, view.list, 1)
    assert page.archive_button.text() == "Réactiver"
    assert page.archive_button.accessibleName() == "Réactiver le groupe"
    click_and_wait(qtbot, window, page.archive_button)
    assert groups.get(store.db, tablette.id).archived_at is None


def test_a_rename_elsewhere_shows_in_the_members_list(store, open_window, qtbot):
    group = groups.add(store.db, Group("Tablette"))
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    groups.add_member(store.db, group.id, helene.id)
    window, view = open_groups(open_window, qtbot)
    view.open_group(group.id)
    page = view.group_page
    assert member_names(page) == ["Hélène Martin"]

    qtbot.mouseClick(window.buttons["participants"], LEFT)
    participants = window.stack.currentWidget()
    click_row(qtbot, participants.list, 0)
    qtbot.mouseClick(participants.edit_button, LEFT)
    form = participants.dialog
    form.last_name.selectAll()
    qtbot.keyClicks(form.last_name, "Durand")
    click_and_wait(qtbot, window, form.save_button)

    assert member_names(page) == ["Hélène Martin"]  # hidden: it has not read anything yet
    qtbot.mouseClick(window.buttons["groups"], LEFT)
    assert member_names(page) == ["Hélène Durand"]  # shown again: read once, no reload asked by anyone
    qtbot.mouseClick(window.buttons["groups"], LEFT)
    assert window.stack.currentWidget() is view and view.stack.currentWidget() is page


def test_every_control_is_large_and_named(store, open_window, qtbot):
    group = groups.add(store.db, Group("Tablette", place="Salle 1", weekday=4, start_time="14:00"))
    groups.add_new_member(store.db, group.id, Participant("Hélène", "Martin"))
    window, view = open_groups(open_window, qtbot)
    check_targets(view.list_page)
    view.open_group(group.id)
    check_targets(view.group_page)
    click_row(qtbot, view.group_page.list, 0)
    qtbot.mouseClick(view.group_page.remove_button, LEFT)
    check_targets(view.group_page.dialog)
    qtbot.mouseClick(view.group_page.dialog.cancel_button, LEFT)
    qtbot.mouseClick(view.group_page.edit_button, LEFT)
    form = view.group_page.dialog
    assert form.name.text() == "Tablette" and form.weekday.currentText() == "Vendredi"
    check_targets(form)
