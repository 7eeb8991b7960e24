"""What a module says beside its steps, where the facilitator and the learner meet it:
the guide opens with « Avant l'atelier » and ends with « 3 choses à retenir » and the
lexique (the projector leaves out the facilitator's checklist); the practice summary
after the module's last exercise repeats the three things. And at 200 % on a
1366 × 768 screen, a picture exercise shows whole in the practice window."""

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt

from atelier import sessions
from atelier.lessons.pack import load_module
from atelier.lessons.scoring import Outcome
from atelier.sessions import Session
from big_practice import big_practice
from ui.practice.kinds import widget_for
from ui.views.lesson_guide import LessonGuideView
from waits import laid_out

DEMO = load_module(Path(__file__).resolve().parents[1] / "demo_pack" / "nouveautes")


@pytest.fixture
def guide(qtbot, ops, store):
    session = sessions.add(store.db, Session(date="2026-11-27", start_time="14:00", end_time="16:00",
                                             module_id=DEMO.id))
    view = LessonGuideView(ops, session, DEMO)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view
    qtbot.waitUntil(lambda: ops.worker.pending() == 0, timeout=5000)
    view.set_projecting(False)


def test_the_guide_opens_with_the_checklist_and_ends_with_what_to_remember(qtbot, guide):
    first = guide.view.toPlainText()
    assert first.index("Avant l'atelier") < first.index("Une souris par poste") < first.index("Aujourd'hui")
    assert "3 choses à retenir" not in first
    guide.set_projecting(True)
    qtbot.waitExposed(guide.projector)
    assert "Avant l'atelier" not in guide.projector.content.toPlainText()   # for the facilitator only
    assert "Aujourd'hui" in guide.projector.content.toPlainText()
    qtbot.keyClick(guide, Qt.Key.Key_Right)
    last = guide.view.toPlainText()
    assert "Avant l'atelier" not in last
    assert last.index("Petit quiz") < last.index("3 choses à retenir") < last.index("Le cadenas est à gauche")
    assert last.index("Un code reçu par SMS") < last.index("Lexique") < last.index("navigateur")
    shown = guide.projector.content.toPlainText()
    assert "3 choses à retenir" in shown and "cadenas" in shown      # the learners see them too


def test_the_lexique_opens_at_any_step(qtbot, guide):
    assert guide.glossary_button.isVisible() and guide.glossary_button.height() >= 48
    qtbot.mouseClick(guide.glossary_button, Qt.MouseButton.LeftButton)
    dialog = guide.glossary
    qtbot.waitExposed(dialog)
    words = dialog.view.toPlainText()
    assert words.index("cadenas") < words.index("navigateur") and "Le programme pour aller sur internet." in words
    assert dialog.focusWidget() is dialog.close_button
    qtbot.keyClick(dialog.close_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()


def test_markdown_signs_in_a_packs_words_are_shown_as_written():
    from ui.views.guide_extras import plain

    assert plain("Le *vrai* site_officiel [ici]") == r"Le \*vrai\* site\_officiel \[ici\]"


@pytest.fixture
def big_shell(qapp, qtbot, open_window, store):
    with big_practice(qapp, qtbot, open_window(), store, [DEMO], lambda e, s, p=None: widget_for(e, s, p)) as shell:
        yield shell


@pytest.mark.parametrize("exercise_id", ["trouver-cadenas", "carte-a-gratter"])
def test_a_picture_exercise_shows_whole_at_200_percent(big_shell, qtbot, exercise_id):
    shell = big_shell
    shell.open_exercise(DEMO, next(e for e in DEMO.exercises if e.id == exercise_id))
    shell.instructions.start_button.click()
    laid_out(qtbot, shell)
    widget = shell.run_page.widget
    assert widget.scroller.verticalScrollBar().maximum() == 0, exercise_id   # nothing to scroll to
    thing = widget.spot_picture if exercise_id == "trouver-cadenas" else widget.area
    assert thing.visibleRegion().boundingRect() == thing.rect(), exercise_id     # not cut
    top_left = thing.mapTo(shell, thing.rect().topLeft())
    assert shell.rect().contains(QRect(top_left, thing.size()))
    if exercise_id == "trouver-cadenas":
        assert widget.spot_picture.shown().width() >= 500   # large enough to find the padlock


def test_the_summary_of_the_modules_last_exercise_says_what_to_remember(big_shell):
    shell = big_shell
    last, before = DEMO.exercises[-1], DEMO.exercises[-2]
    shell.open_exercise(DEMO, before)
    shell._show_summary(Outcome(0.9, 5, 80_000, details={"to_review": ["Nom", "Mot de passe"]}))
    summary = shell.summary
    assert not summary.remember.isVisibleTo(summary)
    assert summary.review.text() == "À revoir la prochaine fois : « Nom », « Mot de passe »."
    shell.open_exercise(DEMO, last)
    shell._show_summary(Outcome(1.0, 1, 30_000))
    assert summary.remember_title.isVisibleTo(summary) and not summary.review.isVisibleTo(summary)
    assert summary.remember.text() == ("1. Le cadenas est à gauche de l'adresse du site.\n"
                                       "2. On garde le bouton appuyé pour glisser.\n"
                                       "3. Un code reçu par SMS ne se donne à personne.")
    shell._show_summary(None)   # « Passer »: no lesson drawn from an exercise not done
    assert not summary.remember.isVisibleTo(summary)
