"""Records as they really happen, on the screens: a past roll entered afterwards, a session
started on another day, one deleted or restored, a finished one shown done with « Rouvrir »,
and the lesson's last step leading on to the closing."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from atelier import attendance, groups, people, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from atelier.sync import outbox, summaries
from people_helpers import click_row
from ui.views.start_day import StartDayDialog
from ui.views.workshop import WorkshopView
from ui.widgets.buttons import is_current

TODAY = date(2026, 11, 27)  # the conftest's day for open_window()
LEFT = Qt.MouseButton.LeftButton


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
    qtbot.mouseClick(widget, LEFT)


@pytest.fixture
def group(store):
    group = groups.add(store.db, Group("Premiers pas", place="Salle 2"))
    for first, last in (("Hélène", "Durand"), ("Marcel", "Petit")):
        groups.add_member(store.db, group.id, people.add(store.db, Participant(first, last)).id)
    return group


def sessions_page(qtbot, window, past: bool = False):
    click(qtbot, window.buttons["sessions"])
    page = window.stack.currentWidget()
    if past:
        click(qtbot, page.past_button)
    return page


def choose(qtbot, page, session_id: str) -> None:
    click_row(qtbot, page.list, page.model.row_of(session_id))
    assert page.selected().id == session_id


def test_a_past_roll_entered_afterwards_with_a_banner_and_one_question(store, group, open_window, qtbot):
    past = sessions.add(store.db, Session((TODAY - timedelta(days=7)).isoformat(), "14:00", "16:00", group.id))
    window = open_window()
    page = sessions_page(qtbot, window, past=True)
    choose(qtbot, page, past.id)
    assert page.start.text() == "Ouvrir l'appel"
    click(qtbot, page.start)
    workshop = window.stack.currentWidget()
    assert isinstance(workshop, WorkshopView) and workshop.session.id == past.id
    roll = workshop.roll_call
    assert roll.past_banner.isVisible()
    assert roll.past_banner.heading.text() == "Séance passée : l'appel du vendredi 20 novembre 2026"
    qtbot.waitUntil(lambda: roll.rows[0].toggle.hasFocus())  # the keyboard on the first row, the banner in sight
    assert roll.past_banner.visibleRegion().boundingRect().height() == roll.past_banner.height()
    for row in roll.rows:
        click(qtbot, row.toggle)
        if roll.question is not None:  # asked once, on the first change only
            click(qtbot, roll.question.confirm_button)
            roll.question = None
    qtbot.waitUntil(roll.idle)
    assert roll.question is None
    assert sorted(attendance.for_session(store.db, past.id).values()) == ["present", "present"]


def test_today_has_no_banner(store, group, open_window, qtbot):
    today = sessions.add(store.db, Session(TODAY.isoformat(), "14:00", "16:00", group.id))
    window = open_window()
    workshop = window.open_workshop(today)
    assert workshop.roll_call.past_banner is None


@pytest.mark.parametrize("answer", ["today", "keep", "not-now"])
def test_a_session_started_on_another_day(store, group, open_window, qtbot, answer):
    planned = sessions.add(store.db, Session((TODAY + timedelta(days=4)).isoformat(), "14:00", "16:00", group.id))
    window = open_window()
    page = sessions_page(qtbot, window)
    choose(qtbot, page, planned.id)
    assert page.start.text() == "Commencer"
    click(qtbot, page.start)
    dialog = page.question
    assert isinstance(dialog, StartDayDialog)
    qtbot.waitExposed(dialog)
    assert "mardi 1er décembre 2026" in dialog.windowTitle() and "vendredi 27 novembre 2026" in dialog.message.text()
    if answer == "today":
        with qtbot.waitSignal(page.start_requested, timeout=5000):
            click(qtbot, dialog.confirm_button)
        assert sessions.get(store.db, planned.id).date == TODAY.isoformat()
    elif answer == "keep":
        assert dialog.keep_button.text() == "Le 1er décembre"
        click(qtbot, dialog.keep_button)
        assert sessions.get(store.db, planned.id).date == planned.date
    else:
        click(qtbot, dialog.cancel_button)
        qtbot.waitUntil(lambda: window.worker.pending() == 0)
        assert window.stack.currentWidget() is page and sessions.get(store.db, planned.id).date == planned.date
        return
    workshop = window.stack.currentWidget()
    assert isinstance(workshop, WorkshopView) and workshop.session.id == planned.id
    assert workshop.session.date == (TODAY.isoformat() if answer == "today" else planned.date)
    assert workshop.roll_call.past_banner is None


def test_a_session_that_never_took_place_is_deleted_and_the_coordinator_told(store, group, open_window, qtbot):
    db = store.db
    mistake = sessions.add(db, Session((TODAY - timedelta(days=3)).isoformat(), "14:00", "16:00", group.id))
    kept = sessions.add(db, Session((TODAY - timedelta(days=10)).isoformat(), "14:00", "16:00", group.id))
    helene = groups.members(db, group.id)[0]
    attendance.mark(db, mistake.id, helene.id, attendance.PRESENT)
    summaries.close_session(db, mistake.id, "")
    window = open_window()
    page = sessions_page(qtbot, window, past=True)
    choose(qtbot, page, mistake.id)
    click(qtbot, page.delete)
    dialog = page.question
    qtbot.waitExposed(dialog)
    words = dialog.message.text()
    assert dialog.windowTitle() == "Supprimer la séance du mardi 24 novembre 2026 à 14:00 ?"
    assert "jamais eu lieu" in words and "(1 personne)" in words and "coordination sera prévenue" in words
    click(qtbot, dialog.cancel_button)  # « Non, la garder »
    qtbot.waitUntil(lambda: window.worker.pending() == 0)
    assert sessions.get(db, mistake.id)
    click(qtbot, page.delete)
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        click(qtbot, page.question.confirm_button)
    with pytest.raises(KeyError):
        sessions.get(db, mistake.id)
    assert outbox.latest_payload(db, mistake.id)["deleted"] is True
    assert [page.model.session(i).id for i in range(page.model.rowCount())] == [kept.id]


def test_finished_shows_done_on_the_home_and_the_list_with_rouvrir(store, group, open_window, qtbot):
    db = store.db
    session = sessions.add(db, Session(TODAY.isoformat(), "14:00", "16:00", group.id, module_id="la-souris"))
    window = open_window()
    start = next(b for b in window.home.findChildren(QPushButton) if b.text() == "Commencer")
    click(qtbot, start)
    workshop = window.stack.currentWidget()
    click(qtbot, workshop.steps[1])
    guide = workshop.lesson
    for _ in range(guide.step_count() - 1):
        click(qtbot, guide.next_button)
    assert guide.next_button.text() == "Fin de séance  ▶"  # the last step leads on, never a dead end
    click(qtbot, guide.next_button)
    assert workshop.stack.currentWidget() is workshop.closing and is_current(workshop.steps[2])
    with qtbot.waitSignal(workshop.closing.closed, timeout=5000):
        click(qtbot, workshop.closing.finish_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)
    qtbot.waitUntil(lambda: window.worker.pending() == 0)
    assert sessions.get(db, session.id).status == "done"

    card = next(b for b in window.home.findChildren(QPushButton) if b.isVisible() and b.text() == "Rouvrir")
    assert not [b for b in window.home.findChildren(QPushButton) if b.isVisible() and b.text() == "Commencer"]
    assert any(label.text().startswith("Terminée — 14:00") for label in window.home.findChildren(QLabel)
               if label.isVisible())
    page = sessions_page(qtbot, window)
    assert page.model.data(page.model.index(0), Qt.ItemDataRole.DisplayRole).startswith("Terminée — Vendredi 27")
    assert page.start.text() == "Rouvrir" and page.start.isEnabled()
    click(qtbot, window.buttons["home"])
    click(qtbot, card)
    reopened = window.stack.currentWidget()
    assert isinstance(reopened, WorkshopView) and reopened.session.id == session.id
    click(qtbot, reopened.steps[2])
    assert reopened.closing.finish_button.text() == "Enregistrer les notes"


def test_a_cancelled_session_shows_as_such_on_the_home(store, group, open_window, qtbot):
    cancelled = sessions.add(store.db, Session(TODAY.isoformat(), "09:30", "11:30", group.id))
    sessions.cancel(store.db, cancelled.id)
    sessions.add(store.db, Session((TODAY + timedelta(days=7)).isoformat(), "09:30", "11:30", group.id))
    window = open_window()
    texts = [label.text() for label in window.home.findChildren(QLabel) if label.isVisible()]
    assert "Annulée — 09:30 – 11:30" in texts
    assert not [b for b in window.home.findChildren(QPushButton) if b.isVisible() and b.text() == "Commencer"]


def test_what_is_still_to_start_comes_first_on_the_home(store, group, open_window, qtbot):
    morning = sessions.add(store.db, Session(TODAY.isoformat(), "09:30", "11:30", group.id))
    summaries.close_session(store.db, morning.id, "")
    sessions.add(store.db, Session(TODAY.isoformat(), "14:00", "16:00", group.id))
    window = open_window()
    first = window.home.today_box.itemAt(0).widget()
    assert first.start is not None and first.start.text() == "Commencer"  # in sight at 200 % too
    assert window.home.today_box.itemAt(1).widget().start.text() == "Rouvrir"
