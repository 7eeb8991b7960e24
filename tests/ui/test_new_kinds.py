"""The exercises of issue 12 driven with real widgets offscreen, at 100 % and 200 % on a
1366 × 768 screen: the demo module's hotspot, hover and paged form, the key
combinations, and the pack's pictures and labels on the first kinds."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from atelier.lessons.pack import load_module
from exercise_helpers import shown_exercise

DEMO = load_module(Path(__file__).resolve().parents[1] / "demo_pack" / "nouveautes")
LEFT = Qt.MouseButton.LeftButton
SCALES = pytest.mark.parametrize("scale", [1.0, 2.0])


def demo(exercise_id: str):
    return next(e for e in DEMO.exercises if e.id == exercise_id)


@pytest.fixture
def run(qtbot):
    from ui.practice.kinds import widget_for
    from ui.theme import apply_theme

    def runner(exercise, scale=1.0):
        apply_theme(QApplication.instance(), scale)
        widget = widget_for(exercise, scale)
        outcomes, _progress = shown_exercise(qtbot, widget)
        QApplication.processEvents()
        return widget, outcomes
    yield runner
    apply_theme(QApplication.instance(), 1.0)


def nothing_to_scroll(widget) -> bool:
    return widget.scroller.verticalScrollBar().maximum() == 0


# --- hotspot ---------------------------------------------------------------------------------

def spot_centre(widget, n: int = 0) -> QPoint:
    picture, shown = widget.spot_picture.picture, widget.spot_picture.shown()
    spot = widget.questions[widget.tally.done]["spots"][n]
    return picture.to_screen(shown, QRectF(spot["x"], spot["y"], spot["width"], spot["height"])).center().toPoint()


@SCALES
def test_hotspot_click_on_the_padlock_then_the_button(run, qtbot, scale):
    widget, outcomes = run(demo("trouver-cadenas"), scale)
    shown = widget.spot_picture.shown()
    assert widget.spot_picture.rect().contains(shown.toRect()) and nothing_to_scroll(widget)  # whole, no scrolling
    assert shown.width() > 600 * (0.9 if scale > 1 else 1)   # the picture takes the room there is
    qtbot.mouseClick(widget.spot_picture, LEFT, pos=shown.bottomRight().toPoint() - QPoint(5, 5))
    assert "Pas tout à fait" in widget.feedback.text() and not widget.spot_picture.marked
    qtbot.mouseClick(widget.spot_picture, LEFT, pos=QPoint(2, 2))        # beside the picture: a try too
    assert "entouré en orange" in widget.feedback.text() and widget.spot_picture.marked   # shown, not done
    assert not widget.next_button.isVisible()
    qtbot.mouseClick(widget.spot_picture, LEFT, pos=spot_centre(widget))
    assert "Vous l'avez trouvé" in widget.feedback.text() and "à gauche de l'adresse" in widget.feedback.text()
    assert widget.next_button.isVisible() and widget.next_button.text() == "Question suivante"
    qtbot.mouseClick(widget.next_button, LEFT)
    assert widget.question.text() == "Où faut-il cliquer pour se connecter ?" and not widget.instruction.isVisible()
    qtbot.mouseClick(widget.spot_picture, LEFT, pos=spot_centre(widget))
    assert widget.feedback.text().startswith("C'est juste !") and widget.next_button.text() == "Terminer"
    qtbot.mouseClick(widget.next_button, LEFT)
    [outcome] = outcomes
    assert outcome.details["tries"] == [2, 0] and outcome.attempts == 4
    assert outcome.score == pytest.approx((1 / 3 + 1) / 2, abs=1e-3)


def test_hotspot_a_tiny_spot_is_still_a_learners_target(run, qtbot):
    from atelier.lessons.exercises import check_exercise
    from atelier.lessons.pack import Exercise

    table = {"questions": [{"image": "images/barre-adresse.svg", "question": "Le point ?",
                            "spots": [{"x": 200, "y": 66, "width": 1, "height": 1}]}]}
    params, issues = check_exercise("hotspot", table, lambda path: None)
    widget, outcomes = run(Exercise("point", "hotspot", "Le point", "Cliquez.", params, DEMO.path))
    centre = spot_centre(widget)
    qtbot.mouseClick(widget.spot_picture, LEFT, pos=centre + QPoint(20, 0))   # 20 px off a 1-unit spot
    assert outcomes == [] and widget.next_button.isVisible()


# --- hover: the scratch card -------------------------------------------------------------------

def sweep(qtbot, widget, rows: int) -> None:
    """The pointer goes to and fro over the card, row after row, without a button."""
    card = widget.area.shown()
    for row in range(rows):
        y = round(card.top() + card.height() * (row + 0.5) / rows)
        for step in range(0, 11):
            x = round(card.left() + card.width() * (step if row % 2 == 0 else 10 - step) / 10)
            qtbot.mouseMove(widget.area, QPoint(x, y))


@SCALES
def test_hover_uncovers_the_card_with_the_pointer_alone(run, qtbot, scale):
    widget, outcomes = run(demo("carte-a-gratter"), scale)
    area = widget.area
    assert area.rect().contains(area.shown().toRect()) and nothing_to_scroll(widget)
    assert widget.area.brush_px == 90 * (1 + scale) / 2   # grows as targets do, half as fast as the text
    qtbot.mouseClick(area, LEFT, pos=area.shown().center().toPoint())
    assert "Pas besoin de cliquer" in widget.feedback.text() and area.card.share == 0
    sweep(qtbot, widget, 1)
    assert 0 < area.card.share < 0.8 and not outcomes
    assert area.overlay.pixelColor(area.overlay.width() // 2, area.overlay.height() // 2).alpha() == 0  # see-through
    sweep(qtbot, widget, 6)
    qtbot.waitUntil(lambda: bool(outcomes), timeout=3000)
    [outcome] = outcomes
    assert outcome.completed and outcome.details["uncovered"] >= 0.8 and outcome.details["clicks"] == 1
    assert "découvert toute l'image" in widget.feedback.text()
    corner = area.overlay.pixelColor(1, 1)
    assert corner.alpha() == 0   # the whole picture shows at the end


# --- the paged form ------------------------------------------------------------------------------

def field(widget, label: str):
    return next(f for f in widget.fields if f.spec["label"] == label)


@SCALES
def test_form_pages_expected_values_password_code_radio_and_recap(run, qtbot, scale):
    widget, outcomes = run(demo("changement-adresse"), scale)
    assert widget.data.isVisible() and "482 913" in widget.data.text()
    assert widget.submit.text() == "Suivant" and not widget.back_button.isVisible()
    qtbot.keyClicks(field(widget, "Nom").input, "Martine")          # not what the card says
    qtbot.keyClick(field(widget, "Nom").input, Qt.Key.Key_Tab)
    qtbot.keyClicks(field(widget, "Prénom").input, "jeanne")        # case forgiven
    qtbot.keyClick(field(widget, "Prénom").input, Qt.Key.Key_Tab)
    qtbot.keyClicks(field(widget, "Date de naissance").input, "2/5/1950")
    qtbot.keyClick(field(widget, "Date de naissance").input, Qt.Key.Key_Return)   # Enter: « Suivant »
    nom = field(widget, "Nom")
    assert nom.problem.isVisible() and "fiche" in nom.problem.text()
    assert "À revoir : « Nom »" in widget.feedback.text().replace("\u00a0", " ") and widget.stack.currentIndex() == 0
    nom.input.clear()
    qtbot.keyClicks(nom.input, "MARTIN")
    assert not nom.problem.isVisible()                              # goes away once right
    qtbot.mouseClick(widget.submit, LEFT)
    assert widget.stack.currentIndex() == 1 and widget.back_button.isVisible()
    assert field(widget, "Adresse e-mail").input.hasFocus()

    qtbot.keyClicks(field(widget, "Adresse e-mail").input, "jeanne.martin@example.org")
    password = field(widget, "Mot de passe")
    assert password.input.echoMode() == QLineEdit.EchoMode.Password
    qtbot.keyClicks(password.input, "lilas2025!")                   # Verr. Maj's trap: a capital counts
    qtbot.mouseClick(password.eye, LEFT)
    assert password.input.echoMode() == QLineEdit.EchoMode.Normal and password.eye.text() == "Masquer"
    assert password.eye.accessibleName() == "Masquer le mot de passe"
    code = field(widget, "Code reçu par SMS")
    qtbot.keyClicks(code.input, "48a2913")                          # the letter never gets in
    assert code.input.text() == "482913"
    qtbot.mouseClick(widget.submit, LEFT)
    assert "majuscules" in password.problem.text() and widget.stack.currentIndex() == 1
    password.input.clear()
    qtbot.keyClicks(password.input, "Lilas2025!")
    qtbot.mouseClick(widget.submit, LEFT)
    assert widget.stack.currentIndex() == 2 and widget.submit.text() == "Suivant"   # a recap comes next

    livraison = field(widget, "Mode de livraison")
    qtbot.mouseClick(livraison.input.buttons[1], LEFT, pos=QPoint(10, livraison.input.buttons[1].height() // 2))
    assert livraison.value() == "En point relais"
    certify = field(widget, "Je certifie que ces informations sont exactes")
    qtbot.mouseClick(certify.label, LEFT, pos=QPoint(5, 5))          # the words tick the box too
    assert certify.value() is True
    qtbot.mouseClick(widget.submit, LEFT)
    assert widget.stack.currentIndex() == 3 and widget.submit.text() == "Valider"
    recap = [label.accessibleName() or label.text() for label in widget.recap_page.findChildren(QLabel)]
    assert "Nom : MARTIN" in recap and "Mot de passe : ••••••••" in recap and "Mode de livraison : En point relais" in recap
    assert "Je veux recevoir la lettre d'information : Pas cochée" in recap
    change = next(b for b in widget.recap_page.findChildren(type(widget.submit)) if b.text() == "Modifier")
    qtbot.mouseClick(change, LEFT)
    assert widget.stack.currentIndex() == 0 and widget.instruction.isVisible()
    for _page in range(3):
        qtbot.mouseClick(widget.submit, LEFT)
    assert widget.stack.currentIndex() == 3
    qtbot.mouseClick(widget.submit, LEFT)
    [outcome] = outcomes
    assert outcome.completed and outcome.details["to_review"] == ["Nom", "Mot de passe"]
    assert outcome.score == pytest.approx((7 + 2 * 0.5) / 9, abs=1e-3)
    assert "formulaire est envoyé" in widget.feedback.text() and not widget.submit.isEnabled()


def test_form_the_first_format_still_sends_in_one_page(run, qtbot):
    from atelier.lessons.exercises import check_exercise
    from atelier.lessons.pack import Exercise

    table = {"fields": [{"name": "nom", "label": "Nom", "type": "text"},
                        {"name": "lettre", "label": "La lettre", "type": "checkbox", "required": False}]}
    params, issues = check_exercise("form", table, lambda path: None)
    assert not issues
    widget, outcomes = run(Exercise("f", "form", "Formulaire", "Remplissez.", params))
    assert widget.submit.text() == "Envoyer" and not widget.back_button.isVisible()
    assert not hasattr(widget, "data")
    qtbot.keyClicks(widget.fields[0].input, "Martin")
    qtbot.keyClick(widget.fields[0].input, Qt.Key.Key_Return)
    [outcome] = outcomes
    assert outcome.score == 1.0 and outcome.details["to_review"] == []


# --- key combinations ---------------------------------------------------------------------------

def press(widget, key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


@SCALES
def test_keys_ctrl_c_maj_a_altgr_0_and_named_keys(run, qtbot, scale):
    widget, outcomes = run(demo("raccourcis"), scale)
    K, M = Qt.Key, Qt.KeyboardModifier
    assert widget.ask.text() == "Appuyez sur «\u00a0Ctrl + C\u00a0»" and len(widget.cap.caps) == 2
    assert widget.cap.accessibleName() == "Touches Ctrl + C" and "Ctrl est en bas à gauche" in widget.place.text()
    press(widget, K.Key_Control, "", M.ControlModifier)         # on the way: no mistake
    press(widget, K.Key_C, "c")                                   # C alone
    assert "Presque ! Gardez « Ctrl » appuyée" in widget.feedback.text().replace("\u00a0", " ")
    qtbot.keyClick(widget, K.Key_C, M.ControlModifier)            # Ctrl + C
    assert widget.ask.text() == "Appuyez sur «\u00a0Maj + A\u00a0»" and "Cela écrit" in widget.place.text()
    press(widget, K.Key_Shift, "", M.ShiftModifier)
    press(widget, K.Key_A, "A", M.ShiftModifier)
    assert "AltGr + 0" in widget.ask.text() and "@" in widget.place.text()
    press(widget, K.Key_AltGr)
    press(widget, K.Key_Agrave, "à")                              # the key, without AltGr
    assert "Presque" in widget.feedback.text()
    press(widget, K.Key_At, "@", M.ControlModifier | M.AltModifier)   # AltGr + à, as Windows says it
    assert widget.ask.text() == "Appuyez sur la touche «\u00a0Effacer\u00a0»" and widget.cap.accessibleName() == "Touche Effacer"
    qtbot.keyClick(widget, K.Key_Backspace)
    assert "Verr. Maj" in widget.ask.text()
    qtbot.keyClick(widget, K.Key_Escape)                          # another key: a try
    assert "Pas celle-ci" in widget.feedback.text()
    qtbot.keyClick(widget, K.Key_CapsLock)
    [outcome] = outcomes
    assert outcome.details["wrong_keys"] == {"Ctrl+C": 1, "AltGr+0": 1, "Verr. Maj": 1}
    assert outcome.attempts == 8 and outcome.score == pytest.approx((0.5 + 1 + 0.5 + 1 + 0.5) / 5)


# --- pictures and labels on the first kinds ---------------------------------------------------------

def has_colour(widget, colour: str) -> bool:
    image = widget.grab().toImage()
    wanted = QColor(colour)
    return any(image.pixelColor(x, y) == wanted for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3))


@SCALES
def test_click_draws_the_packs_picture_and_names_it(run, qtbot, scale):
    widget, outcomes = run(demo("ouvrir-photos"), scale)
    assert widget.target.picture is not None and has_colour(widget.target, "#F6C343")   # the SVG folder
    assert widget.target.width() == round(180 * scale)
    assert widget.target.accessibleName() == "Cliquez sur le dossier Photos"
    far = QPoint(2, 2) if not widget.target.geometry().contains(2, 2) else QPoint(widget.area.width() - 2, 2)
    qtbot.mouseClick(widget.area, LEFT, pos=far)
    assert widget.feedback.text() == "Presque ! Posez bien la flèche sur le dossier Photos, puis cliquez."
    qtbot.mouseClick(widget.target, LEFT, pos=widget.target.rect().center())
    assert widget.feedback.text() == "Bravo ! Cliquez encore sur le dossier Photos."


def test_double_click_with_the_systems_interval(run, qtbot):
    widget, outcomes = run(demo("ouvrir-photos-vite"))
    assert widget.rule.interval_ms == QGuiApplication.styleHints().mouseDoubleClickInterval()
    assert widget.target.accessibleName() == "Ouvrez le dossier Photos"
    qtbot.mouseDClick(widget.target, LEFT, pos=widget.target.rect().center())
    assert widget.feedback.text() == "Bravo, c'est ouvert ! Encore une fois."


def test_drag_the_letter_to_the_folder_by_their_labels(run, qtbot):
    widget, outcomes = run(demo("ranger-lettre"))
    assert widget.fruit.accessibleName() == "La lettre, à glisser" and widget.basket.accessibleName() == "Le dossier Photos"
    assert has_colour(widget.fruit, "#FFFFFF") and has_colour(widget.basket, "#F6C343")
    fruit = widget.fruit
    qtbot.mousePress(fruit, LEFT, pos=fruit.rect().center())
    qtbot.mouseMove(fruit, fruit.rect().center() + QPoint(0, 40))
    qtbot.mouseRelease(fruit, LEFT, pos=fruit.rect().center())
    assert widget.feedback.text() == "Presque ! Relâchez quand la lettre est sur le dossier Photos."


def test_right_click_on_the_packs_photo(run):
    widget, outcomes = run(demo("copier-chat"))
    assert widget.picture.accessibleName() == "La photo du chat : faites un clic droit dessus"
    assert has_colour(widget.picture, "#F29B38")   # the cat of the SVG, not the drawn landscape


def test_form_round_buttons_stand_side_by_side_when_all_fit_else_one_a_line(qtbot):
    from ui.practice.kinds.form_field import RadioChoices

    choices = RadioChoices("Je range une photo dans un dossier.", ["Oui", "Un peu", "Pas encore"])
    qtbot.addWidget(choices)
    choices.show()
    for width, side_by_side in ((900, True), (200, False)):
        choices.resize(width, choices.layout().heightForWidth(width))
        qtbot.waitUntil(lambda w=width: choices.width() == w)
        QApplication.processEvents()
        tops = {b.geometry().top() for b in choices.buttons}
        lefts = {b.geometry().left() for b in choices.buttons}
        assert (len(tops), len(lefts)) == ((1, 3) if side_by_side else (3, 1)), width  # never a ragged mix
        assert all(choices.rect().contains(b.geometry()) for b in choices.buttons)
