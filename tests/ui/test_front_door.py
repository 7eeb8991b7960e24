"""How a change travels, measured on the real connections: marking one person on the
roll is one write, and no screen hidden behind the roll reads the database for it."""

from datetime import date

from PySide6.QtCore import Qt

from atelier import attendance, groups, people
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session, add as add_session

TODAY = date(2026, 11, 27)  # the conftest's day for open_window()
SECTIONS = ("groups", "participants", "sessions", "exercises", "documents", "settings")


def test_marking_one_person_is_one_write_and_no_hidden_screen_reads(store, open_window, qtbot):
    group = groups.add(store.db, Group("Premiers pas"))
    for first, last in (("Hélène", "Martin"), ("José", "Fernandes"), ("Gérard", "Dubois")):
        groups.add_member(store.db, group.id, people.add(store.db, Participant(first, last)).id)
    session = add_session(store.db, Session(TODAY.isoformat(), "14:00", "16:00", group.id, module_id="la-souris"))
    window = open_window()
    for key in SECTIONS:  # every section built, then hidden behind the workshop
        window.show_section(key)
    workshop = window.open_workshop(session)
    workshop.show_step(1)
    workshop.show_step(2)
    workshop.show_step(0)  # the lesson guide and the closing exist too, hidden
    roll = workshop.roll_call
    qtbot.waitUntil(roll.isVisible)

    writer, reader = [], []
    store.db.conn.set_trace_callback(writer.append)
    store.reader.conn.set_trace_callback(reader.append)
    try:
        with qtbot.waitSignal(roll.saved, timeout=5000):
            qtbot.mouseClick(roll.rows[0].toggle, Qt.MouseButton.LeftButton)
    finally:
        store.db.conn.set_trace_callback(None)
        store.reader.conn.set_trace_callback(None)

    transactions = [s for s in writer if s.startswith("BEGIN")]
    writes = [s.split("(")[0].strip() for s in writer if s.lstrip().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert len(transactions) == 1 and writes == ["INSERT INTO attendance"], writer
    assert reader == [], "no screen read anything: the roll shows its own mark, the others are hidden"
    first = roll.model.row(0).participant_id
    assert attendance.for_session(store.db, session.id) == {first: attendance.PRESENT}

    # The hidden closing screen kept the news: it reads once, when it is shown.
    workshop.show_step(2)
    qtbot.waitUntil(lambda: workshop.closing.summary.present == 1)
