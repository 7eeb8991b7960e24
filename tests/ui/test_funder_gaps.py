"""The funders' fields: how many lack them, on a group's page and in Documents before a
report, and « Compléter » fills them in one go."""

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from atelier import attendance, groups, people, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from people_helpers import check_targets, click_and_wait
from ui.views.complete_fields import CompleteFieldsDialog

TODAY = date(2026, 11, 27)
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def filled(store):
    db = store.db
    souris, clavier = groups.add(db, Group("Souris")), groups.add(db, Group("Clavier"))
    anne = people.add(db, Participant("Anne", "Roux", birth_year=1950, gender="feminin", social_status="retraite"))
    odette = people.add(db, Participant("Odette", "Perrin"))
    jean = people.add(db, Participant("Jean", "Aubert", gender="masculin"))
    for person in (anne, odette, jean):
        groups.add_member(db, souris.id, person.id)
    held = sessions.add(db, Session("2026-11-10", "14:00", "16:00", souris.id))
    other = sessions.add(db, Session("2026-11-12", "14:00", "16:00", clavier.id))
    attendance.mark(db, held.id, anne.id, attendance.PRESENT)
    attendance.mark(db, held.id, odette.id, attendance.PRESENT)
    attendance.mark(db, other.id, jean.id, attendance.PRESENT)
    return souris, clavier, (anne, odette, jean)


def choose(dialog: CompleteFieldsDialog, person_id: str, field: str, key: str) -> None:
    choice = dialog.choices[(person_id, field)]
    choice.setCurrentIndex(choice.findData(key))


def test_the_group_page_counts_and_completes(store, filled, open_window, qtbot):
    souris, _clavier, (_anne, odette, jean) = filled
    window = open_window()
    qtbot.mouseClick(window.buttons["groups"], LEFT)
    view = window.stack.currentWidget()
    view.open_group(souris.id)
    gaps = view.group_page.gaps
    assert gaps.isVisible()
    assert gaps.heading.text() == "2 fiches à compléter"  # one line at 200 %: the members keep the room
    assert gaps.accessibleDescription() == (
        "2 personnes de ce groupe n'ont pas tout ce que demande le bilan. "
        "À compléter — âge : 2 · genre : 1 · situation : 2. Sinon, le bilan les compte « Non communiqué ».")
    qtbot.mouseClick(gaps.complete, LEFT)
    dialog = gaps.dialog
    qtbot.waitExposed(dialog)
    check_targets(dialog)
    assert set(dialog.choices) == {(jean.id, "age"), (jean.id, "social_status"),
                                   (odette.id, "age"), (odette.id, "gender"), (odette.id, "social_status")}
    assert dialog.choices[(jean.id, "age")].accessibleName() == "Tranche d'âge de Jean Aubert"
    choose(dialog, odette.id, "age", "soixante_dix_plus")
    choose(dialog, odette.id, "gender", "feminin")
    choose(dialog, odette.id, "social_status", "retraite")
    choose(dialog, jean.id, "social_status", "non_communique")  # chosen: an answer too
    click_and_wait(qtbot, window, dialog.save_button)
    qtbot.waitUntil(lambda: "À compléter — âge : 1." in gaps.accessibleDescription())
    assert gaps.heading.text() == "1 fiche à compléter" and gaps.accessibleDescription().startswith("1 personne de ce groupe n'a pas")
    saved = people.get(store.db, odette.id)
    assert (saved.age_bracket, saved.gender, saved.social_status) == ("soixante_dix_plus", "feminin", "retraite")


def test_documents_says_who_the_report_would_count_as_unknown(store, filled, open_window, qtbot):
    souris, clavier, (_anne, odette, jean) = filled
    window = open_window()
    window.show_section("documents")
    page = window.page("documents")
    page.first.setDate(QDate(2026, 11, 1))
    page.last.setDate(QDate(2026, 11, 30))
    gaps = page.gaps
    assert gaps.isVisible() and gaps.heading.text().startswith("2 personnes venues sur la période")
    page.group.setCurrentIndex(page.group.findData(clavier.id))
    assert gaps.heading.text() == "1 personne venue sur la période n'a pas tout ce que demande le bilan"
    assert [p.id for p in gaps.gaps.people] == [jean.id]
    page.first.setDate(QDate(2026, 11, 20))  # nobody came since: nothing to say
    assert not gaps.isVisible()
    page.first.setDate(QDate(2026, 11, 1))
    page.group.setCurrentIndex(page.group.findData(souris.id))
    qtbot.mouseClick(gaps.complete, LEFT)
    dialog = gaps.dialog
    qtbot.waitExposed(dialog)
    choose(dialog, odette.id, "age", "soixante_dix_plus")
    choose(dialog, odette.id, "gender", "feminin")
    choose(dialog, odette.id, "social_status", "retraite")
    click_and_wait(qtbot, window, dialog.save_button)
    qtbot.waitUntil(lambda: not gaps.isVisible())
    assert page.group.currentData() == souris.id  # the choice made stays


def test_the_wheel_scrolls_the_list_and_never_changes_an_answer(store, filled, open_window, qtbot):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtTest import QTest

    souris, _clavier, (_anne, odette, _jean) = filled
    window = open_window()
    dialog = CompleteFieldsDialog(window.ops, groups.members(store.db, souris.id), window)
    qtbot.addWidget(dialog)
    dialog.resize(dialog.width(), 300)  # short: the list has to scroll
    dialog.show()
    qtbot.waitExposed(dialog)
    choice = dialog.choices[(odette.id, "gender")]
    assert not choice.hasFocus()
    before = dialog.scroll.verticalScrollBar().value()
    dialog.scroll.ensureWidgetVisible(choice)
    before = dialog.scroll.verticalScrollBar().value()
    # A real turn of the wheel, through the window system as a mouse gives it, over the choice.
    QTest.wheelEvent(dialog.windowHandle(), QPointF(choice.mapTo(dialog, choice.rect().center())), QPoint(0, -120))
    assert choice.key() is None and dialog.scroll.verticalScrollBar().value() > before
    dialog.reject()
