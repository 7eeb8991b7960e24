"""Keyboard and mouse that never surprise, driven with real keys, clicks and wheel turns
on the real screens: the workshop's step tabs, focus when a workshop opens, quitting
during a workshop, the wheel over fields, whole-row check boxes, the session form's Tab
order, and what the navigation says it is to a screen reader."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from atelier import groups, people, sessions, settings
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from ui.views.lesson_guide import LessonGuideView
from ui.views.session_form import SessionForm
from ui.widgets.buttons import is_current
from ui.widgets.check import BigCheckBox
from waits import laid_out

LEFT = Qt.MouseButton.LeftButton
TODAY = date(2026, 11, 27)  # the conftest's day for open_window()


@pytest.fixture
def day(store):
    db = store.db
    settings.set_facilitators(db, ["Claire Martin"])
    group = groups.add(db, Group("Premiers pas", place="Salle informatique"))
    for first, last in (("Hélène", "Durand"), ("Marcel", "Petit")):
        groups.add_member(db, group.id, people.add(db, Participant(first, last)).id)
    session = sessions.add(db, Session(date=TODAY.isoformat(), start_time="14:00", end_time="16:00",
                                       group_id=group.id, place=group.place, module_id="la-souris"))
    return {"group": group, "session": session}


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def active(qtbot, window) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def start_button(window) -> QPushButton:
    return next(b for b in window.home.findChildren(QPushButton) if b.accessibleName().startswith("Commencer"))


def open_workshop(qtbot, window):
    qtbot.mouseClick(start_button(window), LEFT)
    qtbot.waitUntil(lambda: type(window.stack.currentWidget()).__name__ == "WorkshopView", timeout=3000)
    return window.stack.currentWidget()


def test_a_workshop_opens_with_the_keyboard_in_the_roll_never_on_home(day, open_window, qtbot):
    window = open_window()
    active(qtbot, window)
    workshop = open_workshop(qtbot, window)
    assert workshop.roll_call.isAncestorOf(focused()), focused()
    qtbot.mouseClick(workshop.home_button, LEFT)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.home)
    start_button(window).setFocus()
    qtbot.keyClick(start_button(window), Qt.Key.Key_Space)  # opened again, from the keyboard
    qtbot.waitUntil(lambda: window.stack.currentWidget() is workshop)
    assert focused() is not workshop.home_button
    assert workshop.roll_call.isAncestorOf(focused()), focused()


def test_step_tabs_take_the_arrows_and_a_click_leaves_the_keys_to_the_step(day, open_window, qtbot):
    window = open_window()
    active(qtbot, window)
    workshop = open_workshop(qtbot, window)
    qtbot.mouseClick(workshop.steps[1], LEFT)  # « 2. Leçon » with the mouse
    lesson = workshop.lesson
    assert isinstance(lesson, LessonGuideView) and is_current(workshop.steps[1])
    assert focused() is lesson.next_button  # the keyboard is in the lesson, on « Suivante », not on the tab
    qtbot.keyClick(focused(), Qt.Key.Key_Right)
    assert lesson.index == 1 and workshop.current_step() == 1  # the lesson moved on, the workshop stayed

    workshop.steps[1].setFocus(Qt.FocusReason.TabFocusReason)  # the tabs, reached with Tab
    qtbot.keyClick(workshop.steps[1], Qt.Key.Key_Right)
    assert workshop.current_step() == 2 and focused() is workshop.steps[2]  # the arrow opens, focus follows
    assert workshop.stack.currentWidget() is workshop.closing
    qtbot.keyClick(workshop.steps[2], Qt.Key.Key_Space)  # Space on the open step changes nothing
    assert workshop.current_step() == 2
    qtbot.keyClick(workshop.steps[2], Qt.Key.Key_Left)
    qtbot.keyClick(workshop.steps[1], Qt.Key.Key_Left)
    assert workshop.current_step() == 0 and focused() is workshop.steps[0]
    qtbot.keyClick(workshop.steps[0], Qt.Key.Key_Left)  # nothing before the first
    assert workshop.current_step() == 0 and focused() is workshop.steps[0]


def test_navigation_entries_and_steps_are_buttons_not_check_boxes(day, open_window, qtbot):
    window = open_window()
    workshop = open_workshop(qtbot, window)
    for button in [*window.buttons.values(), *workshop.steps]:
        face = QAccessible.queryAccessibleInterface(button)
        assert face.role() == QAccessible.Role.Button, button.text()
        assert not face.state().checkable and not button.isCheckable(), button.text()
    assert workshop.steps[0].accessibleDescription() == "Étape ouverte"
    qtbot.mouseClick(workshop.home_button, LEFT)
    assert window.buttons["home"].accessibleDescription() == "Page ouverte"
    assert window.buttons["groups"].accessibleDescription() == "Ouvrir la page « Groupes »"


def test_quitting_during_a_workshop_asks_first(day, open_window, qtbot):
    window = open_window()
    open_workshop(qtbot, window)
    window.close()
    question = window.quit_question
    assert window.isVisible() and question is not None and question.isVisible()
    assert "séance est en cours" in question.message.text()
    assert question.focusWidget() is question.cancel_button  # a hasty Enter stays
    qtbot.mouseClick(question.cancel_button, LEFT)
    assert window.isVisible() and not question.isVisible()
    window.close()
    qtbot.mouseClick(window.quit_question.confirm_button, LEFT)
    qtbot.waitUntil(lambda: not window.isVisible())


def test_quitting_without_a_workshop_asks_nothing(day, open_window, qtbot):
    window = open_window()
    window.close()
    assert not window.isVisible() and window.quit_question is None


def wheel(qtbot, widget: QWidget, steps: int = -1) -> None:
    """Real wheel turns (through the window system, as a mouse gives them) over the middle
    of ``widget``; down when ``steps`` is negative."""
    assert not widget.visibleRegion().isEmpty(), widget.accessibleName()
    top = widget.window()
    where = QPointF(widget.mapTo(top, widget.rect().center()))
    for _ in range(abs(steps)):
        QTest.wheelEvent(top.windowHandle(), where, QPoint(0, 120 if steps > 0 else -120))
        qtbot.wait(10)


def value(field):
    return field.time() if hasattr(field, "time") else field.date() if hasattr(field, "date") else field.currentIndex()


def test_the_wheel_scrolls_the_form_and_never_changes_a_field_without_focus(day, open_window, qtbot):
    _window, form = series_form(open_window, qtbot, size=(700, 420))  # short: the form scrolls
    active(qtbot, form)
    form.place.setFocus()
    laid_out(qtbot, form)
    bar = form.scroller.verticalScrollBar()
    assert bar.maximum() > 0
    for field in (form.group, form.date, form.last, form.start, form.end, form.facilitator, form.module):
        form.scroller.ensureWidgetVisible(field)
        before, top = value(field), bar.value()
        down = top < bar.maximum()
        wheel(qtbot, field, -1 if down else 1)
        assert value(field) == before, field.accessibleName()
        assert (bar.value() > top) if down else (bar.value() < top), field.accessibleName()  # the page turned
    form.scroller.ensureWidgetVisible(form.start)
    form.start.setFocus()  # chosen: now the wheel is for it
    before = form.start.time()
    wheel(qtbot, form.start, 1)
    assert form.start.time() != before


def test_the_wheel_leaves_the_documents_dates_and_choices_alone(day, open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["documents"], LEFT)
    page = window.stack.currentWidget()
    laid_out(qtbot, window)
    before = (page.first.date(), page.group.currentIndex())
    wheel(qtbot, page.first)
    wheel(qtbot, page.group)
    assert (page.first.date(), page.group.currentIndex()) == before


def series_form(open_window, qtbot, size=None):
    """The main window, and « Planifier une série » shown over it."""
    window = open_window()
    form = SessionForm(window.ops, "series", None, TODAY, parent=window)
    qtbot.addWidget(form)
    if size:
        form.resize(*size)
    form.show()
    qtbot.waitExposed(form)
    return window, form


def click_far_end(qtbot, box: BigCheckBox) -> None:
    """A click at the far corner of the row, past the words: still on the target."""
    assert box.height() >= 48
    qtbot.mouseClick(box, LEFT, pos=QPoint(box.width() - 3, box.height() - 3))


def test_check_boxes_take_clicks_on_their_whole_row(day, open_window, qtbot):
    window, form = series_form(open_window, qtbot)
    _day, tick = form.ticks[0]
    assert isinstance(tick, BigCheckBox) and tick.isChecked()
    click_far_end(qtbot, tick)
    assert not tick.isChecked()
    qtbot.mouseClick(window.buttons["documents"], LEFT)
    page = window.stack.currentWidget()
    laid_out(qtbot, window)
    assert isinstance(page.completed, BigCheckBox)
    click_far_end(qtbot, page.completed)
    assert page.completed.isChecked()


def test_the_series_ticks_come_before_the_buttons_with_tab(day, open_window, qtbot):
    window, form = series_form(open_window, qtbot)
    active(qtbot, form)
    form.module.setFocus(Qt.FocusReason.TabFocusReason)
    reached = []
    for _ in range(len(form.ticks) + 2):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        reached.append(focused())
    assert reached == [tick for _day, tick in form.ticks] + [form.close_button, form.save]
    form.last.setDate(form.last.date().addDays(-21))  # fewer dates: listed again, same order
    laid_out(qtbot, form)
    form.module.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.module, Qt.Key.Key_Tab)
    assert focused() is form.ticks[0][1]


@pytest.fixture
def practice_form(qtbot):
    """A learner's form as the practice window shows it: a line, a drop-down list and a tick."""
    from atelier.lessons.exercises import check_exercise
    from atelier.lessons.pack import Exercise
    from exercise_helpers import shown_exercise
    from ui.practice.kinds import widget_for
    from ui.theme import apply_theme

    table = {"fields": [{"label": "Nom", "type": "text"},
                        {"label": "Atelier choisi", "type": "choice", "choices": ["Premiers pas", "Internet pratique"]},
                        {"label": "Je certifie que ces informations sont exactes", "type": "checkbox"}]}
    params, issues = check_exercise("form", table, lambda path: None)
    assert not issues

    def shown(scale: float):
        apply_theme(QApplication.instance(), scale)
        widget = widget_for(Exercise("f", "form", "Formulaire", "Remplissez.", params), scale)
        shown_exercise(qtbot, widget)
        laid_out(qtbot, widget)
        return widget
    yield shown
    apply_theme(QApplication.instance(), 1.0)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_a_practice_form_tick_takes_clicks_on_its_whole_row(practice_form, qtbot, scale):
    widget = practice_form(scale)
    tick = widget.fields[2].input
    sheet = widget.stack.currentWidget()
    assert isinstance(tick, BigCheckBox) and tick.text() == "Je certifie que ces informations sont exactes"
    assert tick.width() >= sheet.contentsRect().width() * 0.8  # the row, not a square beside words
    click_far_end(qtbot, tick)
    assert tick.isChecked() and widget.fields[2].value() is True
    qtbot.mouseClick(tick, LEFT, pos=QPoint(2, 2))  # the other corner, before the box
    assert not tick.isChecked()


def test_the_wheel_leaves_a_practice_form_list_alone_until_it_is_chosen(practice_form, qtbot):
    widget = practice_form(2.0)
    name, workshop = widget.fields[0].input, widget.fields[1].input
    name.setFocus()
    for steps in (-1, 1, -1):
        wheel(qtbot, workshop, steps)
        assert workshop.currentIndex() == 0 and widget.fields[1].value() == ""
    workshop.setFocus()  # chosen: now the wheel is for it
    wheel(qtbot, workshop, -1)
    assert workshop.currentIndex() == 1
