"""Réglages → Langue (issue 14): the window speaks the language chosen at once, without a
restart, keeps it for the next start, and says plurals, dates and Qt's own buttons in it.

The English words compared here come from atelier/locale/en (the lead's catalogue): with
an untranslated catalogue these tests fail, as they should.
"""

from datetime import date
from types import SimpleNamespace

import pytest
from shiboken6 import isValid
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox, QWidget

from atelier import groups, people, sessions, settings
from atelier.groups import Group
from atelier.people import Participant
from atelier.sessions import Session
from atelier.i18n import current_language, use_language
from ui.app import apply_saved_look
from ui.main_window import build_window
from ui.practice.help_flag import HelpBanner
from ui.qt_language import install_qt_translations
from ui.views.closing import people_text
from ui.views.settings import SettingsView
from ui.widgets.confirm import ConfirmDialog
from ui.words import long_date

LEFT = Qt.MouseButton.LeftButton
TODAY = date(2026, 11, 27)


def heading(view: SettingsView) -> str:
    return view.findChild(QLabel, "title").text()


def choose(qtbot, window, code: str) -> SettingsView:
    """Click the language in Réglages, as a person would; the Réglages now on screen."""
    view = window.stack.currentWidget()
    with qtbot.waitSignal(window.ops.changed, timeout=5000):  # the choice is kept
        qtbot.mouseClick(view.language.buttons[code], LEFT)
    page = window.stack.currentWidget()
    assert isinstance(page, SettingsView)
    return page


def test_switching_speaks_at_once_and_the_choice_survives_a_restart(store, open_window, qtbot):
    window = open_window()
    window.resize(1100, 700)
    geometry = window.geometry()
    assert window.home.today_title.text() == "Aujourd'hui"
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    view = window.stack.currentWidget()
    assert heading(view) == "Réglages"

    view = choose(qtbot, window, "en")
    assert current_language() == "en" and settings.language(store.db) == "en"
    assert heading(view) == "Settings", "the Réglages on screen reads English at once"
    assert window.buttons["settings"].text() == "Settings" and window.buttons["home"].text() == "Home"
    assert window.geometry() == geometry, "the window keeps its place and size"
    assert window.home.today_title.text() == "Today"
    assert window.stack.currentWidget() is view, "the section on screen stays on screen"

    assert view.language.buttons["en"].hasFocus(), "the keyboard stays on the choice"

    view = choose(qtbot, window, "fr")
    assert heading(view) == "Réglages" and window.home.today_title.text() == "Aujourd'hui"
    view = choose(qtbot, window, "en")
    window.close()

    use_language("fr")  # a new start of the program: French until the saved choice is read
    again = build_window(apply_saved_look(store), TODAY)
    qtbot.addWidget(again)
    assert again.home.today_title.text() == "Today" and again.buttons["settings"].text() == "Settings"
    again.close()


def test_a_workshop_under_way_comes_back_at_its_step_with_its_projector(store, open_window, qtbot):
    group = groups.add(store.db, Group("Premiers pas"))
    session = sessions.add(store.db, Session(TODAY.isoformat(), "14:00", "16:00", group.id, module_id="la-souris"))
    window = open_window()
    workshop = window.open_workshop(session)
    workshop.show_step(1)
    workshop.lesson.go_to(2)
    workshop.lesson.set_projecting(True)
    french_title = workshop.lesson.title.text()
    window.change_language("en")
    qtbot.waitUntil(lambda: settings.language(store.db) == "en", timeout=5000)
    [again] = window.workshops()
    assert again is not workshop and window.stack.currentWidget() is again and not window.nav.isVisible()
    assert again.current_step() == 1 and again.lesson.index == 2 and again.lesson.projecting()
    assert again.steps[0].text() == "1. Roll call", again.steps[0].text()
    assert again.lesson.title.text() != french_title, "the lesson follows the language (la-souris.en)"
    assert again.lesson.projector.windowTitle() != "" and not workshop.lesson.projecting()
    again.lesson.set_projecting(False)


def test_an_open_dialog_is_asked_about_before_it_is_closed(store, open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    view = window.stack.currentWidget()
    view.open_pin_dialog()
    draft = view.pin_dialog
    qtbot.waitExposed(draft)
    view.language.buttons["en"].click()  # the window speaks only once asked
    question = window.language_question
    assert question.isVisible() and current_language() == "fr"
    assert draft.windowTitle() in question.message.text()
    question.cancel_button.click()
    assert draft.isVisible() and current_language() == "fr" and settings.language(store.db) == "fr"

    view.language.buttons["en"].click()
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        window.language_question.confirm_button.click()
    assert current_language() == "en" and not (isValid(draft) and draft.isVisible())
    assert heading(window.stack.currentWidget()) == "Settings"


def test_the_practice_window_speaks_again_and_an_exercise_under_way_is_asked_about(store, open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["exercises"], LEFT)
    page = window.stack.currentWidget()
    page.open_practice(None)
    old = page.practice
    qtbot.waitExposed(old)
    assert old.windowTitle() == "Atelier — entraînement"
    window.change_language("en")
    qtbot.waitUntil(lambda: settings.language(store.db) == "en", timeout=5000)
    [practice] = [w for w in window.findChildren(QWidget, "practice") if w.isVisible()]
    assert practice is not old and practice.windowTitle() == "Atelier — practice"
    assert window.pages["exercises"].practice is practice, "Practice knows its window is open"

    module = practice.modules[0]
    practice.choose(None)
    practice.open_exercise(module, module.exercises[0])
    question = window.change_language("fr")
    assert question is not None and "the exercise under way in practice" in question.message.text()
    question.cancel_button.click()
    assert current_language() == "en" and practice.isVisible()
    practice._may_close = True
    practice.close()


@pytest.mark.qt_log_ignore(r"^This plugin does not support (raise\(\)|propagateSizeHints)")  # offscreen
def test_a_language_clicked_again_while_asked_brings_the_same_question(store, open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    view = window.stack.currentWidget()
    view.open_pin_dialog()
    qtbot.waitExposed(view.pin_dialog)
    view.language.buttons["en"].click()
    question = window.language_question
    view.language.buttons["en"].click()  # impatient, or the question went behind a window
    view.language.buttons["fr"].click()
    asked = [d for d in window.findChildren(ConfirmDialog) if d.isVisible()]
    assert asked == [question] and window.language_question is question
    question.cancel_button.click()
    assert current_language() == "fr" and view.pin_dialog.isVisible()
    view.language.buttons["en"].click()  # asked again once answered: a new question
    assert window.language_question is not question and window.language_question.isVisible()
    window.language_question.cancel_button.click()


def open_practice_for(qtbot, window, person):
    """Practice open for everyone, ``person`` chosen on the tiles; the practice window."""
    qtbot.mouseClick(window.buttons["exercises"], LEFT)
    window.stack.currentWidget().open_practice(None)
    practice = window.pages["exercises"].practice
    qtbot.waitExposed(practice)
    practice.picker.tiles[person.id].click()
    return practice


def reopened_practice(window, old):
    [practice] = [w for w in window.findChildren(QWidget, "practice") if w.isVisible()]
    assert practice is not old
    return practice


def test_the_practice_window_keeps_its_learner_and_module_in_the_new_language(store, open_window, qtbot):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    window = open_window()
    old = open_practice_for(qtbot, window, helene)
    old.open_module(old.modules[0])
    french_title = old.menu.title.text()
    window.change_language("en")
    qtbot.waitUntil(lambda: settings.language(store.db) == "en", timeout=5000)
    practice = reopened_practice(window, old)
    assert practice.learner is not None and practice.learner.id == helene.id and not practice.guest
    assert practice.stack.currentWidget() is practice.menu and practice.menu.module.id == old.menu.module.id
    assert practice.menu.title.text() != french_title, "the module in English (la-souris.en)"
    assert practice.change_button.text() == "Switch person", "the bars in English too"

    practice.show_picker()
    practice.choose(None)  # a guest stays a guest, on their home
    window.change_language("fr")
    qtbot.waitUntil(lambda: settings.language(store.db) == "fr", timeout=5000)
    again = reopened_practice(window, practice)
    assert again.guest and again.learner is None and again.stack.currentWidget() is again.home
    again._may_close = True
    again.close()


def test_a_call_for_help_keeps_showing_in_the_new_language(store, open_window, qtbot):
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    settings.put(store.db, settings.SITE, "Maison des Tilleuls")
    window = open_window()
    practice = open_practice_for(qtbot, window, helene)
    practice.help_button.click()
    assert window.windowTitle() == "Besoin d'aide : Hélène — Atelier — Maison des Tilleuls"
    window.change_language("en")
    qtbot.waitUntil(lambda: settings.language(store.db) == "en", timeout=5000)
    [banner] = window.findChildren(HelpBanner, "helpBanner")
    assert banner.isVisible() and banner.label.text() == "Needs help: Hélène"
    assert banner.clear_button.text() != "C'est réglé"
    assert window.windowTitle() == "Needs help: Hélène — Atelier — Maison des Tilleuls"
    practice = reopened_practice(window, practice)
    assert practice.help_notice.isVisible() and practice.help_notice.text().startswith("The facilitator")
    banner.clear_button.click()
    assert not banner.isVisible() and not practice.help_notice.isVisible()
    assert window.windowTitle() == "Atelier — Maison des Tilleuls"
    practice._may_close = True
    practice.close()


@pytest.mark.parametrize("language, said", [
    ("fr", ["0 nouvelle personne", "1 nouvelle personne", "2 nouvelles personnes"]),
    ("en", ["0 new people", "1 new person", "2 new people"]),
])
def test_plurals_for_0_1_and_2(language, said):
    install_qt_translations(QApplication.instance(), language)
    for n, expected in zip((0, 1, 2), said):
        counts = SimpleNamespace(present=n, absent=0, excused=0, new_people=n)
        assert people_text(counts).endswith(expected), (n, people_text(counts))
    assert people_text(SimpleNamespace(present=1, absent=2, excused=0, new_people=0)).split(", ")[:2] == (
        ["1 présent", "2 absents"] if language == "fr" else ["1 present", "2 absent"])


@pytest.mark.parametrize("language, day, words", [
    ("fr", "vendredi 27 novembre 2026", {"Yes": "Oui", "Cancel": "Annuler", "look": "Regarder dans :"}),
    ("en", "Friday 27 November 2026", {"Yes": "Yes", "Cancel": "Cancel", "look": "Look in:"}),
])
def test_dates_and_qt_own_words_in_the_language(language, day, words, ops, qtbot):
    from ui.views.session_form import SessionForm

    install_qt_translations(QApplication.instance(), language)
    assert long_date(TODAY, capital=False) == day
    form = SessionForm(ops, "one", None, TODAY)
    qtbot.addWidget(form)
    assert form.date.text() == day, "the session's date field"

    box = QMessageBox(QMessageBox.Icon.Question, "Atelier", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    box.show()
    assert box.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == words["Yes"]
    assert box.button(QMessageBox.StandardButton.Cancel).text().replace("&", "") == words["Cancel"]
    box.close()

    files = QFileDialog(None, "Atelier", "/tmp")
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(files)
    files.show()
    labels = [label.text().replace("&", "") for label in files.findChildren(QLabel)]
    assert words["look"] in labels, labels
    files.close()


def test_a_dialog_asked_before_the_window_speaks_with_qt_own_words(qapp):
    """At the program's start Qt's own words wait for the window's first frame; a dialog
    asked before it (a damaged file, the first run) has them all the same."""
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QDialog

    from ui import qt_words
    from ui.app import exec_widget
    from ui.qt_language import put_off_qt_words, qt_words_now

    qt_words.install(qapp, "en")  # as a fresh program: none of Qt's French words in yet
    put_off_qt_words()
    try:
        install_qt_translations(qapp, "fr")
        assert long_date(TODAY, capital=False) == "vendredi 27 novembre 2026"  # the dates at once
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"  # Qt's words put off
        dialog = QDialog()
        heard = []
        QTimer.singleShot(0, lambda: (heard.append(QCoreApplication.translate("QPlatformTheme", "Cancel")),
                                      dialog.accept()))
        exec_widget(dialog)
        assert heard == ["Annuler"]
        assert qapp.property("atelier_qt_language") == "fr"
    finally:
        qt_words_now(qapp)  # the next tests in French, whatever happened here
