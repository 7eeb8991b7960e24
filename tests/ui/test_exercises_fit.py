"""At 200 % text on 1366 × 768 and 1280 × 800 screens, the course's exercises whose screens change as
they go show whole on every screen, not only the first (issue 11): each page of each
form, each key of each keys exercise, each round of the drag and double-click ones.
The practice window picks the largest text size at which the exercise says it fits;
here that word is checked against what a person sees (fit.py's rule)."""

import pytest
from PySide6.QtCore import QRect

from big_practice import big_practice
from fit import problems
from atelier.lessons.translations import in_language
from ui import modules as library
from waits import laid_out

COURSE = library.all_modules()
# the English translations too (issue 14): English is shorter, it should fit as well
ENGLISH = [m for m in in_language([r.module for r in library.installed_rows() if r.module], "en")
           if m.language == "en"]
CHANGING = [(m, e) for m in COURSE + ENGLISH for e in m.exercises
            if e.kind in ("form", "keys", "drag", "double-click")]

# Found by this test with the modules M11–M16 as main had them (the move-in branch does
# not hold them) and reported to their writers: at 200 % on 1366 × 768 a form page holds
# about 3 lines to fill (or 1 line and 2 groups of 2 round buttons, or 6 boxes to tick),
# and the card with the words beside it about 9 short lines. Ten such forms were split into
# pages and all fit now; a form found wrong again goes here, as an xfail with its reason.
KNOWN: dict[str, str] = {}


def case(module, exercise):
    name = f"{module.id}{'' if module.language == 'fr' else '.' + module.language}/{exercise.id}"
    marks = [pytest.mark.xfail(reason=f"déjà signalé : {KNOWN[name]}")] if name in KNOWN else []
    return pytest.param(module, exercise, id=name, marks=marks)


@pytest.fixture(params=[(1366, 768), (1280, 800)], ids=["1366x768", "1280x800"])
def big_shell(request, qapp, qtbot, open_window, store):
    screen = QRect(0, 0, *request.param)
    with big_practice(qapp, qtbot, open_window(), store, COURSE, screen=screen) as shell:
        yield shell


def seen(qtbot, shell, what: str) -> list[str]:
    laid_out(qtbot, shell)
    widget = shell.run_page.widget
    found = problems(shell, main=[shell.run_page.skip_button], whole=True)
    if widget.scroller.verticalScrollBar().maximum() > 0:
        found.append("la zone de l'exercice défile")
    return [f"{what} : {problem}" for problem in found]


def screens(widget):
    """Each screen the exercise will show, in turn (shown as the exercise shows it)."""
    if widget.exercise.kind == "form":
        for page in range(len(widget.pages_spec)):
            widget.stack.setCurrentIndex(page)
            yield f"page {page + 1}"
    elif widget.exercise.kind == "keys":
        for combo in widget.combos:
            widget._ask(combo)
            yield combo.shown()
    else:
        for _round in range(widget.count):
            yield f"essai {_round + 1}"
            widget.tally.hit()
            widget._relayout()


def test_the_course_has_such_exercises():
    assert {m.id for m in ENGLISH} == {"la-souris", "le-clavier"}
    ids = {e.id for _m, e in CHANGING}
    assert {"formulaire-inscription", "touches-ensemble", "ranger-fruits", "ouvrir-dossiers-vite"} <= ids


@pytest.mark.parametrize("module, exercise", [case(m, e) for m, e in CHANGING])
def test_every_screen_of_the_exercise_shows_whole_at_200_percent(big_shell, qtbot, module, exercise):
    shell = big_shell
    shell.open_exercise(module, exercise)
    shell.instructions.start_button.click()
    widget = shell.run_page.widget
    assert widget.scale >= 1.0
    found = []
    for screen in screens(widget):
        found += seen(qtbot, shell, screen)
    assert not found, "\n".join(found)
    if exercise.kind == "form":   # the words and the card beside the form, whole too
        assert widget.side.verticalScrollBar().maximum() == 0
