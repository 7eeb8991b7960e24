"""The erase dialog with the passages that name the person, the retention prompt after
start-up, and « Conservation des données » in the Réglages: driven with real clicks."""

import shutil
import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier import anonymisation, attendance, paths, people, retention, sessions, settings
from atelier.mentions import ERASED
from atelier.people import Participant
from atelier.sessions import Session
from atelier.store import Store
from people_helpers import LEFT, check_targets, click_row, type_text
from ui import theme
from ui.app import launch
from ui.main_window import build_window
from ui.views.erase_dialog import EraseDialog
from ui.views.retention_dialog import RetentionDialog

TODAY = date(2026, 11, 27)  # the conftest's day


def open_participants(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["participants"], LEFT)
    return window, window.stack.currentWidget()


def erase_dialog(store, open_window, qtbot):
    """Hélène Martin, named in Bernard's notes and a session's notes; her dialog open."""
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    bernard = people.add(store.db, Participant("Bernard", "Roux", notes="Covoiturage avec Hélène."))
    session = sessions.add(store.db, Session("2026-11-20", "14:00", "16:00",
                                             notes="Mme MARTIN Hélène a aidé sa voisine."))
    window, view = open_participants(open_window, qtbot)
    click_row(qtbot, view.list, 0)
    qtbot.mouseClick(view.erase_button, LEFT)
    return window, view.dialog, helene, bernard, session


def test_the_dialog_shows_the_passages_and_replaces_the_name_by_default(store, open_window, qtbot):
    window, dialog, helene, bernard, session = erase_dialog(store, open_window, qtbot)
    assert isinstance(dialog, EraseDialog)
    text = dialog.passages.text()
    assert "Son nom apparaît aussi dans 2 passages de texte" in text
    assert "Notes sur Bernard Roux : « Covoiturage avec Hélène. »" in text
    assert "Notes de la séance du 20/11/2026 : « Mme MARTIN Hélène a aidé sa voisine. »" in text
    assert dialog.replace_box.isChecked() and dialog.replace_names
    assert "12 mois" in dialog.backups.text() and "effacée à nouveau" in dialog.backups.text()
    check_targets(dialog)
    type_text(qtbot, dialog.typed, "Hélène")
    with qtbot.waitSignal(window.ops.changed, timeout=5000) as blocker:
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    assert blocker.args[0].people and blocker.args[0].sessions  # the notes changed: screens refresh
    assert people.get(store.db, bernard.id).notes == f"Covoiturage avec {ERASED}."
    assert sessions.get(store.db, session.id).notes == f"Mme {ERASED} a aidé sa voisine."
    assert helene.id in paths.erasure_log(store.home).read_text()


def test_unticked_the_notes_stay_as_they_were(store, open_window, qtbot):
    window, dialog, helene, bernard, session = erase_dialog(store, open_window, qtbot)
    qtbot.mouseClick(dialog.replace_box, LEFT)
    assert not dialog.replace_names
    type_text(qtbot, dialog.typed, "helene")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    with pytest.raises(KeyError):
        people.get(store.db, helene.id)
    assert people.get(store.db, bernard.id).notes == "Covoiturage avec Hélène."


def test_with_no_passage_there_is_no_box(store, open_window, qtbot):
    people.add(store.db, Participant("Anne", "Petit"))
    window, view = open_participants(open_window, qtbot)
    click_row(qtbot, view.list, 0)
    qtbot.mouseClick(view.erase_button, LEFT)
    assert view.dialog.replace_box is None and view.dialog.passages is None and view.dialog.replace_names


def gone_for_years(db, today: date) -> list[str]:
    """Odette and Marcel came last four years before ``today``; Paul last month."""
    folks = [people.add(db, Participant(first, last, birth_year=1944)) for first, last in
             (("Odette", "Ancienne"), ("Marcel", "Dupont"), ("Paul", "Récent"))]
    db.execute("UPDATE participants SET created_at = ?", [(today - timedelta(days=5 * 366)).isoformat()])
    for person, days in zip(folks, (4 * 366, 4 * 366 + 30, 30)):
        session = sessions.add(db, Session((today - timedelta(days=days)).isoformat(), "14:00", "16:00",
                                           status="done"))
        attendance.mark(db, session.id, person.id, attendance.PRESENT)
    return [person.id for person in folks]


@pytest.fixture
def launched(home, qtbot):
    """``launched()``: the program as it starts (launch: check, backup, retention), its
    window registered and closed after the test."""
    windows = []

    def opener():
        window = build_window(Store.open(home), date.today())
        qtbot.addWidget(window)
        windows.append(window)
        launch(window, ask=lambda widget: None, quit=lambda code: None)
        return window

    yield opener
    for window in windows:
        window.close()
        window.store.close()


def prompted(home, launched, qtbot) -> tuple:
    """People gone for years, the program started: its window, the prompt, their ids."""
    store = Store.open(home)
    ids = gone_for_years(store.db, date.today())
    store.close()
    window = launched()
    qtbot.waitUntil(lambda: window.findChild(RetentionDialog) is not None, timeout=5000)
    dialog = window.findChild(RetentionDialog)
    qtbot.waitExposed(dialog)
    return window, dialog, ids


def test_after_start_up_the_people_gone_for_years_are_listed_and_anonymised_once_confirmed(home, launched, qtbot):
    window, dialog, (odette, marcel, paul) = prompted(home, launched, qtbot)
    assert "2 personnes ne viennent plus depuis plus de 3 ans" in dialog.windowTitle()
    rows = [dialog.model.index(row) for row in range(dialog.model.rowCount())]
    assert [row.data() for row in rows] == ["Marcel Dupont", "Odette Ancienne"]
    assert all(row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked for row in rows)
    assert dialog.cancel_button.isDefault()  # Enter never anonymises
    check_targets(dialog)
    click_row(qtbot, dialog.list, 0)  # Marcel is coming back: leave him
    assert dialog.chosen() == [odette]
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.mouseClick(dialog.confirm_button, LEFT)
    db = window.store.db
    assert anonymisation.is_anonymous(db, odette)
    assert people.get(db, marcel).first_name == "Marcel" and people.get(db, paul).first_name == "Paul"


def test_later_puts_the_question_off_and_the_next_start_does_not_ask(home, launched, qtbot):
    window, dialog, (odette, _marcel, _paul) = prompted(home, launched, qtbot)
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    qtbot.waitUntil(lambda: settings.get(window.store.db, retention.ASK_AFTER) is not None, timeout=5000)
    assert people.get(window.store.db, odette).first_name == "Odette"
    window.close()

    asks_nothing(qtbot, launched())


def test_nobody_past_the_period_asks_nothing(home, launched, qtbot):
    store = Store.open(home)
    people.add(store.db, Participant("Nouvelle", "Venue"))
    store.close()
    asks_nothing(qtbot, launched())


def asks_nothing(qtbot, window) -> None:
    """Once the start-up jobs are done and their answers handled, no prompt is open."""
    qtbot.waitUntil(lambda: window.worker.pending() == 0, timeout=5000)
    QApplication.processEvents()
    assert window.findChild(RetentionDialog) is None


def test_the_settings_choose_the_period_and_open_the_list(store, open_window, qtbot):
    gone_for_years(store.db, TODAY)
    window = open_window()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    section = window.stack.currentWidget().retention
    assert section.years.key() == 3 and section.years.currentText() == "3 ans (conseillé)"
    assert "2 personnes ne viennent plus depuis plus de 3 ans" in section.status.text()
    check_targets(section)
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        section.years.setCurrentIndex(section.years.findData(5))
        section.years.activated.emit(section.years.currentIndex())
    assert settings.retention_years(store.db) == 5
    qtbot.waitUntil(lambda: "Personne ne dépasse" in section.status.text(), timeout=5000)
    assert not section.review_button.isEnabled()
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        section.years.setCurrentIndex(section.years.findData(1))
        section.years.activated.emit(section.years.currentIndex())
    qtbot.waitUntil(section.review_button.isEnabled, timeout=5000)
    qtbot.mouseClick(section.review_button, LEFT)
    dialog = section.dialog
    assert dialog.model.rowCount() == 2
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert settings.get(store.db, retention.ASK_AFTER) is None  # from the Réglages, « Plus tard » puts nothing off


@pytest.mark.parametrize("scale", [1.0, 2.0], ids=["100", "200"])
def test_both_dialogs_fit_a_1366_by_768_screen_at_every_text_size(scale, store, qapp, qtbot):
    """Nothing cut: every control is inside the dialog, wide enough for its words, and
    the dialog inside the screen (the words scroll when they are taller)."""
    theme.apply_theme(qapp, scale)
    try:
        helene = people.add(store.db, Participant("Marie-Hélène", "de La Fontaine-Beauregard"))
        for n in range(12):
            people.add(store.db, Participant(f"Ami{n}", "Roux", notes=f"Voisine de Marie-Hélène de La "
                                             f"Fontaine-Beauregard, qui l'amène le mardi ({n})."))
        report = people.erasure_report(store.db, helene.id)
        from atelier import mentions

        found = [retention.Inactive(f"id{n}", f"Jean-Christophe Dupont-Moretti {n}", date(2022, 1, n + 1))
                 for n in range(9)]
        for dialog in (EraseDialog(helene, report, mentions.find(store.db, helene)), RetentionDialog(found, 3)):
            qtbot.addWidget(dialog)
            screen = dialog.screen().availableGeometry()
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.width() <= 1366 and dialog.height() <= max(screen.height(), 768)
            for control in [dialog.confirm_button, dialog.cancel_button,
                            *([dialog.check_all_button, dialog.uncheck_all_button]
                              if isinstance(dialog, RetentionDialog) else []),
                            *([dialog.replace_box, dialog.typed] if isinstance(dialog, EraseDialog) else [])]:
                if control.hasHeightForWidth():  # its words wrap: tall enough for them at its width
                    assert control.height() >= control.heightForWidth(control.width()), control.text()
                else:
                    assert control.width() >= min(control.sizeHint().width(), dialog.width() - 60), control.text()
                assert control.geometry().right() <= control.parentWidget().width(), control.text()
            if isinstance(dialog, RetentionDialog):  # a whole row in sight, as wide as the list
                first = lambda: dialog.list.visualRect(dialog.model.index(0))  # noqa: E731 (laid out after a resize)
                qtbot.waitUntil(lambda: first().right() <= dialog.list.viewport().width(), timeout=2000)
                assert dialog.list.viewport().height() >= first().height() >= 48
                assert dialog.list.geometry().bottom() < dialog.confirm_button.geometry().top()
            dialog.close()
    finally:
        theme.apply_theme(qapp, 1.0)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (make test installs it)")
def test_the_access_export_on_paper_lists_the_passages(store, tmp_path):
    from atelier.exports.person import person_export
    from ui.render.documents import render_person_pdf

    helene = people.add(store.db, Participant("Hélène", "Martin"))
    people.add(store.db, Participant("Bernard", "Roux", notes="Covoiturage avec Hélène Martin le mardi."))
    path = render_person_pdf(person_export(store.db, helene.id), tmp_path / "helene.pdf")
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Passage de texte qui la nomme (1)" in text
    assert "Notes sur Bernard Roux : Covoiturage avec Hélène Martin le mardi." in text
