"""The roll call: one click or one key a person, saved at once, undo, walk-ins."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from atelier import attendance, groups, people, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from ui.models.roll import Roll, read_roll, summary
from ui.views.roll_call import RollCallView

TODAY = date(2026, 11, 27)  # the conftest's day for open_window()

NAMES = [("Hélène", "Martin", "feminin"), ("José", "Fernandes", "masculin"), ("Françoise", "Lefebvre", "feminin"),
         ("Gérard", "Dubois", "masculin"), ("Monique", "Girard", "feminin"), ("Michel", "Moreau", "masculin"),
         ("Josiane", "Laurent", "feminin"), ("André", "Roux", "masculin"), ("Colette", "Faure", "feminin"),
         ("Raymond", "Mercier", "masculin"), ("Yvette", "Bonnet", "feminin"), ("Lan", "Nguyen", None)]


@pytest.fixture
def twelve(store):
    """A group of twelve and its session today."""
    group = groups.add(store.db, Group("Premiers pas", place="Salle 2"))
    for first, last, gender in NAMES:
        person = people.add(store.db, Participant(first, last, gender=gender))
        groups.add_member(store.db, group.id, person.id)
    session = sessions.add(store.db, Session(TODAY.isoformat(), "14:00", "16:00", group.id, "Salle 2"))
    return group, session


@pytest.fixture
def roll(qtbot, open_window):
    """``roll(session, today)``: the roll call view, shown and active."""
    def opener(session, today=TODAY):
        window = open_window()
        view = RollCallView(window.ops, session, today)
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        return view
    return opener


class Actions:
    """Every click and key sent to the program goes through here, and is counted."""

    def __init__(self, qtbot):
        self.qtbot, self.count = qtbot, 0

    def click(self, widget) -> None:
        self.count += 1
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    def key(self, key) -> None:
        self.count += 1
        self.qtbot.keyClick(QApplication.focusWidget(), key)


def marks(store, session):
    return attendance.for_session(store.db, session.id)


def by_name(view, first):
    return next(row for row in view.rows if row.name.text().startswith(first))


def test_twelve_people_by_mouse_in_fourteen_clicks(qtbot, store, twelve, roll):
    _group, session = twelve
    view = roll(session)
    actions = Actions(qtbot)
    for row in view.rows:
        actions.click(row.toggle)  # not marked → present
    for first in ("José", "Lan"):
        actions.click(by_name(view, first).toggle)  # present → absent
    qtbot.waitUntil(view.idle)
    assert actions.count <= 15, actions.count
    saved = marks(store, session)
    assert len(saved) == 12
    assert sorted(saved.values()).count("present") == 10 and sorted(saved.values()).count("absent") == 2
    assert view.counts.text() == "10 présents, 2 absents, 0 non pointé"
    assert by_name(view, "Hélène").toggle.accessibleName() == "Hélène Martin : présente"
    assert by_name(view, "José").toggle.accessibleName() == "José Fernandes : absent"


def test_twelve_people_by_keyboard_in_twelve_keys(qtbot, store, twelve, roll):
    _group, session = twelve
    view = roll(session)
    assert view.rows[0].toggle.hasFocus()  # the roll opens on its first row
    absent = {"Fernandes", "Nguyen"}
    actions = Actions(qtbot)
    for i in range(12):  # a key on a row not yet marked moves on to the next
        assert view.rows[i].toggle.hasFocus()
        actions.key(Qt.Key.Key_A if view.model.row(i).last_name in absent else Qt.Key.Key_Space)
    qtbot.waitUntil(view.idle)
    assert actions.count <= 15
    saved = marks(store, session)
    assert sorted(saved.values()) == ["absent"] * 2 + ["present"] * 10
    # Space on a marked row toggles it, and stays there
    view.focus_row(0)
    actions.key(Qt.Key.Key_Space)
    qtbot.waitUntil(view.idle)
    assert view.rows[0].toggle.hasFocus() and marks(store, session)[view.model.row(0).participant_id] == "absent"


def test_all_present_with_confirmation_then_two_absent(qtbot, store, twelve, roll):
    _group, session = twelve
    view = roll(session)
    actions = Actions(qtbot)
    actions.click(view.all_present)
    assert view.question is not None and marks(store, session) == {}
    actions.click(view.question.confirm_button)
    actions.click(by_name(view, "José").toggle)
    actions.click(by_name(view, "Lan").toggle)
    qtbot.waitUntil(view.idle)
    assert actions.count == 4
    assert sorted(marks(store, session).values()) == ["absent"] * 2 + ["present"] * 10


def test_all_present_cancelled_changes_nothing(qtbot, store, twelve, roll):
    _group, session = twelve
    view = roll(session)
    qtbot.mouseClick(view.all_present, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.question.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.idle)  # a write wrongly begun would have ended by then
    assert marks(store, session) == {}
    assert view.counts.text() == "0 présent, 0 absent, 12 non pointés"


def test_undo_goes_back_to_not_marked(qtbot, store, twelve, roll):
    _group, session = twelve
    view = roll(session)
    helene = by_name(view, "Hélène")
    pid = view.model.row(helene.i).participant_id
    assert not view.undo_button.isEnabled()
    qtbot.mouseClick(helene.toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(helene.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.idle)
    assert marks(store, session) == {pid: "absent"}
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.idle)
    assert marks(store, session) == {pid: "present"}
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.idle)
    assert marks(store, session) == {}
    assert helene.toggle.accessibleName() == "Hélène Martin : pas encore pointée"
    assert not view.undo_button.isEnabled()


@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|grabbing the keyboard|propagateSizeHints)")  # offscreen menus
def test_excused_and_late_from_the_second_control(qtbot, store, twelve, roll):
    _group, session = twelve
    view = roll(session)
    row = by_name(view, "Monique")
    qtbot.mouseClick(row.more, Qt.MouseButton.LeftButton)
    qtbot.waitExposed(row.menu)
    qtbot.keyClick(row.menu, Qt.Key.Key_Down)
    qtbot.keyClick(row.menu, Qt.Key.Key_Return)  # "Excusé"
    qtbot.waitUntil(view.idle)
    assert row.toggle.accessibleName() == "Monique Girard : excusée"
    qtbot.mouseClick(row.more, Qt.MouseButton.LeftButton)
    row.menu.actions()[1].trigger()  # "En retard"
    qtbot.waitUntil(view.idle)
    assert set(marks(store, session).values()) == {"late"}
    assert "1 en retard" in view.counts.text()


@pytest.mark.parametrize("join", [True, False], ids=["rejoint", "sans-rejoindre"])
def test_walk_in_in_three_fields(qtbot, store, twelve, roll, join):
    group, session = twelve
    view = roll(session)
    qtbot.mouseClick(view.walk_in, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    qtbot.waitExposed(dialog)
    assert dialog.join.isChecked()
    qtbot.keyClicks(dialog.first[1], "Odette")
    qtbot.keyClicks(dialog.last[1], "Perrin")
    qtbot.keyClicks(dialog.phone[1], "06 12 34 56 78")
    if not join:
        qtbot.mouseClick(dialog.join, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.saved):
        qtbot.mouseClick(dialog.add, Qt.MouseButton.LeftButton)
    person = next(p for p in people.every(store.db) if p.first_name == "Odette") \
        if hasattr(people, "every") else None
    saved = marks(store, session)
    odette = [r for r in view.model._rows if r.first_name == "Odette"]
    assert len(odette) == 1 and saved[odette[0].participant_id] == "present"
    members = {p.id for p in groups.members(store.db, group.id)}
    assert (odette[0].participant_id in members) is join
    assert len(view.rows) == 13
    assert person is None or person.phone == "06 12 34 56 78"


def test_a_past_session_asks_once_before_changing(qtbot, store, twelve, roll):
    group, _today_session = twelve
    past = sessions.add(store.db, Session((TODAY - timedelta(days=7)).isoformat(), "14:00", "16:00", group.id))
    view = roll(past)
    first, second = view.rows[0], view.rows[1]
    qtbot.mouseClick(first.toggle, Qt.MouseButton.LeftButton)
    assert view.question is not None
    qtbot.mouseClick(view.question.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.idle)  # a write wrongly begun would have ended by then
    assert marks(store, past) == {}
    qtbot.mouseClick(first.toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.question.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.idle)
    assert list(marks(store, past).values()) == ["present"]
    view.question = None
    qtbot.mouseClick(second.toggle, Qt.MouseButton.LeftButton)  # asked once per opening
    assert view.question is None
    qtbot.waitUntil(view.idle)
    assert len(marks(store, past)) == 2


def test_every_control_is_large_and_named(qtbot, store, twelve, roll):
    _group, session = twelve
    view = roll(session)
    buttons = [b for b in view.findChildren(QAbstractButton) if b.isVisible()]
    assert len(buttons) >= 2 * 12 + 3
    for button in buttons:
        assert button.width() >= 48 and button.height() >= 48, button.text()
        assert button.accessibleName(), button.text()
    for row in view.rows:
        assert row.height() >= 48


def test_the_roll_says_which_rows_changed(store, twelve):
    _group, session = twelve
    roll = Roll()
    assert roll.reset(*read_roll(store.db, session.id)) is None  # new people: the screen rebuilds
    attendance.mark(store.db, session.id, roll.row(3).participant_id, "present")
    assert roll.reset(*read_roll(store.db, session.id)) == [3]
    assert len(roll) == 12 and roll.summary() == "1 présent, 0 absent, 11 non pointés"
    assert summary({"present": 8, "absent": 2, "excused": 0, "late": 0, None: 2}) == \
        "8 présents, 2 absents, 2 non pointés"
