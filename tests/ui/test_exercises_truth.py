"""Exercises that tell the truth, driven in the real practice window with the shipped
exercises and real keys and clicks: « Passer » passes the item on screen and says so,
the keys exercise lets the keyboard out and keeps « Échap » whole on its line, Entrée
after a right text is praised, and the form keeps the data to copy in sight (beside
it) and names the fields to look at again."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from atelier import people, results
from atelier.people import Participant
from ui import modules as library
from ui.practice.help_flag import attach
from ui.practice.shell import PracticeWindow
from ui.theme import apply_theme

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def practice(open_window, qtbot, store):
    """``practice(module_id, exercise_id)``: the practice window over the main window, a
    named learner chosen and the exercise started; ``(shell, widget, learner)``."""
    made = []
    learner = people.add(store.db, Participant("Hélène", "Martin"))

    def opener(module_id: str, exercise_id: str):
        window = open_window()
        shell = PracticeWindow(window.ops, [learner], library.all_modules(), attach(window), parent=window)
        made.append(shell)
        shell.resize(1366, 768)
        shell.show()
        qtbot.waitExposed(shell)
        shell.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is shell, timeout=3000)
        qtbot.mouseClick(shell.picker.tiles[learner.id], LEFT)
        module = library.module_by_id(module_id)
        shell.open_exercise(module, next(e for e in module.exercises if e.id == exercise_id))
        qtbot.mouseClick(shell.instructions.start_button, LEFT)
        assert shell.stack.currentWidget() is shell.run_page
        return shell, shell.run_page.widget, learner

    yield opener
    for shell in made:
        shell._may_close = True
        shell.close()


def test_passer_passes_the_key_on_screen_and_says_so(practice, qtbot, store):
    shell, keys, learner = practice("le-clavier", "touches-utiles")
    skip = shell.run_page.skip_button
    assert skip.text() == "Passer cette touche" and skip.accessibleName() == "Passer cette touche"
    assert "Espace" in keys.ask.text()
    qtbot.mouseClick(skip, LEFT)
    assert shell.stack.currentWidget() is shell.run_page  # still in the exercise
    assert "Entrée" in keys.ask.text() and shell.run_page.count.text() == f"1 sur {len(keys.keys)}"
    assert QApplication.focusWidget() is keys  # the next key pressed is for the exercise, not « Passer »
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert keys.tally.done == 2 and "Entrée" not in keys.ask.text()  # found: on to the third key
    for _ in range(len(keys.keys) - 3):
        qtbot.mouseClick(skip, LEFT)
    with qtbot.waitSignal(shell.recorded, timeout=5000) as recorded:
        qtbot.mouseClick(skip, LEFT)  # the last one: the exercise ends as usual
    assert shell.stack.currentWidget() is shell.summary
    assert recorded.args[0].score == pytest.approx(1 / len(keys.keys), abs=1e-3)
    [kept] = results.for_learner(store.db, learner.id)
    assert kept.exercise_id == "touches-utiles"


def test_passer_on_a_one_item_exercise_passes_the_exercise(practice, qtbot, store):
    shell, _widget, learner = practice("la-souris", "trouver-chat")
    skip = shell.run_page.skip_button
    assert skip.text() == "Passer l'exercice"
    qtbot.mouseClick(skip, LEFT)
    assert shell.stack.currentWidget() is shell.summary
    assert results.for_learner(store.db, learner.id) == []  # nothing done: nothing kept


def test_passer_a_text_and_a_question(practice, qtbot):
    shell, typing, _learner = practice("le-clavier", "ecrire-mots")
    assert shell.run_page.skip_button.text() == "Passer ce texte"
    first = typing.field.expected
    qtbot.mouseClick(shell.run_page.skip_button, LEFT)
    assert typing.field.expected != first and typing.field.hasFocus()
    assert "C'est noté" in typing.feedback.text()


def test_the_keys_exercise_lets_escape_and_tab_reach_the_buttons(practice, qtbot):
    shell, keys, _learner = practice("le-clavier", "touches-utiles")
    around = (shell.help_button, shell.run_page.skip_button, keys.listen_button)  # « Écouter » is one of them
    keys.setFocus()
    qtbot.keyClick(keys, Qt.Key.Key_Escape)  # Espace is asked: a wrong key, and how to get out
    assert QApplication.focusWidget() is keys and "«\u00a0Échap\u00a0» encore une fois\u00a0: aller aux boutons" in keys.feedback.text()
    qtbot.keyClick(keys, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() in around
    qtbot.mouseClick(keys, LEFT)
    keys.setFocus()
    qtbot.keyClick(keys, Qt.Key.Key_Tab)
    qtbot.keyClick(keys, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in around
    keys.setFocus()
    qtbot.keyClick(keys, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # at any time
    assert QApplication.focusWidget() in around
    assert keys.tally.misses == 2  # the second press of each was the way out, not a miss
    assert "Ctrl + Tab" in keys.accessibleDescription()


def test_tab_and_escape_still_count_when_they_are_the_key_asked(practice, qtbot):
    shell, keys, _learner = practice("le-clavier", "touches-maj-tab-echap")
    assert keys.keys == ["Shift", "Tab", "Escape"]
    qtbot.mouseClick(shell.run_page.skip_button, LEFT)  # on to « Tab », then « Échap »
    assert "Tab" in keys.ask.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert "Échap" in keys.ask.text() and QApplication.focusWidget() is keys
    qtbot.keyClick(keys, Qt.Key.Key_Escape)
    assert shell.stack.currentWidget() is shell.summary


def quotes_that_may_break(widget) -> list[str]:
    """The shown texts where a French quote may leave its word at a line's end (a plain space)."""
    return [label.text() for label in widget.findChildren(QLabel)
            if label.isVisible() and ("« " in label.text() or " »" in label.text())]


def test_escape_in_quotes_never_breaks_across_two_lines(practice, qtbot):
    shell, keys, _learner = practice("le-clavier", "touches-maj-tab-echap")
    for _key in range(2):
        qtbot.mouseClick(shell.run_page.skip_button, LEFT)  # on to « Échap »
    assert "«\u00a0Échap\u00a0»" in keys.ask.text() and "«\u00a0Échap\u00a0»" in keys.place.text()
    assert quotes_that_may_break(keys) == []
    keys.setFocus()
    qtbot.keyClick(keys, Qt.Key.Key_Tab)  # a wrong key: the feedback names « Échap » and « Tab »
    assert "«\u00a0Échap\u00a0»" in keys.feedback.text() and quotes_that_may_break(keys) == []


def test_enter_after_a_right_text_says_bravo_never_a_warning(practice, qtbot):
    _shell, typing, _learner = practice("le-clavier", "ecrire-mots")
    for _ in range(2):
        text = typing.field.expected
        qtbot.keyClicks(typing.field, text) if text.isascii() else typing.field.insert(text)
        assert typing.feedback.property("tone") == "good" and "Bravo" in typing.feedback.text()
        qtbot.keyClick(typing.field, Qt.Key.Key_Return)
        assert typing.field.text() == "" and typing.field.expected != text
        assert typing.feedback.property("tone") == "good" and "Bravo" in typing.feedback.text()
        assert "Recopiez tout le texte" not in typing.feedback.text()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_form_keeps_the_data_in_sight_and_names_the_fields_to_fix(practice, qtbot, scale, qapp):
    apply_theme(qapp, scale)
    try:
        shell, form, _learner = practice("le-clavier", "formulaire-inscription")
        page = form.page_fields[form.at]  # the form is in pages, as on real sites
        for field in page:  # down the page, from field to field
            field.input.setFocus()
            qtbot.wait(10)
            assert not field.input.visibleRegion().isEmpty(), field.spec["label"]
            seen = form.data.visibleRegion().boundingRect()  # « La fiche » stays in sight, all of it
            assert seen.height() >= form.data.heightForWidth(form.data.width()), field.spec["label"]
        assert "Martin" in form.data.text()
        first, *others = [f for f in page if f.kind != "checkbox"]
        qtbot.keyClicks(first.input, "Martin")
        qtbot.mouseClick(form.submit, LEFT)
        said = form.feedback.text()
        wrong = [f for f in page if f.problem.isVisible()]
        named = [f"«\u00a0{f.spec['label']}\u00a0»" for f in wrong]  # held to their words by no-break spaces
        assert first not in wrong and wrong and all(name in said for name in named)
        assert f"«\u00a0{first.spec['label']}\u00a0»" not in said
    finally:
        apply_theme(qapp, 1.0)
