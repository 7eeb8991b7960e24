"""No second record of one person, from every place a person is created; two records
merged; a walk-in taken back from the roll."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from atelier import attendance, groups, people, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from people_helpers import activate, check_targets, click_and_wait, click_row, type_text
from ui.views.merge_dialog import MergeDialog
from ui.views.participant_form import ParticipantForm
from ui.views.roll_call import RollCallView

TODAY = date(2026, 11, 27)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def known(store):
    """Hélène Durand, known in « Tablette »; an archived Josiane Laurent; a group « Souris » and today's session."""
    db = store.db
    tablette, souris = groups.add(db, Group("Tablette")), groups.add(db, Group("Souris"))
    helene = people.add(db, Participant("Hélène", "Durand", gender="feminin", birth_year=1948))
    groups.add_member(db, tablette.id, helene.id)
    josiane = people.add(db, Participant("Josiane", "Laurent"))
    people.archive(db, josiane.id)
    session = sessions.add(db, Session(TODAY.isoformat(), "14:00", "16:00", souris.id))
    return helene, josiane, souris, session


def test_participants_a_known_name_opens_that_record(store, known, open_window, qtbot):
    helene, _josiane, _souris, _session = known
    window = open_window()
    qtbot.mouseClick(window.buttons["participants"], LEFT)
    view = window.stack.currentWidget()
    qtbot.mouseClick(view.new_button, LEFT)
    form = view.dialog
    activate(qtbot, form)
    assert not form.known.isVisible()
    type_text(qtbot, form.first_name, "DURAND")
    type_text(qtbot, form.last_name, "helene")  # swapped, no accent, other case
    assert form.known.isVisible() and form.save_button.text() == "Créer une autre fiche"
    assert "Hélène Durand — née en 1948 · Tablette · jamais venue" in form.known.accessibleDescription()
    check_targets(form)
    [use] = form.known.buttons
    assert use.text() == "Ouvrir la fiche de Hélène Durand"
    qtbot.mouseClick(use, LEFT)
    assert not form.isVisible() and people.count(store.db) == 2  # nothing created
    opened = view.dialog
    assert isinstance(opened, ParticipantForm) and opened.person.id == helene.id
    assert opened.first_name.text() == "Hélène"
    opened.reject()


def test_participants_another_person_of_the_same_name_can_still_be_created(store, known, open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["participants"], LEFT)
    view = window.stack.currentWidget()
    qtbot.mouseClick(view.new_button, LEFT)
    form = view.dialog
    type_text(qtbot, form.first_name, "Hélène")
    type_text(qtbot, form.last_name, "Durand")
    click_and_wait(qtbot, window, form.save_button)
    assert len(people.named(store.db, "Hélène Durand")) == 2


def test_group_page_a_known_name_joins_the_group_from_the_archive(store, known, open_window, qtbot):
    _helene, josiane, souris, _session = known
    window = open_window()
    qtbot.mouseClick(window.buttons["groups"], LEFT)
    view = window.stack.currentWidget()
    view.open_group(souris.id)
    page = view.group_page
    qtbot.mouseClick(page.new_button, LEFT)
    form = page.dialog
    type_text(qtbot, form.first_name, "Josiane Laurent")  # the whole name in one field
    assert "fiche archivée" in form.known.accessibleDescription()
    click_and_wait(qtbot, window, form.known.buttons[0])
    assert [p.id for p in groups.members(store.db, souris.id)] == [josiane.id]
    assert people.get(store.db, josiane.id).archived_at is None and people.count(store.db) == 2
    qtbot.waitUntil(lambda: [p.full_name for p in page.model.rows] == ["Josiane Laurent"])


def open_roll(qtbot, window, session) -> RollCallView:
    workshop = window.open_workshop(session)
    roll = workshop.roll_call
    qtbot.mouseClick(roll.walk_in, LEFT)
    qtbot.waitExposed(roll.dialog)
    return roll


def test_walk_in_a_known_person_marked_present_then_undone(store, known, open_window, qtbot):
    helene, _josiane, souris, session = known
    window = open_window()
    roll = open_roll(qtbot, window, session)
    dialog = roll.dialog
    type_text(qtbot, dialog.first[1], "helene")
    type_text(qtbot, dialog.last[1], "DURAND")
    assert dialog.add.text() == "Ajouter une autre personne" and not dialog.add.isDefault()
    [use] = dialog.known.buttons
    assert use.text() == "Marquer Hélène Durand présente" and use.isDefault()
    check_targets(dialog)
    with qtbot.waitSignal(roll.saved, timeout=5000):
        qtbot.mouseClick(use, LEFT)
    assert attendance.for_session(store.db, session.id) == {helene.id: "present"}
    assert helene.id in {p.id for p in groups.members(store.db, souris.id)}  # « l'ajouter au groupe » ticked
    assert [row.name.text() for row in roll.rows] == ["Hélène Durand"]
    assert people.count(store.db) == 2
    with qtbot.waitSignal(roll.saved, timeout=5000):
        qtbot.mouseClick(roll.undo_button, LEFT)
    assert attendance.for_session(store.db, session.id) == {}
    assert groups.members(store.db, souris.id) == [] and roll.rows == []
    assert people.get(store.db, helene.id).first_name == "Hélène"  # a known record is never erased


def test_a_new_walk_in_undone_from_the_roll_leaves_no_record(store, known, open_window, qtbot):
    _helene, _josiane, souris, session = known
    window = open_window()
    roll = open_roll(qtbot, window, session)
    dialog = roll.dialog
    type_text(qtbot, dialog.first[1], "Odette")
    assert not dialog.known.isVisible()
    with qtbot.waitSignal(roll.saved, timeout=5000):
        qtbot.mouseClick(dialog.add, LEFT)
    assert len(roll.rows) == 1 and people.count(store.db) == 3
    with qtbot.waitSignal(roll.saved, timeout=5000):
        qtbot.mouseClick(roll.undo_button, LEFT)
    assert people.count(store.db) == 2 and roll.rows == [] and groups.members(store.db, souris.id) == []
    assert not roll.undo_button.isEnabled()


def test_two_records_merged_after_one_question(store, known, open_window, qtbot):
    helene, _josiane, souris, session = known
    db = store.db
    twin = people.add(db, Participant("HELENE", "durand", phone="06 11 22 33 44"))
    groups.add_member(db, souris.id, twin.id)
    attendance.mark(db, session.id, twin.id, attendance.PRESENT)
    window = open_window()
    qtbot.mouseClick(window.buttons["participants"], LEFT)
    view = window.stack.currentWidget()
    view.list.choose(helene.id)
    qtbot.mouseClick(view.edit_button, LEFT)
    form = view.dialog
    activate(qtbot, form)
    assert form.known.isVisible() and form.known.heading.text() == "Une autre fiche porte ce nom :"
    assert form.known.buttons[0].text() == "Fusionner avec la fiche de HELENE durand"
    qtbot.mouseClick(form.merge_button, LEFT)  # or that button: the same way on
    dialog = view.dialog
    assert isinstance(dialog, MergeDialog)
    activate(qtbot, dialog)
    assert dialog.list.current_id() == twin.id  # the same name comes first, chosen
    assert dialog.model.index(0, 0).data(Qt.ItemDataRole.UserRole + 3) == "Même nom"
    assert helene.id not in [p.id for p in dialog.model.rows]
    check_targets(dialog)
    qtbot.mouseClick(dialog.save_button, LEFT)
    question = dialog.question
    qtbot.waitExposed(question)
    words = question.message.text()
    assert "1 séance, 0 résultat d'exercice, 1 groupe" in words and "ne peut pas être défait" in words
    qtbot.mouseClick(question.cancel_button, LEFT)
    qtbot.waitUntil(lambda: window.worker.pending() == 0)
    assert people.get(db, twin.id)
    qtbot.mouseClick(dialog.save_button, LEFT)
    click_and_wait(qtbot, window, dialog.question.confirm_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with pytest.raises(KeyError):
        people.get(db, twin.id)
    merged = people.get(db, helene.id)
    assert merged.phone == "06 11 22 33 44" and attendance.for_session(db, session.id) == {helene.id: "present"}
    assert {g.id for g in groups.every(db) if helene.id in {p.id for p in groups.members(db, g.id)}} == \
        {g.id for g in groups.every(db)}
    qtbot.waitUntil(lambda: [p.id for p in view.model.rows] == [helene.id])
