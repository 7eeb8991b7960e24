"""The lesson guide and the projector: the real shipped modules, a real database,
real key presses and clicks."""

import pytest
import shiboken6
from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QAbstractButton

from atelier import progress, sessions
from atelier.sessions import Session
from ui import modules
from ui.speech import installed
from ui.views.lesson_guide import LessonGuideView
from ui.views.projector import other_screen
from ui.widgets.markdown_view import strip_title

SOURIS_STEPS = 12  # lessons/la-souris: its steps, counted by the guide as « Étape n sur 12 »


@pytest.fixture
def session(store):
    return sessions.add(store.db, Session(date="2026-11-27", start_time="14:00", end_time="16:00",
                                          module_id="la-souris"))


@pytest.fixture
def open_guide(qtbot, ops, session):
    def opener(module_id: str | None = "la-souris"):
        guide = LessonGuideView(ops, session, modules.module_by_id(module_id))
        qtbot.addWidget(guide)
        guide.resize(1100, 700)
        guide.show()
        qtbot.waitExposed(guide)
        return guide
    return opener


def rows(store, session_id):
    return store.db.execute("SELECT step_index FROM step_progress WHERE session_id = ? ORDER BY step_index",
                            [session_id]).fetchall()


def settle(qtbot, ops):
    qtbot.waitUntil(lambda: ops.worker.pending() == 0, timeout=5000)


def test_library_gives_real_titles():
    souris = modules.module_by_id("la-souris")
    assert souris.title == "La souris" and len(souris.steps) == SOURIS_STEPS
    assert {m.id for m in modules.all_modules()} >= {"la-souris", "le-clavier"}
    assert modules.module_by_id("la-tablette") is None and modules.module_by_id(None) is None
    from ui.words import module_label
    assert module_label("le-clavier") == modules.module_by_id("le-clavier").title
    assert module_label("la-tablette") == "La tablette"


def test_walk_through_la_souris_with_keys_and_clicks(qtbot, store, ops, session, open_guide):
    guide = open_guide()
    settle(qtbot, ops)
    module = modules.module_by_id("la-souris")
    assert guide.counter.text() == f"Étape 1 sur {SOURIS_STEPS}"
    assert guide.title.text() == module.steps[0].title == "Accueil et règles du jeu"
    assert not guide.previous_button.isEnabled()
    assert "Ce que dit l'animateur" in guide.view.toPlainText()
    assert not guide.view.toPlainText().startswith(module.steps[0].title)  # shown once, above

    with qtbot.waitSignal(ops.changed, timeout=5000) as blocker:
        qtbot.keyClick(guide, Qt.Key.Key_Right)
    assert blocker.args[0].lessons
    assert guide.counter.text() == f"Étape 2 sur {SOURIS_STEPS}" and guide.title.text() == "Tenir la souris"
    with qtbot.waitSignal(ops.changed, timeout=5000):
        qtbot.keyClick(guide.view, Qt.Key.Key_Space)  # Space in the text: next step, not a scroll
    assert guide.counter.text() == f"Étape 3 sur {SOURIS_STEPS}"
    with qtbot.waitSignal(ops.changed, timeout=5000):
        qtbot.mouseClick(guide.next_button, Qt.MouseButton.LeftButton)
    assert guide.counter.text() == f"Étape 4 sur {SOURIS_STEPS}" and guide.title.text() == module.steps[3].title
    qtbot.keyClick(guide.next_button, Qt.Key.Key_Left)  # the arrows move the lesson, even on a button
    assert guide.counter.text() == f"Étape 3 sur {SOURIS_STEPS}"
    qtbot.mouseClick(guide.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(guide.previous_button, Qt.MouseButton.LeftButton)
    assert guide.counter.text() == f"Étape 1 sur {SOURIS_STEPS}" and not guide.previous_button.isEnabled()
    settle(qtbot, ops)
    assert rows(store, session.id) == [(0,), (1,), (2,), (3,)]

    for _ in range(SOURIS_STEPS + 3):  # past the end: it stays on the last step
        qtbot.keyClick(guide, Qt.Key.Key_Right)
    assert guide.counter.text() == f"Étape {SOURIS_STEPS} sur {SOURIS_STEPS}" and guide.next_button.text() == "Fin de séance  ▶"
    assert guide.title.text() == module.steps[-1].title
    settle(qtbot, ops)
    assert rows(store, session.id) == [(i,) for i in range(SOURIS_STEPS)]
    assert progress.covered_steps(store.db, session.id) == {"la-souris": list(range(SOURIS_STEPS))}


def test_space_on_a_focused_button_presses_that_button(qtbot, ops, open_guide):
    guide = open_guide()
    guide.go_to(4)
    qtbot.keyClick(guide.previous_button, Qt.Key.Key_Space)
    assert guide.counter.text() == f"Étape 4 sur {SOURIS_STEPS}"
    settle(qtbot, ops)


def test_revisiting_writes_nothing_twice_and_a_new_guide_resumes(qtbot, store, ops, session, open_guide):
    guide = open_guide()
    for _ in range(3):
        qtbot.keyClick(guide, Qt.Key.Key_Right)
    for _ in range(3):
        qtbot.keyClick(guide, Qt.Key.Key_Left)
    for _ in range(2):
        qtbot.keyClick(guide, Qt.Key.Key_Right)
    settle(qtbot, ops)
    assert rows(store, session.id) == [(0,), (1,), (2,), (3,)]
    # Someone else's record of the same step changes nothing either (INSERT OR IGNORE).
    assert not progress.mark_step_covered(store.db, session.id, "la-souris", 2)
    assert len(rows(store, session.id)) == 4

    again = open_guide()  # the facilitator comes back to the lesson later
    assert again.counter.text() == f"Étape 4 sur {SOURIS_STEPS}"
    settle(qtbot, ops)
    assert len(rows(store, session.id)) == 4


def image_size(document: QTextDocument, name: str) -> tuple[float, float] | None:
    """The size a picture is drawn at in the guide's document."""
    block = document.begin()
    while block.isValid():
        for it in block:
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == name:
                return fmt.toImageFormat().width(), fmt.toImageFormat().height()
        block = block.next()
    return None


def test_the_step_images_are_read_from_the_module_folder(qtbot, ops, open_guide):
    guide = open_guide()
    module = modules.module_by_id("la-souris")
    name = "images/souris-boutons.png"
    assert guide.view.images == {name: (module.path / name).resolve()}
    assert guide.view.images[name].is_file()
    doc = guide.view.document()
    image = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
    assert isinstance(image, QImage) and not image.isNull() and image.width() == 480
    width, height = image_size(guide.view.document(), name)
    assert 0 < width <= guide.view.viewport().width() and 0 < height <= guide.view.height()
    qtbot.keyClick(guide, Qt.Key.Key_Right)
    assert list(guide.view.images) == ["images/tenir-la-souris.png"]
    qtbot.keyClick(guide, Qt.Key.Key_Right)
    assert guide.view.images == {}  # step 3 has no picture
    settle(qtbot, ops)


def test_text_is_large_print(qtbot, ops, open_guide):
    guide = open_guide()
    body = guide.view.document().defaultFont().pointSizeF()
    assert body >= 1.2 * guide.font().pointSizeF() >= 1.2 * 14
    settle(qtbot, ops)


def test_projector_opens_follows_and_closes_from_either_side(qtbot, ops, open_guide):
    guide = open_guide()
    assert guide.project_button.text() == "Projeter" and not guide.projecting()
    qtbot.mouseClick(guide.project_button, Qt.MouseButton.LeftButton)
    projector = guide.projector
    qtbot.waitExposed(projector)
    assert projector.isWindow() and projector.isVisible()
    assert guide.project_button.text() == "Fermer la projection" and guide.project_button.isChecked()
    assert projector.title_label.text() == guide.title.text() == "Accueil et règles du jeu"
    assert projector.counter_label.text() == f"Étape 1 sur {SOURIS_STEPS}"
    assert "images/souris-boutons.png" in projector.content.images
    assert projector.content.document().defaultFont().pointSizeF() > 1.3 * guide.view.document().defaultFont().pointSizeF()

    qtbot.keyClick(guide, Qt.Key.Key_Right)
    assert projector.title_label.text() == "Tenir la souris" == guide.title.text()
    assert projector.counter_label.text() == f"Étape 2 sur {SOURIS_STEPS}"
    qtbot.keyClick(projector, Qt.Key.Key_Right)  # a presenter remote, from the projector window
    assert guide.counter.text() == f"Étape 3 sur {SOURIS_STEPS}" and projector.counter_label.text() == f"Étape 3 sur {SOURIS_STEPS}"
    qtbot.keyClick(projector, Qt.Key.Key_Left)
    assert guide.counter.text() == f"Étape 2 sur {SOURIS_STEPS}"

    qtbot.keyClick(projector, Qt.Key.Key_Escape)  # closed from its own window
    assert not projector.isVisible()
    assert not guide.project_button.isChecked() and guide.project_button.text() == "Projeter"

    qtbot.keyClick(guide.project_button, Qt.Key.Key_Space)  # opened again, from the keyboard
    assert projector.isVisible() and projector.title_label.text() == "Tenir la souris"
    qtbot.mouseClick(guide.project_button, Qt.MouseButton.LeftButton)  # closed from the guide
    assert not projector.isVisible() and guide.project_button.text() == "Projeter"

    guide.set_projecting(True)
    projector.close()  # its window's close button
    assert not guide.project_button.isChecked() and not guide.projecting()

    guide.set_projecting(True)
    assert projector.isVisible()
    shiboken6.delete(guide)  # the guide goes away: its projector with it
    assert not shiboken6.isValid(projector)
    settle(qtbot, ops)


def test_projector_goes_to_the_other_screen():
    guide_screen, second = object(), object()
    assert other_screen([guide_screen], guide_screen) is None
    assert other_screen([guide_screen, second], guide_screen) is second
    assert other_screen([second, guide_screen], guide_screen) is second


def test_stopwatch_is_off_until_asked_and_counts_up(qtbot, ops, open_guide):
    guide = open_guide()
    timer = guide.timer
    assert not timer.running() and not timer.label.isVisible()
    qtbot.mouseClick(timer.button, Qt.MouseButton.LeftButton)
    assert timer.running() and timer.label.isVisible() and timer.label.text() == "00:00"
    qtbot.waitUntil(lambda: timer.label.text() != "00:00", timeout=5000)  # at the machine's own pace
    minutes, seconds = timer.label.text().split(":")
    assert minutes == "00" and 1 <= int(seconds) < 60  # counting up, from nought
    qtbot.keyClick(guide, Qt.Key.Key_Right)  # it keeps running from step to step
    assert timer.running()
    qtbot.mouseClick(timer.button, Qt.MouseButton.LeftButton)
    assert not timer.running() and not timer.label.isVisible()
    assert not guide.projector  # the stopwatch is never projected
    settle(qtbot, ops)


def test_a_session_without_module_says_so(qtbot, ops, open_guide):
    guide = open_guide(None)
    assert guide.message.text() == "Aucun module pour cette séance"
    qtbot.keyClick(guide, Qt.Key.Key_Right)  # nothing to move, nothing breaks
    assert ops.worker.pending() == 0


def test_every_control_is_large_named_and_reachable(qtbot, ops, open_guide):
    guide = open_guide()
    buttons = [b for b in guide.findChildren(QAbstractButton) if b.isVisible()]
    lexique = [guide.glossary_button] if guide.module.glossary else []   # « Lexique », once the module has one
    listen = [guide.listen_button] if installed() else []  # « Écouter », where the computer can read aloud
    assert len(buttons) == 4 + len(lexique) + len(listen)
    for button in buttons:
        assert button.width() >= 48 and button.height() >= 48, button.text()
        assert button.accessibleName(), button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.text()
    assert guide.view.accessibleName().startswith(f"Étape 1 sur {SOURIS_STEPS}")
    order, widget = [], guide.timer.button
    for _ in range(5 + len(lexique) + len(listen)):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible()):
            widget = widget.nextInFocusChain()
    assert order == [guide.timer.button, *lexique, guide.project_button, guide.view, guide.previous_button,
                     *listen, guide.next_button]
    settle(qtbot, ops)


def test_strip_title_only_removes_the_leading_title():
    assert strip_title("# Le clic\n\nTexte", "Le clic") == "Texte"
    assert strip_title("Intro\n# Le clic", "Le clic") == "Intro\n# Le clic"
