"""The whole day, end to end, with real clicks and keys over a real database file:
a group is created and filled, a session planned for today with La souris, then from
the home "Commencer", the roll call, the lesson walked through with the projector
open, the session closed — and the database checked afterwards."""

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QPushButton

from atelier import attendance, groups, progress, sessions
from atelier.sync import outbox, summaries
from people_helpers import activate, type_text
from ui.views.closing import ClosingView
from ui.views.lesson_guide import LessonGuideView
from ui.views.roll_call import RollCallView
from ui.views.workshop import WorkshopView

LEFT = Qt.MouseButton.LeftButton
TODAY = date(2026, 11, 27)  # the conftest's day for open_window()
MEMBERS = (("Hélène", "Durand"), ("Marcel", "Petit"), ("Yvette", "Bernard"), ("José", "Fernandes"))


def click(qtbot, widget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget.accessibleName()
    qtbot.mouseClick(widget, LEFT)


def saved(qtbot, window, widget) -> None:
    """Click, and wait for the change to be written and announced."""
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        click(qtbot, widget)


def named(root, cls, start: str):
    found = [w for w in root.findChildren(cls) if w.accessibleName().startswith(start) and w.isVisible()]
    assert len(found) == 1, (start, [w.accessibleName() for w in found])
    return found[0]


def test_a_whole_workshop_day(store, open_window, qtbot):
    window = open_window()

    # 1. A group, and its members created on the spot
    click(qtbot, window.buttons["groups"])
    view = window.stack.currentWidget()
    click(qtbot, view.new_button)
    form = view.dialog
    activate(qtbot, form)
    type_text(qtbot, form.name, "Premiers pas du vendredi")
    qtbot.keyClicks(form.place, "Salle informatique")
    qtbot.keyClicks(form.start_time, "14h")
    qtbot.keyClicks(form.end_time, "16h")
    saved(qtbot, window, form.save_button)
    qtbot.waitUntil(lambda: not form.isVisible())
    [group] = groups.every(store.db)
    page = view.group_page
    for first, last in MEMBERS:
        click(qtbot, page.new_button)
        person = page.dialog
        type_text(qtbot, person.first_name, first)
        qtbot.keyClicks(person.last_name, last)
        saved(qtbot, window, person.save_button)
        qtbot.waitUntil(lambda: not person.isVisible())
    assert len(groups.members(store.db, group.id)) == 4

    # 2. Today's session, with the lesson La souris
    click(qtbot, window.buttons["sessions"])
    plan = window.stack.currentWidget()
    click(qtbot, plan.plan_one)
    form = plan.form
    qtbot.waitExposed(form)
    form.group.setCurrentIndex(form.group.findText("Premiers pas du vendredi"))
    form.date.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    form.module.setCurrentIndex(form.module.findText("La souris"))
    with qtbot.waitSignal(form.accepted, timeout=5000):
        click(qtbot, form.save)
    [row] = sessions.between(store.db, TODAY, TODAY)
    session = row.session
    assert (session.start_time, session.end_time, session.module_id) == ("14:00", "16:00", "la-souris")

    # 3. Home, then "Commencer"
    click(qtbot, window.buttons["home"])
    qtbot.waitUntil(lambda: any(b.text() == "Commencer" for b in window.home.findChildren(QPushButton)))
    click(qtbot, named(window.home, QPushButton, "Commencer la séance"))
    workshop = window.stack.currentWidget()
    assert isinstance(workshop, WorkshopView) and workshop.session.id == session.id

    # 4. The roll: everyone present with one click each, then one marked absent
    roll = workshop.roll_call
    assert isinstance(roll, RollCallView) and len(roll.rows) == 4
    for member in roll.rows:
        click(qtbot, member.toggle)
    marcel = next(r for r in roll.rows if r.name.text().startswith("Marcel"))
    click(qtbot, marcel.toggle)
    qtbot.waitUntil(roll.idle, timeout=5000)
    assert marcel.toggle.accessibleName() == "Marcel Petit : absent"

    # 5. The lesson, one step at a time, with the projector open
    click(qtbot, workshop.steps[1])
    guide = workshop.lesson
    assert isinstance(guide, LessonGuideView)
    qtbot.waitUntil(lambda: window.worker.pending() == 0)
    click(qtbot, guide.project_button)
    projector = guide.projector
    qtbot.waitExposed(projector)
    total = guide.step_count()
    for number in range(2, total + 1):
        with qtbot.waitSignal(window.ops.changed, timeout=5000):
            click(qtbot, guide.next_button)
        assert guide.counter.text() == f"Étape {number} sur {total}"
        assert projector.counter_label.text() == guide.counter.text()  # the projector follows
    assert projector.title_label.text() == guide.title.text()
    click(qtbot, guide.project_button)
    assert not projector.isVisible()

    # 6. Closing: notes, then the session is stored as done and the home comes back
    click(qtbot, workshop.steps[2])
    closing = workshop.closing
    assert isinstance(closing, ClosingView)
    closing.notes.setFocus()
    type_text(qtbot, closing.notes, "Très bon groupe. Revoir le double-clic.")
    with qtbot.waitSignal(closing.closed, timeout=5000):
        click(qtbot, closing.finish_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)
    assert not any(isinstance(window.stack.widget(i), WorkshopView) for i in range(window.stack.count()))
    qtbot.waitUntil(lambda: window.worker.pending() == 0)

    # 7. What the database holds
    db = store.db
    marks = attendance.for_session(db, session.id)
    assert sorted(marks.values()) == ["absent", "present", "present", "present"]
    assert progress.covered_steps(db, session.id) == {"la-souris": list(range(total))}
    done = sessions.get(db, session.id)
    assert done.status == "done" and done.notes == "Très bon groupe. Revoir le double-clic."
    [entry] = outbox.pending(db)
    assert entry.kind == summaries.KIND and entry.summary_id == session.id
    assert entry.payload["present"] == 3 and entry.payload["steps_covered"] == {"la-souris": list(range(total))}
    labels = [label.text() for label in window.home.findChildren(QLabel) if label.isVisible()]
    assert any("Premiers pas du vendredi" in text for text in labels)
