"""Closing the session: the summary read from the core, the notes, one click to finish."""

import json

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton

from atelier import attendance, people, progress, sessions
from atelier.sync import outbox, summaries
from atelier.people import Participant
from atelier.sessions import Session
from ui import modules
from ui.operations import Operations
from ui.views.closing import ClosingView
from ui.worker import Worker


@pytest.fixture
def ops(store):
    worker = Worker()
    yield Operations(store, worker)
    worker.stop()


@pytest.fixture
def day(store):
    """Last week Alice came; today Alice and Bernard (first time) came, Chantal was
    absent, Denis excused; steps 1, 2, 3 and 5 of La souris were seen."""
    db = store.db
    before = sessions.add(db, Session(date="2026-11-20", start_time="14:00", end_time="16:00", module_id="la-souris"))
    today = sessions.add(db, Session(date="2026-11-27", start_time="14:00", end_time="16:00", module_id="la-souris"))
    alice, bernard, chantal, denis = (people.add(db, Participant(name)) for name in ("Alice", "Bernard", "Chantal", "Denis"))
    attendance.mark(db, before.id, alice.id, attendance.PRESENT)
    attendance.mark(db, today.id, alice.id, attendance.PRESENT)
    attendance.mark(db, today.id, bernard.id, attendance.LATE)
    attendance.mark(db, today.id, chantal.id, attendance.ABSENT)
    attendance.mark(db, today.id, denis.id, attendance.EXCUSED)
    for index in (0, 1, 2, 4):
        progress.mark_step_covered(db, today.id, "la-souris", index)
    return today, {"chantal": chantal}


@pytest.fixture
def open_closing(qtbot, ops):
    def opener(session):
        view = ClosingView(ops, session)
        qtbot.addWidget(view)
        view.resize(1000, 700)
        view.show()
        qtbot.waitExposed(view)
        return view
    return opener


def test_summary_says_what_the_database_holds(store, day, open_closing):
    session, _ = day
    view = open_closing(session)
    summary = summaries.summarise(store.db, session.id)
    assert (summary.present, summary.absent, summary.excused, summary.new_people) == (2, 1, 1, 1)
    assert view.people_label.text() == "2 présents, 1 absent, 1 excusé, 1 nouvelle personne"
    total = len(modules.module_by_id("la-souris").steps)
    assert view.steps_label.text() == f"Étapes vues : 1, 2, 3, 5 sur {total}"
    assert view.finish_button.text() == "Terminer la séance"


def test_summary_follows_the_roll_call(qtbot, store, ops, day, open_closing):
    session, who = day
    view = open_closing(session)
    with qtbot.waitSignal(ops.changed, timeout=5000):
        ops.run(attendance.mark, session.id, who["chantal"].id, attendance.PRESENT)
    assert view.people_label.text() == "3 présents, 0 absent, 1 excusé, 2 nouvelles personnes"


def test_finishing_stores_notes_status_and_one_outbox_row(qtbot, store, ops, day, open_closing):
    session, _ = day
    view = open_closing(session)
    view.notes.setFocus()
    qtbot.keyClicks(view.notes, "Revoir le double-clic.")
    assert outbox.pending(store.db) == []
    with qtbot.waitSignal(view.closed, timeout=5000):
        qtbot.mouseClick(view.finish_button, Qt.MouseButton.LeftButton)
    stored = sessions.get(store.db, session.id)
    assert stored.notes == "Revoir le double-clic." and stored.status == "done"
    [entry] = outbox.pending(store.db)
    assert entry.kind == summaries.KIND and entry.summary_id == session.id and entry.version == 1
    assert entry.payload["present"] == 2 and entry.payload["steps_covered"] == {"la-souris": [0, 1, 2, 4]}
    assert json.loads(json.dumps(entry.payload)) == entry.payload
    assert view.summary.present == 2
    assert view.finish_button.text() == "Enregistrer les notes"  # a second visit corrects the notes
    assert view.state_label.isVisible()


def test_a_draft_of_the_notes_survives_leaving_the_screen(qtbot, store, ops, day, open_closing):
    session, _ = day
    view = open_closing(session)
    qtbot.keyClicks(view.notes, "Brouillon en cours")
    shiboken6.delete(view)  # the facilitator went elsewhere and the screen was rebuilt
    again = open_closing(session)
    assert again.notes.toPlainText() == "Brouillon en cours"
    assert sessions.get(store.db, session.id).notes == ""  # nothing written until "Terminer"
    with qtbot.waitSignal(again.closed, timeout=5000):
        qtbot.keyClick(again.finish_button, Qt.Key.Key_Space)  # the keyboard alone
    assert sessions.get(store.db, session.id).notes == "Brouillon en cours"
    third = open_closing(sessions.get(store.db, session.id))
    assert third.notes.toPlainText() == "Brouillon en cours"  # now read from the session


def test_a_session_without_module_or_steps(store, open_closing):
    bare = sessions.add(store.db, Session(date="2026-11-27", start_time="10:00", end_time="12:00"))
    view = open_closing(bare)
    assert view.people_label.text() == "0 présent, 0 absent, 0 excusé, 0 nouvelle personne"
    assert view.steps_label.text() == "Pas de module pour cette séance"


def test_controls_are_large_named_and_tab_leaves_the_notes(qtbot, day, open_closing):
    session, _ = day
    view = open_closing(session)
    buttons = view.findChildren(QAbstractButton)
    assert buttons == [view.finish_button]
    for button in buttons:
        assert button.width() >= 48 and button.height() >= 48 and button.accessibleName()
    assert view.notes.accessibleName() == "Notes de la séance" and view.notes.height() >= 100
    assert view.notes.tabChangesFocus()
