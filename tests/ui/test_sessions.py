"""Sessions: plan one, plan a series without the holidays, edit, cancel; Commencer from the home."""

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton

from atelier import groups, sessions, settings
from atelier.groups import Group
from atelier.sessions import Session
from ui.models.sessions import SessionsModel
from ui.views.roll_call import RollCallView
from ui.views.workshop import WorkshopView
from ui.widgets.buttons import is_current

TODAY = date(2026, 11, 27)  # the conftest's day for open_window(): a Friday


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def sessions_page(qtbot, open_window):
    window = open_window()
    click(qtbot, window.buttons["sessions"])
    return window, window.stack.currentWidget()


def test_plan_one_session(qtbot, store, open_window):
    settings.put(store.db, settings.FACILITATORS, "Martine Lefèvre\nKarim Benali")
    groups.add(store.db, Group("Premiers pas", place="Salle 2", start_time="09:30", end_time="11:30"))
    window, page = sessions_page(qtbot, open_window)
    assert page.empty.isVisible()
    click(qtbot, page.plan_one)
    form = page.form
    qtbot.waitExposed(form)
    form.group.setCurrentIndex(1)  # the group brings its place and hours
    assert form.place.text() == "Salle 2" and form.start.time().toString("HH:mm") == "09:30"
    form.date.setDate(QDate(2026, 12, 4))
    form.facilitator.setCurrentIndex(1)
    form.module.setCurrentIndex(form.module.findText("La souris"))
    with qtbot.waitSignal(form.accepted):
        click(qtbot, form.save)
    [row] = sessions.between(store.db, TODAY, TODAY + timedelta(days=30))
    s = row.session
    assert (s.date, s.start_time, s.end_time, s.place, s.facilitator, s.module_id) == \
        ("2026-12-04", "09:30", "11:30", "Salle 2", "Karim Benali", "la-souris")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    text = page.model.data(page.model.index(0), Qt.ItemDataRole.DisplayRole)
    assert text.startswith("Vendredi 4 décembre 2026, 09:30 – 11:30") and "La souris" in text


def test_plan_a_series_without_two_holidays(qtbot, store, open_window):
    group = groups.add(store.db, Group("Tablette", place="Salle 1"))
    window, page = sessions_page(qtbot, open_window)
    click(qtbot, page.plan_series)
    form = page.form
    qtbot.waitExposed(form)
    form.group.setCurrentIndex(1)
    form.date.setDate(QDate(2027, 1, 5))
    form.last.setDate(QDate(2027, 3, 23))
    assert len(form.ticks) == 12 and all(tick.isChecked() for _day, tick in form.ticks)
    assert form.ticks[0][1].text() == "Mardi 5 janvier 2027"
    holidays = [date(2027, 2, 16), date(2027, 2, 23)]
    qtbot.waitUntil(lambda: all(tick.isVisible() for _day, tick in form.ticks))
    for day, tick in form.ticks:
        if day in holidays:
            form.scroller.ensureWidgetVisible(tick)
            click(qtbot, tick)
    assert form.save.text() == "Planifier 10 séances"
    with qtbot.waitSignal(form.accepted):
        click(qtbot, form.save)
    planned = [row.session for row in sessions.listed(store.db, "s.group_id = ?", [group.id])]
    assert len(planned) == 10
    assert not {s.date for s in planned} & {d.isoformat() for d in holidays}
    assert all(s.place == "Salle 1" for s in planned)


def test_edit_then_cancel_with_confirmation(qtbot, store, open_window):
    group = groups.add(store.db, Group("Internet"))
    s = sessions.add(store.db, Session("2026-12-01", "14:00", "16:00", group.id, "Salle 3"))
    window, page = sessions_page(qtbot, open_window)
    assert page.selected().id == s.id
    click(qtbot, page.edit)
    form = page.form
    qtbot.waitExposed(form)
    form.place.clear()
    qtbot.keyClicks(form.place, "Salle polyvalente")
    with qtbot.waitSignal(form.accepted):
        click(qtbot, form.save)
    assert sessions.get(store.db, s.id).place == "Salle polyvalente"
    assert sessions.count(store.db) == 1

    click(qtbot, page.cancel)
    click(qtbot, page.question.cancel_button)  # "Non, la garder"
    qtbot.waitUntil(lambda: window.worker.pending() == 0)  # a write wrongly begun would have ended
    assert sessions.get(store.db, s.id).status == "planned"
    click(qtbot, page.cancel)
    with qtbot.waitSignal(window.ops.changed):
        click(qtbot, page.question.confirm_button)
    assert sessions.get(store.db, s.id).status == "cancelled"
    assert page.model.data(page.model.index(0), Qt.ItemDataRole.DisplayRole).startswith("Annulée")
    assert not page.start.isEnabled() and not page.edit.isEnabled()
    assert page.cancel.text() == "Rétablir la séance"  # cancelled by mistake: one click brings it back
    with qtbot.waitSignal(window.ops.changed):
        click(qtbot, page.cancel)
    assert sessions.get(store.db, s.id).status == "planned" and page.cancel.text() == "Annuler la séance"


def test_past_sessions_are_listed_most_recent_first(qtbot, store, open_window):
    for days in (3, 10):
        sessions.add(store.db, Session((TODAY - timedelta(days=days)).isoformat(), "14:00", "16:00"))
    window, page = sessions_page(qtbot, open_window)
    assert page.model.rowCount() == 0
    click(qtbot, page.past_button)
    assert page.model.rowCount() == 2
    assert page.model.session(0).date == (TODAY - timedelta(days=3)).isoformat()


def test_commencer_on_the_home_opens_the_roll_call(qtbot, store, open_window):
    group = groups.add(store.db, Group("Premiers pas"))
    from atelier import people
    for first in ("Hélène", "José"):
        groups.add_member(store.db, group.id, people.add(store.db, people.Participant(first, "Martin")).id)
    s = sessions.add(store.db, Session(TODAY.isoformat(), "14:00", "16:00", group.id))
    sessions.add(store.db, Session((TODAY + timedelta(days=7)).isoformat(), "14:00", "16:00", group.id))
    window = open_window()
    cards = [c for c in window.home.findChildren(QAbstractButton) if c.text() == "Commencer"]
    assert len(cards) == 1  # today's sessions only
    assert cards[0].width() >= 48 and cards[0].height() >= 48
    click(qtbot, cards[0])
    workshop = window.stack.currentWidget()
    assert isinstance(workshop, WorkshopView) and workshop.session.id == s.id
    assert workshop.stack.currentWidget() is workshop.roll_call
    assert isinstance(workshop.roll_call, RollCallView) and len(workshop.roll_call.rows) == 2
    assert is_current(workshop.steps[0]) and workshop.steps[0].text() == "1. Appel"
    assert not window.nav.isVisible()  # the workshop has the whole width
    click(qtbot, workshop.home_button)
    assert window.stack.currentWidget() is window.home and window.nav.isVisible()
    click(qtbot, cards[0])  # the same workshop again, not a second one
    assert window.stack.currentWidget() is workshop


def test_every_button_is_large_and_named(qtbot, store, open_window):
    group = groups.add(store.db, Group("Premiers pas"))
    sessions.add(store.db, Session(TODAY.isoformat(), "14:00", "16:00", group.id))
    window, page = sessions_page(qtbot, open_window)
    click(qtbot, page.plan_series)
    qtbot.waitExposed(page.form)
    for widget in (page, page.form):
        buttons = [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]
        assert buttons
        for button in buttons:
            assert button.width() >= 48 and button.height() >= 48, button.text()
            assert button.accessibleName(), button.text()
    page.form.reject()


def test_sessions_model_passes_the_model_tester(qtmodeltester, store):
    group = groups.add(store.db, Group("Premiers pas", place="Salle 2"))
    for week in range(3):
        sessions.add(store.db, Session((TODAY + timedelta(weeks=week)).isoformat(), "14:00", "16:00", group.id,
                                       place="Salle 2", module_id="la-souris"))
    model = SessionsModel()
    model.set_rows(sessions.between(store.db, TODAY, TODAY + timedelta(days=30)))
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert model.data(model.index(0), Qt.ItemDataRole.AccessibleTextRole) == \
        "Vendredi 27 novembre 2026, 14:00 – 16:00, Premiers pas · Salle 2 · La souris"
